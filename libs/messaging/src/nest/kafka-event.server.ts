import { EVENT_CATALOG, type EventDefinition, type EventEnvelope } from '@entente/contracts';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EventConsumer, type EventConsumerOptions, type EventMeta } from '../consumer/event-consumer';
import { KafkaEventContext } from './kafka-event.context';
import { parseEventPattern } from './on-event.decorator';

export type KafkaEventServerOptions = EventConsumerOptions;

/**
 * A Nest transport for our events: `@OnEvent(PartnerRegisteredV1, …)`
 * handlers receive the validated envelope as `@Payload()`, and the consumer
 * underneath adds validation, bounded retries, the dead-letter topic,
 * idempotency and tracing. Nest's own Kafka transport is not used because a
 * failing handler there blocks its partition (nest issue 14664).
 *
 * A pattern names an event type and the versions its handler accepts
 * (see OnEvent); other versions of the type are not delivered to it.
 * Request-reply patterns, and patterns not made by OnEvent, are refused:
 * events are the only thing services exchange over Kafka.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: EventConsumer;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      const consumer = new EventConsumer(this.options);
      const catalog = this.options.catalog ?? EVENT_CATALOG;
      for (const [pattern, handler] of this.getHandlers()) {
        if (!handler.isEventHandler) throw new Error(`KafkaEventServer: @MessagePattern('${pattern}') is not supported; use @EventPattern`);
        const parsed = parseEventPattern(pattern);
        if (!parsed) throw new Error(`KafkaEventServer: '${pattern}' is not an @OnEvent pattern; declare handlers with @OnEvent(definition, …)`);
        const definitions = parsed.versions.map((version) => catalog.find(parsed.type, version));
        if (definitions.some((definition) => !definition)) throw new Error(`KafkaEventServer: @OnEvent('${pattern}') names an event version not in the catalog`);
        for (const definition of definitions as EventDefinition[]) {
          consumer.on(definition, async (event: EventEnvelope, meta: EventMeta) => {
            // Nest wraps handlers with pipes, guards and filters; a failure comes back as an erroring stream.
            const result = this.transformToObservable(await handler(event, new KafkaEventContext([meta])));
            await lastValueFrom(result, { defaultValue: undefined });
          });
        }
      }
      await consumer.start();
      this.consumer = consumer;
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaEventServer is not listening');
    return this.consumer as T;
  }
}
