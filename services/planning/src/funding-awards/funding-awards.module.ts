import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { FundingAwardRepository } from './funding-award.repository';
import { FundingAwards } from './funding-awards';
import { FundingAwardsController } from './funding-awards.controller';
import { WaitingAwardsRetry } from './waiting-awards.retry';

/** Consumes funding's award events: each becomes one external funding line of its year's plan (a waiting one once the plan can take it). */
@Module({ imports: [PlansModule], controllers: [FundingAwardsController], providers: [FundingAwardRepository, FundingAwards, WaitingAwardsRetry] })
export class FundingAwardsModule {}
