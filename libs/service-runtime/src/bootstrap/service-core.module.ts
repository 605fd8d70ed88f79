import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Connection } from 'mongoose';
import { APP_GUARD } from '@nestjs/core';
import { graphqlAuthContext, RolesGuard, TokenVerifier } from '@entente/auth';
import { JsonLogger } from '@entente/telemetry';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { subgraphOptions } from '../graphql/subgraph-options';
import { HealthModule } from '../health/health.module';
import { KafkaLifecycle, MessagingModule } from '../messaging/messaging.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DatabaseModule, MONGO_CONNECTION, mongoReadiness } from './database.module';
import type { BaseServiceConfig } from './service-config';

export const EXTRA_READINESS = Symbol('EXTRA_READINESS');

export interface ServiceCoreOptions {
  name: string;
  mongo: { url: string; database: string };
  auth: { keycloakUrl: string; realm: string; audience: string; clockToleranceSeconds: number };
  /** Topics the service produces or consumes. */
  kafka: { brokers: string[]; topics: readonly string[] };
  outbox: { enabled: boolean; intervalMs: number };
}

/**
 * What every domain service has in common: its database, token verification
 * against the realm's JWKS, Kafka (producer, topics), the outbox relay, its Federation v2 subgraph at /graphql with the
 * verified identity in the context, and /health/live and /health/ready.
 */
@Module({})
class TokenVerifierModule {}

@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const verifierProvider = {
      provide: TokenVerifier,
      useFactory: () =>
        new TokenVerifier({
          keycloakUrl: options.auth.keycloakUrl,
          realm: options.auth.realm,
          audience: options.auth.audience,
          clockToleranceSeconds: options.auth.clockToleranceSeconds,
        }),
    };
    const authModule: DynamicModule = { module: TokenVerifierModule, providers: [verifierProvider], exports: [TokenVerifier] };
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [
        authModule,
        DatabaseModule.forRoot(options.mongo),
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          imports: [authModule],
          inject: [TokenVerifier],
          useFactory: (verifier: TokenVerifier) =>
            subgraphOptions({ context: graphqlAuthContext(verifier), logger: new JsonLogger(options.name) }),
        }),
        MessagingModule.forRoot({ name: options.name, brokers: options.kafka.brokers, topics: options.kafka.topics }),
        OutboxModule.forRoot({ source: options.name, ...options.outbox }),
        HealthModule.register({
          inject: [MONGO_CONNECTION, KafkaLifecycle],
          useFactory: (connection: Connection, kafka: KafkaLifecycle) => [mongoReadiness(connection), kafka],
        }),
      ],
      // Secure by default: every GraphQL operation of every service must declare @Roles or @AnyRole (see RolesGuard).
      // The platform's DateTime scalar for every Date (graphql/date-time.scalar.ts).
      providers: [{ provide: APP_GUARD, useClass: RolesGuard }, DateTimeScalar],
      exports: [authModule],
    };
  }
}

/** The core options every service derives the same way from its validated config. */
export function coreOptionsFrom(name: string, config: BaseServiceConfig, topics: readonly string[]): ServiceCoreOptions {
  return {
    name,
    mongo: { url: config.MONGO_URL, database: config.MONGO_DATABASE },
    auth: {
      keycloakUrl: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      audience: config.AUTH_AUDIENCE,
      clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
    },
    kafka: { brokers: config.KAFKA_BROKERS, topics },
    outbox: { enabled: config.OUTBOX_RELAY_ENABLED, intervalMs: config.OUTBOX_POLL_INTERVAL_MS },
  };
}
