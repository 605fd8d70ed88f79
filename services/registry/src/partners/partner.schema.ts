import { Schema } from 'mongoose';
import { PARTNER_KINDS } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import type { PartnerContact, PartnerContent } from './partner.rules';

/**
 * A foreign counterpart as stored: one per jurisdiction that registered it.
 * Documents stored before contacts, Wikidata ids and merges existed lack
 * those fields; reads treat them as empty.
 */
export interface PartnerRecord extends PartnerContent {
  jurisdictionId: string;
  partnerId: string;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  /** Set while this partner is being merged into another: it is gone for every read and write but the merge. */
  mergedInto: string | null;
  /** Partners merged into this one: what makes re-running a finished merge a no-op. */
  mergedFrom: string[];
}

export const PARTNER_MODEL = 'Partner';

const ContactSchema = new Schema<PartnerContact>(
  {
    name: { type: String, required: true },
    role: { type: String, default: null },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    notes: { type: String, default: null },
  },
  { _id: false },
);

export const PartnerSchema = new Schema<PartnerRecord>(
  {
    jurisdictionId: { type: String, required: true },
    partnerId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: PARTNER_KINDS },
    country: { type: String, default: null },
    wikidataId: { type: String, default: null },
    website: { type: String, default: null },
    notes: { type: String, default: null },
    contacts: { type: [ContactSchema], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    mergedInto: { type: String, default: null },
    mergedFrom: { type: [String], default: [] },
  },
  { collection: 'partners', versionKey: false },
);
PartnerSchema.index({ jurisdictionId: 1, partnerId: 1 }, { unique: true });
PartnerSchema.index({ jurisdictionId: 1, country: 1 });
PartnerSchema.index({ jurisdictionId: 1, wikidataId: 1 });
PartnerSchema.plugin(outboxPlugin);
PartnerSchema.plugin(historyPlugin);
