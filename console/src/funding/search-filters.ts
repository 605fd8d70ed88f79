/**
 * The opportunity search's filters, in one shape for the search screen and
 * for "Save this search": what the `opportunities` query filters on the
 * server (keywords and exclusions, status, funder types, themes, the
 * deadline window) and what the console checks on the answer (amounts,
 * countries, eligibility, the fit with our priorities from
 * `opportunityMatches`), since that query takes no such arguments.
 */
import type { FunderKind, OpportunitySearchInput, OpportunityStatus, SearchCriteriaInput } from '../gql/graphql';

export interface SearchFilters {
  keywords: string[];
  excluded: string[];
  statuses: OpportunityStatus[];
  funderTypes: FunderKind[];
  themes: string[];
  countries: string[];
  minAmount: number | null;
  maxAmount: number | null;
  minDaysToClose: number | null;
  maxDaysToClose: number | null;
  eligibleOnly: boolean;
  matchesMyPriorities: boolean;
}

export const NO_FILTERS: SearchFilters = {
  keywords: [],
  excluded: [],
  statuses: ['FORECASTED', 'OPEN'],
  funderTypes: [],
  themes: [],
  countries: [],
  minAmount: null,
  maxAmount: null,
  minDaysToClose: null,
  maxDaysToClose: null,
  eligibleOnly: false,
  matchesMyPriorities: false,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Regional development" → regional-development, as the API writes themes. */
export function themeKey(theme: string): string {
  return theme
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A word or phrase as the query's keyword syntax takes it: each word on its own (all must appear), an exclusion's each prefixed with -. */
function words(phrases: readonly string[], prefix = ''): string[] {
  return phrases.flatMap((phrase) => phrase.split(/\s+/).filter(Boolean)).map((word) => prefix + word.replace(/^-+/, ''));
}

/** The part of the filters the `opportunities` query applies; the deadline window counted from `now`. */
export function queryFilterOf(filters: SearchFilters, now: Date): OpportunitySearchInput {
  const keywords = [...words(filters.keywords), ...words(filters.excluded, '-')].join(' ');
  return {
    ...(keywords && { keywords }),
    ...(filters.statuses.length > 0 && { statuses: filters.statuses }),
    ...(filters.funderTypes.length > 0 && { funderTypes: filters.funderTypes }),
    ...(filters.themes.length > 0 && { themes: filters.themes.map(themeKey) }),
    ...(filters.minDaysToClose !== null && { closesAfter: new Date(now.getTime() + filters.minDaysToClose * DAY_MS).toISOString() }),
    ...(filters.maxDaysToClose !== null && { closesBefore: new Date(now.getTime() + filters.maxDaysToClose * DAY_MS).toISOString() }),
  };
}

/** What the console checks of each opportunity the query answered. */
export interface Candidate {
  id: string;
  award: { floor?: number | null; ceiling?: number | null; total?: number | null };
  eligibleCountries: readonly string[];
}

/** The award a call is compared by, as saved searches compare it: the ceiling, else the total, else the floor. */
export function awardOf(candidate: Pick<Candidate, 'award'>): number | null {
  return candidate.award.ceiling ?? candidate.award.total ?? candidate.award.floor ?? null;
}

/**
 * Whether an answered opportunity passes the filters the query could not
 * apply. `matchedIds`: the calls `opportunityMatches` fits to our priorities
 * (they are never ineligible); `country`: the jurisdiction's.
 */
export function passesLocalFilters(candidate: Candidate, filters: SearchFilters, matchedIds: ReadonlySet<string>, country: string | null): boolean {
  const award = awardOf(candidate);
  if (filters.minAmount !== null && (award === null || award < filters.minAmount)) return false;
  if (filters.maxAmount !== null && (award === null || award > filters.maxAmount)) return false;
  const open = candidate.eligibleCountries;
  if (filters.countries.length > 0 && open.length > 0 && !filters.countries.some((code) => open.includes(code.toUpperCase()))) return false;
  if (filters.matchesMyPriorities && !matchedIds.has(candidate.id)) return false;
  if (filters.eligibleOnly && !matchedIds.has(candidate.id) && country !== null && open.length > 0 && !open.includes(country)) return false;
  return true;
}

/** The filters as a saved search's criteria (statuses and funder kinds in the lower-case, hyphenated words the criteria use). */
export function criteriaOf(filters: SearchFilters): SearchCriteriaInput {
  return {
    keywords: filters.keywords,
    excludedKeywords: filters.excluded,
    statuses: filters.statuses.map((status) => status.toLowerCase()),
    funderTypes: filters.funderTypes.map((kind) => kind.toLowerCase().replace(/_/g, '-')),
    themes: filters.themes.map(themeKey),
    countries: filters.countries.map((code) => code.toUpperCase()),
    minAmount: filters.minAmount,
    maxAmount: filters.maxAmount,
    minDaysToClose: filters.minDaysToClose,
    maxDaysToClose: filters.maxDaysToClose,
    eligibleOnly: filters.eligibleOnly,
    matchesMyPriorities: filters.matchesMyPriorities,
  };
}

/** A funder kind of the criteria (trust-or-foundation) as the enum (TRUST_OR_FOUNDATION). */
export function funderKindOf(criterion: string): FunderKind {
  return criterion.toUpperCase().replace(/-/g, '_') as FunderKind;
}
