import { Schema } from 'mongoose';
import type { Dismissal, OpenCall, Suggestion } from './suggestion';

/**
 * A network's suggestion as the spotter last made it. The network's, like
 * the network itself (network.schema.ts): it is built only from copies that
 * current grants cover, and is removed or rewritten whenever one of them
 * changes, so it never holds what a member no longer shares.
 */
export type SuggestionRecord = Suggestion & { suggestionId: string; updatedAt: Date };

export const SUGGESTION_MODEL = 'NetworkSuggestion';

export const SuggestionSchema = new Schema<SuggestionRecord>(
  {
    suggestionId: { type: String, required: true },
    networkId: { type: String, required: true },
    key: { type: String, required: true },
    subject: { type: Schema.Types.Mixed, required: true },
    kind: { type: String, required: true },
    score: { type: Number, required: true },
    scoreBasis: { type: String, required: true },
    members: { type: [String], default: [] },
    evidence: { type: Schema.Types.Mixed, default: [] },
    explanation: { type: String, required: true },
    deadline: { type: String, default: null },
    window: { type: Schema.Types.Mixed, default: null },
    estimatedSaving: { type: Schema.Types.Mixed, default: null },
    sectors: { type: [String], default: [] },
    fingerprint: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'dismissed'] },
    dismissal: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'network_suggestions', versionKey: false, minimize: false },
);
SuggestionSchema.index({ suggestionId: 1 }, { unique: true });
SuggestionSchema.index({ networkId: 1, key: 1 }, { unique: true });

/** A dismissal outlives its suggestion's lapse: it is what keeps the same evidence from being suggested again. */
export interface DismissalRecord {
  networkId: string;
  key: string;
  dismissal: Dismissal;
}

export const DISMISSAL_MODEL = 'NetworkSuggestionDismissal';

export const DismissalSchema = new Schema<DismissalRecord>(
  {
    networkId: { type: String, required: true },
    key: { type: String, required: true },
    dismissal: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'network_suggestion_dismissals', versionKey: false },
);
DismissalSchema.index({ networkId: 1, key: 1 }, { unique: true });

/** The latest state of a funding call, as funding announced it (platform-wide, like the call itself). */
export interface OpenCallRecord {
  opportunityId: string;
  /** Funding's version of the record: an older event never overwrites a newer state. */
  version: number;
  call: OpenCall;
}

export const OPEN_CALL_MODEL = 'NetworkFundingCall';

export const OpenCallSchema = new Schema<OpenCallRecord>(
  {
    opportunityId: { type: String, required: true },
    version: { type: Number, required: true },
    call: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'network_funding_calls', versionKey: false },
);
OpenCallSchema.index({ opportunityId: 1 }, { unique: true });
