import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@entente/messaging';
import { openMongoConnection, OutboxWrites } from '@entente/persistence';
import { Connectors } from '../../src/connectors/connectors';
import { OpportunityRepository } from '../../src/opportunities/opportunity.repository';
import { DeadlineSweep } from '../../src/scouting/deadline-sweep';
import { ScoutingIngest } from '../../src/scouting/scouting-ingest';
import { ScoutingRunRepository } from '../../src/scouting/scouting-run.repository';
import { ScoutingRunner, type ScoutingSettings } from '../../src/scouting/scouting.runner';
import { SourceRepository } from '../../src/sources/source.repository';
import type { SourceRecord } from '../../src/sources/source.schema';

/** Outbox writes without a relay: the events stay in the documents, where the specs read them. */
class KeptOutbox extends OutboxWrites {
  readonly source = 'funding';
  committed(): void {}
}

export interface ScoutingHarness {
  connection: Connection;
  opportunities: OpportunityRepository;
  sources: SourceRepository;
  runs: ScoutingRunRepository;
  runner(settings?: Partial<ScoutingSettings>): ScoutingRunner;
  /** Every event written so far (to opportunities and runs), oldest first, as envelopes. */
  events(): Promise<Array<{ type: string; aggregateId: string; payload: Record<string, unknown> }>>;
  close(): Promise<void>;
}

/** The scouting pieces wired by hand against a fresh database of the test MongoDB-wire server. */
export async function scoutingHarness(now: () => Date): Promise<ScoutingHarness> {
  const url = process.env.MONGO_URL;
  if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
  const connection = await openMongoConnection({ url, database: `funding_scouting_${randomBytes(4).toString('hex')}` });
  const outbox = new KeptOutbox();
  const opportunities = new OpportunityRepository(connection, outbox);
  const sources = new SourceRepository(connection);
  const runs = new ScoutingRunRepository(connection, outbox);
  await Promise.all([opportunities.ready(), sources.ready(), runs.ready()]);
  const ingest = new ScoutingIngest(opportunities);
  const sweep = new DeadlineSweep(opportunities);
  return {
    connection,
    opportunities,
    sources,
    runs,
    runner: (settings = {}) =>
      new ScoutingRunner(runs, sources, opportunities, ingest, sweep, new Connectors(), {
        enabled: true,
        pollMs: 60_000,
        leaseMs: 10_000,
        fetch: { timeoutMs: 1500, retries: 1, backoffMs: 20, maxBackoffMs: 50, bodyTimeoutMs: 60_000 },
        now,
        ...settings,
      }),
    events: async () => {
      const entries: OutboxEntry[] = [];
      for (const name of ['opportunities', 'scouting_runs']) {
        const docs = await connection.collection(name).find({}, { projection: { [OUTBOX_FIELD]: 1 } }).toArray();
        for (const doc of docs) entries.push(...((doc[OUTBOX_FIELD] as OutboxEntry[] | undefined) ?? []));
      }
      return entries
        .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
        .map((entry) => JSON.parse(entry.value) as { type: string; aggregateId: string; payload: Record<string, unknown> });
    },
    close: async () => {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

/** A source as the admin API would store it. */
export function aSource(fields: Partial<SourceRecord> & Pick<SourceRecord, 'sourceId' | 'kind' | 'url'>): SourceRecord {
  const now = new Date();
  return {
    name: fields.sourceId,
    scheduleMinutes: null,
    apiKeyRef: null,
    funder: null,
    funderType: null,
    currency: null,
    timeZone: null,
    countries: [],
    query: null,
    enabled: true,
    nextRunAt: null,
    validators: { etag: null, lastModified: null },
    createdAt: now,
    updatedAt: now,
    createdBy: 'test',
    ...fields,
  };
}
