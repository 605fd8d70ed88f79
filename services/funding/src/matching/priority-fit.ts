import type { Opportunity } from '../opportunities/opportunity';
import type { EligibilityFacts } from './eligibility';
import { normaliseTerm } from './match-terms';

/** What matching needs of a priority (funding's read model of planning's priorities). */
export interface MatchingPriority {
  jurisdictionId: string;
  priorityId: string;
  title: string;
  themes: readonly string[];
  /** Target countries, ISO 3166-1 alpha-2. */
  countries: readonly string[];
  sectors: readonly string[];
}

/** What matching needs of an opportunity. */
export type MatchableOpportunity = EligibilityFacts & Pick<Opportunity, 'opportunityId' | 'title' | 'status' | 'closesAt' | 'themes'>;

/** An opportunity's terms, normalised once however many priorities it is compared with. */
export interface OpportunityTerms {
  themes: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  /** The title and themes as one hyphenated string with hyphens around it, where a sector is looked for as a whole word or phrase. */
  text: string;
  /** Single words of the title and themes: the keys sector words are indexed under. */
  words: ReadonlySet<string>;
}

export function termsOf(opportunity: MatchableOpportunity): OpportunityTerms {
  const themes = new Set(opportunity.themes.map(normaliseTerm).filter(Boolean));
  const text = `-${[normaliseTerm(opportunity.title), ...themes].join('-')}-`;
  return { themes, countries: new Set(opportunity.eligibleCountries), text, words: new Set(text.split('-').filter(Boolean)) };
}

/** What a priority and an opportunity have in common; points out of 90 (themes up to 55, countries 20, sectors 15). */
export interface PriorityFit {
  priority: MatchingPriority;
  themes: string[];
  countries: string[];
  sectors: string[];
  points: number;
}

export const THEME_POINTS = 45;
export const EXTRA_THEME_POINTS = 10;
export const COUNTRY_POINTS = 20;
export const SECTOR_POINTS = 15;

/**
 * How well an opportunity fits a priority: shared themes (the strongest
 * sign), a target country of the priority among the countries the call is
 * open to (a partner there may bid too; the jurisdiction's own country says
 * nothing), a sector of the priority named in the call's title or themes.
 * Null when they share nothing.
 */
export function fitOf(terms: OpportunityTerms, priority: MatchingPriority, ownCountry: string): PriorityFit | null {
  const themes = [...new Set(priority.themes.map(normaliseTerm))].filter((theme) => terms.themes.has(theme));
  const countries = [...new Set(priority.countries)].filter((country) => country !== ownCountry && terms.countries.has(country));
  const sectors = [...new Set(priority.sectors.map(normaliseTerm))].filter((sector) => sector && terms.text.includes(`-${sector}-`));
  if (themes.length + countries.length + sectors.length === 0) return null;
  const points =
    (themes.length > 0 ? THEME_POINTS + Math.min(themes.length - 1, 1) * EXTRA_THEME_POINTS : 0) + (countries.length > 0 ? COUNTRY_POINTS : 0) + (sectors.length > 0 ? SECTOR_POINTS : 0);
  return { priority, themes, countries, sectors, points };
}
