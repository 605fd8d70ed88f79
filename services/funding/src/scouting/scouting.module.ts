import { Module } from '@nestjs/common';
import { Connectors } from '../connectors/connectors';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SourcesModule } from '../sources/sources.module';
import { DeadlineSweep } from './deadline-sweep';
import { ScoutingIngest } from './scouting-ingest';
import { ScoutingRunRepository } from './scouting-run.repository';
import { ScoutingRunner } from './scouting.runner';
import { ScoutingService } from './scouting.service';
import { SourceAdminResolver } from './source-admin.resolver';
import { SourceAdminService } from './source-admin.service';

/**
 * Scouting: sources read on their schedule and on demand, each run once
 * across replicas, its report kept; the admin API of sources and runs. The
 * runner's settings come from FundingSettingsModule.
 */
@Module({
  imports: [OpportunitiesModule, SourcesModule],
  providers: [Connectors, ScoutingIngest, DeadlineSweep, ScoutingRunRepository, ScoutingRunner, ScoutingService, SourceAdminService, SourceAdminResolver],
})
export class ScoutingModule {}
