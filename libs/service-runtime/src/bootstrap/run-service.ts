import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { lineageMiddleware } from './lineage.middleware';
import { bodyParserErrors, closeOnSignals, declaredBodyLimit, MAX_REQUEST_BODY_BYTES } from '@entente/http-edge';
import { GraphQLError } from 'graphql';
import { isClientErrorCode } from '@entente/auth';
import { DomainError } from '@entente/errors';
import { JsonLogger } from '@entente/telemetry';

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
  const logger = new JsonLogger(options.name, undefined, { clientErrorCode });
  try {
    // Our own JSON parser, with the platform's body limit instead of Express's 100 kB (imports travel in the request).
    const app = await NestFactory.create<NestExpressApplication>(options.module, { logger, abortOnError: false, bodyParser: false });
    app.use(lineageMiddleware());
    app.use(declaredBodyLimit());
    app.useBodyParser('json', { limit: MAX_REQUEST_BODY_BYTES });
    app.use(bodyParserErrors());
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

/** The code of an error the caller caused (a domain error, or a GraphQL error with a client code such as FORBIDDEN), else null. */
export function clientErrorCode(error: Error): string | null {
  if (error instanceof DomainError) return error.code;
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  return isClientErrorCode(code) ? code : null;
}
