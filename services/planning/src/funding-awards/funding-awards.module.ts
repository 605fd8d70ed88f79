import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { FundingAwardRepository } from './funding-award.repository';
import { FundingAwards } from './funding-awards';
import { FundingAwardsController } from './funding-awards.controller';

/** Consumes funding's award events: each becomes one external funding line of its year's plan. */
@Module({ imports: [PlansModule], controllers: [FundingAwardsController], providers: [FundingAwardRepository, FundingAwards] })
export class FundingAwardsModule {}
