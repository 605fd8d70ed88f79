import type { ApplicantType, OpportunityContent, OpportunityStatus } from '../../opportunities/opportunity';
import type { ReadItem } from '../connector';
import { clean, htmlToText } from '../text';
import { zonedInstant } from '../zoned-time';
import type { GrantsGovRawRecord } from './grants-gov-extract.reader';

/** Grants.gov states dates as MMDDYYYY without a time; applications are due by 11:59:59 pm Eastern Time on the close date. */
export const GRANTS_GOV_TIME_ZONE = 'America/New_York';

/** Eligible applicant codes (FUNDING-FORMATS.md) to the platform's applicant types. */
export const GRANTS_GOV_APPLICANT_TYPES: Record<string, ApplicantType> = {
  '00': 'state-governments',
  '01': 'county-governments',
  '02': 'city-or-township-governments',
  '04': 'special-district-governments',
  '05': 'independent-school-districts',
  '06': 'public-higher-education',
  '07': 'tribal-governments',
  '08': 'housing-authorities',
  '11': 'tribal-organisations',
  '12': 'nonprofits-with-501c3',
  '13': 'nonprofits-without-501c3',
  '20': 'private-higher-education',
  '21': 'individuals',
  '22': 'for-profit-businesses',
  '23': 'small-businesses',
  '25': 'others',
  '99': 'unrestricted',
};

/** Funding activity category codes to themes. */
export const GRANTS_GOV_THEMES: Record<string, string> = {
  RA: 'recovery-act',
  AG: 'agriculture',
  AR: 'arts',
  BC: 'business-and-commerce',
  CD: 'community-development',
  CP: 'consumer-protection',
  DPR: 'disaster-prevention-and-relief',
  ED: 'education',
  ELT: 'employment-labour-and-training',
  EN: 'energy',
  ENV: 'environment',
  FN: 'food-and-nutrition',
  HL: 'health',
  HO: 'housing',
  HU: 'humanities',
  IIJ: 'infrastructure',
  IS: 'information-and-statistics',
  ISS: 'income-security-and-social-services',
  LJL: 'law-justice-and-legal-services',
  NR: 'natural-resources',
  OZ: 'opportunity-zone-benefits',
  RD: 'regional-development',
  ST: 'science-and-technology',
  T: 'transportation',
  ACA: 'affordable-care-act',
  O: 'other',
};

const dateCache = new Map<string, Date | null>();

/** `MMDDYYYY` at a wall-clock time in Eastern Time; null for anything else (kept small: extracts repeat dates a lot). */
export function grantsGovDate(value: string | undefined, endOfDay: boolean): Date | null {
  if (!value) return null;
  const key = `${value}|${endOfDay ? 1 : 0}`;
  const cached = dateCache.get(key);
  if (cached !== undefined) return cached;
  const match = /^\s*(\d{2})(\d{2})(\d{4})\s*$/.exec(value);
  let date: Date | null = null;
  if (match) {
    const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (month >= 1 && month <= 12 && probe.getUTCDate() === day && year >= 1970 && year <= 2200) {
      date = endOfDay ? zonedInstant(year, month, day, 23, 59, 59, GRANTS_GOV_TIME_ZONE) : zonedInstant(year, month, day, 0, 0, 0, GRANTS_GOV_TIME_ZONE);
    }
  }
  if (dateCache.size > 50_000) dateCache.clear();
  dateCache.set(key, date);
  return date;
}

/** Digits (maybe with separators or cents) to a number; `none`, blank or anything else to null. */
export function grantsGovAmount(value: string | undefined): number | null {
  const text = clean(value);
  if (!text || /^none$/i.test(text)) return null;
  const digits = text.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const amount = Number(digits);
  return Number.isFinite(amount) ? amount : null;
}

function first(record: GrantsGovRawRecord, name: string): string | undefined {
  return record.fields.get(name)?.[0];
}

function all(record: GrantsGovRawRecord, name: string): string[] {
  return (record.fields.get(name) ?? []).map((value) => value.trim()).filter((value) => value !== '');
}

/** Forecasts are older than synopses of the same opportunity; then the last update, then the version number. */
function revisionOf(record: GrantsGovRawRecord): string {
  const updated = /^(\d{2})(\d{2})(\d{4})$/.exec((first(record, 'LastUpdatedDate') ?? '').trim());
  const ymd = updated ? `${updated[3]}${updated[1]}${updated[2]}` : '00000000';
  const version = /(\d+)\s*$/.exec(first(record, 'Version') ?? '');
  return `${record.kind === 'synopsis' ? 1 : 0}:${ymd}:${(version?.[1] ?? '0').padStart(6, '0')}`;
}

function statusOf(record: GrantsGovRawRecord, closesAt: Date | null, now: Date): OpportunityStatus {
  const archivedAt = grantsGovDate(first(record, 'ArchiveDate'), true);
  if (archivedAt && archivedAt.getTime() < now.getTime()) return 'archived';
  if (record.kind === 'forecast') return 'forecasted';
  if (closesAt && closesAt.getTime() < now.getTime()) return 'closed';
  return 'open';
}

/** One extract record as the platform's opportunity, or the reason it is left out. */
export function mapGrantsGovRecord(record: GrantsGovRawRecord, now: Date): ReadItem {
  const id = clean(first(record, 'OpportunityID'));
  if (!id) return { problem: { record: `record ${record.position}`, reason: 'has no OpportunityID' } };
  if (!/^\d+$/.test(id)) return { problem: { record: id, reason: `OpportunityID ${JSON.stringify(id.slice(0, 40))} is not a whole number` } };
  const title = htmlToText(first(record, 'OpportunityTitle'), 500);
  if (!title) return { problem: { record: id, reason: 'has no OpportunityTitle' } };
  const closeField = record.kind === 'forecast' ? 'EstimatedApplicationDueDate' : 'CloseDate';
  const rawClose = first(record, closeField);
  const closesAt = grantsGovDate(rawClose, true);
  if (clean(rawClose) && !closesAt) return { problem: { record: id, reason: `${closeField} ${JSON.stringify(rawClose?.trim().slice(0, 20))} is not a date in MMDDYYYY form` } };
  const postedAt = grantsGovDate(first(record, 'PostDate'), false);
  const applicantTypes = [...new Set(all(record, 'EligibleApplicants').flatMap((code) => GRANTS_GOV_APPLICANT_TYPES[code.padStart(2, '0')] ?? []))].sort();
  const themes = [...new Set(all(record, 'CategoryOfFundingActivity').flatMap((code) => GRANTS_GOV_THEMES[code.toUpperCase()] ?? []))].sort();
  const costSharing = clean(first(record, 'CostSharingOrMatchingRequirement'))?.toLowerCase();
  const content: OpportunityContent = {
    title,
    reference: clean(first(record, 'OpportunityNumber')),
    funder: clean(first(record, 'AgencyName')) ?? clean(first(record, 'AgencyCode')) ?? 'US federal agency',
    funderType: 'national',
    description: htmlToText(first(record, 'Description')),
    url: clean(first(record, 'AdditionalInformationURL')) ?? `https://www.grants.gov/search-results-detail/${id}`,
    status: statusOf(record, closesAt, now),
    postedAt,
    closesAt,
    timeZone: GRANTS_GOV_TIME_ZONE,
    award: {
      floor: grantsGovAmount(first(record, 'AwardFloor')),
      ceiling: grantsGovAmount(first(record, 'AwardCeiling')),
      total: grantsGovAmount(first(record, 'EstimatedTotalProgramFunding')),
      currency: 'USD',
    },
    costSharing: costSharing === 'yes' ? true : costSharing === 'no' ? false : null,
    eligibleApplicantTypes: applicantTypes,
    eligibleCountries: ['US'],
    eligibilityText: htmlToText(first(record, 'AdditionalInformationOnEligibility'), 4000),
    themes,
    jointBidsAllowed: null,
  };
  return { record: { sourceRecordId: id, revision: revisionOf(record), content } };
}
