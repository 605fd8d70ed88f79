import { Global, Module } from '@nestjs/common';
import { RegistryRecordsModule } from '../registry-records/registry-records.module';
import { GoalsInUse } from '../strategy/goals-in-use.port';
import { StrategyModule } from '../strategy/strategy.module';
import { ActivePriorityGoals } from './active-priority-goals';
import { PriorityRepository } from './priority.repository';
import { PriorityResolver } from './priority.resolver';
import { PriorityService } from './priority.service';

/**
 * Global for one reason: the strategy asks the priorities which goals are in
 * use (GoalsInUse) but cannot import this module, which imports the strategy;
 * a global export reaches it without a cycle between the two folders.
 * Plans and reports import this module for PriorityRepository.
 */
@Global()
@Module({
  imports: [StrategyModule, RegistryRecordsModule],
  providers: [PriorityRepository, PriorityService, PriorityResolver, { provide: GoalsInUse, useClass: ActivePriorityGoals }],
  exports: [PriorityRepository, GoalsInUse],
})
export class PrioritiesModule {}
