import { Inject, Injectable } from '@nestjs/common';
import type { AnyBulkWriteOperation, Connection, Model, QueryFilter } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@entente/messaging';
import { encodeCursor, type EventDraft, OutboxWrites, type Page, type PageArgs, resolvePageArgs } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { Opportunity, OpportunityVersion } from './opportunity';
import { OPPORTUNITY_MODEL, type OpportunityRecord, OpportunitySchema } from './opportunity.schema';
import { platformOutboxEntries } from './platform-events';

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

  /** The stored records of one source among `sourceRecordIds`, by their id at the source. */
  async storedOf(sourceId: string, sourceRecordIds: readonly string[]): Promise<Map<string, StoredOpportunity>> {
    if (sourceRecordIds.length === 0) return new Map();
    const rows = (await this.model
      .find({ sourceId, sourceRecordId: { $in: [...sourceRecordIds] } }, COMPARE_PROJECTION)
      .lean()
      .exec()) as unknown as StoredOpportunity[];
    return new Map(rows.map((row) => [row.sourceRecordId, row]));
  }

  /**
   * Applies a batch in one round trip, unordered. An update whose guard no
   * longer holds (another writer got there first) or an insert of a key that
   * now exists is not applied: answers how many were.
   */
  async apply(writes: readonly OpportunityWrite[]): Promise<{ applied: number; notApplied: number }> {
    if (writes.length === 0) return { applied: 0, notApplied: 0 };
    const operations: AnyBulkWriteOperation<OpportunityRecord>[] = writes.map((write) => {
      if (write.kind === 'insert') return { insertOne: { document: { ...write.record, [OUTBOX_FIELD]: write.outbox } as unknown as OpportunityRecord } };
      const push: Record<string, unknown> = { [OUTBOX_FIELD]: { $each: write.outbox } };
      if (write.version) push['versions'] = write.version;
      return { updateOne: { filter: { ...(write.guard ?? {}), opportunityId: write.opportunityId, version: write.expectVersion }, update: { $set: write.set, $push: push } as never } };
    });
    let applied: number;
    try {
      const result = await this.model.bulkWrite(operations, { ordered: false });
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
