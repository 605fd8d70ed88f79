import { Schema } from 'mongoose';
import { excludeFromExport } from '@entente/persistence';

/**
 * Which state of a jurisdiction's inventory the views may trust a cached
 * answer for. Every registry record write replaces the stamp (before and
 * after it writes); a view cached under another stamp is not served. It
 * carries the jurisdiction id, so offboarding erases it with the records. It
 * is bookkeeping, not the jurisdiction's data, so the jurisdiction's export
 * leaves it out: a refused write still moves the stamp, and must not change
 * the export or its digest.
 */
export interface InventoryVersionRecord {
  jurisdictionId: string;
  /**
   * A fresh random value per bump. Not a counter: a counter would start again
   * at 1 once offboarding erased the document, and a jurisdiction id used
   * again could meet an answer cached under the same number.
   */
  stamp: string;
  /** How many bumps so far (two per write), for people reading the collection. */
  bumps: number;
  changedAt: Date;
}

export const INVENTORY_VERSION_MODEL = 'InventoryVersion';

export const InventoryVersionSchema = excludeFromExport(
  new Schema<InventoryVersionRecord>(
    {
      jurisdictionId: { type: String, required: true },
      stamp: { type: String, required: true },
      bumps: { type: Number, required: true },
      changedAt: { type: Date, required: true },
    },
    { collection: 'inventory_versions', versionKey: false },
  ),
);

// Unique: one document per jurisdiction, and the lookup every view read makes is by this key
// (the local MongoDB-wire server uses unique indexes, not the others).
InventoryVersionSchema.index({ jurisdictionId: 1 }, { unique: true });
