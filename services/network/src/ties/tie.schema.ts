import { Schema } from 'mongoose';
import type { TieState } from './tie-projection';

/**
 * The network's read model of one jurisdiction's tie to a foreign partner,
 * built from registry events (tie-projection.ts decides each change). One
 * document per (jurisdiction, partner): replaying an event changes nothing,
 * and a partner merged away stays as a tombstone so it is never counted again.
 */
export interface TieRecord extends TieState {
  jurisdictionId: string;
}

export const TIE_MODEL = 'Tie';

export const TieSchema = new Schema<TieRecord>(
  {
    jurisdictionId: { type: String, required: true },
    partnerId: { type: String, required: true },
    country: { type: String, default: null },
    partnerName: { type: String, default: '' },
    partnerKind: { type: String, default: '' },
    mergedInto: { type: String, default: null },
    sourceEventId: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'ties', versionKey: false },
);
TieSchema.index({ jurisdictionId: 1, partnerId: 1 }, { unique: true });
