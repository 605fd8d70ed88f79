import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { JointEffortActivities } from './joint-effort-activities';
import { JointEffortReceiptRepository } from './joint-effort-receipt.repository';
import { JointEffortsController } from './joint-efforts.controller';

/** Consumes the network's joint-effort joinings: each becomes one proposed activity of the participant's plan (a waiting one once the plan can take it, see WaitingReceiptsRetry). */
@Module({ imports: [PlansModule], controllers: [JointEffortsController], providers: [JointEffortReceiptRepository, JointEffortActivities], exports: [JointEffortActivities] })
export class JointEffortsModule {}
