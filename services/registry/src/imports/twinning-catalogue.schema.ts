import { Schema } from 'mongoose';

/**
 * The platform-wide partner catalogue from the Wikidata twinning TSV pair:
 * public data every jurisdiction draws on, so it belongs to no jurisdiction.
 * One document per place with its label and the places it is tied to (each
 * undirected tie is listed at both ends), so the ties of one jurisdiction are
 * one indexed read. Places are written under a load id and become visible
 * only when the pointer document names that load: a load that fails halfway
 * leaves the previous catalogue in use, without multi-document transactions.
 */
export interface CataloguePlaceRecord {
  loadId: string;
  qid: string;
  label: string;
  counterparts: string[];
}

export interface CatalogueLoadRecord {
  /** Always CURRENT_CATALOGUE: there is one catalogue in use. */
  _id: string;
  loadId: string;
  loadedAt: Date;
  loadedBy: string;
  qidCount: number;
  tieCount: number;
  directedEdgeCount: number;
}

export const CURRENT_CATALOGUE = 'current';
export const CATALOGUE_PLACE_MODEL = 'TwinningCataloguePlace';
export const CATALOGUE_LOAD_MODEL = 'TwinningCatalogueLoad';

export const CataloguePlaceSchema = new Schema<CataloguePlaceRecord>(
  {
    loadId: { type: String, required: true },
    qid: { type: String, required: true },
    label: { type: String, required: true },
    counterparts: { type: [String], required: true },
  },
  { collection: 'twinning_catalogue_places', versionKey: false },
);
CataloguePlaceSchema.index({ loadId: 1, qid: 1 }, { unique: true });

export const CatalogueLoadSchema = new Schema<CatalogueLoadRecord>(
  {
    _id: { type: String, required: true },
    loadId: { type: String, required: true },
    loadedAt: { type: Date, required: true },
    loadedBy: { type: String, required: true },
    qidCount: { type: Number, required: true },
    tieCount: { type: Number, required: true },
    directedEdgeCount: { type: Number, required: true },
  },
  { collection: 'twinning_catalogue_loads', versionKey: false },
);
