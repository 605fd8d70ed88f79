import { type EventCatalog, type EventEnvelope, EVENT_CATALOG, eventLabel, parseEvent } from '@entente/contracts';
import { context } from '@opentelemetry/api';
import { type MessageHeaders, eventHeaders } from '../headers/message-headers';
import { injectTraceContext } from '../tracing/trace-context';

/** The field the outbox lives in, inside each aggregate document. */
export const OUTBOX_FIELD = '_outbox';

/** One event waiting to be published, stored inside the aggregate it belongs to. */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  /** The serialized envelope, exactly as it will go on the wire. */
  value: string;
  /** Event identity plus the trace context of the request that wrote it. */
  headers: MessageHeaders;
  createdAt: Date;
}

/**
 * Validates the envelope (validation on produce happens here, before the
 * write) and freezes it into an outbox entry, capturing the active trace
 * context so the relay's publish continues the request's trace.
 */
export function buildOutboxEntry(envelope: EventEnvelope, catalog: EventCatalog = EVENT_CATALOG): OutboxEntry {
  const valid = parseEvent(envelope, catalog);
  const definition = catalog.find(valid.type, valid.version);
  if (!definition) throw new Error(`${eventLabel(valid.type, valid.version)} is not in the catalog`);
  return {
    eventId: valid.eventId,
    topic: definition.topic,
    key: valid.aggregateId,
    value: JSON.stringify(valid),
    headers: { ...eventHeaders(valid), ...injectTraceContext(context.active()) },
    createdAt: new Date(),
  };
}

/** A new aggregate document carrying its first events: pass the result to `Model.create`. */
export function withOutbox<T extends object>(document: T, entries: readonly OutboxEntry[]): T & { [OUTBOX_FIELD]: OutboxEntry[] } {
  return { ...document, [OUTBOX_FIELD]: [...entries] };
}

/** How an aggregate read with `.select('+_outbox')` looks: `lean<Aggregate & OutboxFields>()`. */
export interface OutboxFields {
  [OUTBOX_FIELD]: OutboxEntry[];
}

type OutboxPush = { [OUTBOX_FIELD]: { $each: OutboxEntry[] } };

/**
 * An update that also appends events to the aggregate's outbox: pass the
 * result to `findOneAndUpdate`/`updateOne`. One document, one write, atomic on
 * every MongoDB-wire server, with no multi-document transaction needed.
 */
export function pushOutbox<U extends { $push?: Record<string, unknown> }>(
  update: U,
  entries: readonly OutboxEntry[],
): Omit<U, '$push'> & { $push: NonNullable<U['$push']> & OutboxPush } {
  const push = { ...(update.$push ?? {}), [OUTBOX_FIELD]: { $each: [...entries] } } as NonNullable<U['$push']> & OutboxPush;
  return { ...update, $push: push };
}
