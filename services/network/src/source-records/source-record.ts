import type { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, ASSET_CONFIDENTIALITY_LEVELS, FREQUENCIES } from '@entente/contracts';

/** The kinds of another service's record the network keeps a copy of. */
export const SOURCE_RECORD_KINDS = ['partner', 'relationship', 'priority', 'activity', 'asset'] as const;
export type SourceRecordKind = (typeof SOURCE_RECORD_KINDS)[number];

export interface PartnerData {
  name: string;
  kind: string;
  country: string | null;
  wikidataId: string | null;
}

/** A tie as the network keeps it: the political champion, technical owner, formal basis and cycle (people and internal notes) are not kept at all. */
export interface RelationshipData {
  partnerId: string;
  partnerName: string;
  partnerCountry: string | null;
  type: string;
  status: string;
  since: string | null;
  until: string | null;
  leadDepartment: string | null;
}

export interface PriorityData {
  title: string;
  focus: string;
  goalKinds: string[];
  countries: string[];
  sectors: string[];
  themes: string[];
  sdgs: number[];
  /** Retired priorities steer nothing and are not shared; a change can bring one back. */
  retired: boolean;
}

export interface ActivityData {
  year: number;
  title: string;
  type: (typeof ACTIVITY_TYPES)[number];
  mode: (typeof ACTIVITY_MODES)[number];
  frequency: (typeof FREQUENCIES)[number];
  status: (typeof ACTIVITY_STATUSES)[number];
  country: string | null;
  city: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** One occurrence, every funding source together, in the member's currency; null when unknown (v1 events carry none). Shared only when a grant allows `cost`. */
  cost: { amount: number; currency: string } | null;
}

/**
 * An asset as its events state it. An internal asset's events carry only
 * category, type, countries and sectors, and the network never shares it
 * whatever a grant says (sharing-scopes.ts).
 */
export interface AssetData {
  confidentiality: (typeof ASSET_CONFIDENTIALITY_LEVELS)[number];
  category: string;
  type: string;
  countries: string[];
  sectors: string[];
  name: string | null;
  description: string | null;
  magnitude: { value: number; unit: string; currency: string | null } | null;
  sourceOrganisation: string | null;
  asOf: string | null;
}

export interface SourceDataByKind {
  partner: PartnerData;
  relationship: RelationshipData;
  priority: PriorityData;
  activity: ActivityData;
  asset: AssetData;
}

export type SourceData = SourceDataByKind[SourceRecordKind];

/** One record of one jurisdiction, as the network's read model holds it. */
export interface SourceRecordState<K extends SourceRecordKind = SourceRecordKind> {
  kind: K;
  recordId: string;
  /** Null for a tombstone whose state never arrived (a merge or removal seen first). */
  data: SourceDataByKind[K] | null;
  /** Merged away, removed, retired: never shared again, whatever older event arrives later. */
  removed: boolean;
  /** occurredAt of the newest event whose state this holds. */
  stateAt: Date;
}
