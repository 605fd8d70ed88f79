import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { FundingConfig } from './config';
import { FundingSettingsModule } from './funding-settings.module';
import { FundersModule } from './funders/funders.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { ScoutingModule } from './scouting/scouting.module';

/** The topics funding provisions: those it reads (the registry's jurisdictions) and those it publishes (opportunities, scouting runs). */
const TOPICS_USED = [TOPICS.registryJurisdiction, TOPICS.fundingOpportunity, TOPICS.fundingScouting];

@Module({})
export class AppModule {
  static forRoot(config: FundingConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(coreOptionsFrom('funding', config, TOPICS_USED)), FundingSettingsModule.forRoot(config), JurisdictionDirectoryModule, FundersModule, OpportunitiesModule, ScoutingModule] };
  }
}
