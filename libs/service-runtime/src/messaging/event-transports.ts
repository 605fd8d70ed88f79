import type { INestApplication } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { KafkaEventServer } from '@entente/messaging';
import { JsonLogger } from '@entente/telemetry';
import { MONGO_CONNECTION } from '../bootstrap/database.module';
import type { BaseServiceConfig } from '../bootstrap/service-config';

/** The service's event consumer (our Kafka transport) for runService's `transports`. */
export function eventTransports(name: string, config: BaseServiceConfig): (app: INestApplication) => CustomTransportStrategy[] {
  return (app) => [
    new KafkaEventServer({
      brokers: config.KAFKA_BROKERS,
      clientId: name,
      groupId: config.KAFKA_GROUP_ID,
      connection: app.get(MONGO_CONNECTION),
      maxAttempts: config.KAFKA_MAX_ATTEMPTS,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      logger: new JsonLogger(name),
    }),
  ];
}
