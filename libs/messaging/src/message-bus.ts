import { type EventCatalog, type EventDefinition, EVENT_CATALOG } from '@entente/contracts';
import { type Kafka, type Producer, Partitioners } from 'kafkajs';
import { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
import { createKafkaClient } from './kafka/kafka-client';
import type { KafkaConnectionConfig } from './kafka/kafka-messaging.config';
import { type TopicSettings, ensureTopics } from './kafka/topic-provisioner';
import { type MessagingLogger, jsonConsoleLogger } from './messaging-logger';
import { type EventPublisher, KafkaEventPublisher } from './producer/event-publisher';

/**
 * The messaging port the services depend on. Only this lib knows the client
 * library behind it (kafkajs today), so replacing it is a change in one place.
 */
export interface MessageBus {
  /** Creates each definition's topic and its `.dlq` if missing; returns the topics created. */
  ensureTopics(definitions: readonly EventDefinition[]): Promise<string[]>;
  /** A connected publisher, shared by every caller of this bus. */
  publisher(): Promise<EventPublisher>;
  /** A consumer group on the same brokers; register handlers, then start(). */
  consumer(options: Omit<EventConsumerOptions, keyof KafkaConnectionConfig | 'catalog' | 'logger' | 'topicSettings'>): EventConsumer;
  /** Disconnects the shared publisher; consumers are stopped by their owners. */
  close(): Promise<void>;
}

export interface KafkaMessageBusOptions extends KafkaConnectionConfig {
  catalog?: EventCatalog;
  logger?: MessagingLogger;
  topicSettings?: TopicSettings;
}

export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private producer?: Promise<Producer>;

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.logger = options.logger ?? jsonConsoleLogger;
    this.kafka = createKafkaClient(options, this.logger);
  }

  async ensureTopics(definitions: readonly EventDefinition[]): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, definitions.map((d) => d.topic), this.options.topicSettings);
      if (created.length > 0) this.logger.log('topics created', { topics: created });
      return created;
    } finally {
      await admin.disconnect();
    }
  }

  async publisher(): Promise<EventPublisher> {
    this.producer ??= (async () => {
      // Topics are provisioned explicitly; auto-creation would hide a missing ensureTopics with default settings.
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      return producer;
    })();
    return new KafkaEventPublisher(await this.producer, this.options.catalog ?? EVENT_CATALOG);
  }

  consumer(options: Omit<EventConsumerOptions, keyof KafkaConnectionConfig | 'catalog' | 'logger' | 'topicSettings'>): EventConsumer {
    return new EventConsumer({
      ...options,
      brokers: this.options.brokers,
      clientId: this.options.clientId,
      catalog: this.options.catalog,
      logger: this.logger,
      topicSettings: this.options.topicSettings,
    });
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer).disconnect();
  }
}
