/**
 * Against a real Kafka broker and a real MongoDB-wire server (KAFKA_BROKERS,
 * MONGO_URL from the integration global setup). Topics, consumer groups and
 * the database are unique to this file's run, so runs never see each other.
 */
import { EVENT_CATALOG, type EventEnvelope, createEvent, deadLetterTopicOf, defineEvent } from '@entente/contracts';
import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { type Connection, Schema } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer';
import { ensureTopics, topicsToProvision } from './kafka/topic-provisioner';
import { HEADERS, type MessageHeaders, decodeHeaders } from './headers/message-headers';
import { KafkaMessageBus } from './message-bus';
import type { MessagingLogger } from './messaging-logger';
import { type OutboxFields, buildOutboxEntry, withOutbox } from './outbox/outbox-entry';
import { OutboxRelay } from './outbox/outbox-relay';
import { outboxPlugin } from './outbox/outbox.plugin';
import type { EventPublisher } from './producer/event-publisher';
import { z } from 'zod';

const run = randomUUID().slice(0, 8);
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const mongoUrl = requiredEnv('MONGO_URL');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration specs through jest's integration project`);
  return value;
}

/** One test-only event per scenario, each on its own topic. */
function widgetEvent(scenario: string) {
  return defineEvent({
    type: `test.widget-${scenario}.changed`,
    version: 1,
    topic: `test.widget-${scenario}.${run}.v1`,
    schema: z.object({ label: z.string() }),
  });
}
const PoisonCase = widgetEvent('poison');
const RedeliveryCase = widgetEvent('redelivery');
const OutboxCase = widgetEvent('outbox');
const catalog = EVENT_CATALOG.with(PoisonCase, RedeliveryCase, OutboxCase);

const quietLogger: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

let connection: Connection;
let bus: KafkaMessageBus;
let publisher: EventPublisher;
const consumers: EventConsumer[] = [];

function consumerFor(group: string, overrides: Partial<EventConsumerOptions> = {}): EventConsumer {
  const consumer = new EventConsumer({
    brokers,
    clientId: `messaging-spec-${run}`,
    groupId: `messaging-spec-${group}-${run}`,
    connection,
    catalog,
    logger: quietLogger,
    maxAttempts: 3,
    retryBackoffMs: 20,
    ...overrides,
  });
  consumers.push(consumer);
  return consumer;
}

function widget(definition: typeof PoisonCase, aggregateId: string, label: string): EventEnvelope<{ label: string }> {
  return createEvent(definition, { jurisdictionId: `jur-${run}`, aggregateId, source: 'messaging-spec', payload: { label } });
}

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Reads a whole topic from the beginning with a plain kafkajs consumer. */
async function readTopic(topic: string, count: number): Promise<Array<{ key: string | null; value: string; headers: MessageHeaders; partition: number }>> {
  const kafka = new Kafka({ clientId: `reader-${run}`, brokers, logLevel: logLevel.NOTHING });
  const reader = kafka.consumer({ groupId: `reader-${topic}-${randomUUID()}` });
  const seen: Array<{ key: string | null; value: string; headers: MessageHeaders; partition: number }> = [];
  await reader.connect();
  await reader.subscribe({ topics: [topic], fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message, partition }) => {
      seen.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers: decodeHeaders(message.headers), partition });
    },
  });
  try {
    await waitFor(`${count} message(s) on ${topic}`, () => seen.length >= count);
  } finally {
    await reader.disconnect();
  }
  return seen;
}

beforeAll(async () => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  connection = await mongoose.createConnection(mongoUrl, { dbName: `messaging_spec_${run}` }).asPromise();
  bus = new KafkaMessageBus({ brokers, clientId: `messaging-spec-${run}`, catalog, logger: quietLogger });
  await bus.ensureTopics([PoisonCase, RedeliveryCase, OutboxCase]);
  publisher = await bus.publisher();
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await bus?.close();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('ensureTopics', () => {
  it('creates each topic with its dead-letter topic, and is idempotent', async () => {
    const kafka = new Kafka({ clientId: `admin-${run}`, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining([PoisonCase.topic, deadLetterTopicOf(PoisonCase.topic)]));
    expect(await bus.ensureTopics([PoisonCase])).toEqual([]);
  });

  it('returns only when every partition has a leader, even when several services create the same topics at once', async () => {
    const kafka = new Kafka({ clientId: `race-${run}`, brokers, logLevel: logLevel.NOTHING });
    const admins = [kafka.admin(), kafka.admin(), kafka.admin()];
    await Promise.all(admins.map((admin) => admin.connect()));
    try {
      const topics = [`race-a-${run}`, `race-b-${run}`];
      const created = await Promise.all(admins.map((admin) => ensureTopics(admin, topics)));
      // Whichever of them found topics missing asked for them; none failed, and all waited for the leaders.
      for (const missing of created) expect(topicsToProvision(topics)).toEqual(expect.arrayContaining(missing));
      expect(created.some((missing) => missing.length > 0)).toBe(true);
      const { topics: metadata } = await admins[0]!.fetchTopicMetadata({ topics: topicsToProvision(topics) });
      expect(metadata.every((topic) => topic.partitions.length === 3 && topic.partitions.every((partition) => partition.leader >= 0))).toBe(true);
    } finally {
      await Promise.all(admins.map((admin) => admin.disconnect()));
    }
  });
});

describe('EventConsumer', () => {
  it('dead-letters a poison message after the retry cap and processes the next message of the same partition', async () => {
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const consumer = consumerFor('poison').on(PoisonCase, async (event) => {
      attempts.set(event.payload.label, (attempts.get(event.payload.label) ?? 0) + 1);
      if (event.payload.label === 'poison') throw new Error('cannot digest poison');
      handled.push(event.payload.label);
    });
    await consumer.start();

    const poison = widget(PoisonCase, 'widget-1', 'poison');
    await publisher.publish(poison);
    await publisher.publish(widget(PoisonCase, 'widget-1', 'after-poison'));
    // Not an event at all: straight to the dead-letter topic, no handler call.
    await publisher.send({ topic: PoisonCase.topic, key: 'widget-1', value: '{not json', headers: {} });
    await publisher.publish(widget(PoisonCase, 'widget-1', 'after-garbage'));

    await waitFor('both good messages', () => handled.length === 2);
    expect(handled).toEqual(['after-poison', 'after-garbage']);
    expect(attempts.get('poison')).toBe(3);

    const deadLetters = await readTopic(deadLetterTopicOf(PoisonCase.topic), 2);
    const [exhausted, malformed] = deadLetters;
    expect(exhausted.key).toBe('widget-1');
    expect(JSON.parse(exhausted.value)).toEqual(poison);
    expect(exhausted.headers).toMatchObject({
      [HEADERS.dlqOriginalTopic]: PoisonCase.topic,
      [HEADERS.dlqReason]: 'retries-exhausted',
      [HEADERS.dlqError]: 'cannot digest poison',
      [HEADERS.dlqAttempts]: '3',
      [HEADERS.eventId]: poison.eventId,
    });
    expect(exhausted.headers[HEADERS.dlqOriginalOffset]).toMatch(/^\d+$/);
    expect(malformed.headers).toMatchObject({ [HEADERS.dlqReason]: 'malformed-json', [HEADERS.dlqAttempts]: '0' });
  });

  it('processes a redelivered event once per consumer group (unique index on consumer + eventId)', async () => {
    const handled: string[] = [];
    const consumer = consumerFor('redelivery').on(RedeliveryCase, (event) => {
      handled.push(event.eventId);
    });
    await consumer.start();

    const event = widget(RedeliveryCase, 'widget-2', 'once');
    await publisher.publish(event);
    await publisher.publish(event);
    await publisher.publish(widget(RedeliveryCase, 'widget-2', 'marker'));

    await waitFor('the marker event', () => handled.length >= 2);
    await sleep(300);
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(1);
    const markers = await connection.collection('processed_events').countDocuments({ eventId: event.eventId });
    expect(markers).toBe(1);
    await expect(
      connection.collection('processed_events').insertOne({ consumer: consumer.groupId, eventId: event.eventId, type: 'x', version: 1, processedAt: new Date() }),
    ).rejects.toMatchObject({ code: 11000 });
  });
});

describe('outbox', () => {
  interface Widget {
    _id: string;
    label: string;
  }
  const widgetSchema = new Schema<Widget>({ _id: String, label: String });
  widgetSchema.plugin(outboxPlugin);

  it('publishes events written with the aggregate, republishes after a crash, and the effect happens once; the trace crosses Kafka', async () => {
    const Widgets = connection.model<Widget>('Widget', widgetSchema, `widgets_${run}`);
    const handled: Array<{ eventId: string; traceId?: string }> = [];
    const consumer = consumerFor('outbox').on(OutboxCase, (event) => {
      handled.push({ eventId: event.eventId, traceId: trace.getActiveSpan()?.spanContext().traceId });
    });
    await consumer.start();

    // The request's span: the outbox entry captures its context at write time.
    const tracer = trace.getTracer('messaging-spec');
    const requestSpan = tracer.startSpan('POST /widgets');
    const event = widget(OutboxCase, 'widget-3', 'from-outbox');
    await context.with(trace.setSpan(context.active(), requestSpan), () =>
      Widgets.create(withOutbox({ _id: 'widget-3', label: 'from-outbox' }, [buildOutboxEntry(event, catalog)])),
    );
    requestSpan.end();
    const pending = await Widgets.findById('widget-3').select('+_outbox').lean<Widget & OutboxFields>();
    expect(pending?._outbox).toHaveLength(1);
    // Ordinary reads never see the outbox.
    expect(await Widgets.findById('widget-3').lean()).not.toHaveProperty('_outbox');

    // The crash window: a relay published the entry, then died before removing it.
    const entry = pending!._outbox[0];
    await publisher.send({ topic: entry.topic, key: entry.key, value: entry.value, headers: entry.headers });
    await waitFor('the first delivery', () => handled.length === 1);

    const relay = new OutboxRelay({ sources: [Widgets], publisher, intervalMs: 100, logger: quietLogger });
    relay.start();
    await waitFor('the outbox to drain', async () => ((await Widgets.findById('widget-3').select('+_outbox').lean<Widget & OutboxFields>())?._outbox.length ?? 1) === 0);
    await relay.stop();

    // The republished copy is on the topic, yet the handler ran once.
    const delivered = await readTopic(OutboxCase.topic, 2);
    expect(delivered.map((m) => JSON.parse(m.value).eventId)).toEqual([event.eventId, event.eventId]);
    await sleep(500);
    expect(handled).toHaveLength(1);
    expect(await Widgets.findById('widget-3').lean()).toMatchObject({ label: 'from-outbox' });

    // Trace: request span -> relay's PRODUCER span -> consumer's CONSUMER span, one trace id.
    const spans = exporter.getFinishedSpans();
    const producer = spans.find((s) => s.name === `${OutboxCase.topic} publish` && s.kind === SpanKind.PRODUCER);
    const consumerSpan = spans.find((s) => s.name === `${OutboxCase.topic} process` && s.kind === SpanKind.CONSUMER);
    expect(producer).toBeDefined();
    expect(consumerSpan).toBeDefined();
    const traceId = requestSpan.spanContext().traceId;
    expect(producer!.spanContext().traceId).toBe(traceId);
    expect(producer!.parentSpanContext?.spanId).toBe(requestSpan.spanContext().spanId);
    expect(consumerSpan!.spanContext().traceId).toBe(traceId);
    expect(handled[0].traceId).toBe(traceId);
    const consumerParents = spans.filter((s) => s.kind === SpanKind.CONSUMER && s.name === `${OutboxCase.topic} process`).map((s) => s.parentSpanContext?.spanId);
    expect(consumerParents).toContain(producer!.spanContext().spanId);
  });
});
