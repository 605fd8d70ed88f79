import { DynamicModule, Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Connection } from 'mongoose';
import { EventPublisher, OUTBOX_FIELD } from '@entente/messaging';
import { DatabaseModule, EVENT_PUBLISHER, OutboxModule } from '@entente/service-runtime';
import { AssetsModule } from '../assets/assets.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { PartnersModule } from '../partners/partners.module';
import { DEFAULT_DORMANCY_MONTHS } from '../relationships/relationship.rules';
import { DORMANCY_MONTHS } from '../relationships/relationship.service';
import { RelationshipsModule } from '../relationships/relationships.module';
import { DEFAULT_VIEW_CACHE, type ViewCacheSettings } from '@entente/persistence';
import { ViewCacheModule } from '../inventory-version/view-cache.module';
import { ViewsModule } from '../views/views.module';

/** The relay is off in benchmarks (see openRegistryContext); anything published anyway goes nowhere. */
class DiscardingPublisher implements EventPublisher {
  async publish(): Promise<void> {}

  async send(): Promise<void> {}
}

@Global()
@Module({})
class DiscardingPublisherModule {
  static forRoot(): DynamicModule {
    return { module: DiscardingPublisherModule, providers: [{ provide: EVENT_PUBLISHER, useValue: new DiscardingPublisher() }], exports: [EVENT_PUBLISHER] };
  }
}

/** The one registry setting the inventory features read (the rest of RegistrySettingsModule is for imports and users). */
@Global()
@Module({ providers: [{ provide: DORMANCY_MONTHS, useValue: DEFAULT_DORMANCY_MONTHS }], exports: [DORMANCY_MONTHS] })
class InventorySettingsModule {}

@Module({})
class RegistryBenchModule {}

/**
 * The registry's inventory modules wired as AppModule wires them, with its
 * database, but without Kafka, GraphQL or HTTP: the benchmarks call the same
 * services and repositories the resolvers call. The outbox relay is off so
 * that seeding is not slowed by publishing; emptyOutboxes then leaves the
 * documents as a relay would.
 */
export async function openRegistryContext(options: { mongoUrl: string; database: string; viewCache?: ViewCacheSettings }): Promise<INestApplicationContext> {
  const module: DynamicModule = {
    module: RegistryBenchModule,
    imports: [
      DatabaseModule.forRoot({ url: options.mongoUrl, database: options.database }),
      DiscardingPublisherModule.forRoot(),
      OutboxModule.forRoot({ source: 'registry', enabled: false, intervalMs: 200 }),
      ViewCacheModule.forRoot(options.viewCache ?? DEFAULT_VIEW_CACHE),
      InventorySettingsModule,
      PartnersModule,
      RelationshipsModule,
      EngagementsModule,
      AssetsModule,
      ViewsModule,
    ],
  };
  const context = await NestFactory.createApplicationContext(module, { logger: ['error', 'warn'] });
  context.enableShutdownHooks();
  return context;
}

/** What the relay leaves once it has published everything: every outbox empty. */
export async function emptyOutboxes(connection: Connection): Promise<void> {
  const models = connection.modelNames().map((name) => connection.model(name));
  await Promise.all(models.filter((model) => model.schema.path(OUTBOX_FIELD) !== undefined).map((model) => model.updateMany({}, { $set: { [OUTBOX_FIELD]: [] } }).exec()));
}
