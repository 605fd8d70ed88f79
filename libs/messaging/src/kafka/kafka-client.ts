import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingLogger } from '../messaging-logger';
import type { KafkaConnectionConfig } from './kafka-messaging.config';

/**
 * The only place a kafkajs client is built. kafkajs' own log lines go through
 * our logger at warn level and above: its info chatter about joins and
 * rebalances would drown the services' logs.
 */
export function createKafkaClient(config: KafkaConnectionConfig, logger: MessagingLogger): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, label, log }: LogEntry) => {
        const { message, ...rest } = log;
        const context = { kafkajs: label, ...rest };
        if (level <= logLevel.ERROR) logger.error(`kafkajs: ${message}`, context);
        else logger.warn(`kafkajs: ${message}`, context);
      },
  });
}
