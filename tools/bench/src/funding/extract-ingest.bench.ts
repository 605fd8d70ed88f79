import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mapGrantsGovRecord, OpportunityRepository, type ReadItem, readGrantsGovZip, SAMPLE_EXTRACT_TODAY, ScoutingIngest, writeSampleExtractZip } from '@entente/funding';
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
  reingestCounts: { new: number; changed: number };
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
 * generated once into .runtime/bench and kept), parsed only (zip entry
 * streamed through the SAX reader and mapped to the model), then ingested as
 * a scouting run does (the same parse, change detection against the store,
 * bulk writes with events in the outbox) into an empty database, then
 * ingested again (nothing changes). One process, so the two passes share
 * the machine's state; the memory figures are each pass's own peaks.
 */
async function measure(): Promise<ExtractIngestMeasurement> {
  const records = Number(process.env.BENCH_EXTRACT_RECORDS ?? 80_000);
  const directory = requiredEnv('BENCH_EXTRACT_DIR');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `grants-gov-extract-${records}-${SEED}.zip`);
  let generateSeconds: number | null = null;
  if (!existsSync(path)) {
    progress(`generating ${records.toLocaleString('en-GB')} records into ${path} (once; kept for later runs)`);
    const started = performance.now();
    await writeSampleExtractZip(`${path}.part`, { records, seed: SEED });
    await rename(`${path}.part`, path);
    generateSeconds = (performance.now() - started) / 1000;
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
        if (counts.read % 20_000 < 500) progress(`ingest: ${counts.read.toLocaleString('en-GB')} records read`);
        return true;
      },
    });
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const ingestMemory = ingestSampler.stop();
    const events = (await connection
      .collection('opportunities')
      .aggregate<{ n: number }>([{ $project: { n: { $size: { $ifNull: ['$_outbox', []] } } } }, { $group: { _id: null, n: { $sum: '$n' } } }])
      .toArray())[0]?.n ?? 0;
    progress(`ingest: ${JSON.stringify(outcome.counts)} in ${ingestSeconds.toFixed(1)} s; again, unchanged…`);
    const againStarted = performance.now();
    const again = await ingest.ingest({ runId: 'bench-2', sourceId: 'grants-gov', sourceKind: 'grants-gov-extract', now: SAMPLE_EXTRACT_TODAY, items: mapped(path) });
    const reingestSeconds = (performance.now() - againStarted) / 1000;
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
      reingestCounts: { new: again.counts.new, changed: again.counts.changed },
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

if (require.main === module) runBenchProcess(measure);
