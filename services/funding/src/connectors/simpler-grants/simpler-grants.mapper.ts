import type { ApplicantType, OpportunityContent, OpportunityStatus } from '../../opportunities/opportunity';
import type { ReadItem } from '../connector';
import { GRANTS_GOV_TIME_ZONE } from '../grants-gov/grants-gov.mapper';
import { clean, htmlToText, themeOf } from '../text';
import { zonedInstant } from '../zoned-time';

/** Simpler.Grants.gov's applicant types (snake-case names of Grants.gov's codes) to the platform's. */
export const SIMPLER_APPLICANT_TYPES: Record<string, ApplicantType> = {
  state_governments: 'state-governments',
  county_governments: 'county-governments',
  city_or_township_governments: 'city-or-township-governments',
  special_district_governments: 'special-district-governments',
  independent_school_districts: 'independent-school-districts',
  public_and_state_institutions_of_higher_education: 'public-higher-education',
  federally_recognized_native_american_tribal_governments: 'tribal-governments',
  public_and_indian_housing_authorities: 'housing-authorities',
  other_native_american_tribal_organizations: 'tribal-organisations',
  nonprofits_non_higher_education_with_501c3: 'nonprofits-with-501c3',
  nonprofits_non_higher_education_without_501c3: 'nonprofits-without-501c3',
  private_institutions_of_higher_education: 'private-higher-education',
  individuals: 'individuals',
  for_profit_organizations_other_than_small_businesses: 'for-profit-businesses',
  small_businesses: 'small-businesses',
  other: 'others',
  unrestricted: 'unrestricted',
};

/** Funding categories whose snake-case name is not simply the theme hyphenated. */
const CATEGORY_THEMES: Record<string, string> = {
  science_technology_and_other_research_and_development: 'science-and-technology',
  employment_labor_and_training: 'employment-labour-and-training',
  infrastructure_investment_and_jobs_act: 'infrastructure',
  law_justice_and_legal_services: 'law-justice-and-legal-services',
};

const STATUSES: Record<string, OpportunityStatus> = { forecasted: 'forecasted', posted: 'open', closed: 'closed', archived: 'archived' };

type Json = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : typeof value === 'number' ? String(value) : null;
}

function amount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `YYYY-MM-DD` at a wall-clock time in Eastern Time, as Grants.gov means its dates; null for anything else. */
function easternDate(value: unknown, endOfDay: boolean): Date | null | 'bad' {
  if (value === null || value === undefined) return null;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return 'bad';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return 'bad';
  return endOfDay ? zonedInstant(year, month, day, 23, 59, 59, GRANTS_GOV_TIME_ZONE) : zonedInstant(year, month, day, 0, 0, 0, GRANTS_GOV_TIME_ZONE);
}

/** One opportunity of a search answer (FUNDING-FORMATS.md §2) as the platform's, or the reason it is left out. */
export function mapSimplerOpportunity(raw: unknown, position: number): ReadItem {
  if (typeof raw !== 'object' || raw === null) return { problem: { record: `result ${position}`, reason: 'is not an object' } };
  const opportunity = raw as Json;
  const id = text(opportunity['opportunity_id']);
  if (!id) return { problem: { record: `result ${position}`, reason: 'has no opportunity_id' } };
  const title = htmlToText(text(opportunity['opportunity_title']), 500);
  if (!title) return { problem: { record: id, reason: 'has no opportunity_title' } };
  const status = STATUSES[String(opportunity['opportunity_status'])];
  if (!status) return { problem: { record: id, reason: `opportunity_status ${JSON.stringify(opportunity['opportunity_status'])} is not forecasted, posted, closed or archived` } };
  const summary = (typeof opportunity['summary'] === 'object' && opportunity['summary'] !== null ? opportunity['summary'] : {}) as Json;
  const closeField = status === 'forecasted' ? 'forecasted_close_date' : 'close_date';
  const closesAt = easternDate(summary[closeField] ?? (status === 'forecasted' ? summary['close_date'] : undefined), true);
  const postedAt = easternDate(summary['post_date'] ?? summary['forecasted_post_date'], false);
  if (closesAt === 'bad') return { problem: { record: id, reason: `summary.${closeField} ${JSON.stringify(summary[closeField])} is not a date as YYYY-MM-DD` } };
  if (postedAt === 'bad') return { problem: { record: id, reason: `summary.post_date ${JSON.stringify(summary['post_date'])} is not a date as YYYY-MM-DD` } };
  const content: OpportunityContent = {
    title,
    reference: text(opportunity['opportunity_number']),
    funder: text(opportunity['agency_name']) ?? text(opportunity['top_level_agency_name']) ?? text(opportunity['agency_code']) ?? 'US federal agency',
    funderType: 'national',
    description: htmlToText(text(summary['summary_description'])),
    url: text(summary['additional_info_url']) ?? `https://simpler.grants.gov/opportunity/${encodeURIComponent(id)}`,
    status,
    postedAt,
    closesAt,
    timeZone: GRANTS_GOV_TIME_ZONE,
    award: { floor: amount(summary['award_floor']), ceiling: amount(summary['award_ceiling']), total: amount(summary['estimated_total_program_funding']), currency: 'USD' },
    costSharing: typeof summary['is_cost_sharing'] === 'boolean' ? summary['is_cost_sharing'] : null,
    eligibleApplicantTypes: [...new Set(strings(summary['applicant_types']).flatMap((type) => SIMPLER_APPLICANT_TYPES[type] ?? []))].sort(),
    eligibleCountries: ['US'],
    eligibilityText: htmlToText(text(summary['applicant_eligibility_description']), 4000),
    themes: [...new Set(strings(summary['funding_categories']).flatMap((category) => CATEGORY_THEMES[category] ?? themeOf(category) ?? []))].sort(),
    jointBidsAllowed: null,
  };
  return { record: { sourceRecordId: id, revision: null, content } };
}
