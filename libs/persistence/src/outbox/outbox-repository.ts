import type { Model, UpdateQuery } from 'mongoose';
import { createEvent, type EventDefinition, type EventEnvelope } from '@entente/contracts';
import { buildOutboxEntry, currentLineage, pushOutbox, withOutbox } from '@entente/messaging';
import { Actor, diffFields, HistoryEntry, historyEntry } from '../history/change-history';
import { HISTORY_FIELD } from '../history/history.plugin';
import type { TenantOwned, TenantQuery } from '../tenant-query';
import { Stored, TenantRepository } from '../tenant-repository';
import { scopeOfStoredRecord, type TenantScope } from '../tenant-scope';

/** Who made a change, and what to call it in the record's history. */
export interface Change {
  actor: Actor;
  action: string;
  at: Date;
}

/** An update whose `$set` is diffed into the history entry. */
export type RecordUpdate<T> = UpdateQuery<T> & { $set: Partial<T>; $push?: Record<string, unknown> };

/**
 * An event to produce with a write: what happened to which aggregate. The
 * envelope around it (id, jurisdiction, source, correlation and causation)
 * is the repository's to fill, from the record's scope, the service's name
 * and the lineage of the work running (see EventLineage).
 */
export interface EventDraft<P = unknown> {
  definition: EventDefinition<P>;
  aggregateId: string;
  payload: P;
}

export function eventDraft<P>(definition: EventDefinition<P>, event: { aggregateId: string; payload: P }): EventDraft<P> {
  return { definition, aggregateId: event.aggregateId, payload: event.payload };
}

/**
 * What an outbox repository needs of its process, one instance per process
 * (service-runtime's OutboxModule provides it): the service's name as the
 * `source` of its events, and the signal that a write committed events, so
 * the relay publishes them now instead of at its next poll.
 */
export abstract class OutboxWrites {
  abstract readonly source: string;
  abstract committed(): void;
}

/**
 * An extension point around every write of a repository: a service's views
 * that must know of each write (the registry's inventory version) run it
 * between their own steps. `detail` is whatever the subclass passes with
 * the write (undefined for writes it says nothing about).
 */
export interface WriteListener<W> {
  around<R>(scope: TenantScope, detail: W | undefined, write: () => Promise<R>): Promise<R>;
}

/**
 * A tenant repository whose writes carry their events and their history: the
 * record, its outbox entries and a history entry (who changed which tracked
 * field from what to what, when) go in the same single-document write, so they
 * commit together without multi-document transactions. Each subclass names the
 * fields its history tracks (ids, who/when stamps and derived values are not).
 *
 * Every write runs inside the listener given (if any), and a write that
 * committed events signals the relay: publishing follows a write by
 * construction, with nothing for the caller to remember. `W` is the detail a
 * subclass passes its listener with a write.
 */
export abstract class OutboxRepository<T extends TenantOwned, W = never> extends TenantRepository<T> {
  protected abstract readonly historyFields: readonly (keyof T & string)[];

  protected constructor(
    model: Model<T>,
    private readonly outbox: OutboxWrites,
    private readonly listener?: WriteListener<W>,
  ) {
    super(model);
  }

  /**
   * Stores a new record with its events and its first history entry.
   * `writeId`, when given, goes into the history entry: how a listener can
   * later tell that this write happened.
   */
  protected async insertWithEvents(record: T, events: readonly EventDraft[], change: Change, detail?: W, writeId?: string): Promise<T & Stored> {
    const entry = withWriteId(historyEntry(change.actor, change.action, diffFields<T>(null, record, this.historyFields), change.at), writeId);
    const extra = { ...withOutbox({}, this.outboxEntries(record.jurisdictionId, events)), [HISTORY_FIELD]: [entry] };
    const saved = await this.run(record, detail, () => super.insert(record, extra));
    if (events.length > 0) this.outbox.committed();
    return saved;
  }

  /**
   * Applies `update` and appends the events and a history entry in one write;
   * null when nothing matched `query`. The entry's "from" values are `before`'s,
   * so `query` must only match the record while it is still as `before` says
   * for the fields `$set` changes (callers pin a status, an updatedAt or the
   * changed value itself): a concurrent change then makes this answer null
   * instead of recording a history that never happened.
   */
  protected async updateWithEvents(
    query: TenantQuery<T>,
    before: T,
    update: RecordUpdate<T>,
    events: readonly EventDraft[],
    change: Change,
    detail?: W,
    writeId?: string,
  ): Promise<(T & Stored) | null> {
    const entry = withWriteId(historyEntry(change.actor, change.action, diffFields<T>(before, update.$set, this.historyFields), change.at), writeId);
    const withHistory = { ...update, $push: { ...(update.$push ?? {}), [HISTORY_FIELD]: entry } };
    const full = pushOutbox(withHistory, this.outboxEntries(query.jurisdictionId, events)) as UpdateQuery<T>;
    const saved = await this.run(query, detail, () => super.updateOne(query, full));
    if (saved && events.length > 0) this.outbox.committed();
    return saved;
  }

  protected override insert(record: T, extra?: Record<string, unknown>): Promise<T & Stored> {
    return this.run(record, undefined, () => super.insert(record, extra));
  }

  protected override updateOne(query: TenantQuery<T>, update: UpdateQuery<T>, options?: { upsert?: boolean }): Promise<(T & Stored) | null> {
    return this.run(query, undefined, () => super.updateOne(query, update, options));
  }

  protected override updateAll(query: TenantQuery<T>, update: UpdateQuery<T>): Promise<number> {
    return this.run(query, undefined, () => super.updateAll(query, update));
  }

  protected override deleteAll(query: TenantQuery<T>): Promise<number> {
    return this.run(query, undefined, () => super.deleteAll(query));
  }

  /** The history of the record `query` matches, oldest first; null when there is no such record. */
  protected async historyOf(query: TenantQuery<T>): Promise<HistoryEntry[] | null> {
    const found = await this.findOne<{ [HISTORY_FIELD]?: HistoryEntry[] }>(query, { [HISTORY_FIELD]: 1 });
    return found ? (found[HISTORY_FIELD] ?? []) : null;
  }

  /** Runs a write inside the listener, which is given the scope its query or record names (both made from a scope). */
  private run<R>(written: { jurisdictionId: string }, detail: W | undefined, write: () => Promise<R>): Promise<R> {
    return this.listener ? this.listener.around(scopeOfStoredRecord(written), detail, write) : write();
  }

  /** Envelopes for the drafts, in the record's jurisdiction, with the service's name and the running work's lineage. */
  private outboxEntries(jurisdictionId: string, drafts: readonly EventDraft[]) {
    const lineage = currentLineage();
    return drafts.map((draft) => {
      const event: EventEnvelope = createEvent(draft.definition, {
        source: this.outbox.source,
        jurisdictionId,
        aggregateId: draft.aggregateId,
        payload: draft.payload,
        correlationId: lineage?.correlationId,
        causationId: lineage?.causationId ?? null,
      });
      return buildOutboxEntry(event);
    });
  }
}

function withWriteId(entry: HistoryEntry, writeId: string | undefined): HistoryEntry {
  return writeId ? { ...entry, writeId } : entry;
}
