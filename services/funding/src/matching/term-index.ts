/**
 * An inverted index from terms (themes, countries, sector words) to the
 * items that name them: which priorities — or, for alerts, which saved
 * searches — an opportunity could match is found by looking up the
 * opportunity's few terms, not by testing every item. The cost of a lookup
 * grows with the items that share a term with the opportunity, not with all
 * items. Items that name no term at all (a search for everything) are kept
 * apart and are candidates for every lookup.
 */
export class TermIndex<T> {
  private readonly byTerm = new Map<string, T[]>();
  private readonly everywhere: T[] = [];
  private size = 0;

  /** Adds an item under its terms; an item with none is a candidate for every lookup. */
  add(item: T, terms: Iterable<string>): void {
    const distinct = new Set(terms);
    this.size += 1;
    if (distinct.size === 0) {
      this.everywhere.push(item);
      return;
    }
    for (const term of distinct) {
      const list = this.byTerm.get(term);
      if (list) list.push(item);
      else this.byTerm.set(term, [item]);
    }
  }

  /** The items that name any of these terms, plus those that name none; each once. */
  candidates(terms: Iterable<string>): Set<T> {
    const found = new Set<T>(this.everywhere);
    for (const term of new Set(terms)) for (const item of this.byTerm.get(term) ?? []) found.add(item);
    return found;
  }

  get itemCount(): number {
    return this.size;
  }
}

export const themeKey = (term: string): string => `theme:${term}`;
export const countryKey = (code: string): string => `country:${code}`;
export const wordKey = (word: string): string => `word:${word}`;
