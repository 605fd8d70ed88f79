import type { IHeaders } from 'kafkajs';
import type { EventEnvelope } from '@entente/contracts';

/** Header names: the event's identity travels outside the value so brokers' tools can filter without decoding. */
export const HEADERS = {
  eventId: 'entente-event-id',
  eventType: 'entente-event-type',
  eventVersion: 'entente-event-version',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  dlqOriginalTopic: 'entente-dlq-original-topic',
  dlqOriginalPartition: 'entente-dlq-original-partition',
  dlqOriginalOffset: 'entente-dlq-original-offset',
  dlqReason: 'entente-dlq-reason',
  dlqError: 'entente-dlq-error',
  dlqAttempts: 'entente-dlq-attempts',
  dlqConsumerGroup: 'entente-dlq-consumer-group',
  dlqFailedAt: 'entente-dlq-failed-at',
} as const;

/** Plain string headers: what our code reads and writes; kafkajs' Buffer forms stay in this file. */
export type MessageHeaders = Record<string, string>;

export function eventHeaders(envelope: Pick<EventEnvelope, 'eventId' | 'type' | 'version'>): MessageHeaders {
  return {
    [HEADERS.eventId]: envelope.eventId,
    [HEADERS.eventType]: envelope.type,
    [HEADERS.eventVersion]: String(envelope.version),
  };
}

/** Kafka allows repeated header keys; the last value wins, as with HTTP-style propagation. */
export function decodeHeaders(headers: IHeaders | undefined): MessageHeaders {
  const decoded: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) decoded[name] = last.toString();
  }
  return decoded;
}

export function encodeHeaders(headers: MessageHeaders): IHeaders {
  return { ...headers };
}
