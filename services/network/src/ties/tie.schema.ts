import { Schema } from 'mongoose';

/**
 * The network's read model of one jurisdiction's tie to a foreign partner,
 * built from registry events. One document per (jurisdiction, partner): the
 * upsert that writes it is idempotent, so a redelivered event cannot count twice.
 */
export interface TieRecord {
  jurisdictionId: string;
  partnerId: string;
  country: string;
  partnerName: string;
  partnerKind: string;
  sourceEventId: string;
  recordedAt: Date;
}

export const TIE_MODEL = 'Tie';

export const TieSchema = new Schema<TieRecord>(
  {
    jurisdictionId: { type: String, required: true },
    partnerId: { type: String, required: true },
    country: { type: String, required: true },
    partnerName: { type: String, required: true },
    partnerKind: { type: String, required: true },
    sourceEventId: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'ties', versionKey: false },
);
TieSchema.index({ jurisdictionId: 1, partnerId: 1 }, { unique: true });
