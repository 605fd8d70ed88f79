/**
 * The funding words other services read in funding's opportunity events
 * (issue 10). The funding service stores the same values (it imports these
 * lists), so the two cannot drift. A new value is an additive change for
 * consumers that ignore unknown ones; a rename or removal is a new version.
 */

/** Where an opportunity is in its life, whatever its source calls it. */
export const OPPORTUNITY_STATUSES = ['forecasted', 'open', 'closed', 'archived'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The kinds of funder opportunities are normalised to. */
export const FUNDER_KINDS = ['national', 'state', 'eu', 'embassy-or-high-commission', 'trust-or-foundation', 'international-organisation', 'corporate'] as const;
export type FunderKindValue = (typeof FUNDER_KINDS)[number];

/**
 * Who may apply, as a platform vocabulary. Grants.gov's eligibility codes and
 * Simpler.Grants.gov's applicant types map onto the US names; feeds and the
 * EU portal use the general ones (local, regional, national governments, …).
 */
export const APPLICANT_TYPES = [
  'state-governments',
  'county-governments',
  'city-or-township-governments',
  'special-district-governments',
  'local-governments',
  'regional-governments',
  'national-governments',
  'independent-school-districts',
  'public-higher-education',
  'private-higher-education',
  'tribal-governments',
  'tribal-organisations',
  'housing-authorities',
  'nonprofits-with-501c3',
  'nonprofits-without-501c3',
  'nonprofits',
  'individuals',
  'for-profit-businesses',
  'small-businesses',
  'others',
  'unrestricted',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * Opportunities belong to no jurisdiction, but every envelope names one: their
 * events carry this value, which no jurisdiction id can be (ids are lower-case
 * slugs), so a consumer cannot mistake them for a jurisdiction's own.
 */
export const PLATFORM_WIDE = '_platform';
