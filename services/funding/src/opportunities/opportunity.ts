import type { ApplicantType, OpportunityStatus } from '@entente/contracts';
import type { FunderKind } from '../funders/funder-types';

/**
 * One funding opportunity, normalised from whichever source it came from
 * (DESIGN.md, funding; issue 10). Opportunities are public data shared by the
 * whole platform: they belong to no jurisdiction. What a jurisdiction or a
 * user does with one (matches, saved searches, the pipeline) is theirs and is
 * kept elsewhere, keyed by `opportunityId`.
 */

export { APPLICANT_TYPES, type ApplicantType, OPPORTUNITY_STATUSES, type OpportunityStatus } from '@entente/contracts';

/**
 * Themes an opportunity funds: kebab-case words. The Grants.gov funding
 * activity categories map to the first ones; other sources add their own
 * words (feeds' categories, EU keywords), lower-cased and hyphenated.
 */
export const KNOWN_THEMES = [
  'recovery-act',
  'agriculture',
  'arts',
  'business-and-commerce',
  'community-development',
  'consumer-protection',
  'disaster-prevention-and-relief',
  'education',
  'employment-labour-and-training',
  'energy',
  'environment',
  'food-and-nutrition',
  'health',
  'housing',
  'humanities',
  'infrastructure',
  'information-and-statistics',
  'income-security-and-social-services',
  'law-justice-and-legal-services',
  'natural-resources',
  'opportunity-zone-benefits',
  'regional-development',
  'science-and-technology',
  'transportation',
  'affordable-care-act',
  'other',
] as const;

/** How much an opportunity awards; every amount in `currency` (ISO 4217), null when the source does not say. */
export interface AwardAmounts {
  floor: number | null;
  ceiling: number | null;
  total: number | null;
  currency: string | null;
}

/**
 * What a connector reads from one source record: everything the platform
 * keeps of an opportunity except its identity and history. Two reads of an
 * unchanged record give equal content, which is what change detection
 * compares.
 */
export interface OpportunityContent {
  title: string;
  /** The source's human reference (Grants.gov opportunity number, EU call identifier), if any. */
  reference: string | null;
  funder: string;
  funderType: FunderKind;
  description: string | null;
  url: string | null;
  status: OpportunityStatus;
  /** Instants; `timeZone` is the zone the source states them in (deadlines are read in it). */
  postedAt: Date | null;
  closesAt: Date | null;
  /** IANA time zone of the source's dates, e.g. America/New_York for Grants.gov. */
  timeZone: string;
  award: AwardAmounts;
  /** Whether the funder requires cost sharing or matching funds; null when not stated. */
  costSharing: boolean | null;
  eligibleApplicantTypes: ApplicantType[];
  /** ISO 3166-1 alpha-2; empty when the source names no country. */
  eligibleCountries: string[];
  /** The source's own words on eligibility, kept for a person to read. */
  eligibilityText: string | null;
  themes: string[];
  /** Whether joint or consortium bids are allowed; null when the source does not say. */
  jointBidsAllowed: boolean | null;
}

/** The content fields a version's changes can name, in the order they are compared. */
export const CONTENT_FIELDS = [
  'title',
  'reference',
  'funder',
  'funderType',
  'description',
  'url',
  'status',
  'postedAt',
  'closesAt',
  'timeZone',
  'award',
  'costSharing',
  'eligibleApplicantTypes',
  'eligibleCountries',
  'eligibilityText',
  'themes',
  'jointBidsAllowed',
] as const satisfies readonly (keyof OpportunityContent)[];
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** One field's change between two versions; values as plain JSON (dates as ISO strings). */
export interface FieldChange {
  field: ContentField;
  from: unknown;
  to: unknown;
}

/** One version of an opportunity: when the platform saw it, in which scouting run, and what changed from the one before. */
export interface OpportunityVersion {
  version: number;
  seenAt: Date;
  runId: string;
  /** Empty for version 1. */
  changes: FieldChange[];
}

/** An opportunity as the platform keeps it. */
export interface Opportunity extends OpportunityContent {
  /** Stable platform id: `${sourceId}:${sourceRecordId}`. */
  opportunityId: string;
  /** The configured source it came from (see sources/), and that source's kind. */
  sourceId: string;
  sourceKind: SourceKind;
  /** The record's key at its source (Grants.gov OpportunityID, EU identifier, feed guid, CSV id). */
  sourceRecordId: string;
  version: number;
  firstSeenAt: Date;
  updatedAt: Date;
}

/** The formats the platform reads (FUNDING-FORMATS.md). `feed` is RSS 2.0 or Atom, told apart by its root element. */
export const SOURCE_KINDS = ['grants-gov-extract', 'simpler-grants-gov', 'eu-funding-tenders', 'feed', 'csv'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function opportunityIdOf(sourceId: string, sourceRecordId: string): string {
  return `${sourceId}:${sourceRecordId}`;
}
