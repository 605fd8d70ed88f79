import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Producer } from 'kafkajs';
import { createKafkaClient, ensureTopics, EventPublisher, KafkaEventPublisher } from '@entente/messaging';
import { JsonLogger } from '@entente/telemetry';
import type { ReadinessCheck } from '../health/readiness-check';

export interface MessagingOptions {
  name: string;
  brokers: string[];
  /** Topics this service produces or consumes; created (with their .dlq) at start when missing. */
  topics: readonly string[];
}

export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');

/** Connects the producer and admin at boot, provisions topics, and disconnects on shutdown. */
@Injectable()
export class KafkaLifecycle implements OnApplicationBootstrap, OnApplicationShutdown, ReadinessCheck {
  readonly name = 'kafka';

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    @Inject('MESSAGING_OPTIONS') private readonly options: MessagingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.admin.connect();
    await this.producer.connect();
    await this.provisionTopics();
  }

  /**
   * Services start together and race to create the same topics; the loser sees
   * a metadata error for a topic that is being created. Trying again settles it.
   */
  private async provisionTopics(attempts = 5): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await ensureTopics(this.admin, this.options.topics);
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  async isReady(): Promise<boolean> {
    const cluster = await this.admin.describeCluster();
    return cluster.brokers.length > 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const kafka = createKafkaClient({ brokers: options.brokers, clientId: options.name }, new JsonLogger(options.name));
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: 'MESSAGING_OPTIONS', useValue: options },
        // Idempotent producer: a retried send never duplicates a message in the log.
        { provide: KAFKA_PRODUCER, useFactory: () => kafka.producer({ idempotent: true, maxInFlightRequests: 1 }) },
        { provide: KAFKA_ADMIN, useFactory: () => kafka.admin() },
        { provide: EVENT_PUBLISHER, inject: [KAFKA_PRODUCER], useFactory: (producer: Producer): EventPublisher => new KafkaEventPublisher(producer) },
        KafkaLifecycle,
      ],
      exports: [EVENT_PUBLISHER, KafkaLifecycle],
    };
  }
}
