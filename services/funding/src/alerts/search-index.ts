import { normaliseTerm } from '../matching/match-terms';
import type { OpportunityStatus } from '../opportunities/opportunity';
import { containsTerm, meetsAmount, meetsDeadline, type SearchableOpportunity, type SearchCriteria, searchTextOf } from '../searches/search-criteria';

const DEFAULT_STATUSES: readonly OpportunityStatus[] = ['forecasted', 'open'];

/** A set of searches by position: bit `i` of word `i >>> 5` is the search at position i. */
type Bits = Uint32Array;

/** One filter of every search, as sets: the searches that do not set it, and those that accept each value. */
class Column {
  /** Searches that do not set this filter: it holds for them whatever the call. */
  readonly unset: Bits;
  readonly byValue = new Map<string, number[]>();

  constructor(words: number) {
    this.unset = new Uint32Array(words);
  }

  add(position: number, values: readonly string[]): void {
    if (values.length === 0) {
      setBit(this.unset, position);
      return;
    }
    for (const value of new Set(values)) {
      const list = this.byValue.get(value);
      if (list) list.push(position);
      else this.byValue.set(value, [position]);
    }
  }

  /** Into `into`: the searches for which this filter holds, given the values the call has. */
  holdingFor(into: Bits, values: Iterable<string>): void {
    into.set(this.unset);
    for (const value of values) setAll(into, this.byValue.get(value));
  }
}

const setBit = (bits: Bits, position: number): void => {
  bits[position >>> 5] = (bits[position >>> 5] as number) | (1 << (position & 31));
};

function setAll(bits: Bits, positions: readonly number[] | undefined): void {
  if (!positions) return;
  for (const position of positions) bits[position >>> 5] = (bits[position >>> 5] as number) | (1 << (position & 31));
}

function and(into: Bits, other: Bits): void {
  for (let i = 0; i < into.length; i += 1) into[i] = (into[i] as number) & (other[i] as number);
}

function andNot(into: Bits, other: Bits): void {
  for (let i = 0; i < into.length; i += 1) into[i] = (into[i] as number) & ~(other[i] as number);
}

/** The keywords searches use, by their first word: a call's words find the keywords that could be in its text. */
class Keywords {
  readonly searches = new Map<string, number[]>();
  private readonly byFirstWord = new Map<string, string[]>();

  add(position: number, keywords: readonly string[]): void {
    for (const keyword of new Set(keywords)) {
      const list = this.searches.get(keyword);
      if (list) {
        list.push(position);
        continue;
      }
      this.searches.set(keyword, [position]);
      const first = keyword.split('-')[0] ?? keyword;
      const starting = this.byFirstWord.get(first);
      if (starting) starting.push(keyword);
      else this.byFirstWord.set(first, [keyword]);
    }
  }

  /** Into `into` (added to what is there): the searches that name a keyword the text contains as whole words. */
  foundIn(into: Bits, text: string, words: ReadonlySet<string>): void {
    for (const word of words) {
      for (const keyword of this.byFirstWord.get(word) ?? []) if (containsTerm(text, keyword)) setAll(into, this.searches.get(keyword));
    }
  }
}

/**
 * Saved searches held as columns of sets, one per filter, so that finding
 * the searches a call meets is a few set operations over all of them at
 * once, not a test of each search: for every filter, the searches that do
 * not set it or accept what the call has; the answer is their intersection.
 * A set is a bitmap of one bit per search (50,000 searches: 6 KB), so a
 * filter costs a pass over a few thousand words plus the searches that
 * name a value the call has. Amount and deadline filters are tested once
 * per distinct setting, however many searches share it. The cost of one
 * call therefore grows with the searches far more slowly than testing
 * each of them would (`npm run bench -- matching`), and the answer is
 * exactly `meetsCriteria`'s (the spec and the bench compare the two).
 */
export class SearchIndex<S extends { criteria: SearchCriteria }> {
  private readonly searches: S[];
  private readonly words: number;
  private readonly byStatus = new Map<OpportunityStatus, Bits>();
  private readonly funderTypes: Column;
  private readonly countries: Column;
  private readonly applicantTypes: Column;
  private readonly themes: Column;
  /** Searches with no keyword filter; the others are found through `keywords`. */
  private readonly noKeywords: Bits;
  private readonly keywords = new Keywords();
  private readonly excluded = new Keywords();
  private hasExclusions = false;
  private readonly amounts = new Map<string, { criteria: SearchCriteria; positions: number[] }>();
  private readonly noAmount: Bits;
  private readonly deadlines = new Map<string, { criteria: SearchCriteria; positions: number[] }>();
  private readonly noDeadline: Bits;
  private readonly result: Bits;
  private readonly scratch: Bits;

  constructor(searches: Iterable<S>) {
    this.searches = [...searches];
    this.words = Math.ceil(this.searches.length / 32);
    const bits = (): Bits => new Uint32Array(this.words);
    this.funderTypes = new Column(this.words);
    this.countries = new Column(this.words);
    this.applicantTypes = new Column(this.words);
    this.themes = new Column(this.words);
    this.noKeywords = bits();
    this.noAmount = bits();
    this.noDeadline = bits();
    this.result = bits();
    this.scratch = bits();
    this.searches.forEach(({ criteria }, position) => {
      for (const status of criteria.statuses.length > 0 ? criteria.statuses : DEFAULT_STATUSES) {
        const set = this.byStatus.get(status) ?? bits();
        this.byStatus.set(status, set);
        setBit(set, position);
      }
      this.funderTypes.add(position, criteria.funderTypes);
      this.countries.add(position, criteria.countries);
      this.applicantTypes.add(position, criteria.applicantTypes);
      this.themes.add(position, criteria.themes);
      if (criteria.keywords.length === 0) setBit(this.noKeywords, position);
      else this.keywords.add(position, criteria.keywords);
      if (criteria.excludedKeywords.length > 0) {
        this.excluded.add(position, criteria.excludedKeywords);
        this.hasExclusions = true;
      }
      group(criteria.minAmount === null && criteria.maxAmount === null ? null : `${criteria.minAmount}|${criteria.maxAmount}|${criteria.currency}`, this.amounts, this.noAmount, criteria, position);
      group(criteria.minDaysToClose === null && criteria.maxDaysToClose === null ? null : `${criteria.minDaysToClose}|${criteria.maxDaysToClose}`, this.deadlines, this.noDeadline, criteria, position);
    });
  }

  /** The searches whose criteria the call meets at `now`: all but the questions about the searcher's jurisdiction, exactly as `meetsCriteria` answers. */
  matches(opportunity: SearchableOpportunity, now: Date): S[] {
    const byStatus = this.byStatus.get(opportunity.status);
    if (!byStatus) return [];
    const { result, scratch } = this;
    result.set(byStatus);
    this.funderTypes.holdingFor(scratch, [opportunity.funderType]);
    and(result, scratch);
    // A call that names no country is open to all; an unrestricted one to every applicant type.
    if (opportunity.eligibleCountries.length > 0) {
      this.countries.holdingFor(scratch, opportunity.eligibleCountries);
      and(result, scratch);
    }
    if (!opportunity.eligibleApplicantTypes.includes('unrestricted')) {
      this.applicantTypes.holdingFor(scratch, opportunity.eligibleApplicantTypes);
      and(result, scratch);
    }
    this.themes.holdingFor(scratch, new Set(opportunity.themes.map(normaliseTerm)));
    and(result, scratch);
    this.bySetting(this.amounts, this.noAmount, (criteria) => meetsAmount(criteria, opportunity.award));
    this.bySetting(this.deadlines, this.noDeadline, (criteria) => meetsDeadline(criteria, opportunity.closesAt, now));
    const text = searchTextOf(opportunity);
    const words = new Set(text.split('-').filter(Boolean));
    scratch.set(this.noKeywords);
    this.keywords.foundIn(scratch, text, words);
    and(result, scratch);
    if (this.hasExclusions) {
      scratch.fill(0);
      this.excluded.foundIn(scratch, text, words);
      andNot(result, scratch);
    }
    return this.members(result);
  }

  get size(): number {
    return this.searches.length;
  }

  /** Narrows the result to the searches whose setting of a filter holds (each distinct setting tested once) or that do not set it. */
  private bySetting(settings: Map<string, { criteria: SearchCriteria; positions: number[] }>, unset: Bits, holds: (criteria: SearchCriteria) => boolean): void {
    if (settings.size === 0) return;
    this.scratch.set(unset);
    for (const { criteria, positions } of settings.values()) if (holds(criteria)) setAll(this.scratch, positions);
    and(this.result, this.scratch);
  }

  private members(bits: Bits): S[] {
    const found: S[] = [];
    for (let i = 0; i < bits.length; i += 1) {
      let word = bits[i] as number;
      while (word !== 0) {
        const low = word & -word;
        found.push(this.searches[i * 32 + 31 - Math.clz32(low)] as S);
        word ^= low;
      }
    }
    return found;
  }
}

function group(key: string | null, settings: Map<string, { criteria: SearchCriteria; positions: number[] }>, unset: Bits, criteria: SearchCriteria, position: number): void {
  if (key === null) {
    setBit(unset, position);
    return;
  }
  const found = settings.get(key);
  if (found) found.positions.push(position);
  else settings.set(key, { criteria, positions: [position] });
}
