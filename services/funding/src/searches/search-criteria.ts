import type { ApplicantType, OpportunityStatus } from '../opportunities/opportunity';
import type { FunderKind } from '../funders/funder-types';
import { normaliseTerm } from '../matching/match-terms';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a saved search looks for. Every list that is empty does not filter;
 * every filter that is set must hold (AND across filters, OR within one).
 */
export interface SearchCriteria {
  /** Words or phrases, normalised (`regional-development`); one of them must appear in the title, funder, reference or themes. */
  keywords: string[];
  /** Words or phrases none of which may appear there. */
  excludedKeywords: string[];
  /** Empty: forecasted and open calls. */
  statuses: OpportunityStatus[];
  /** The award must reach at least this much (its ceiling, else its total, else its floor) and, with a currency, be in it. */
  minAmount: number | null;
  maxAmount: number | null;
  currency: string | null;
  /** The deadline window: closes at least / at most this many days from when the call is seen. */
  minDaysToClose: number | null;
  maxDaysToClose: number | null;
  funderTypes: FunderKind[];
  /** Normalised theme terms. */
  themes: string[];
  /** ISO 3166-1 alpha-2: calls open to applicants in one of them (a call that names no country is open to all). */
  countries: string[];
  /** Calls that name one of these applicant types (or are unrestricted). */
  applicantTypes: ApplicantType[];
  /** Only calls the searcher's jurisdiction is not ineligible for (its level and country, from the jurisdiction directory). */
  eligibleOnly: boolean;
  /** Only calls that match one of the jurisdiction's active priorities (the matcher's fit). */
  matchesMyPriorities: boolean;
}

export const EMPTY_CRITERIA: SearchCriteria = {
  keywords: [],
  excludedKeywords: [],
  statuses: [],
  minAmount: null,
  maxAmount: null,
  currency: null,
  minDaysToClose: null,
  maxDaysToClose: null,
  funderTypes: [],
  themes: [],
  countries: [],
  applicantTypes: [],
  eligibleOnly: false,
  matchesMyPriorities: false,
};

/** What criteria are tested against: an opportunity as its events carry it. */
export interface SearchableOpportunity {
  opportunityId: string;
  version: number;
  title: string;
  reference: string | null;
  funder: string;
  funderType: FunderKind;
  status: OpportunityStatus;
  closesAt: Date | null;
  award: { floor: number | null; ceiling: number | null; total: number | null; currency: string | null };
  eligibleApplicantTypes: readonly ApplicantType[];
  eligibleCountries: readonly string[];
  themes: readonly string[];
}

/**
 * What only the searcher's jurisdiction can answer (bound to it by the
 * caller), asked lazily and only when a search asks for it (eligibility from the jurisdiction directory,
 * fit from its priorities).
 */
export interface JurisdictionQuestions {
  eligible(): Promise<boolean>;
  fitsPriorities(): Promise<boolean>;
}

/** An opportunity's searchable text: normalised words of its title, funder, reference and themes, hyphen-joined with hyphens around. */
export function searchTextOf(opportunity: Pick<SearchableOpportunity, 'title' | 'funder' | 'reference' | 'themes'>): string {
  const parts = [opportunity.title, opportunity.funder, opportunity.reference ?? '', ...opportunity.themes].map(normaliseTerm).filter(Boolean);
  return `-${parts.join('-')}-`;
}

/** Whether a normalised keyword (a word or a hyphenated phrase) appears in the text as whole words. */
export function containsTerm(text: string, term: string): boolean {
  return term !== '' && text.includes(`-${term}-`);
}

/** The amount a call is compared by: its ceiling, else its total, else its floor. */
export function awardAmountOf(award: SearchableOpportunity['award']): number | null {
  return award.ceiling ?? award.total ?? award.floor;
}

const DEFAULT_STATUSES: readonly OpportunityStatus[] = ['forecasted', 'open'];

/** What every search tests of one opportunity, worked out once per opportunity rather than once per search. */
interface Derived {
  text: string;
  themes: Set<string>;
}

const derived = new WeakMap<SearchableOpportunity, Derived>();

function derivedOf(opportunity: SearchableOpportunity): Derived {
  let found = derived.get(opportunity);
  if (!found) {
    found = { text: searchTextOf(opportunity), themes: new Set(opportunity.themes.map(normaliseTerm)) };
    derived.set(opportunity, found);
  }
  return found;
}

/**
 * Whether an opportunity meets every criterion of a search that it can
 * answer itself, as seen at `now`: all but the questions about the
 * searcher's jurisdiction (jurisdictionAgrees). Synchronous and cheap, since
 * an opportunity is tested against thousands of searches: its searchable
 * text and themes are worked out once per opportunity object.
 */
export function meetsCriteria(criteria: SearchCriteria, opportunity: SearchableOpportunity, now: Date): boolean {
  const statuses = criteria.statuses.length > 0 ? criteria.statuses : DEFAULT_STATUSES;
  if (!statuses.includes(opportunity.status)) return false;
  if (criteria.funderTypes.length > 0 && !criteria.funderTypes.includes(opportunity.funderType)) return false;
  if (criteria.countries.length > 0 && opportunity.eligibleCountries.length > 0 && !criteria.countries.some((country) => opportunity.eligibleCountries.includes(country))) return false;
  if (criteria.applicantTypes.length > 0 && !opportunity.eligibleApplicantTypes.includes('unrestricted') && !criteria.applicantTypes.some((type) => opportunity.eligibleApplicantTypes.includes(type))) return false;
  if (!meetsAmount(criteria, opportunity.award)) return false;
  if (!meetsDeadline(criteria, opportunity.closesAt, now)) return false;
  if (criteria.themes.length > 0) {
    const { themes } = derivedOf(opportunity);
    if (!criteria.themes.some((theme) => themes.has(theme))) return false;
  }
  if (criteria.keywords.length > 0 || criteria.excludedKeywords.length > 0) {
    const { text } = derivedOf(opportunity);
    if (criteria.keywords.length > 0 && !criteria.keywords.some((keyword) => containsTerm(text, keyword))) return false;
    if (criteria.excludedKeywords.some((keyword) => containsTerm(text, keyword))) return false;
  }
  return true;
}

/** Whether the search asks anything of the searcher's jurisdiction (eligibility, priorities). */
export function asksJurisdiction(criteria: SearchCriteria): boolean {
  return criteria.eligibleOnly || criteria.matchesMyPriorities;
}

/** The questions only the searcher's jurisdiction answers, asked only when the search sets them. */
export async function jurisdictionAgrees(criteria: SearchCriteria, ask: JurisdictionQuestions): Promise<boolean> {
  if (criteria.eligibleOnly && !(await ask.eligible())) return false;
  if (criteria.matchesMyPriorities && !(await ask.fitsPriorities())) return false;
  return true;
}

/**
 * Whether an opportunity meets a search's criteria, as seen at `now`. The
 * questions about the jurisdiction are asked last, and only when every
 * other filter held.
 */
export async function matchesCriteria(criteria: SearchCriteria, opportunity: SearchableOpportunity, ask: JurisdictionQuestions, now: Date): Promise<boolean> {
  return meetsCriteria(criteria, opportunity, now) && (await jurisdictionAgrees(criteria, ask));
}

/** Whether the award meets the search's amount filter (true when it sets none). */
export function meetsAmount(criteria: SearchCriteria, award: SearchableOpportunity['award']): boolean {
  if (criteria.minAmount === null && criteria.maxAmount === null) return true;
  const amount = awardAmountOf(award);
  if (amount === null) return false;
  if (criteria.currency !== null && award.currency !== criteria.currency) return false;
  if (criteria.minAmount !== null && amount < criteria.minAmount) return false;
  if (criteria.maxAmount !== null && amount > criteria.maxAmount) return false;
  return true;
}

/** Whether the closing date meets the search's deadline window as seen at `now` (true when it sets none). */
export function meetsDeadline(criteria: SearchCriteria, closesAt: Date | null, now: Date): boolean {
  if (criteria.minDaysToClose === null && criteria.maxDaysToClose === null) return true;
  if (!closesAt) return false;
  const days = (closesAt.getTime() - now.getTime()) / DAY_MS;
  if (criteria.minDaysToClose !== null && days < criteria.minDaysToClose) return false;
  if (criteria.maxDaysToClose !== null && days > criteria.maxDaysToClose) return false;
  return true;
}
