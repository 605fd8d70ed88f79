import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { WaitingReceiptRepository } from '../plans/waiting-receipt.repository';
import { JOINT_EFFORT_RECEIPT_MODEL, type JointEffortReceipt, JointEffortReceiptSchema } from './joint-effort-receipt.schema';

/** Planning's receipts of joint-effort joinings, by (jurisdiction, effort); only those that kept their joining can be tried again. */
@Injectable()
export class JointEffortReceiptRepository extends WaitingReceiptRepository<JointEffortReceipt, 'effortId'> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[JOINT_EFFORT_RECEIPT_MODEL] as Model<JointEffortReceipt> | undefined) ?? connection.model<JointEffortReceipt>(JOINT_EFFORT_RECEIPT_MODEL, JointEffortReceiptSchema), 'effortId', { joined: { $ne: null } });
  }
}
