import { type Eligibility, eligibilityOf, type MatchingJurisdiction } from './eligibility';
import { normaliseTerm, termWords } from './match-terms';
import { fitOf, type MatchableOpportunity, type MatchingPriority, type OpportunityTerms, type PriorityFit, termsOf } from './priority-fit';
import { countryKey, TermIndex, themeKey, wordKey } from './term-index';

/** An eligible call counts this much on top of its fit; an unclear one nothing. */
export const ELIGIBLE_POINTS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One opportunity matched to one jurisdiction: a score 0–100 and the reason in one line. */
export interface OpportunityMatch {
  jurisdictionId: string;
  opportunityId: string;
  score: number;
  explanation: string;
  eligibility: Eligibility['verdict'];
  /** The priorities it fits, best first. */
  priorityIds: string[];
}

/** "closes in 21 days", from the closing instant and now. */
export function closingNote(opportunity: Pick<MatchableOpportunity, 'status' | 'closesAt'>, now: Date): string {
  if (!opportunity.closesAt) return opportunity.status === 'forecasted' ? 'forecasted; no closing date yet' : 'no closing date';
  const left = opportunity.closesAt.getTime() - now.getTime();
  if (left <= 0) return 'closing date passed';
  const days = Math.ceil(left / DAY_MS);
  return days <= 1 ? 'closes within a day' : `closes in ${days} days`;
}

function joined(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "matches priority 'Baltic trade' on theme regional development; eligible: city governments; closes in 21 days". */
export function explain(fits: readonly PriorityFit[], eligibility: Eligibility, closing: string): string {
  const best = fits[0];
  if (!best) return `${eligibility.note}; ${closing}`;
  const group = (one: string, many: string, words: string[]): string[] => (words.length === 0 ? [] : [`${words.length === 1 ? one : many} ${joined(words)}`]);
  const on = [
    ...group('theme', 'themes', best.themes.map(termWords)),
    ...group('country', 'countries', best.countries),
    ...group('sector', 'sectors', best.sectors.map(termWords)),
  ].join(', ');
  const others = fits.length > 1 ? ` (and ${fits.length - 1} more ${fits.length === 2 ? 'priority' : 'priorities'})` : '';
  return `matches priority '${best.priority.title}' on ${on}${others}; ${eligibility.note}; ${closing}`;
}

/** Scores one opportunity for one jurisdiction against those of its priorities given; null when it does not match. */
export function matchOne(opportunity: MatchableOpportunity, terms: OpportunityTerms, jurisdiction: MatchingJurisdiction, priorities: Iterable<MatchingPriority>, now: Date): OpportunityMatch | null {
  if (opportunity.status === 'closed' || opportunity.status === 'archived') return null;
  const eligibility = eligibilityOf(opportunity, jurisdiction);
  if (eligibility.verdict === 'ineligible') return null;
  const fits: PriorityFit[] = [];
  for (const priority of priorities) {
    const fit = fitOf(terms, priority, jurisdiction.country);
    if (fit) fits.push(fit);
  }
  if (fits.length === 0) return null;
  fits.sort((a, b) => b.points - a.points || a.priority.title.localeCompare(b.priority.title));
  const score = Math.min(100, (fits[0]?.points ?? 0) + (eligibility.verdict === 'eligible' ? ELIGIBLE_POINTS : 0));
  return {
    jurisdictionId: jurisdiction.jurisdictionId,
    opportunityId: opportunity.opportunityId,
    score,
    explanation: explain(fits, eligibility, closingNote(opportunity, now)),
    eligibility: eligibility.verdict,
    priorityIds: fits.map((fit) => fit.priority.priorityId),
  };
}

/** The index keys a priority is found under: its themes, target countries and its sectors' first words. */
function priorityKeys(priority: MatchingPriority): string[] {
  return [
    ...priority.themes.map((theme) => themeKey(normaliseTerm(theme))),
    ...priority.countries.map(countryKey),
    ...priority.sectors.map((sector) => wordKey(normaliseTerm(sector).split('-')[0] ?? '')),
  ];
}

/** The keys an opportunity looks up: its themes, the countries it is open to, every word of its title and themes. */
export function opportunityKeys(terms: OpportunityTerms): string[] {
  return [...[...terms.themes].map(themeKey), ...[...terms.countries].map(countryKey), ...[...terms.words].map(wordKey)];
}

/**
 * Matches opportunities to every jurisdiction at once: the jurisdictions'
 * active priorities are indexed by theme, country and sector word, so an
 * opportunity is compared only with the priorities that share a term with
 * it, and only their jurisdictions are checked for eligibility. A priority
 * that names no term is never a fit, so it is not indexed at all.
 */
export class OpportunityMatcher {
  private readonly index = new TermIndex<MatchingPriority>();
  private readonly jurisdictions = new Map<string, MatchingJurisdiction>();
  /** Priority comparisons made so far: what the index saves is visible in tests and benchmarks. */
  comparisons = 0;

  constructor(jurisdictions: Iterable<MatchingJurisdiction>, priorities: Iterable<MatchingPriority>) {
    for (const jurisdiction of jurisdictions) this.jurisdictions.set(jurisdiction.jurisdictionId, jurisdiction);
    for (const priority of priorities) {
      const keys = priorityKeys(priority);
      if (keys.length > 0 && this.jurisdictions.has(priority.jurisdictionId)) this.index.add(priority, keys);
    }
  }

  get priorityCount(): number {
    return this.index.itemCount;
  }

  /** The jurisdictions this opportunity matches, best first. */
  match(opportunity: MatchableOpportunity, now: Date): OpportunityMatch[] {
    if (opportunity.status === 'closed' || opportunity.status === 'archived') return [];
    const terms = termsOf(opportunity);
    const byJurisdiction = new Map<string, MatchingPriority[]>();
    for (const priority of this.index.candidates(opportunityKeys(terms))) {
      const list = byJurisdiction.get(priority.jurisdictionId);
      if (list) list.push(priority);
      else byJurisdiction.set(priority.jurisdictionId, [priority]);
    }
    const matches: OpportunityMatch[] = [];
    for (const [jurisdictionId, priorities] of byJurisdiction) {
      const jurisdiction = this.jurisdictions.get(jurisdictionId);
      if (!jurisdiction) continue;
      this.comparisons += priorities.length;
      const match = matchOne(opportunity, terms, jurisdiction, priorities, now);
      if (match) matches.push(match);
    }
    return matches.sort((a, b) => b.score - a.score || a.jurisdictionId.localeCompare(b.jurisdictionId));
  }

  /** Every match of these opportunities, per opportunity in the order given. */
  matchAll(opportunities: Iterable<MatchableOpportunity>, now: Date): OpportunityMatch[] {
    const all: OpportunityMatch[] = [];
    for (const opportunity of opportunities) all.push(...this.match(opportunity, now));
    return all;
  }
}
