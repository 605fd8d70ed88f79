import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDateMovedOf, mapGrantsGovRecord, OpportunityRepository, type ReadItem, readGrantsGovZip, SAMPLE_EXTRACT_TODAY, ScoutingIngest, steadyOpenRecordId, writeSampleExtractZip } from '@entente/funding';
import { openMongoConnection, OutboxWrites } from '@entente/persistence';
import { progress, requiredEnv, runBenchProcess } from '../registry/bench-process';
import { MemorySampler, type MemoryPeaks } from '../registry/memory-sampler';

/** What this process reports to npm run bench. */
export interface ExtractIngestMeasurement {
  benchmark: 'extract-ingest';
  records: number;
  xmlBytes: number;
  zipBytes: number;
  generateSeconds: number | null;
  parseSeconds: number;
  parseMemory: MemoryPeaks;
  ingestSeconds: number;
  ingestMemory: MemoryPeaks;
  counts: { read: number; new: number; changed: number; unchanged: number; skipped: number; superseded: number; errors: number };
  events: number;
  reingestSeconds: number;
  reingestMemory: MemoryPeaks;
  reingestCounts: { new: number; changed: number };
  reingestEvents: number;
  moved: { opportunityId: string; seconds: number; new: number; changed: number; events: number; eventType: string; changedFields: string[] };
}

/** The bench has no Kafka: events stay in the outbox, written with their records as in the service. */
class KeptOutbox extends OutboxWrites {
  readonly source = 'funding';
  committed(): void {}
}

const SEED = 20261201;

async function* mapped(path: string): AsyncGenerator<ReadItem> {
  for await (const raw of readGrantsGovZip(path)) yield mapGrantsGovRecord(raw, SAMPLE_EXTRACT_TODAY);
}

/**
 * Benchmark F: a Grants.gov extract of 80,000 records (~300 MB of XML,
 * generated once into .runtime/bench by a process of its own, and kept), parsed only (zip entry
 * streamed through the SAX reader and mapped to the model), then ingested as
 * a scouting run does (the same parse, change detection against the store,
 * bulk writes with events in the outbox) into an empty database, then
 * ingested again (nothing changes), then the same file with one close date
 * moved (one record changes, with one event; the bench fails otherwise). One process, so the two passes share
 * the machine's state; the memory figures are each pass's own peaks.
 */
async function measure(): Promise<ExtractIngestMeasurement> {
  const records = Number(process.env.BENCH_EXTRACT_RECORDS ?? 80_000);
  const directory = requiredEnv('BENCH_EXTRACT_DIR');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `grants-gov-extract-${records}-${SEED}.zip`);
  const movedPath = join(directory, `grants-gov-extract-${records}-${SEED}-moved.zip`);
  let generateSeconds: number | null = null;
  for (const [target, what] of [
    [path, 'the extract'],
    [movedPath, 'the extract with one close date moved'],
  ] as const) {
    if (existsSync(target)) continue;
    progress(`generating ${what}, ${records.toLocaleString('en-GB')} records, into ${target} (once, in a process of its own; kept for later runs)`);
    const started = performance.now();
    // Not in this process: writing 300 MB of XML leaves hundreds of MB of RSS behind, which the passes measured below would carry.
    const generated = spawnSync(process.execPath, [...process.execArgv, __filename], {
      env: { ...process.env, BENCH_EXTRACT_GENERATE: target, BENCH_EXTRACT_RECORDS: String(records), BENCH_EXTRACT_MOVE: target === movedPath ? '1' : '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (generated.status !== 0) throw new Error(`generating ${what} failed (exit ${generated.status ?? generated.signal})`);
    generateSeconds = (generateSeconds ?? 0) + (performance.now() - started) / 1000;
  }
  const zipBytes = statSync(path).size;

  const parseSampler = new MemorySampler().start();
  const parseStarted = performance.now();
  let parsed = 0;
  let xmlRecords = 0;
  for await (const item of mapped(path)) {
    xmlRecords += 1;
    if (item.record) parsed += 1;
    if (xmlRecords % 20_000 === 0) progress(`parse only: ${xmlRecords.toLocaleString('en-GB')} records`);
  }
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  const parseMemory = parseSampler.stop();
  if (xmlRecords !== records) throw new Error(`the extract holds ${xmlRecords} records, not ${records}`);
  progress(`parse only: ${parsed} of ${xmlRecords} records mapped in ${parseSeconds.toFixed(1)} s`);

  const connection = await openMongoConnection({ url: requiredEnv('MONGO_URL'), database: requiredEnv('BENCH_DATABASE') });
  try {
    const opportunities = new OpportunityRepository(connection, new KeptOutbox());
    await opportunities.ready();
    const ingest = new ScoutingIngest(opportunities);
    let reported = 0;
    const ingestSampler = new MemorySampler().start();
    const ingestStarted = performance.now();
    const outcome = await ingest.ingest({
      runId: 'bench-1',
      sourceId: 'grants-gov',
      sourceKind: 'grants-gov-extract',
      now: SAMPLE_EXTRACT_TODAY,
      items: mapped(path),
      onBatch: async (counts) => {
        ingestSampler.sample();
        if (Math.floor(counts.read / 20_000) > reported) {
          reported = Math.floor(counts.read / 20_000);
          progress(`ingest: ${counts.read.toLocaleString('en-GB')} records read`);
        }
        return true;
      },
    });
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const ingestMemory = ingestSampler.stop();
    const outboxSize = async (): Promise<number> =>
      (await connection
        .collection('opportunities')
        .aggregate<{ n: number }>([{ $project: { n: { $size: { $ifNull: ['$_outbox', []] } } } }, { $group: { _id: null, n: { $sum: '$n' } } }])
        .toArray())[0]?.n ?? 0;
    const events = await outboxSize();
    progress(`ingest: ${JSON.stringify(outcome.counts)} in ${ingestSeconds.toFixed(1)} s; again, unchanged…`);
    const againSampler = new MemorySampler().start();
    const againStarted = performance.now();
    const again = await ingest.ingest({
      runId: 'bench-2',
      sourceId: 'grants-gov',
      sourceKind: 'grants-gov-extract',
      now: SAMPLE_EXTRACT_TODAY,
      items: mapped(path),
      onBatch: async () => {
        againSampler.sample();
        return true;
      },
    });
    const reingestSeconds = (performance.now() - againStarted) / 1000;
    const reingestMemory = againSampler.stop();
    const reingestEvents = (await outboxSize()) - events;
    if (again.counts.new !== 0 || again.counts.changed !== 0 || reingestEvents !== 0) {
      throw new Error(`re-ingesting the same file wrote ${again.counts.new} new and ${again.counts.changed} changed records with ${reingestEvents} events; it must write nothing`);
    }

    // Issue 10: changing one record's close date emits exactly one changed event.
    const movedId = readFileSync(`${movedPath}.id`, 'utf8').trim();
    progress(`the same file with the close date of ${movedId} moved…`);
    const movedStarted = performance.now();
    const third = await ingest.ingest({ runId: 'bench-3', sourceId: 'grants-gov', sourceKind: 'grants-gov-extract', now: SAMPLE_EXTRACT_TODAY, items: mapped(movedPath) });
    const movedSeconds = (performance.now() - movedStarted) / 1000;
    const movedEvents = (await outboxSize()) - events;
    const movedDoc = await connection.collection('opportunities').findOne({ opportunityId: `grants-gov:${movedId}` }, { projection: { _outbox: 1 } });
    const last = (movedDoc?.['_outbox'] as Array<{ value: string }> | undefined)?.at(-1);
    const envelope = last ? (JSON.parse(last.value) as { type?: string; payload?: { changedFields?: string[] } }) : {};
    const moved = {
      opportunityId: movedId,
      seconds: movedSeconds,
      new: third.counts.new,
      changed: third.counts.changed,
      events: movedEvents,
      eventType: envelope.type ?? '(none)',
      changedFields: envelope.payload?.changedFields ?? [],
    };
    if (moved.new !== 0 || moved.changed !== 1 || moved.events !== 1 || moved.eventType !== 'funding.opportunity.changed' || moved.changedFields.join() !== 'closesAt') {
      throw new Error(`moving one close date must change one record with one changed event naming closesAt; it gave ${JSON.stringify(moved)}`);
    }
    return {
      benchmark: 'extract-ingest',
      records,
      xmlBytes: entrySize(path),
      zipBytes,
      generateSeconds,
      parseSeconds,
      parseMemory,
      ingestSeconds,
      ingestMemory,
      counts: outcome.counts,
      events,
      reingestSeconds,
      reingestMemory,
      reingestCounts: { new: again.counts.new, changed: again.counts.changed },
      reingestEvents,
      moved,
    };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

/** The XML's size as the zip's central directory states it (the one entry's uncompressed size). */
function entrySize(path: string): number {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const end = Buffer.alloc(22);
    readSync(fd, end, 0, 22, size - 22);
    if (end.readUInt32LE(0) !== 0x06054b50) return 0;
    const central = Buffer.alloc(46);
    readSync(fd, central, 0, 46, end.readUInt32LE(16));
    return central.readUInt32LE(24);
  } finally {
    closeSync(fd);
  }
}

/** The extract written to `path`, in this process (started by `measure` for that alone). */
async function generate(path: string): Promise<void> {
  const records = Number(process.env.BENCH_EXTRACT_RECORDS ?? 80_000);
  if (process.env.BENCH_EXTRACT_MOVE === '1') {
    // The same records, but for one opportunity listed once and open: its close date a year later.
    const opportunityId = steadyOpenRecordId({ records, seed: SEED });
    await writeSampleExtractZip(`${path}.part`, { records, seed: SEED, edit: closeDateMovedOf(opportunityId) });
    writeFileSync(`${path}.id`, opportunityId);
  } else {
    await writeSampleExtractZip(`${path}.part`, { records, seed: SEED });
  }
  await rename(`${path}.part`, path);
}

if (require.main === module) {
  const target = process.env.BENCH_EXTRACT_GENERATE;
  if (target) {
    generate(target).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else runBenchProcess(measure);
}
