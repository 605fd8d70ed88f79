import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { NetworkConfig } from './config';
import { JointEffortsModule } from './joint-efforts/joint-efforts.module';
import { NetworksModule } from './networks/networks.module';
import { PartnerSearchesModule } from './partner-searches/partner-searches.module';
import { SharingModule } from './sharing/sharing.module';
import { SourceRecordsModule } from './source-records/source-records.module';
import { SpottingModule } from './spotting/spotting.module';
import { TiesModule } from './ties/ties.module';

/**
 * The topics network provisions: those it reads (the registry's
 * jurisdictions, partners, relationships and assets; planning's priorities
 * and activities; funding's calls) and those it publishes (membership
 * changes, joint-effort joinings).
 */
const TOPICS_USED = [
  TOPICS.registryJurisdiction,
  TOPICS.registryPartner,
  TOPICS.registryRelationship,
  TOPICS.registryAsset,
  TOPICS.planningPriority,
  TOPICS.planningActivity,
  TOPICS.fundingOpportunity,
  TOPICS.networkMembership,
  TOPICS.networkJointEffort,
];

@Module({})
export class AppModule {
  static forRoot(config: NetworkConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forRoot(coreOptionsFrom('network', config, TOPICS_USED)), JurisdictionDirectoryModule, TiesModule, SourceRecordsModule, NetworksModule, SharingModule, SpottingModule, JointEffortsModule, PartnerSearchesModule],
    };
  }
}
