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
  private readonly items: T[] = [];
  /** Positions in `items`, by term. */
  private readonly byTerm = new Map<string, number[]>();
  private readonly everywhere: number[] = [];
  /** The lookup that last found each item: a lookup skips what it already found without building a set. */
  private seenIn = new Uint32Array(64);
  private lookups = 0;

  /** Adds an item under its terms; an item with none is a candidate for every lookup. */
  add(item: T, terms: Iterable<string>): void {
    const distinct = new Set(terms);
    const position = this.items.push(item) - 1;
    if (position >= this.seenIn.length) {
      const grown = new Uint32Array(this.seenIn.length * 2);
      grown.set(this.seenIn);
      this.seenIn = grown;
    }
    if (distinct.size === 0) {
      this.everywhere.push(position);
      return;
    }
    for (const term of distinct) {
      const list = this.byTerm.get(term);
      if (list) list.push(position);
      else this.byTerm.set(term, [position]);
    }
  }

  /** The items that name any of these terms, plus those that name none; each once. */
  candidates(terms: Iterable<string>): T[] {
    this.lookups += 1;
    if (this.lookups === 0xffffffff) {
      this.seenIn.fill(0);
      this.lookups = 1;
    }
    const lookup = this.lookups;
    const found: T[] = this.everywhere.map((position) => this.items[position] as T);
    for (const term of terms) {
      const list = this.byTerm.get(term);
      if (!list) continue;
      for (const position of list) {
        if (this.seenIn[position] === lookup) continue;
        this.seenIn[position] = lookup;
        found.push(this.items[position] as T);
      }
    }
    return found;
  }

  get itemCount(): number {
    return this.items.length;
  }
}

export const themeKey = (term: string): string => `theme:${term}`;
export const countryKey = (code: string): string => `country:${code}`;
export const wordKey = (word: string): string => `word:${word}`;
