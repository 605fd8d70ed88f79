import {
  type EventCatalog,
  type EventDefinition,
  type EventEnvelope,
  EVENT_CATALOG,
  InvalidEventError,
  deadLetterTopicOf,
  eventLabel,
  parseEvent,
} from '@entente/contracts';
import type { Span } from '@opentelemetry/api';
import { type Consumer, type EachMessagePayload, type Kafka, type Producer, Partitioners } from 'kafkajs';
import type { Connection } from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MessageHeaders, decodeHeaders } from '../headers/message-headers';
import { ProcessedEventStore } from '../idempotency/processed-event.store';
import { createKafkaClient } from '../kafka/kafka-client';
import { CONSUMER_DEFAULTS, type ConsumerPolicyConfig, type KafkaConnectionConfig } from '../kafka/kafka-messaging.config';
import { type TopicSettings, ensureTopics } from '../kafka/topic-provisioner';
import { type MessagingLogger, jsonConsoleLogger } from '../messaging-logger';
import { eventLineage, runWithLineage } from '../lineage/event-lineage';
import { KafkaEventPublisher } from '../producer/event-publisher';
import { recordFailure, withConsumerSpan } from '../tracing/trace-context';
import { deadLetterHeaders } from './dead-letter';
import { type DeadLetterReason, type RetryPolicy, decideAfterFailure } from './retry-policy';

/** Where a message came from, for handlers that log or need the attempt number. */
export interface EventMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: MessageHeaders;
  /** 1 on first delivery to the handler, then 2, 3… while retrying in process. */
  attempt: number;
}

export type EventHandler<P> = (event: EventEnvelope<P>, meta: EventMeta) => Promise<void> | void;

export interface EventConsumerOptions extends KafkaConnectionConfig, ConsumerPolicyConfig {
  /** The service's own database: processed_events lives there, next to the data the handlers change. */
  connection: Connection;
  catalog?: EventCatalog;
  logger?: MessagingLogger;
  topicSettings?: TopicSettings;
  /** How long start() waits for the group to get its partitions before going on. Default 30 s. */
  joinTimeoutMs?: number;
}

type Registration = { definition: EventDefinition; handler: EventHandler<unknown> };

/**
 * A consumer group that validates every message, retries a failing handler a
 * bounded number of times in process, then parks the message on the topic's
 * dead-letter topic and commits, so one poison message never blocks its
 * partition. Each event is handled at most once per group (processed_events),
 * and inside a CONSUMER span continuing the producer's trace.
 */
export class EventConsumer {
  private readonly registrations = new Map<string, Registration>();
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly catalog: EventCatalog;
  private readonly store: ProcessedEventStore;
  private readonly policy: RetryPolicy;
  private consumer?: Consumer;
  private producer?: Producer;
  private deadLetters?: KafkaEventPublisher;

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = options.logger ?? jsonConsoleLogger;
    this.catalog = options.catalog ?? EVENT_CATALOG;
    this.kafka = createKafkaClient(options, this.logger);
    this.store = new ProcessedEventStore(options.connection);
    this.policy = {
      maxAttempts: options.maxAttempts ?? CONSUMER_DEFAULTS.maxAttempts,
      retryBackoffMs: options.retryBackoffMs ?? CONSUMER_DEFAULTS.retryBackoffMs,
      maxRetryBackoffMs: options.maxRetryBackoffMs ?? CONSUMER_DEFAULTS.maxRetryBackoffMs,
    };
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** Registers the handler of one event version; call before start(). */
  on<P>(definition: EventDefinition<P>, handler: EventHandler<P>): this {
    if (this.consumer) throw new Error('EventConsumer: register handlers before start()');
    const label = eventLabel(definition.type, definition.version);
    if (this.registrations.has(label)) throw new Error(`EventConsumer ${this.groupId}: ${label} already has a handler`);
    this.registrations.set(label, { definition, handler: handler as EventHandler<unknown> });
    return this;
  }

  /** The topics the registered handlers listen on. */
  topics(): string[] {
    return [...new Set([...this.registrations.values()].map((r) => r.definition.topic))];
  }

  async start(): Promise<void> {
    const topics = this.topics();
    if (topics.length === 0) throw new Error(`EventConsumer ${this.groupId}: no handlers registered`);
    await this.store.init();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topics, this.options.topicSettings);
    } finally {
      await admin.disconnect();
    }
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    this.deadLetters = new KafkaEventPublisher(this.producer, this.catalog);
    const sessionTimeout = this.options.sessionTimeoutMs ?? CONSUMER_DEFAULTS.sessionTimeoutMs;
    // kafkajs's default heartbeat (3 s) must stay well inside a short session timeout.
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, sessionTimeout, heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 5)) });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? CONSUMER_DEFAULTS.fromBeginning });
    await consumer.run({ eachMessage: (payload) => this.handleMessage(payload) });
    const timeoutMs = this.options.joinTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const timedOut = await Promise.race([joined.then(() => false), timeout]);
    clearTimeout(timer);
    if (timedOut) this.logger.warn('consumer group not joined yet; consuming will start once it is', { groupId: this.groupId, timeoutMs });
    else this.logger.log('consumer group joined', { groupId: this.groupId, topics });
  }

  /** Leaves the group cleanly (offsets committed, partitions handed over) and closes the dead-letter producer. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    const producer = this.producer;
    this.consumer = undefined;
    this.producer = undefined;
    await consumer?.disconnect();
    await producer?.disconnect();
  }

  /**
   * Never throws for a bad message or a failing handler: those end in the
   * dead-letter topic and the offset is committed. It throws only when the
   * dead-letter write or the idempotency store fails, so kafkajs redelivers
   * rather than lose the message.
   */
  private async handleMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const headers = decodeHeaders(message.headers);
    const meta: EventMeta = { topic, partition, offset: message.offset, key: message.key?.toString() ?? null, headers, attempt: 1 };
    await withConsumerSpan(topic, headers, { 'messaging.kafka.partition': partition, 'messaging.kafka.offset': message.offset, 'messaging.consumer.group.name': this.groupId }, async (span) => {
      let event: EventEnvelope;
      try {
        event = parseEvent(message.value, this.catalog);
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        await this.deadLetter(span, meta, message.value, error.reason, error, 0);
        return;
      }
      span.setAttribute('messaging.message.id', event.eventId);
      const label = eventLabel(event.type, event.version);
      const registration = this.registrations.get(label);
      // Topics carry several event types; those this group has no handler for are simply not its business.
      if (!registration) return;
      if (await this.store.isProcessed(this.groupId, event.eventId)) {
        this.logger.log('event already processed by this group; skipped', { groupId: this.groupId, eventId: event.eventId, type: label });
        return;
      }
      for (let attempt = 1; ; attempt += 1) {
        try {
          // Whatever the handler produces carries this event's correlation id, and the event as its cause.
          await runWithLineage(eventLineage(event), () => registration.handler(event, { ...meta, attempt }));
          break;
        } catch (error) {
          const decision = decideAfterFailure(error, attempt, this.policy);
          if (decision.action === 'dead-letter') {
            await this.deadLetter(span, meta, message.value, decision.reason, error, attempt);
            return;
          }
          this.logger.warn('event handler failed; retrying', { groupId: this.groupId, eventId: event.eventId, type: label, attempt, delayMs: decision.delayMs, error: errorMessage(error) });
          span.addEvent('retry', { attempt, 'error.message': errorMessage(error) });
          await sleep(decision.delayMs);
          // Long retry sequences must not cost the group its membership.
          await heartbeat();
        }
      }
      await this.store.markProcessed(this.groupId, event);
    });
  }

  private async deadLetter(span: Span, meta: EventMeta, value: Buffer | null, reason: DeadLetterReason, error: unknown, attempts: number): Promise<void> {
    recordFailure(span, error);
    const dlqTopic = deadLetterTopicOf(meta.topic);
    this.logger.error('event sent to dead-letter topic', { groupId: this.groupId, topic: meta.topic, partition: meta.partition, offset: meta.offset, dlqTopic, reason, attempts, error: errorMessage(error) });
    if (!this.deadLetters) throw new Error('EventConsumer: dead-letter producer not connected');
    await this.deadLetters.send({
      topic: dlqTopic,
      key: meta.key ?? '',
      value: value ?? '',
      headers: deadLetterHeaders({ ...meta, groupId: this.groupId }, { reason, error, attempts }),
    });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
