import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { JsonLogger } from '@entente/telemetry';
import { closeOnSignals } from './close-on-signals';

export interface RunServiceOptions {
  name: string;
  module: Type<unknown> | DynamicModule;
  port: number;
  host: string;
  /** Event consumers (our Kafka transport), started before HTTP traffic is accepted. */
  transports?: (app: INestApplication) => CustomTransportStrategy[];
}

/**
 * Creates, starts and returns a service: JSON logs with trace ids, event
 * transports connected, then HTTP, and graceful shutdown on SIGTERM/SIGINT.
 * A failure at boot is logged and ends the process with a non-zero code.
 */
export async function runService(options: RunServiceOptions): Promise<INestApplication> {
  const logger = new JsonLogger(options.name);
  try {
    const app = await NestFactory.create(options.module, { logger, abortOnError: false });
    for (const strategy of options.transports?.(app) ?? []) {
      app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    }
    await app.startAllMicroservices();
    await app.listen(options.port, options.host);
    closeOnSignals(app, logger);
    logger.log(`${options.name} listening on http://${options.host}:${options.port}`, 'Bootstrap');
    return app;
  } catch (error) {
    logger.error(`${options.name} failed to start: ${(error as Error).message}`, (error as Error).stack, 'Bootstrap');
    process.exit(1);
  }
}
