import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import { FUNDER_TYPES } from '../funders/funder-types';
import { APPLICANT_TYPES, OPPORTUNITY_STATUSES, type Opportunity, type OpportunityVersion, SOURCE_KINDS } from './opportunity';

/**
 * An opportunity as stored: the model's fields, and what change detection
 * needs — the source's revision of the record, a hash of its content, and
 * the deadline a closing-soon warning was last sent for. The versions (what
 * changed, when, in which run) live in the same document, appended in the
 * same write as the change and its events.
 */
export interface OpportunityRecord extends Opportunity {
  revision: string | null;
  contentHash: string;
  /** The closesAt a closing-soon event was sent for; a moved deadline may warn again. */
  closingSoonFor: Date | null;
  lastRunId: string;
  versions: OpportunityVersion[];
}

export const OPPORTUNITY_MODEL = 'Opportunity';

const FieldChangeSchema = new Schema(
  { field: { type: String, required: true }, from: { type: Schema.Types.Mixed, default: null }, to: { type: Schema.Types.Mixed, default: null } },
  { _id: false, minimize: false },
);

const VersionSchema = new Schema(
  { version: { type: Number, required: true }, seenAt: { type: Date, required: true }, runId: { type: String, required: true }, changes: { type: [FieldChangeSchema], default: [] } },
  { _id: false },
);

export const OpportunitySchema = new Schema<OpportunityRecord>(
  {
    opportunityId: { type: String, required: true },
    sourceId: { type: String, required: true },
    sourceKind: { type: String, required: true, enum: SOURCE_KINDS },
    sourceRecordId: { type: String, required: true },
    version: { type: Number, required: true },
    firstSeenAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    title: { type: String, required: true },
    reference: { type: String, default: null },
    funder: { type: String, required: true },
    funderType: { type: String, required: true, enum: FUNDER_TYPES.map((type) => type.kind) },
    description: { type: String, default: null },
    url: { type: String, default: null },
    status: { type: String, required: true, enum: OPPORTUNITY_STATUSES },
    postedAt: { type: Date, default: null },
    closesAt: { type: Date, default: null },
    timeZone: { type: String, required: true },
    award: {
      floor: { type: Number, default: null },
      ceiling: { type: Number, default: null },
      total: { type: Number, default: null },
      currency: { type: String, default: null },
    },
    costSharing: { type: Boolean, default: null },
    eligibleApplicantTypes: { type: [String], enum: APPLICANT_TYPES, default: [] },
    eligibleCountries: { type: [String], default: [] },
    eligibilityText: { type: String, default: null },
    themes: { type: [String], default: [] },
    jointBidsAllowed: { type: Boolean, default: null },
    revision: { type: String, default: null },
    contentHash: { type: String, required: true },
    closingSoonFor: { type: Date, default: null },
    lastRunId: { type: String, required: true },
    versions: { type: [VersionSchema], default: [], select: false },
  },
  { collection: 'opportunities', versionKey: false, minimize: false },
);
OpportunitySchema.plugin(outboxPlugin);
OpportunitySchema.index({ opportunityId: 1 }, { unique: true });
OpportunitySchema.index({ sourceId: 1, sourceRecordId: 1 }, { unique: true });
OpportunitySchema.index({ status: 1, closesAt: 1 });
OpportunitySchema.index({ themes: 1 });
