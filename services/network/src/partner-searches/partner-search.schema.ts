import { Schema } from 'mongoose';
import { PARTNER_SEARCH_KINDS, type PartnerSearch } from './partner-search';

/**
 * A member's post on its network's seeking-partners board: the poster's
 * record (erased with it), with the answers other members gave. The
 * network's members read it across jurisdictions, after NetworkAccess
 * allowed them.
 */
export type PartnerSearchRecord = PartnerSearch;

export const PARTNER_SEARCH_MODEL = 'PartnerSearch';

export const PartnerSearchSchema = new Schema<PartnerSearchRecord>(
  {
    jurisdictionId: { type: String, required: true },
    searchId: { type: String, required: true },
    networkId: { type: String, required: true },
    kind: { type: String, required: true, enum: PARTNER_SEARCH_KINDS },
    country: { type: String, default: null },
    opportunityId: { type: String, default: null },
    description: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'closed'] },
    postedBy: { type: String, required: true },
    postedAt: { type: Date, required: true },
    answers: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'partner_searches', versionKey: false, minimize: false },
);
PartnerSearchSchema.index({ searchId: 1 }, { unique: true });
PartnerSearchSchema.index({ networkId: 1, postedAt: -1 });
