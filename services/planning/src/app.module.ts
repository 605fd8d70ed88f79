import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { PlanningConfig } from './config';
import { GoalsModule } from './goals/goals.module';

@Module({})
export class AppModule {
  static forRoot(config: PlanningConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(coreOptionsFrom('planning', config, [TOPICS.registryJurisdiction])), JurisdictionDirectoryModule, GoalsModule] };
  }
}
