/** The Nest transport end to end: an @OnEvent handler receives the validated envelope from real Kafka. */
import { EVENT_CATALOG, type EnvelopeOf, type EventEnvelope, createEvent, defineEvent } from '@entente/contracts';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import mongoose, { type Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { KafkaMessageBus } from '../message-bus';
import type { MessagingLogger } from '../messaging-logger';
import { KafkaEventContext } from './kafka-event.context';
import { KafkaEventServer } from './kafka-event.server';
import { OnEvent } from './on-event.decorator';

const run = randomUUID().slice(0, 8);
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const GadgetMade = defineEvent({ type: `test.gadget-${run}.made`, version: 1, topic: `test.gadget.${run}.v1`, schema: z.object({ n: z.number() }) });
const catalog = EVENT_CATALOG.with(GadgetMade);
const quiet: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const received: Array<{ event: EventEnvelope; attempt: number }> = [];
let failOnce = true;

@Controller()
class GadgetEvents {
  @OnEvent(GadgetMade)
  handle(@Payload() event: EnvelopeOf<typeof GadgetMade>, @Ctx() ctx: KafkaEventContext): void {
    if (failOnce) {
      failOnce = false;
      throw new Error('transient');
    }
    received.push({ event, attempt: ctx.getMeta().attempt });
  }
}

@Module({ controllers: [GadgetEvents] })
class GadgetModule {}

let connection: Connection;
let app: INestMicroservice;

beforeAll(async () => {
  connection = await mongoose.createConnection(process.env.MONGO_URL ?? '', { dbName: `nest_transport_spec_${run}` }).asPromise();
  app = await NestFactory.createMicroservice(GadgetModule, {
    strategy: new KafkaEventServer({ brokers, clientId: `nest-spec-${run}`, groupId: `nest-spec-${run}`, connection, catalog, logger: quiet, retryBackoffMs: 20 }),
    logger: false,
  });
  await app.listen();
});

afterAll(async () => {
  await app?.close();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
});

it('delivers the validated envelope to the @OnEvent handler, retrying a transient failure', async () => {
  const bus = new KafkaMessageBus({ brokers, clientId: `nest-spec-producer-${run}`, catalog, logger: quiet });
  const event = createEvent(GadgetMade, { jurisdictionId: 'jur-1', aggregateId: 'g-1', source: 'spec', payload: { n: 7 } });
  await (await bus.publisher()).publish(event);
  await bus.close();
  const deadline = Date.now() + 30_000;
  while (received.length === 0 && Date.now() < deadline) await sleep(50);
  expect(received).toEqual([{ event, attempt: 2 }]);
});
