import { ASSET_EVENT_CATEGORIES } from '@entente/contracts';
import type { SourceDataByKind, SourceRecordKind, SourceRecordState } from '../source-records/source-record';

/**
 * What a member can share with a network, one grant per scope. Each scope
 * names the kind of record it covers and the fields a grant may allow;
 * funding interests are accepted already and cover nothing until the
 * funding service publishes followed opportunities and pipeline stages.
 */
export const SHARING_SCOPES = ['partners', 'relationships', 'priorities', 'planned-activities', 'funding-interests', 'asset-categories'] as const;
export type SharingScope = (typeof SHARING_SCOPES)[number];

/** The activity types a planned-activities grant shares: delegations out and visits hosted; nothing else of a plan leaves planning. */
export const SHARED_ACTIVITY_TYPES = ['outbound-delegation', 'trade-mission', 'hosted-visit'] as const;

export const ASSET_CATEGORIES = ASSET_EVENT_CATEGORIES;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

interface ScopeDefinition<K extends SourceRecordKind> {
  kind: K | null;
  /** Every field a grant may allow; a grant without a list allows them all. */
  fields: ReadonlyArray<keyof SourceDataByKind[K] & string>;
}

export const SCOPE_DEFINITIONS = {
  partners: { kind: 'partner', fields: ['name', 'kind', 'country', 'wikidataId'] } satisfies ScopeDefinition<'partner'>,
  relationships: { kind: 'relationship', fields: ['partnerName', 'partnerCountry', 'type', 'status', 'since', 'until', 'leadDepartment'] } satisfies ScopeDefinition<'relationship'>,
  priorities: { kind: 'priority', fields: ['title', 'focus', 'goalKinds', 'countries', 'sectors', 'themes', 'sdgs'] } satisfies ScopeDefinition<'priority'>,
  // `cost` (one occurrence, in the member's currency) is the member's choice like any field: a grant that lists fields without it keeps costs in the plan.
  'planned-activities': {
    kind: 'activity',
    fields: ['year', 'title', 'type', 'mode', 'frequency', 'status', 'country', 'city', 'windowStart', 'windowEnd', 'cost'],
  } satisfies ScopeDefinition<'activity'>,
  'asset-categories': {
    kind: 'asset',
    fields: ['category', 'type', 'countries', 'sectors', 'name', 'description', 'magnitude', 'sourceOrganisation', 'asOf'],
  } satisfies ScopeDefinition<'asset'>,
  'funding-interests': { kind: null, fields: [] },
} as const;

/** Every field name any scope knows, for the GraphQL description and the checks. */
export function fieldsOfScope(scope: SharingScope): readonly string[] {
  return SCOPE_DEFINITIONS[scope].fields;
}

export function kindOfScope(scope: SharingScope): SourceRecordKind | null {
  return SCOPE_DEFINITIONS[scope].kind;
}

/** The scope that covers records of a kind. */
export function scopeOfKind(kind: SourceRecordKind): SharingScope {
  const found = SHARING_SCOPES.find((scope) => SCOPE_DEFINITIONS[scope].kind === kind);
  if (!found) throw new Error(`no sharing scope covers ${kind}`);
  return found;
}

/** What projection needs of a grant. */
export interface GrantTerms {
  scope: SharingScope;
  /** The fields allowed (validated against the scope's list). */
  fields: readonly string[];
  /** For asset-categories: the categories shared; null shares every category. */
  assetCategories: readonly string[] | null;
}

/** A record as a network sees it: the id, the kind and only the allowed fields. */
export interface SharedCopy {
  kind: SourceRecordKind;
  recordId: string;
  fields: Record<string, unknown>;
}

/**
 * Whether a record may leave its jurisdiction under a grant at all. Never:
 * a removed record, a record whose state has not arrived, a retired
 * priority, an asset marked
 * internal (whatever the grant says), an asset of a category the grant
 * leaves out, an activity other than a delegation or hosted visit.
 */
export function isShareable(record: SourceRecordState, terms: GrantTerms): boolean {
  if (record.removed || record.data === null) return false;
  if (kindOfScope(terms.scope) !== record.kind) return false;
  if (record.kind === 'asset') {
    const asset = record.data as SourceDataByKind['asset'];
    if (asset.confidentiality === 'internal') return false;
    if (terms.assetCategories !== null && !terms.assetCategories.includes(asset.category)) return false;
  }
  if (record.kind === 'priority' && (record.data as SourceDataByKind['priority']).retired) return false;
  if (record.kind === 'activity') {
    const activity = record.data as SourceDataByKind['activity'];
    if (!(SHARED_ACTIVITY_TYPES as readonly string[]).includes(activity.type)) return false;
  }
  return true;
}

/**
 * The one projection: what a network sees of a record under a grant, or
 * null when the record is not shared. Both the stored copies and the
 * preview come from here, so the preview shows exactly what the network
 * will see. Only fields the scope defines and the grant allows are copied;
 * anything else on the record (present or future) stays behind.
 */
export function projectRecord(record: SourceRecordState, terms: GrantTerms): SharedCopy | null {
  if (!isShareable(record, terms)) return null;
  const data = record.data as unknown as Record<string, unknown>;
  const allowed = fieldsOfScope(terms.scope).filter((field) => terms.fields.includes(field));
  const fields: Record<string, unknown> = {};
  for (const field of allowed) {
    const value = data[field];
    fields[field] = Array.isArray(value) ? [...(value as unknown[])] : value && typeof value === 'object' ? { ...(value as object) } : (value ?? null);
  }
  return { kind: record.kind, recordId: record.recordId, fields };
}
