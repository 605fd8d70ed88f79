import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { FUNDING_AWARD_MODEL, type FundingAwardReceipt, FundingAwardSchema } from './funding-award.schema';

/** Planning's receipts of funding awards, upserted by (jurisdiction, application): a repeat changes nothing but the latest state. */
@Injectable()
export class FundingAwardRepository extends TenantRepository<FundingAwardReceipt> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[FUNDING_AWARD_MODEL] as Model<FundingAwardReceipt> | undefined) ?? connection.model<FundingAwardReceipt>(FUNDING_AWARD_MODEL, FundingAwardSchema));
  }

  /** Resolves once the indexes exist (the unique one keeps an applied receipt applied). */
  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  find(scope: TenantScope, applicationId: string): Promise<(FundingAwardReceipt & Stored) | null> {
    return this.findOne(tenantQuery<FundingAwardReceipt>(scope, { applicationId }));
  }

  /** Waiting awards of every jurisdiction due to be tried again, oldest due first; each with its scope. */
  dueWaiting(now: Date, limit: number): Promise<Array<ScopedRecord<FundingAwardReceipt & Stored>>> {
    return this.findAcrossJurisdictions<FundingAwardReceipt & Stored>({ status: 'waiting', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] }, { sort: { nextAttemptAt: 1 }, limit });
  }

  /** Records what became of an award; an applied receipt is never turned back into a waiting one. */
  async record(scope: TenantScope, receipt: Omit<FundingAwardReceipt, 'jurisdictionId'>): Promise<void> {
    const { applicationId, ...state } = receipt;
    if (state.status === 'waiting') {
      await this.updateOne(tenantQuery<FundingAwardReceipt>(scope, { applicationId, status: 'waiting' }), { $set: state }, { upsert: true }).catch((error: unknown) => {
        // An applied receipt exists: the upsert's insert hits the unique key, and applied stays applied.
        if (!isDuplicateKeyError(error)) throw error;
      });
      return;
    }
    await this.updateOne(tenantQuery<FundingAwardReceipt>(scope, { applicationId }), { $set: state }, { upsert: true });
  }
}

