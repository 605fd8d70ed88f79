import { Schema } from 'mongoose';
import { excludeFromExport } from '@entente/persistence';
import type { KeptCountryTallies, HeadChange, TallyCells, TallyIncrement } from './kept-tallies';

/**
 * An asset write under way, or one whose end nobody saw: its tally
 * increments are applied when it is known to have happened (its id is in the
 * asset's history) and dropped when it is known not to have.
 */
export interface PendingWrite {
  writeId: string;
  assetId: string;
  at: Date;
  increments: TallyIncrement[];
  heads: HeadChange[];
}

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
  /**
   * The Table 1 tallies of the live assets (see asset-tallies), trusted only
   * while `tableOneBuiltAt` is set: they were counted from scratch then and
   * every asset write since has added its increments (or is in `pending`).
   */
  tableOne?: TallyCells;
  tableOneBuiltAt?: Date | null;
  /** Each country's profile tallies, trusted only while its `builtAt` is set (same rule as Table 1's). */
  countries?: Record<string, Partial<KeptCountryTallies> & { builtAt?: Date }>;
  /** The countries whose profile tallies are kept: those whose profile someone has read. */
  builtCountries?: string[];
  pending?: PendingWrite[];
}

export const INVENTORY_VERSION_MODEL = 'InventoryVersion';

export const InventoryVersionSchema = excludeFromExport(
  new Schema<InventoryVersionRecord>(
    {
      jurisdictionId: { type: String, required: true },
      stamp: { type: String, required: true },
      bumps: { type: Number, required: true },
      changedAt: { type: Date, required: true },
      tableOne: { type: Schema.Types.Mixed, default: undefined },
      tableOneBuiltAt: { type: Date, default: undefined },
      countries: { type: Schema.Types.Mixed, default: undefined },
      builtCountries: { type: [String], default: undefined },
      pending: {
        type: [
          new Schema<PendingWrite>(
            {
              writeId: { type: String, required: true },
              assetId: { type: String, required: true },
              at: { type: Date, required: true },
              increments: { type: [new Schema<TallyIncrement>({ key: String, n: Number, sum: Number }, { _id: false })], default: [] },
              heads: { type: Schema.Types.Mixed, default: [] },
            },
            { _id: false },
          ),
        ],
        default: undefined,
      },
    },
    { collection: 'inventory_versions', versionKey: false, minimize: false },
  ),
);

// Unique: one document per jurisdiction, and the lookup every view read makes is by this key
// (the local MongoDB-wire server uses unique indexes, not the others).
InventoryVersionSchema.index({ jurisdictionId: 1 }, { unique: true });
