import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { PlanningConfig } from './config';
import { FundingAwardsModule } from './funding-awards/funding-awards.module';
import { GoalsModule } from './goals/goals.module';
import { JointEffortsModule } from './joint-efforts/joint-efforts.module';
import { PlansModule } from './plans/plans.module';
import { PrioritiesModule } from './priorities/priorities.module';
import { RegistryRecordsModule } from './registry-records/registry-records.module';
import { ReportsModule } from './reports/reports.module';
import { StrategyModule } from './strategy/strategy.module';
import { VisitRequestsModule } from './visit-requests/visit-requests.module';
import { WaitingReceiptsModule } from './waiting-receipts/waiting-receipts.module';

/**
 * The topics planning provisions: those it reads (the registry's
 * jurisdictions, partners, relationships and assets — evidence links and
 * anniversaries; funding's awards; the network's joint-effort joinings)
 * and those it publishes.
 */
const TOPICS_USED = [
  TOPICS.registryJurisdiction,
  TOPICS.registryPartner,
  TOPICS.registryRelationship,
  TOPICS.registryAsset,
  TOPICS.planningPriority,
  TOPICS.planningPlan,
  TOPICS.planningActivity,
  TOPICS.fundingApplication,
  TOPICS.networkJointEffort,
];

@Module({})
export class AppModule {
  static forRoot(config: PlanningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot(coreOptionsFrom('planning', config, TOPICS_USED)),
        JurisdictionDirectoryModule,
        GoalsModule,
        RegistryRecordsModule,
        StrategyModule,
        PrioritiesModule,
        PlansModule,
        ReportsModule,
        VisitRequestsModule,
        FundingAwardsModule,
        JointEffortsModule,
        WaitingReceiptsModule,
      ],
    };
  }
}
