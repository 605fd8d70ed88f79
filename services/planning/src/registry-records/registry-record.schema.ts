import { Schema } from 'mongoose';
import { RELATIONSHIP_STATUS_VALUES, RELATIONSHIP_TYPE_VALUES } from '@entente/contracts';

/** The registry records a priority may cite as evidence. */
export const REGISTRY_RECORD_KINDS = ['partner', 'relationship', 'asset'] as const;
export type RegistryRecordKind = (typeof REGISTRY_RECORD_KINDS)[number];

export type RelationshipStatus = (typeof RELATIONSHIP_STATUS_VALUES)[number];
export type RelationshipType = (typeof RELATIONSHIP_TYPE_VALUES)[number];

/**
 * What planning keeps of one registry record, fed only by registry events.
 * One row per (jurisdiction, kind, record id); the relationship fields are
 * null for partners and assets.
 */
export interface RegistryRecordEntry {
  jurisdictionId: string;
  kind: RegistryRecordKind;
  recordId: string;
  /** The partner's name; a relationship's partner name; an asset's name (null for internal assets, whose name never leaves the registry). */
  name: string | null;
  /** A merged partner or a removed asset: gone for good, whatever older event arrives later. */
  removed: boolean;
  /** For a merged partner: the survivor, so a relationship event that still names the merged partner is read as the survivor's. */
  mergedInto: string | null;
  partnerId: string | null;
  relationshipType: RelationshipType | null;
  status: RelationshipStatus | null;
  /** YYYY-MM-DD. */
  since: string | null;
  until: string | null;
  /** occurredAt of the newest event whose state this row holds: an older one arriving later is not applied. */
  stateAt: Date;
}

export const REGISTRY_RECORD_MODEL = 'RegistryRecordEntry';

export const RegistryRecordSchema = new Schema<RegistryRecordEntry>(
  {
    jurisdictionId: { type: String, required: true },
    kind: { type: String, required: true, enum: REGISTRY_RECORD_KINDS },
    recordId: { type: String, required: true },
    name: { type: String, default: null },
    removed: { type: Boolean, required: true, default: false },
    mergedInto: { type: String, default: null },
    partnerId: { type: String, default: null },
    relationshipType: { type: String, default: null, enum: [...RELATIONSHIP_TYPE_VALUES, null] },
    status: { type: String, default: null, enum: [...RELATIONSHIP_STATUS_VALUES, null] },
    since: { type: String, default: null },
    until: { type: String, default: null },
    stateAt: { type: Date, required: true },
  },
  { collection: 'registry_records', versionKey: false },
);
RegistryRecordSchema.index({ jurisdictionId: 1, kind: 1, recordId: 1 }, { unique: true });
RegistryRecordSchema.index({ jurisdictionId: 1, kind: 1, partnerId: 1 });
