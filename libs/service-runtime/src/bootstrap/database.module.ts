import { DynamicModule, Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { openMongoConnection, pingMongo } from '@entente/persistence';
import type { ReadinessCheck } from '../health/readiness-check';

export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');

/** The one database a service owns, opened at boot and closed on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(MONGO_CONNECTION) private readonly connection: Connection) {}

  static forRoot(options: { url: string; database: string }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: MONGO_CONNECTION, useFactory: () => openMongoConnection(options) }],
      exports: [MONGO_CONNECTION],
    };
  }

  /**
   * Waits until every model's collection and indexes exist before traffic and
   * events arrive: unique indexes are what tenancy and idempotency rely on, and
   * a first write racing the index build could create the collection twice.
   */
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.connection.modelNames().map((name) => this.connection.model(name).init()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

export function mongoReadiness(connection: Connection): ReadinessCheck {
  return { name: 'mongodb', isReady: () => pingMongo(connection) };
}
