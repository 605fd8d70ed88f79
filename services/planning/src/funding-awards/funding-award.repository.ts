import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { WaitingReceiptRepository } from '../plans/waiting-receipt.repository';
import { FUNDING_AWARD_MODEL, type FundingAwardReceipt, FundingAwardSchema } from './funding-award.schema';

/** Planning's receipts of funding awards, by (jurisdiction, application). */
@Injectable()
export class FundingAwardRepository extends WaitingReceiptRepository<FundingAwardReceipt, 'applicationId'> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[FUNDING_AWARD_MODEL] as Model<FundingAwardReceipt> | undefined) ?? connection.model<FundingAwardReceipt>(FUNDING_AWARD_MODEL, FundingAwardSchema), 'applicationId');
  }
}
