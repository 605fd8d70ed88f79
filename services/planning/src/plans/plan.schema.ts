import { Schema } from 'mongoose';
import { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, FREQUENCIES, PLAN_STATUSES, type PlanStatus } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { type Activity, type BudgetLine, type CostBySource, type Decision, FUNDING_SOURCES, IMPLEMENTER_KINDS, type PlanContent, REMEDY_KINDS, type SpecialOccasion } from './plan-content';

/**
 * One numbered version of a jurisdiction's plan for one year, activities
 * embedded: the capacity check, the diff and an approval each read or write
 * one version whole, and its outbox entries commit with it in one write
 * (a plan of 500 activities is well under a megabyte).
 */
export interface PlanVersionRecord extends PlanContent {
  jurisdictionId: string;
  version: number;
  status: PlanStatus;
  /** Bumped by every write; edits are pinned to the revision they read, so two people cannot overwrite each other. */
  revision: number;
  /** The version this one was copied from (an edit after approval), null for version 1. */
  basedOnVersion: number | null;
  /** Decisions taken on the plan year so far; a new version carries the earlier ones. */
  decisions: Decision[];
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** Why an executive sent the version back to draft, if they did. */
  returnedReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const PLAN_VERSION_MODEL = 'PlanVersion';

const CostSchema = new Schema<CostBySource>(
  Object.fromEntries(FUNDING_SOURCES.map((source) => [source, { type: Number, required: true, default: 0 }])),
  { _id: false },
);

const BudgetLineSchema = new Schema<BudgetLine>(
  {
    lineId: { type: String, required: true },
    source: { type: String, required: true, enum: FUNDING_SOURCES },
    label: { type: String, required: true },
    amount: { type: Number, required: true },
    fundingReference: { type: String, default: null },
  },
  { _id: false },
);

const OccasionSchema = new Schema<SpecialOccasion>(
  {
    occasionId: { type: String, required: true },
    date: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true, enum: ['anniversary', 'added'] },
    relationshipId: { type: String, default: null },
  },
  { _id: false },
);

const ActivitySchema = new Schema<Activity>(
  {
    activityId: { type: String, required: true },
    title: { type: String, required: true },
    type: { type: String, required: true, enum: ACTIVITY_TYPES },
    priorityIds: { type: [String], default: [] },
    partnerIds: { type: [String], default: [] },
    country: { type: String, default: null },
    city: { type: String, default: null },
    windowStart: { type: String, default: null },
    windowEnd: { type: String, default: null },
    frequency: { type: String, required: true, enum: FREQUENCIES },
    cycleYear: { type: Number, default: null },
    mode: { type: String, required: true, enum: ACTIVITY_MODES },
    costPerOccurrence: { type: CostSchema, required: true },
    staffDaysPerOccurrence: { type: Number, required: true },
    implementers: { type: [new Schema({ name: { type: String, required: true }, kind: { type: String, required: true, enum: IMPLEMENTER_KINDS } }, { _id: false })], default: [] },
    leadDepartment: { type: String, default: null },
    status: { type: String, required: true, enum: ACTIVITY_STATUSES },
    outcomes: { type: String, default: null },
    actualCost: { type: Number, default: null },
    actualStaffDays: { type: Number, default: null },
    jointEffortProposed: { type: Boolean, default: false },
    origin: { type: new Schema({ kind: { type: String, required: true }, reference: { type: String, required: true } }, { _id: false }), default: null },
  },
  { _id: false },
);

const DecisionSchema = new Schema<Decision>(
  {
    decisionId: { type: String, required: true },
    kind: { type: String, required: true, enum: [...REMEDY_KINDS, 'accept-visit', 'decline-visit', 'other'] },
    activityId: { type: String, default: null },
    summary: { type: String, required: true },
    rationale: { type: String, required: true },
    takenBy: { type: String, required: true },
    takenAt: { type: Date, required: true },
    costDelta: { type: CostSchema, required: true },
    staffDaysDelta: { type: Number, required: true },
  },
  { _id: false },
);

export const PlanVersionSchema = new Schema<PlanVersionRecord>(
  {
    jurisdictionId: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true, enum: PLAN_STATUSES },
    revision: { type: Number, required: true },
    basedOnVersion: { type: Number, default: null },
    currency: { type: String, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    budgetLines: { type: [BudgetLineSchema], default: [] },
    staffDaysAvailable: { type: Number, required: true },
    opportunisticAllowance: { type: Number, required: true },
    occasions: { type: [OccasionSchema], default: [] },
    activities: { type: [ActivitySchema], default: [] },
    decisions: { type: [DecisionSchema], default: [] },
    submittedBy: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    approvedBy: { type: String, default: null },
    approvedAt: { type: Date, default: null },
    returnedReason: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'plan_versions', versionKey: false },
);
PlanVersionSchema.index({ jurisdictionId: 1, year: 1, version: 1 }, { unique: true });
PlanVersionSchema.plugin(outboxPlugin);
PlanVersionSchema.plugin(historyPlugin);

/**
 * What happened to an activity of a plan year — confirmed, done, cancelled,
 * its outcomes and what it really cost — kept beside the versions rather
 * than in them: recording that a delegation took place is not an edit of
 * the approved plan, so it neither starts a new version nor needs approval.
 */
export const PROGRESS_STATUSES = ['confirmed', 'done', 'cancelled'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface ActivityProgressRecord {
  jurisdictionId: string;
  year: number;
  activityId: string;
  status: ProgressStatus | null;
  outcomes: string | null;
  actualCost: number | null;
  actualStaffDays: number | null;
  /** YYYY-MM-DD the activity was done, for the reporting period it falls in. */
  doneOn: string | null;
  updatedBy: string;
  updatedAt: Date;
}

export const ACTIVITY_PROGRESS_MODEL = 'ActivityProgress';

export const ActivityProgressSchema = new Schema<ActivityProgressRecord>(
  {
    jurisdictionId: { type: String, required: true },
    year: { type: Number, required: true },
    activityId: { type: String, required: true },
    status: { type: String, default: null, enum: [...PROGRESS_STATUSES, null] },
    outcomes: { type: String, default: null },
    actualCost: { type: Number, default: null },
    actualStaffDays: { type: Number, default: null },
    doneOn: { type: String, default: null },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'activity_progress', versionKey: false },
);
ActivityProgressSchema.index({ jurisdictionId: 1, year: 1, activityId: 1 }, { unique: true });
ActivityProgressSchema.plugin(outboxPlugin);
ActivityProgressSchema.plugin(historyPlugin);
