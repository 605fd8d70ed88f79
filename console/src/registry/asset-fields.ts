import type { AssetCategory, AssetType, Confidentiality } from '../gql/graphql';

/** The categories an asset can have: existing relationships are recorded as relationships, not assets. */
export const ASSET_CATEGORIES = ['ECONOMIC_FOUNDATIONS', 'CULTURAL_AND_COMMUNITY_CONNECTIONS', 'INNOVATION_STRENGTHS', 'INSTITUTIONAL_CAPABILITIES'] as const satisfies readonly AssetCategory[];
export type RecordableCategory = (typeof ASSET_CATEGORIES)[number];

/** The types of each category, as the registry checks them (services/registry/src/assets/asset-catalogue.ts). */
export const TYPES_BY_CATEGORY: Record<RecordableCategory, readonly AssetType[]> = {
  ECONOMIC_FOUNDATIONS: ['KEY_INDUSTRY', 'MAJOR_EMPLOYER', 'EXPORT_SECTOR', 'INBOUND_FDI', 'OUTBOUND_FDI'],
  CULTURAL_AND_COMMUNITY_CONNECTIONS: ['DIASPORA_COMMUNITY', 'IMMIGRANT_POPULATION', 'CULTURAL_TIE'],
  INNOVATION_STRENGTHS: ['UNIVERSITY', 'RESEARCH_CENTRE', 'CIVIC_OR_NONPROFIT_ORGANISATION'],
  INSTITUTIONAL_CAPABILITIES: ['STAFF_FTE', 'INTERNATIONAL_AFFAIRS_BUDGET', 'PARTNER_ORGANISATION_RESOURCES'],
};

export const CONFIDENTIALITY_LEVELS = ['INTERNAL', 'NETWORK', 'PUBLIC'] as const satisfies readonly Confidentiality[];

/** The form's fields; the API's extensions.field names one of these (magnitude.* included). */
export const ASSET_FIELDS = ['name', 'description', 'category', 'type', 'countries', 'sectors', 'magnitude', 'magnitude.value', 'magnitude.unit', 'magnitude.currency', 'sourceOrganisation', 'asOf', 'confidentiality'] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];
