import { isIsoCountryCode } from '@entente/contracts';
import { ValidationError } from '@entente/errors';
import { AssetType, CULTURAL_TIE_ASSET_TYPES } from '../assets/asset-catalogue';

/** What the profile reads of each record; stored records carry more and come back whole. */
export interface ProfiledAsset {
  type: AssetType;
  countries: readonly string[];
}

export interface ProfiledPartner {
  partnerId: string;
  /** Null while unknown: such a partner is in no country's profile. */
  country: string | null;
}

export interface ProfiledRelationship {
  partnerId: string;
}

export interface ProfiledEngagement {
  /** YYYY-MM-DD. */
  date: string;
  partnerIds: readonly string[];
}

export interface CountryProfileSources<A, P, R, E> {
  assets: Iterable<A>;
  partners: Iterable<P>;
  relationships: Iterable<R>;
  engagements: Iterable<E>;
}

/**
 * Everything that ties the jurisdiction to one country: the evidence behind
 * "economic complementarity" and "cultural ties" when choosing priorities.
 */
export interface CountryProfile<A, P, R, E> {
  country: string;
  /** Export-sector assets naming the country as a market. */
  exports: A[];
  /** Inbound FDI with the country as origin. */
  fdiInbound: A[];
  /** Outbound FDI with the country as destination. */
  fdiOutbound: A[];
  /** Diaspora communities, immigrant populations and cultural ties. */
  culturalConnections: A[];
  /** Any other asset naming the country (a university's partner campus, a key industry's market…). */
  otherAssets: A[];
  partners: P[];
  /** Relationships with the partners in the country. */
  relationships: R[];
  /** Engagements with at least one partner in the country, newest first. */
  engagements: E[];
}

/** The profile's country as an upper-case ISO 3166-1 alpha-2 code, or a validation error naming `country`. */
export function parseProfileCountry(country: string): string {
  const code = country.trim().toUpperCase();
  if (!isIsoCountryCode(code)) {
    throw ValidationError.forField('country', `"${country}" is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`);
  }
  return code;
}

/**
 * Builds the profile in one pass over each collection: partners first, so
 * relationships and engagements are matched through a set of partner ids
 * rather than a scan per record. The country is accepted in either case.
 */
export function buildCountryProfile<
  A extends ProfiledAsset,
  P extends ProfiledPartner,
  R extends ProfiledRelationship,
  E extends ProfiledEngagement,
>(country: string, sources: CountryProfileSources<A, P, R, E>): CountryProfile<A, P, R, E> {
  const code = parseProfileCountry(country);
  const profile: CountryProfile<A, P, R, E> = {
    country: code,
    exports: [],
    fdiInbound: [],
    fdiOutbound: [],
    culturalConnections: [],
    otherAssets: [],
    partners: [],
    relationships: [],
    engagements: [],
  };

  for (const asset of sources.assets) {
    if (!asset.countries.includes(code)) continue;
    if (asset.type === 'export-sector') profile.exports.push(asset);
    else if (asset.type === 'inbound-fdi') profile.fdiInbound.push(asset);
    else if (asset.type === 'outbound-fdi') profile.fdiOutbound.push(asset);
    else if (CULTURAL_TIE_ASSET_TYPES.includes(asset.type)) profile.culturalConnections.push(asset);
    else profile.otherAssets.push(asset);
  }

  const partnerIds = new Set<string>();
  for (const partner of sources.partners) {
    if (partner.country !== code) continue;
    profile.partners.push(partner);
    partnerIds.add(partner.partnerId);
  }
  for (const relationship of sources.relationships) {
    if (partnerIds.has(relationship.partnerId)) profile.relationships.push(relationship);
  }
  for (const engagement of sources.engagements) {
    if (engagement.partnerIds.some((id) => partnerIds.has(id))) profile.engagements.push(engagement);
  }
  // Sort is stable, so engagements of the same day keep the order they were given in.
  profile.engagements.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return profile;
}
