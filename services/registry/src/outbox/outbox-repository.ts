import type { Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { buildOutboxEntry, OutboxEntry, pushOutbox, withOutbox } from '@entente/messaging';
import { Stored, TenantOwned, TenantQuery, TenantRepository } from '@entente/persistence';
import { Actor, diffFields, HistoryEntry, historyEntry } from '../history/change-history';
import { HISTORY_FIELD } from '../history/history.plugin';
import { InventoryVersionRepository, TalliedWrite } from '../inventory-version/inventory-version.repository';

/** Who made a change, and what to call it in the record's history. */
export interface Change {
  actor: Actor;
  action: string;
  at: Date;
}

/** An update whose `$set` is diffed into the history entry. */
export type RecordUpdate<T> = UpdateQuery<T> & { $set: Partial<T>; $push?: Record<string, unknown> };

/**
 * A tenant repository whose writes carry their events and their history: the
 * record, its outbox entries and a history entry (who changed which tracked
 * field from what to what, when) go in the same single-document write, so they
 * commit together without multi-document transactions. Each subclass names the
 * fields its history tracks (ids, who/when stamps and derived values are not).
 *
 * Every write of a subclass — these two, updateAll, and the base's insert,
 * updateOne and deleteAll, which subclasses also call directly (an engagement
 * moving a relationship's last engagement, a merge deleting the merged
 * partner, a partner's new name copied onto its relationships) — runs
 * between two bumps of the jurisdiction's inventory version, so a cached view
 * never outlives a change it does not show (see CachedViews). A subclass must
 * write only through these methods.
 */
export abstract class OutboxRepository<T extends TenantOwned> extends TenantRepository<T> {
  protected abstract readonly historyFields: readonly (keyof T & string)[];
  private readonly versions: InventoryVersionRepository;

  protected constructor(model: Model<T>) {
    super(model);
    this.versions = new InventoryVersionRepository(model.db);
  }

  /**
   * `tallied` (asset writes) keeps the Table 1 tallies with the write: its
   * write id goes into the history entry, which is how readers tell that the
   * write happened (see InventoryVersionRepository.aroundTallied).
   */
  protected async insertWithEvents(record: T, events: readonly EventEnvelope[], change: Change, tallied?: TalliedWrite): Promise<T & Stored> {
    const entry = withWriteId(historyEntry(change.actor, change.action, diffFields<T>(null, record, this.historyFields), change.at), tallied);
    const extra = { ...withOutbox({}, outboxEntriesOf(record.jurisdictionId, events)), [HISTORY_FIELD]: [entry] };
    if (!tallied) return this.insert(record, extra);
    return (await this.versions.aroundTallied(record, tallied, () => super.insert(record, extra))) as T & Stored;
  }

  /**
   * Applies `update` and appends the events and a history entry in one write;
   * null when nothing matched `query`. The entry's "from" values are `before`'s,
   * so `query` must only match the record while it is still as `before` says
   * for the fields `$set` changes (callers pin a status, an updatedAt or the
   * changed value itself): a concurrent change then makes this answer null
   * instead of recording a history that never happened.
   */
  protected updateWithEvents(
    query: TenantQuery<T>,
    before: T,
    update: RecordUpdate<T>,
    events: readonly EventEnvelope[],
    change: Change,
    tallied?: TalliedWrite,
  ): Promise<(T & Stored) | null> {
    const entry = withWriteId(historyEntry(change.actor, change.action, diffFields<T>(before, update.$set, this.historyFields), change.at), tallied);
    const withHistory = { ...update, $push: { ...(update.$push ?? {}), [HISTORY_FIELD]: entry } };
    const full = pushOutbox(withHistory, outboxEntriesOf(query.jurisdictionId, events)) as UpdateQuery<T>;
    if (!tallied) return this.updateOne(query, full);
    return this.versions.aroundTallied(query, tallied, () => super.updateOne(query, full));
  }

  protected override insert(record: T, extra?: Record<string, unknown>): Promise<T & Stored> {
    return this.versions.around(record, () => super.insert(record, extra));
  }

  protected override updateOne(query: TenantQuery<T>, update: UpdateQuery<T>): Promise<(T & Stored) | null> {
    return this.versions.around(query, () => super.updateOne(query, update));
  }

  protected override deleteAll(query: TenantQuery<T>): Promise<number> {
    return this.versions.around(query, () => super.deleteAll(query));
  }

  /** Updates every record `query` matches, for derived values (no history, no events); how many changed. */
  protected updateAll(query: TenantQuery<T>, update: UpdateQuery<T>): Promise<number> {
    return this.versions.around(query, async () => (await this.model.updateMany(query, update).exec()).modifiedCount);
  }

  /** The history of the record `query` matches, oldest first; null when there is no such record. */
  protected async historyOf(query: TenantQuery<T>): Promise<HistoryEntry[] | null> {
    const found = await this.model.findOne(query).select(`+${HISTORY_FIELD}`).lean<{ [HISTORY_FIELD]?: HistoryEntry[] }>().exec();
    return found ? (found[HISTORY_FIELD] ?? []) : null;
  }
}

function withWriteId(entry: HistoryEntry, tallied: TalliedWrite | undefined): HistoryEntry {
  return tallied ? { ...entry, writeId: tallied.writeId } : entry;
}

function outboxEntriesOf(jurisdictionId: string, events: readonly EventEnvelope[]): OutboxEntry[] {
  if (events.some((event) => event.jurisdictionId !== jurisdictionId)) {
    throw new Error('An event must belong to the jurisdiction of the record it describes');
  }
  return events.map((event) => buildOutboxEntry(event));
}
