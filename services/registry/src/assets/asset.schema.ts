import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { ASSET_CATEGORIES, ASSET_TYPES, AssetCategory, AssetType } from './asset-catalogue';
import { CONFIDENTIALITY_LEVELS, Confidentiality, Magnitude } from './asset.rules';

/**
 * One entry of a jurisdiction's Table 1 inventory as stored. A removed asset
 * keeps its document with `removedAt` set: the removal event lives in that
 * document's outbox until the relay publishes it, and every read skips it.
 */
export interface AssetRecord {
  jurisdictionId: string;
  assetId: string;
  name: string;
  description: string | null;
  category: AssetCategory;
  type: AssetType;
  countries: string[];
  sectors: string[];
  magnitude: Magnitude | null;
  sourceOrganisation: string | null;
  asOf: string | null;
  confidentiality: Confidentiality;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  removedAt: Date | null;
  removedBy: string | null;
}

/** The fields the API shows of an asset (toAsset): what views read, and all they read. */
export const ASSET_VIEW_FIELDS = [
  'assetId',
  'name',
  'description',
  'category',
  'type',
  'countries',
  'sectors',
  'magnitude',
  'sourceOrganisation',
  'asOf',
  'confidentiality',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof AssetRecord>;

export type AssetView = Pick<AssetRecord, (typeof ASSET_VIEW_FIELDS)[number]>;

export const ASSET_MODEL = 'Asset';

const MagnitudeSchema = new Schema<Magnitude>(
  {
    value: { type: Number, required: true },
    unit: { type: String, required: true },
    currency: { type: String, default: null },
  },
  { _id: false },
);

export const AssetSchema = new Schema<AssetRecord>(
  {
    jurisdictionId: { type: String, required: true },
    assetId: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    category: { type: String, required: true, enum: ASSET_CATEGORIES },
    type: { type: String, required: true, enum: ASSET_TYPES },
    countries: { type: [String], default: [] },
    sectors: { type: [String], default: [] },
    magnitude: { type: MagnitudeSchema, default: null },
    sourceOrganisation: { type: String, default: null },
    asOf: { type: String, default: null },
    confidentiality: { type: String, required: true, enum: CONFIDENTIALITY_LEVELS },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    removedAt: { type: Date, default: null },
    removedBy: { type: String, default: null },
  },
  { collection: 'assets', versionKey: false },
);

AssetSchema.index({ jurisdictionId: 1, assetId: 1 }, { unique: true });
AssetSchema.index({ jurisdictionId: 1, removedAt: 1, category: 1 });
AssetSchema.plugin(outboxPlugin);
AssetSchema.plugin(historyPlugin);
