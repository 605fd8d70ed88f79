import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model, mongo, QueryFilter } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@entente/messaging';
import { encodeCursor, type EventDraft, OutboxWrites, type Page, type PageArgs, resolvePageArgs } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { Opportunity, OpportunityVersion } from './opportunity';
import { OPPORTUNITY_MODEL, type OpportunityRecord, OpportunitySchema } from './opportunity.schema';
import { platformOutboxEntries } from './platform-events';

/** A stored record in brief: enough to tell that a record read is new, older, or unchanged. */
export interface Fingerprint {
  revision: string | null;
  contentHash: string;
  version: number;
}

/** What change detection reads of a stored record: everything but its versions and outbox. */
export type StoredOpportunity = Omit<OpportunityRecord, 'versions'>;

/**
 * A write of one scouting decision: a new record, or a new version of a
 * stored one (guarded by the version it was decided against, and by
 * `guard`'s fields), with its events as outbox entries (outboxEntries).
 */
export type OpportunityWrite =
  | { kind: 'insert'; record: OpportunityRecord; outbox: OutboxEntry[] }
  | { kind: 'update'; opportunityId: string; expectVersion: number; guard?: Record<string, unknown>; set: Partial<OpportunityRecord>; version: OpportunityVersion | null; outbox: OutboxEntry[] };

/** A stored opportunity with its id for paging. */
export type ListedOpportunity = Opportunity & { _id: import('mongoose').Types.ObjectId };

const COMPARE_PROJECTION = { versions: 0, [OUTBOX_FIELD]: 0 } as const;

/**
 * The platform-wide store of opportunities. Not a tenant repository:
 * opportunities are public data that belong to no jurisdiction. A record, its
 * new version and its events are one single-document write (the outbox), so
 * a crash between them cannot lose or duplicate an event.
 */
@Injectable()
export class OpportunityRepository {
  private readonly model: Model<OpportunityRecord>;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    private readonly outbox: OutboxWrites,
  ) {
    this.model = connection.model<OpportunityRecord>(OPPORTUNITY_MODEL, OpportunitySchema);
  }

  async ready(): Promise<void> {
    await this.model.init();
  }

  /** The events of one write as outbox entries; throws InvalidEventError before anything is written when a payload breaks its contract. */
  outboxEntries(drafts: readonly EventDraft[]): OutboxEntry[] {
    return platformOutboxEntries(this.outbox.source, drafts);
  }

  /**
   * What change detection needs of every stored record of a source, read in
   * one pass (a run compares each record it reads against it, and fetches
   * the full record only for those whose content differs): a few dozen bytes
   * a record, so a source of 100,000 records costs a few megabytes.
   */
  async fingerprintsOf(sourceId: string): Promise<Map<string, Fingerprint>> {
    const fingerprints = new Map<string, Fingerprint>();
    // Small batches: the driver's default getMore fills 16 MB, which for rows this small is every record of the source at once.
    const cursor = this.model.collection.find({ sourceId }, { projection: { _id: 0, sourceRecordId: 1, revision: 1, contentHash: 1, version: 1 }, batchSize: 1_000 });
    for await (const row of cursor) fingerprints.set(row['sourceRecordId'] as string, { revision: (row['revision'] as string | null) ?? null, contentHash: row['contentHash'] as string, version: row['version'] as number });
    return fingerprints;
  }

  /**
   * The stored records with these platform ids, by their id at the source.
   * One equality lookup each on the unique index: a run asks for the few
   * records whose content changed, and an `$in` would scan the collection on
   * a server that serves `$in` without the index (mongo-java-server).
   */
  async storedOf(opportunityIds: readonly string[]): Promise<Map<string, StoredOpportunity>> {
    const rows = await Promise.all(opportunityIds.map((opportunityId) => this.model.findOne({ opportunityId }, COMPARE_PROJECTION).lean().exec() as Promise<StoredOpportunity | null>));
    return new Map(rows.filter((row): row is StoredOpportunity => row !== null).map((row) => [row.sourceRecordId, row]));
  }

  /**
   * Applies a batch in one round trip, unordered. An update whose guard no
   * longer holds (another writer got there first) or an insert of a key that
   * now exists is not applied: answers how many were.
   */
  async apply(writes: readonly OpportunityWrite[]): Promise<{ applied: number; notApplied: number }> {
    if (writes.length === 0) return { applied: 0, notApplied: 0 };
    // Through the driver: records come complete from the connectors, and mongoose's casting of
    // every document of an 80,000-record extract costs more than the rest of the ingest.
    const operations = writes.map((write): mongo.AnyBulkWriteOperation => {
      if (write.kind === 'insert') return { insertOne: { document: { ...write.record, [OUTBOX_FIELD]: write.outbox } as mongo.Document } };
      const push: Record<string, unknown> = { [OUTBOX_FIELD]: { $each: write.outbox } };
      if (write.version) push['versions'] = write.version;
      return { updateOne: { filter: { ...(write.guard ?? {}), opportunityId: write.opportunityId, version: write.expectVersion }, update: { $set: write.set as mongo.Document, $push: push as mongo.PushOperator<mongo.Document> } } };
    });
    let applied: number;
    try {
      const result = await this.model.collection.bulkWrite(operations, { ordered: false });
      applied = result.insertedCount + result.modifiedCount;
    } catch (error) {
      const partial = error as { result?: { insertedCount?: number; modifiedCount?: number }; writeErrors?: unknown[] };
      if (!partial.writeErrors) throw error;
      applied = (partial.result?.insertedCount ?? 0) + (partial.result?.modifiedCount ?? 0);
    }
    if (writes.some((write) => write.outbox.length > 0)) this.outbox.committed();
    return { applied, notApplied: writes.length - applied };
  }

  async get(opportunityId: string): Promise<(Opportunity & { versions: OpportunityVersion[] }) | null> {
    // Through the driver: mongoose's select('+versions') does not combine with leaving the outbox out.
    return (await this.model.collection.findOne({ opportunityId }, { projection: { [OUTBOX_FIELD]: 0 } })) as unknown as (Opportunity & { versions: OpportunityVersion[] }) | null;
  }

  /** The records with these ids, without their versions, by id (followed opportunities: one equality lookup each, as storedOf). */
  async byIds(opportunityIds: readonly string[]): Promise<Map<string, StoredOpportunity>> {
    const rows = await Promise.all([...new Set(opportunityIds)].map((opportunityId) => this.model.findOne({ opportunityId }, COMPARE_PROJECTION).lean().exec() as Promise<StoredOpportunity | null>));
    return new Map(rows.filter((row): row is StoredOpportunity => row !== null).map((row) => [row.opportunityId, row]));
  }

  /** One page of the records `filter` matches, in the order they were first stored. */
  async page(filter: QueryFilter<OpportunityRecord>, args: PageArgs): Promise<Page<ListedOpportunity>> {
    const { limit, afterId } = resolvePageArgs(args);
    const pageFilter = afterId ? { $and: [filter, { _id: { $gt: afterId } }] } : filter;
    const [rows, totalCount] = await Promise.all([
      this.model.find(pageFilter, COMPARE_PROJECTION).sort({ _id: 1 }).limit(limit + 1).lean().exec() as unknown as Promise<ListedOpportunity[]>,
      this.model.countDocuments(filter).exec(),
    ]);
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null }, totalCount };
  }

  /** Forecasted or open records, for the deadline sweep and for matching; `sourceId` narrows to one source. */
  async live(options: { sourceId?: string; limit: number }): Promise<StoredOpportunity[]> {
    const filter: QueryFilter<OpportunityRecord> = { status: { $in: ['forecasted', 'open'] } };
    if (options.sourceId) filter.sourceId = options.sourceId;
    return (await this.model.find(filter, COMPARE_PROJECTION).sort({ _id: 1 }).limit(options.limit).lean().exec()) as unknown as StoredOpportunity[];
  }
}
