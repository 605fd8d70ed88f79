import { Module } from '@nestjs/common';
import { FundingAwardsModule } from '../funding-awards/funding-awards.module';
import { JointEffortsModule } from '../joint-efforts/joint-efforts.module';
import { WaitingReceiptsRetry } from './waiting-receipts.retry';

/** Tries again what waits for a plan: awards and joint-effort joinings. */
@Module({ imports: [FundingAwardsModule, JointEffortsModule], providers: [WaitingReceiptsRetry] })
export class WaitingReceiptsModule {}
