import { Schema } from 'mongoose';
import { PARTNER_KINDS, PartnerKind } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';

/** A foreign counterpart as stored: one per jurisdiction that registered it. */
export interface PartnerRecord {
  jurisdictionId: string;
  partnerId: string;
  name: string;
  kind: PartnerKind;
  country: string;
  createdBy: string;
  createdAt: Date;
}

export const PARTNER_MODEL = 'Partner';

export const PartnerSchema = new Schema<PartnerRecord>(
  {
    jurisdictionId: { type: String, required: true },
    partnerId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: PARTNER_KINDS },
    country: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'partners', versionKey: false },
);
PartnerSchema.index({ jurisdictionId: 1, partnerId: 1 }, { unique: true });
PartnerSchema.plugin(outboxPlugin);
