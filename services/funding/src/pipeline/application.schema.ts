import { Schema } from 'mongoose';
import { historyPlugin } from '@entente/persistence';
import { outboxPlugin } from '@entente/messaging';
import { APPLICATION_STAGES, type ApplicationStage, NOT_PURSUED_REASONS, type NotPursuedReason } from './application-stages';
import type { FundingAmount } from './application.rules';

/** One funding application of a jurisdiction's pipeline: what it is for, where it stands, what was asked and won. */
export interface FundingApplicationRecord {
  jurisdictionId: string;
  applicationId: string;
  /** The opportunity it answers, when it was taken from one (opportunities are the platform's, shared). */
  opportunityId: string | null;
  title: string;
  funder: string | null;
  stage: ApplicationStage;
  /** `YYYY-MM-DD` or an ISO 8601 instant in UTC. */
  deadline: string | null;
  amountRequested: FundingAmount | null;
  amountAwarded: FundingAmount | null;
  /** The award in the jurisdiction's currency, as its plan budgets it. */
  amountAwardedLocal: number | null;
  awardedOn: string | null;
  /** The plan year the award funds; null: the year `awardedOn` falls in. */
  planYear: number | null;
  reason: NotPursuedReason | null;
  reasonNote: string | null;
  owner: string | null;
  notes: string | null;
  /** Bumped by every write; an edit is pinned to the revision it read. */
  revision: number;
  stageChangedAt: Date;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FUNDING_APPLICATION_MODEL = 'FundingApplication';

const amountSchema = new Schema<FundingAmount>({ amount: { type: Number, required: true }, currency: { type: String, required: true } }, { _id: false });

export const FundingApplicationSchema = new Schema<FundingApplicationRecord>(
  {
    jurisdictionId: { type: String, required: true },
    applicationId: { type: String, required: true },
    opportunityId: { type: String, default: null },
    title: { type: String, required: true },
    funder: { type: String, default: null },
    stage: { type: String, required: true, enum: APPLICATION_STAGES },
    deadline: { type: String, default: null },
    amountRequested: { type: amountSchema, default: null },
    amountAwarded: { type: amountSchema, default: null },
    amountAwardedLocal: { type: Number, default: null },
    awardedOn: { type: String, default: null },
    planYear: { type: Number, default: null },
    reason: { type: String, default: null, enum: [...NOT_PURSUED_REASONS, null] },
    reasonNote: { type: String, default: null },
    owner: { type: String, default: null },
    notes: { type: String, default: null },
    revision: { type: Number, required: true },
    stageChangedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'funding_applications', versionKey: false },
);
FundingApplicationSchema.index({ jurisdictionId: 1, applicationId: 1 }, { unique: true });
FundingApplicationSchema.index({ jurisdictionId: 1, stage: 1 });
FundingApplicationSchema.plugin(outboxPlugin);
FundingApplicationSchema.plugin(historyPlugin);
