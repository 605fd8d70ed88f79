import type { UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { buildOutboxEntry, OutboxEntry, pushOutbox, withOutbox } from '@entente/messaging';
import { Stored, TenantOwned, TenantQuery, TenantRepository } from '@entente/persistence';

/**
 * A tenant repository whose writes carry their events: the record and its
 * outbox entries go in the same single-document write, so they commit
 * together without multi-document transactions.
 */
export abstract class OutboxRepository<T extends TenantOwned> extends TenantRepository<T> {
  protected insertWithEvents(record: T, events: readonly EventEnvelope[]): Promise<T & Stored> {
    return this.insert(record, withOutbox({}, outboxEntriesOf(record.jurisdictionId, events)));
  }

  /** Applies `update` and appends the events in one write; null when nothing matched `query`. */
  protected updateWithEvents(
    query: TenantQuery<T>,
    update: UpdateQuery<T> & { $push?: Record<string, unknown> },
    events: readonly EventEnvelope[],
  ): Promise<(T & Stored) | null> {
    return this.updateOne(query, pushOutbox(update, outboxEntriesOf(query.jurisdictionId, events)) as UpdateQuery<T>);
  }
}

function outboxEntriesOf(jurisdictionId: string, events: readonly EventEnvelope[]): OutboxEntry[] {
  if (events.some((event) => event.jurisdictionId !== jurisdictionId)) {
    throw new Error('An event must belong to the jurisdiction of the record it describes');
  }
  return events.map((event) => buildOutboxEntry(event));
}
