import { Injectable } from '@nestjs/common';
import { OpportunityChangedV1, OpportunityClosedV1, OpportunityOpenedV1, OpportunityPublishedV1 } from '@entente/contracts';
import { eventDraft, type EventDraft } from '@entente/persistence';
import type { ReadItem, RecordProblem, SourceRecord } from '../connectors/connector';
import { type Opportunity, opportunityIdOf, type OpportunityStatus, type SourceKind } from '../opportunities/opportunity';
import { contentChanges, contentHashOf, opportunityState } from '../opportunities/opportunity-changes';
import { type Fingerprint, type OpportunityWrite, OpportunityRepository, type StoredOpportunity } from '../opportunities/opportunity.repository';
import type { OpportunityRecord } from '../opportunities/opportunity.schema';

/** What a run did with what it read. */
export interface RunCounts {
  /** Every record the source gave, good or bad. */
  read: number;
  new: number;
  changed: number;
  unchanged: number;
  /** Records left out as bad (each with a reason in the report). */
  skipped: number;
  /** Older versions of records the source also lists in a later version (the later one counts). */
  superseded: number;
  /** Records that could not be written (the next run tries again). */
  errors: number;
}

export function emptyCounts(): RunCounts {
  return { read: 0, new: 0, changed: 0, unchanged: 0, skipped: 0, superseded: 0, errors: 0 };
}

/** Problems kept per run; the counts go on past it. */
export const REPORT_LIMIT = 200;

export interface IngestRun {
  runId: string;
  sourceId: string;
  sourceKind: SourceKind;
  now: Date;
  items: AsyncIterable<ReadItem>;
  /** After each batch; false stops the run (its lease was lost). */
  onBatch?: (counts: RunCounts) => Promise<boolean>;
  batchSize?: number;
}

export interface IngestOutcome {
  counts: RunCounts;
  problems: RecordProblem[];
  /** False when onBatch stopped it. */
  completed: boolean;
}

const LIVE: readonly OpportunityStatus[] = ['forecasted', 'open'];
/**
 * Records per write. Small on purpose: a record held while its batch fills
 * outlives two young-generation collections and is promoted to V8's old
 * space, where it waits as garbage until a full collection, which V8 puts
 * off until the old space is several times what is live. At 500 a batch of
 * the Grants.gov extract's records outlived them (heap 290 MB, 67 MB live);
 * at 100 most records die young and the heap stays near the parse's own.
 */
const DEFAULT_BATCH = 100;

/**
 * Stores what a source gave, idempotently: a record equal to the stored one
 * writes nothing and emits nothing; a new one is inserted (published if it is
 * forecasted or open); a changed one gets a new version naming every field
 * that changed and exactly one changed event, plus opened (forecast → open)
 * or closed when its status moved so. A record older than the stored one
 * (the source's revision says so) is superseded, never applied backwards.
 */
@Injectable()
export class ScoutingIngest {
  constructor(private readonly opportunities: OpportunityRepository) {}

  async ingest(run: IngestRun): Promise<IngestOutcome> {
    const counts = emptyCounts();
    const problems: RecordProblem[] = [];
    const report = (problem: RecordProblem): void => {
      if (problems.length < REPORT_LIMIT) problems.push(problem);
    };
    const batchSize = run.batchSize ?? DEFAULT_BATCH;
    const fingerprints = await this.opportunities.fingerprintsOf(run.sourceId);
    let batch = new Map<string, SourceRecord>();
    const flush = async (records: SourceRecord[]): Promise<boolean> => {
      await this.applyBatch(run, records, fingerprints, counts, report);
      return run.onBatch ? run.onBatch(counts) : true;
    };
    for await (const item of run.items) {
      counts.read += 1;
      if (item.problem) {
        counts.skipped += 1;
        report(item.problem);
        continue;
      }
      const record = item.record;
      const earlier = batch.get(record.sourceRecordId);
      if (earlier) {
        counts.superseded += 1;
        if (isOlder(record.revision, earlier.revision)) continue;
      }
      batch.set(record.sourceRecordId, record);
      if (batch.size > batchSize) {
        // The last record read waits for the next batch: sources list a record's versions one after
        // another, so the next may be its newer version, which then supersedes it before either is written.
        batch.delete(record.sourceRecordId);
        const full = [...batch.values()];
        batch = new Map([[record.sourceRecordId, record]]);
        if (!(await flush(full))) return { counts, problems, completed: false };
      }
    }
    if (batch.size > 0 && !(await flush([...batch.values()]))) return { counts, problems, completed: false };
    return { counts, problems, completed: true };
  }

  private async applyBatch(run: IngestRun, records: SourceRecord[], fingerprints: Map<string, Fingerprint>, counts: RunCounts, report: (problem: RecordProblem) => void): Promise<void> {
    // Most records are unchanged or new: their fingerprint says so, and only the rest are read in full.
    const candidates: SourceRecord[] = [];
    for (const record of records) {
      const known = fingerprints.get(record.sourceRecordId);
      if (known && isOlder(record.revision, known.revision)) counts.superseded += 1;
      else if (known && known.contentHash === contentHashOf(record.content)) counts.unchanged += 1;
      else candidates.push(record);
    }
    const changed = candidates.filter((record) => fingerprints.has(record.sourceRecordId));
    const stored = await this.opportunities.storedOf(changed.map((record) => opportunityIdOf(run.sourceId, record.sourceRecordId)));
    const writes: OpportunityWrite[] = [];
    for (const record of candidates) {
      const before = stored.get(record.sourceRecordId);
      const decision = decide(run, record, before);
      if (decision.kind === 'unchanged') {
        counts.unchanged += 1;
        continue;
      }
      if (decision.kind === 'older') {
        counts.superseded += 1;
        continue;
      }
      try {
        if (decision.kind === 'insert') writes.push({ kind: 'insert', record: decision.record, outbox: this.opportunities.outboxEntries(decision.events) });
        else writes.push({ ...decision.write, outbox: this.opportunities.outboxEntries(decision.events) });
      } catch (error) {
        counts.errors += 1;
        report({ record: record.sourceRecordId, reason: `not stored: ${(error as Error).message}` });
        continue;
      }
      if (decision.kind === 'insert') counts.new += 1;
      else counts.changed += 1;
      const written = decision.kind === 'insert' ? decision.record : { ...decision.write.set, version: decision.write.set.version ?? 0 };
      fingerprints.set(record.sourceRecordId, { revision: record.revision, contentHash: written.contentHash ?? '', version: written.version });
    }
    const { notApplied } = await this.opportunities.apply(writes);
    if (notApplied > 0) {
      counts.errors += notApplied;
      report({ record: `${notApplied} record(s)`, reason: 'changed by another writer while this run compared them; the next run applies them' });
    }
  }
}

type Decision =
  | { kind: 'unchanged' }
  | { kind: 'older' }
  | { kind: 'insert'; record: OpportunityRecord; events: EventDraft[] }
  | { kind: 'update'; write: Omit<Extract<OpportunityWrite, { kind: 'update' }>, 'outbox'>; events: EventDraft[] };

/** Whether revision `a` is older than `b` (both stated by the source; without either, nothing is older). */
function isOlder(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a < b;
}

/** What to do with one record read, given the stored one. Pure: the unit tests drive it directly. */
export function decide(run: Pick<IngestRun, 'runId' | 'sourceId' | 'sourceKind' | 'now'>, record: SourceRecord, before: StoredOpportunity | undefined): Decision {
  const contentHash = contentHashOf(record.content);
  if (!before) {
    const opportunity: Opportunity = {
      ...record.content,
      opportunityId: opportunityIdOf(run.sourceId, record.sourceRecordId),
      sourceId: run.sourceId,
      sourceKind: run.sourceKind,
      sourceRecordId: record.sourceRecordId,
      version: 1,
      firstSeenAt: run.now,
      updatedAt: run.now,
    };
    const events = LIVE.includes(opportunity.status) ? [eventDraft(OpportunityPublishedV1, { aggregateId: opportunity.opportunityId, payload: opportunityState(opportunity) })] : [];
    return {
      kind: 'insert',
      record: { ...opportunity, revision: record.revision, contentHash, closingSoonFor: null, lastRunId: run.runId, versions: [{ version: 1, seenAt: run.now, runId: run.runId, changes: [] }] },
      events,
    };
  }
  if (isOlder(record.revision, before.revision)) return { kind: 'older' };
  if (before.contentHash === contentHash) return { kind: 'unchanged' };
  const changes = contentChanges(before, record.content);
  if (changes.length === 0) return { kind: 'unchanged' };
  const version = before.version + 1;
  const after: Opportunity = { ...before, ...record.content, version, updatedAt: run.now };
  const state = opportunityState(after);
  const events: EventDraft[] = [eventDraft(OpportunityChangedV1, { aggregateId: after.opportunityId, payload: { ...state, changedFields: changes.map((change) => change.field) } })];
  if (before.status === 'forecasted' && after.status === 'open') events.push(eventDraft(OpportunityOpenedV1, { aggregateId: after.opportunityId, payload: state }));
  if (LIVE.includes(before.status) && !LIVE.includes(after.status)) events.push(eventDraft(OpportunityClosedV1, { aggregateId: after.opportunityId, payload: state }));
  return {
    kind: 'update',
    write: {
      kind: 'update',
      opportunityId: before.opportunityId,
      expectVersion: before.version,
      set: { ...record.content, revision: record.revision, contentHash, version, updatedAt: run.now, lastRunId: run.runId },
      version: { version, seenAt: run.now, runId: run.runId, changes },
    },
    events,
  };
}
