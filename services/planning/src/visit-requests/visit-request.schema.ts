import { Schema } from 'mongoose';
import { historyPlugin } from '@entente/persistence';
import { outboxPlugin } from '@entente/messaging';

export const VISIT_REQUEST_STATUSES = ['received', 'accepted', 'declined'] as const;
export type VisitRequestStatus = (typeof VISIT_REQUEST_STATUSES)[number];

/** An incoming request to visit the jurisdiction, its fit and what was decided. */
export interface VisitRequestRecord {
  jurisdictionId: string;
  requestId: string;
  /** Who asks: the delegation or person. */
  visitor: string;
  organisation: string | null;
  country: string;
  sector: string | null;
  purpose: string;
  /** YYYY-MM-DD. */
  dateStart: string;
  dateEnd: string;
  delegationSize: number | null;
  estimatedCost: number;
  estimatedStaffDays: number;
  status: VisitRequestStatus;
  score: number;
  explanation: string;
  /** The priority the fit was best on. */
  priorityId: string | null;
  declineReason: string | null;
  /** The hosted-visit activity an acceptance added to the plan, and that plan's year. */
  activityId: string | null;
  planYear: number | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const VISIT_REQUEST_MODEL = 'VisitRequest';

export const VisitRequestSchema = new Schema<VisitRequestRecord>(
  {
    jurisdictionId: { type: String, required: true },
    requestId: { type: String, required: true },
    visitor: { type: String, required: true },
    organisation: { type: String, default: null },
    country: { type: String, required: true },
    sector: { type: String, default: null },
    purpose: { type: String, required: true },
    dateStart: { type: String, required: true },
    dateEnd: { type: String, required: true },
    delegationSize: { type: Number, default: null },
    estimatedCost: { type: Number, required: true },
    estimatedStaffDays: { type: Number, required: true },
    status: { type: String, required: true, enum: VISIT_REQUEST_STATUSES },
    score: { type: Number, required: true },
    explanation: { type: String, required: true },
    priorityId: { type: String, default: null },
    declineReason: { type: String, default: null },
    activityId: { type: String, default: null },
    planYear: { type: Number, default: null },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'visit_requests', versionKey: false },
);
VisitRequestSchema.index({ jurisdictionId: 1, requestId: 1 }, { unique: true });
VisitRequestSchema.index({ jurisdictionId: 1, status: 1 });
VisitRequestSchema.plugin(outboxPlugin);
VisitRequestSchema.plugin(historyPlugin);
