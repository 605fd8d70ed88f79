import { ASSET_TYPES, AssetType, CULTURAL_TIE_ASSET_TYPES } from './asset-catalogue';

/** The parts of a country profile that list assets, in the order the profile shows them. */
export const PROFILE_SECTIONS = ['exports', 'fdiInbound', 'fdiOutbound', 'culturalConnections', 'otherAssets'] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/**
 * The section an asset naming a country is listed in: export sectors are
 * exports to it, inbound and outbound FDI are investment from and to it,
 * diaspora, immigrant population and cultural ties are cultural
 * connections, and anything else (a university's partner campus, a key
 * industry's market…) is another asset.
 */
export function profileSectionOf(type: AssetType): ProfileSection {
  if (type === 'export-sector') return 'exports';
  if (type === 'inbound-fdi') return 'fdiInbound';
  if (type === 'outbound-fdi') return 'fdiOutbound';
  if (CULTURAL_TIE_ASSET_TYPES.includes(type)) return 'culturalConnections';
  return 'otherAssets';
}

/** The asset types a section lists. */
export function sectionTypes(section: ProfileSection): AssetType[] {
  return ASSET_TYPES.filter((type) => profileSectionOf(type) === section);
}
