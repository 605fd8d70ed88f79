import { Schema } from 'mongoose';

export const FUNDING_AWARD_STATUSES = ['applied', 'waiting'] as const;
export type FundingAwardStatus = (typeof FUNDING_AWARD_STATUSES)[number];

/**
 * Planning's receipt of an award from funding's pipeline: one row per
 * (jurisdiction, application). `applied`: the plan of `year` holds its
 * external funding line. `waiting`: there was no plan it could go into (none
 * for that year, or one in review or closed); `note` says which, and the
 * award is tried again at `nextAttemptAt` (back-off, see FundingAwards) until
 * the plan can take it.
 */
export interface FundingAwardReceipt {
  jurisdictionId: string;
  applicationId: string;
  year: number;
  label: string;
  amount: number;
  status: FundingAwardStatus;
  note: string | null;
  receivedAt: Date;
  /** Tries of a waiting award so far (the first delivery is 1). */
  attempts?: number;
  /** When a waiting award is tried again; null once applied (absent on receipts from before retries: due). */
  nextAttemptAt?: Date | null;
}

export const FUNDING_AWARD_MODEL = 'FundingAwardReceipt';

export const FundingAwardSchema = new Schema<FundingAwardReceipt>(
  {
    jurisdictionId: { type: String, required: true },
    applicationId: { type: String, required: true },
    year: { type: Number, required: true },
    label: { type: String, required: true },
    amount: { type: Number, required: true },
    status: { type: String, required: true, enum: FUNDING_AWARD_STATUSES },
    note: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    attempts: { type: Number, default: 1 },
    nextAttemptAt: { type: Date, default: null },
  },
  { collection: 'funding_awards', versionKey: false },
);
FundingAwardSchema.index({ jurisdictionId: 1, applicationId: 1 }, { unique: true });
FundingAwardSchema.index({ status: 1, nextAttemptAt: 1 });
