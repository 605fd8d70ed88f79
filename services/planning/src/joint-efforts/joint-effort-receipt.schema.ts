import { Schema } from 'mongoose';

export const JOINT_EFFORT_RECEIPT_STATUSES = ['applied', 'waiting'] as const;
export type JointEffortReceiptStatus = (typeof JOINT_EFFORT_RECEIPT_STATUSES)[number];

/**
 * Planning's receipt of a joining of a joint effort: one row per
 * (jurisdiction, effort). `applied`: the plan of `year` holds the proposed
 * activity. `waiting`: there was no plan it could go into (none for that
 * year, or one in review or closed); `note` says which.
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
  },
  { collection: 'joint_effort_receipts', versionKey: false },
);
JointEffortReceiptSchema.index({ jurisdictionId: 1, effortId: 1 }, { unique: true });
