import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { ENGAGEMENT_TYPES, EngagementType, Money } from './engagement.rules';

/** One logged engagement (visit, mission, meeting…) with one or more partners, as stored. */
export interface EngagementRecord {
  jurisdictionId: string;
  engagementId: string;
  /** YYYY-MM-DD. */
  date: string;
  type: EngagementType;
  partnerIds: string[];
  purpose: string;
  outcomes: string | null;
  nextSteps: string | null;
  cost: Money | null;
  staffDays: number | null;
  priorityIds: string[];
  createdBy: string;
  createdAt: Date;
}

export const ENGAGEMENT_MODEL = 'Engagement';

const MoneySchema = new Schema<Money>({ amount: { type: Number, required: true }, currency: { type: String, required: true } }, { _id: false });

export const EngagementSchema = new Schema<EngagementRecord>(
  {
    jurisdictionId: { type: String, required: true },
    engagementId: { type: String, required: true },
    date: { type: String, required: true },
    type: { type: String, required: true, enum: ENGAGEMENT_TYPES },
    partnerIds: { type: [String], required: true },
    purpose: { type: String, required: true },
    outcomes: { type: String, default: null },
    nextSteps: { type: String, default: null },
    cost: { type: MoneySchema, default: null },
    staffDays: { type: Number, default: null },
    priorityIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'engagements', versionKey: false },
);
EngagementSchema.index({ jurisdictionId: 1, engagementId: 1 }, { unique: true });
EngagementSchema.index({ jurisdictionId: 1, partnerIds: 1 });
EngagementSchema.plugin(outboxPlugin);
EngagementSchema.plugin(historyPlugin);
