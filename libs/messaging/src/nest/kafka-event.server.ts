import { EVENT_CATALOG, type EventEnvelope } from '@entente/contracts';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { EventConsumer, type EventConsumerOptions, type EventMeta } from '../consumer/event-consumer';
import { KafkaEventContext } from './kafka-event.context';

export type KafkaEventServerOptions = EventConsumerOptions;

/**
 * A Nest transport for our events: `@EventPattern(PartnerRegisteredV1.type)`
 * handlers receive the validated envelope as `@Payload()`, and the consumer
 * underneath adds validation, bounded retries, the dead-letter topic,
 * idempotency and tracing. Nest's own Kafka transport is not used because a
 * failing handler there blocks its partition (nest issue 14664).
 *
 * A pattern is an event type: its handler receives every version of that
 * type in the catalog (check `event.version`). Request-reply patterns are
 * refused: events are the only thing services exchange over Kafka.
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
        const definitions = catalog.versionsOf(pattern);
        if (definitions.length === 0) throw new Error(`KafkaEventServer: @EventPattern('${pattern}') names no event in the catalog`);
        for (const definition of definitions) {
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
