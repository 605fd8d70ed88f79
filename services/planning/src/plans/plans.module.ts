import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { PrioritiesModule } from '../priorities/priorities.module';
import { RegistryRecordsModule } from '../registry-records/registry-records.module';
import { ActivityProgressRepository } from './activity-progress.repository';
import { PlanVersionRepository } from './plan.repository';
import { PlanResolver } from './plan.resolver';
import { PlanService } from './plan.service';

/** Annual plans, their versions, activities, capacity check and decisions. The jurisdiction directory gives each plan its fiscal year and currency. */
@Module({
  imports: [JurisdictionDirectoryModule, PrioritiesModule, RegistryRecordsModule],
  providers: [PlanVersionRepository, ActivityProgressRepository, PlanService, PlanResolver],
  exports: [PlanService],
})
export class PlansModule {}
