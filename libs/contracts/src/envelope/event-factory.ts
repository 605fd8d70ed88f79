import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { EVENT_CATALOG, EventCatalog } from '../event-catalog';
import { type EventDefinition, eventLabel } from './event-definition';
import { type EventEnvelope, EventEnvelopeSchema } from './event-envelope';
import { InvalidEventError } from './invalid-event.error';

export interface CreateEventInput<P> {
  jurisdictionId: string;
  aggregateId: string;
  payload: P;
  /** The producing service, e.g. "registry". */
  source: string;
  /** Defaults to the new event's own id: the event starts a causal chain. */
  correlationId?: string;
  /** The id of the event (or command) that caused this one; null when none did. */
  causationId?: string | null;
  /** Fixed only by tests and replays; normally generated. */
  eventId?: string;
  occurredAt?: Date;
}

function describeIssues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}

/** Builds a validated envelope; invalid input throws InvalidEventError before anything is written or sent. */
export function createEvent<P>(definition: EventDefinition<P>, input: CreateEventInput<P>): EventEnvelope<P> {
  const label = eventLabel(definition.type, definition.version);
  const eventId = input.eventId ?? randomUUID();
  const envelope = EventEnvelopeSchema.safeParse({
    eventId,
    type: definition.type,
    version: definition.version,
    source: input.source,
    jurisdictionId: input.jurisdictionId,
    aggregateId: input.aggregateId,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    correlationId: input.correlationId ?? eventId,
    causationId: input.causationId ?? null,
    payload: input.payload,
  });
  if (!envelope.success) throw new InvalidEventError('invalid-envelope', describeIssues(envelope.error, ''), label);
  const payload = definition.schema.safeParse(input.payload);
  if (!payload.success) throw new InvalidEventError('invalid-payload', describeIssues(payload.error, 'payload'), label);
  return { ...envelope.data, payload: payload.data };
}

function decode(raw: unknown): unknown {
  if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) return raw;
  try {
    return JSON.parse(raw.toString());
  } catch (error) {
    throw new InvalidEventError('malformed-json', [(error as Error).message]);
  }
}

/**
 * Validates anything that claims to be an event (a Kafka message value as
 * Buffer or string, or an already-decoded object): the envelope, then the
 * payload against the schema registered for its (type, version).
 */
export function parseEvent(raw: unknown, catalog: EventCatalog = EVENT_CATALOG): EventEnvelope {
  const envelope = EventEnvelopeSchema.safeParse(decode(raw));
  if (!envelope.success) throw new InvalidEventError('invalid-envelope', describeIssues(envelope.error, ''));
  const { type, version } = envelope.data;
  const label = eventLabel(type, version);
  const definition = catalog.find(type, version);
  if (!definition) throw new InvalidEventError('unknown-event', [`no event definition for ${label}`], label);
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) throw new InvalidEventError('invalid-payload', describeIssues(payload.error, 'payload'), label);
  return { ...envelope.data, payload: payload.data };
}

/** parseEvent narrowed to one definition; any other (type, version) is rejected as unknown-event. */
export function parseEventAs<P>(definition: EventDefinition<P>, raw: unknown): EventEnvelope<P> {
  return parseEvent(raw, new EventCatalog([definition])) as EventEnvelope<P>;
}
