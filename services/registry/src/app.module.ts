import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, ServiceCoreModule } from '@entente/service-runtime';
import type { RegistryConfig } from './config';
import { AssetsModule } from './assets/assets.module';
import { EngagementsModule } from './engagements/engagements.module';
import { HistoryModule } from './history/history.module';
import { ImportsModule } from './imports/imports.module';
import { JurisdictionsModule } from './jurisdictions/jurisdictions.module';
import { PartnerMergeModule } from './partner-merge/partner-merge.module';
import { PartnersModule } from './partners/partners.module';
import { RegistrySettingsModule } from './registry-settings.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { ViewCacheModule } from './inventory-version/view-cache.module';
import { ViewsModule } from './views/views.module';

/** The registry: its core (database, Kafka, subgraph, outbox relay, role guard), its settings, then its features, which import each other. */
@Module({})
export class AppModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(coreOptionsFrom('registry', config, [TOPICS.registryPartner, TOPICS.registryJurisdiction, TOPICS.registryRelationship, TOPICS.registryEngagement, TOPICS.registryAsset])),
        RegistrySettingsModule.forRoot(config),
        ViewCacheModule.forRoot({ maxAgeMs: config.VIEW_CACHE_MAX_AGE_MS, maxRecords: config.VIEW_CACHE_MAX_RECORDS }),
        JurisdictionsModule,
        PartnersModule,
        RelationshipsModule,
        EngagementsModule,
        AssetsModule,
        ViewsModule,
        ImportsModule,
        PartnerMergeModule,
        HistoryModule,
      ],
    };
  }
}
