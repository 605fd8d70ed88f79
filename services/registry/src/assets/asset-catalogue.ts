import { ASSET_EVENT_CATEGORIES } from '@entente/contracts';

/**
 * The categories and types of Table 1 of the brief. Values are kebab-case
 * strings stored as-is and carried by events, so renaming one is a contract
 * change. A type belongs to exactly one category.
 */
/** The contract's vocabulary (@entente/contracts): a new category is a contract change. */
export const ASSET_CATEGORIES = ASSET_EVENT_CATEGORIES;

export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const ECONOMIC_FOUNDATION_TYPES = ['key-industry', 'major-employer', 'export-sector', 'inbound-fdi', 'outbound-fdi'] as const;
export const CULTURAL_CONNECTION_TYPES = ['diaspora-community', 'immigrant-population', 'cultural-tie'] as const;
export const INNOVATION_STRENGTH_TYPES = ['university', 'research-centre', 'civic-or-nonprofit-organisation'] as const;
export const INSTITUTIONAL_CAPABILITY_TYPES = ['staff-fte', 'international-affairs-budget', 'partner-organisation-resources'] as const;

/**
 * Existing international relationships are kept as relationships (with a
 * partner, a status and engagements), not as assets; the category exists so
 * that the Table 1 summary has its row.
 */
export const ASSET_TYPES_BY_CATEGORY = {
  'economic-foundations': ECONOMIC_FOUNDATION_TYPES,
  'cultural-and-community-connections': CULTURAL_CONNECTION_TYPES,
  'innovation-strengths': INNOVATION_STRENGTH_TYPES,
  'existing-international-relationships': [],
  'institutional-capabilities': INSTITUTIONAL_CAPABILITY_TYPES,
} as const satisfies Record<AssetCategory, readonly string[]>;

export const ASSET_TYPES = [
  ...ECONOMIC_FOUNDATION_TYPES,
  ...CULTURAL_CONNECTION_TYPES,
  ...INNOVATION_STRENGTH_TYPES,
  ...INSTITUTIONAL_CAPABILITY_TYPES,
] as const;

export type AssetType = (typeof ASSET_TYPES)[number];

/** FDI is by definition tied to a country: inbound by origin, outbound by destination. */
export const FDI_ASSET_TYPES: readonly AssetType[] = ['inbound-fdi', 'outbound-fdi'];

/** Assets that speak of people and culture linking the jurisdiction to a country. */
export const CULTURAL_TIE_ASSET_TYPES: readonly AssetType[] = CULTURAL_CONNECTION_TYPES;

const CATEGORY_OF_TYPE: ReadonlyMap<string, AssetCategory> = new Map(
  ASSET_CATEGORIES.flatMap((category) => ASSET_TYPES_BY_CATEGORY[category].map((type): [string, AssetCategory] => [type, category])),
);

export function isAssetCategory(value: unknown): value is AssetCategory {
  return typeof value === 'string' && (ASSET_CATEGORIES as readonly string[]).includes(value);
}

export function isAssetType(value: unknown): value is AssetType {
  return typeof value === 'string' && CATEGORY_OF_TYPE.has(value);
}

export function categoryOfAssetType(type: AssetType): AssetCategory {
  return CATEGORY_OF_TYPE.get(type) as AssetCategory;
}

export function assetTypesOf(category: AssetCategory): readonly AssetType[] {
  return ASSET_TYPES_BY_CATEGORY[category];
}
