import { Schema } from 'mongoose';
import type { JointEffortParticipantJoinedV1Payload } from '@entente/contracts';

export const JOINT_EFFORT_RECEIPT_STATUSES = ['applied', 'waiting'] as const;
export type JointEffortReceiptStatus = (typeof JOINT_EFFORT_RECEIPT_STATUSES)[number];

/**
 * Planning's receipt of a joining of a joint effort: one row per
 * (jurisdiction, effort). `applied`: the plan of `year` holds the proposed
 * activity. `waiting`: there was no plan it could go into (none for that
 * year, or one in review or closed); `note` says which, and the joining
 * (kept whole in `joined`) is tried again at `nextAttemptAt` (back-off,
 * plans/waiting-retry.ts) until the plan can take it.
 */
export interface JointEffortReceipt {
  jurisdictionId: string;
  effortId: string;
  year: number;
  title: string;
  costShare: number;
  status: JointEffortReceiptStatus;
  note: string | null;
  receivedAt: Date;
  /** The joining as it arrived: what a later try builds the activity from (absent on receipts from before retries: those are not retried). */
  joined?: JointEffortParticipantJoinedV1Payload | null;
  /** Tries of a waiting joining so far (the first delivery is 1). */
  attempts?: number;
  /** When a waiting joining is tried again; null once applied. */
  nextAttemptAt?: Date | null;
}

export const JOINT_EFFORT_RECEIPT_MODEL = 'JointEffortReceipt';

export const JointEffortReceiptSchema = new Schema<JointEffortReceipt>(
  {
    jurisdictionId: { type: String, required: true },
    effortId: { type: String, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    costShare: { type: Number, required: true },
    status: { type: String, required: true, enum: JOINT_EFFORT_RECEIPT_STATUSES },
    note: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    joined: { type: Schema.Types.Mixed, default: null },
    attempts: { type: Number, default: 1 },
    nextAttemptAt: { type: Date, default: null },
  },
  { collection: 'joint_effort_receipts', versionKey: false },
);
JointEffortReceiptSchema.index({ jurisdictionId: 1, effortId: 1 }, { unique: true });
JointEffortReceiptSchema.index({ status: 1, nextAttemptAt: 1 });
