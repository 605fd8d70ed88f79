import { type EventCatalog, type EventEnvelope, EVENT_CATALOG, eventLabel, parseEvent } from '@entente/contracts';
import { context } from '@opentelemetry/api';
import { CompressionTypes, type Producer } from 'kafkajs';
import { type MessageHeaders, encodeHeaders, eventHeaders } from '../headers/message-headers';
import { withProducerSpan } from '../tracing/trace-context';

/** A record exactly as it goes on the wire; used by the outbox relay and the dead-letter path. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string | Buffer;
  headers: MessageHeaders;
}

/** The producing side of the message bus port. */
export interface EventPublisher {
  /**
   * Validates the envelope against the catalog and sends it on its topic, keyed
   * by aggregate id, inside a PRODUCER span. Direct publishing skips the
   * outbox: use it only where losing the event on a crash is acceptable.
   */
  publish(envelope: EventEnvelope): Promise<void>;
  /** Sends a prepared record as is (no validation, no span). */
  send(message: OutgoingMessage): Promise<void>;
}

export class KafkaEventPublisher implements EventPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly catalog: EventCatalog = EVENT_CATALOG,
  ) {}

  async publish(envelope: EventEnvelope): Promise<void> {
    const valid = parseEvent(envelope, this.catalog);
    const definition = this.catalog.find(valid.type, valid.version);
    if (!definition) throw new Error(`${eventLabel(valid.type, valid.version)} is not in the catalog`);
    const topic = definition.topic;
    await withProducerSpan(topic, context.active(), { 'messaging.message.id': valid.eventId }, (traceHeaders) =>
      this.send({ topic, key: valid.aggregateId, value: JSON.stringify(valid), headers: { ...eventHeaders(valid), ...traceHeaders } }),
    );
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.producer.send({
      topic: message.topic,
      // All in-sync replicas: an acknowledged event survives a broker loss.
      acks: -1,
      compression: CompressionTypes.None,
      messages: [{ key: message.key, value: message.value, headers: encodeHeaders(message.headers) }],
    });
  }
}
