import { isIsoCountryCode } from '@entente/contracts';
import { quoted, ValidationError } from '@entente/errors';
import type { ProfileSection } from '../assets/profile-sections';
import type { KeyFigure } from '../assets/table-one';

/** One section of assets: how many and their key figures (all of them), and its first page. */
export interface AssetSection<A> {
  count: number;
  keyFigures: KeyFigure[];
  assets: A[];
  hasMore: boolean;
  /** The cursor after the page's last asset, for the section's next page. */
  endCursor: string | null;
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
  sections: Record<ProfileSection, AssetSection<A>>;
  partners: Iterable<P>;
  relationships: Iterable<R>;
  engagements: Iterable<E>;
}

/**
 * Everything that ties the jurisdiction to one country: the evidence behind
 * "economic complementarity" and "cultural ties" when choosing priorities.
 * Each section of assets gives its count and key figures and its first page
 * (see profileSectionOf for which assets go where).
 */
export interface CountryProfile<A, P, R, E> extends Record<ProfileSection, AssetSection<A>> {
  country: string;
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
    throw ValidationError.forField('country', `${quoted(country)} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`);
  }
  return code;
}

/**
 * Builds the profile from its asset sections and one pass over each other
 * collection: partners first, so relationships and engagements are matched
 * through a set of partner ids rather than a scan per record. The country is
 * accepted in either case.
 */
export function buildCountryProfile<A, P extends ProfiledPartner, R extends ProfiledRelationship, E extends ProfiledEngagement>(
  country: string,
  sources: CountryProfileSources<A, P, R, E>,
): CountryProfile<A, P, R, E> {
  const code = parseProfileCountry(country);
  const profile: CountryProfile<A, P, R, E> = { country: code, ...sources.sections, partners: [], relationships: [], engagements: [] };

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
