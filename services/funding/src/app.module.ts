import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import { AlertsModule } from './alerts/alerts.module';
import { CalendarModule } from './calendar/calendar.module';
import type { FundingConfig } from './config';
import { FundingSettingsModule } from './funding-settings.module';
import { FollowsModule } from './follows/follows.module';
import { FundersModule } from './funders/funders.module';
import { MailModule } from './mail/mail.module';
import { MatchingModule } from './matching/matching.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { PrioritiesModule } from './priorities/priorities.module';
import { ScoutingModule } from './scouting/scouting.module';
import { SearchesModule } from './searches/searches.module';

/** The topics funding provisions: those it reads (the registry's jurisdictions, planning's priorities) and those it publishes (pipeline awards, opportunities, scouting runs). */
const TOPICS_USED = [TOPICS.registryJurisdiction, TOPICS.planningPriority, TOPICS.fundingApplication, TOPICS.fundingOpportunity, TOPICS.fundingScouting];

@Module({})
export class AppModule {
  static forRoot(config: FundingConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(coreOptionsFrom('funding', config, TOPICS_USED)), FundingSettingsModule.forRoot(config), JurisdictionDirectoryModule, FundersModule, OpportunitiesModule, ScoutingModule, PrioritiesModule, MatchingModule, PipelineModule, CalendarModule, MailModule.forRoot(config), SearchesModule, AlertsModule, FollowsModule] };
  }
}
