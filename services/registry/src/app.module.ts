import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, ServiceCoreModule } from '@entente/service-runtime';
import type { RegistryConfig } from './config';
import { AssetsModule } from './assets/assets.module';
import { PartnersModule } from './partners/partners.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { EngagementsModule } from './engagements/engagements.module';

@Module({})
export class AppModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(coreOptionsFrom('registry', config, [TOPICS.registryPartner, TOPICS.registryJurisdiction, TOPICS.registryRelationship, TOPICS.registryEngagement, TOPICS.registryAsset])),
        PartnersModule.forRoot({ enabled: config.OUTBOX_RELAY_ENABLED, intervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        RelationshipsModule.forRoot({
          outbox: { enabled: config.OUTBOX_RELAY_ENABLED, intervalMs: config.OUTBOX_POLL_INTERVAL_MS },
          dormancyMonths: config.DORMANCY_MONTHS,
        }),
        EngagementsModule.forRoot({ enabled: config.OUTBOX_RELAY_ENABLED, intervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
        AssetsModule.forRoot({ enabled: config.OUTBOX_RELAY_ENABLED, intervalMs: config.OUTBOX_POLL_INTERVAL_MS }),
      ],
    };
  }
}
