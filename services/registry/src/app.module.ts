import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, ServiceCoreModule } from '@entente/service-runtime';
import type { RegistryConfig } from './config';
import { AssetsModule } from './assets/assets.module';
import { PartnersModule } from './partners/partners.module';
import { RelationshipsModule } from './relationships/relationships.module';
import { EngagementsModule } from './engagements/engagements.module';
import { ViewsModule } from './views/views.module';
import { ViewCacheModule } from './views/view-cache.module';
import { HistoryModule } from './history/history.module';
import { PartnerMergeModule } from './partners/partner-merge.module';
import { JurisdictionsModule } from './jurisdictions/jurisdictions.module';
import { ImportsModule } from './imports/imports.module';

@Module({})
export class AppModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    const relationships = RelationshipsModule.forRoot({ dormancyMonths: config.DORMANCY_MONTHS });
    const engagements = EngagementsModule.forRoot(relationships);
    const assets = AssetsModule.forRoot(relationships);
    const jurisdictions = JurisdictionsModule.forRoot({
      keycloakUrl: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      clientId: config.KEYCLOAK_ADMIN_CLIENT_ID,
      clientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET,
    });
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(coreOptionsFrom('registry', config, [TOPICS.registryPartner, TOPICS.registryJurisdiction, TOPICS.registryRelationship, TOPICS.registryEngagement, TOPICS.registryAsset])),
        ViewCacheModule.forRoot({ maxAgeMs: config.VIEW_CACHE_MAX_AGE_MS, maxRecords: config.VIEW_CACHE_MAX_RECORDS }),
        jurisdictions,
        PartnersModule,
        relationships,
        engagements,
        assets,
        ViewsModule.forRoot({ relationships, engagements, assets }),
        ImportsModule.forRoot({
          jurisdictions,
          relationships,
          assets,
          runner: { pollMs: config.IMPORT_POLL_INTERVAL_MS, leaseMs: config.IMPORT_LEASE_MS },
        }),
        PartnerMergeModule.forRoot({ relationships, engagements }),
        HistoryModule.forRoot({ relationships, engagements, assets }),
      ],
    };
  }
}
