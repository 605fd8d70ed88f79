import { TermIndex, themeKey, wordKey } from '../matching/term-index';
import { normaliseTerm } from '../matching/match-terms';
import { type SearchableOpportunity, type SearchCriteria, searchTextOf } from '../searches/search-criteria';

const funderKey = (kind: string): string => `funder:${kind}`;

/**
 * The keys a search is filed under: one filter every match must pass, the
 * most selective one it sets — its themes, else the first word of each
 * keyword, else its funder types. A search that sets none of them is a
 * candidate for every opportunity. Filing under a filter that must hold
 * means the index never loses a match; it only spares the searches that
 * cannot match.
 */
export function searchKeys(criteria: Pick<SearchCriteria, 'themes' | 'keywords' | 'funderTypes'>): string[] {
  if (criteria.themes.length > 0) return criteria.themes.map((theme) => themeKey(normaliseTerm(theme)));
  if (criteria.keywords.length > 0) return criteria.keywords.map((keyword) => wordKey(keyword.split('-')[0] ?? keyword));
  if (criteria.funderTypes.length > 0) return criteria.funderTypes.map(funderKey);
  return [];
}

/** The keys an opportunity looks up: its themes, every word of its searchable text, its funder type. */
export function opportunitySearchKeys(opportunity: Pick<SearchableOpportunity, 'title' | 'funder' | 'reference' | 'themes' | 'funderType'>): string[] {
  const words = searchTextOf(opportunity).split('-').filter(Boolean);
  return [...opportunity.themes.map((theme) => themeKey(normaliseTerm(theme))), ...words.map(wordKey), funderKey(opportunity.funderType)];
}

/**
 * Saved searches filed by what they look for, so evaluating an opportunity
 * tests only the searches that share a term with it (plus those that look
 * for everything): the cost grows with the searches an opportunity could
 * match, not with all of them.
 */
export class SearchIndex<S extends { criteria: SearchCriteria }> {
  private readonly index = new TermIndex<S>();

  constructor(searches: Iterable<S>) {
    for (const search of searches) this.index.add(search, searchKeys(search.criteria));
  }

  candidates(opportunity: SearchableOpportunity): Set<S> {
    return this.index.candidates(opportunitySearchKeys(opportunity));
  }

  get size(): number {
    return this.index.itemCount;
  }
}
