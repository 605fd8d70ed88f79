import { Module } from '@nestjs/common';
import { StrategyRepository } from './strategy.repository';
import { StrategyResolver } from './strategy.resolver';
import { StrategyService } from './strategy.service';

/** GoalsInUse (goals-in-use.port.ts) comes from PrioritiesModule, which exports it globally. */
@Module({
  providers: [StrategyRepository, StrategyService, StrategyResolver],
  exports: [StrategyService],
})
export class StrategyModule {}
