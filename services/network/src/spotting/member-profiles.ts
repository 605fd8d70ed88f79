import type { ApplicantType, JurisdictionLevel } from '@entente/contracts';
import type { MemberProfile } from './suggestion';

/**
 * The applicant types a jurisdiction counts as for funders, from its level:
 * what a call's eligibility names. "other" counts as none, so such a member
 * is eligible only for calls that do not restrict applicant types.
 */
const APPLICANT_TYPES_OF_LEVEL: Record<JurisdictionLevel, readonly ApplicantType[]> = {
  city: ['city-or-township-governments', 'local-governments'],
  county: ['county-governments', 'local-governments'],
  'state-or-province': ['state-governments', 'regional-governments'],
  region: ['regional-governments'],
  other: [],
};

export function memberProfileOf(profile: { jurisdictionId: string; name: string; level: JurisdictionLevel; country: string | null; wikidataId: string | null }): MemberProfile {
  return { jurisdictionId: profile.jurisdictionId, name: profile.name, country: profile.country, wikidataId: profile.wikidataId?.toUpperCase() ?? null, applicantTypes: APPLICANT_TYPES_OF_LEVEL[profile.level] ?? [] };
}
