import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { JOINT_EFFORT_RECEIPT_MODEL, type JointEffortReceipt, JointEffortReceiptSchema } from './joint-effort-receipt.schema';

/** Planning's receipts of joint-effort joinings, by (jurisdiction, effort): an applied receipt is never turned back into a waiting one. */
@Injectable()
export class JointEffortReceiptRepository extends TenantRepository<JointEffortReceipt> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[JOINT_EFFORT_RECEIPT_MODEL] as Model<JointEffortReceipt> | undefined) ?? connection.model<JointEffortReceipt>(JOINT_EFFORT_RECEIPT_MODEL, JointEffortReceiptSchema));
  }

  find(scope: TenantScope, effortId: string): Promise<(JointEffortReceipt & Stored) | null> {
    return this.findOne(tenantQuery<JointEffortReceipt>(scope, { effortId }));
  }

  async record(scope: TenantScope, receipt: Omit<JointEffortReceipt, 'jurisdictionId'>): Promise<void> {
    const { effortId, ...state } = receipt;
    if (state.status === 'waiting') {
      await this.updateOne(tenantQuery<JointEffortReceipt>(scope, { effortId, status: 'waiting' }), { $set: state }, { upsert: true }).catch((error: unknown) => {
        // An applied receipt exists: the upsert's insert hits the unique key, and applied stays applied.
        if (!isDuplicateKeyError(error)) throw error;
      });
      return;
    }
    await this.updateOne(tenantQuery<JointEffortReceipt>(scope, { effortId }), { $set: state }, { upsert: true });
  }
}
