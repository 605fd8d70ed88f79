import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { FundingAwardRepository } from './funding-award.repository';
import { FundingAwards } from './funding-awards';
import { FundingAwardsController } from './funding-awards.controller';

/** Consumes funding's award events: each becomes one external funding line of its year's plan (a waiting one once the plan can take it, see WaitingReceiptsRetry). */
@Module({ imports: [PlansModule], controllers: [FundingAwardsController], providers: [FundingAwardRepository, FundingAwards], exports: [FundingAwards] })
export class FundingAwardsModule {}
