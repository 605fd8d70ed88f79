/**
 * What the inventory version document keeps of the tallies, as stored: cells
 * (count and sum), heads (an asset section's first entries) and where they
 * live in the document. How an asset write changes them is the assets'
 * business (assets/asset-tallies.ts); this is only their storage shape.
 */

/** One cell: how many live assets, and the sum of their figures (0 without a figure). */
export interface TallyCell {
  n: number;
  sum: number;
}

/** Cells by key; a key may hold n 0 once its last asset is gone. */
export type TallyCells = Record<string, TallyCell>;

/** A change to one cell; `key` is the cell's full path in the version document. */
export interface TallyIncrement {
  key: string;
  n: number;
  sum: number;
}

/** An asset in a head: its id, and its _id as hex for the order. */
export interface HeadEntry {
  id: string;
  oid: string;
}

/** A change to one head (`head` is its full path): an asset joins it, or leaves it. */
export interface HeadChange {
  head: string;
  add?: HeadEntry;
  remove?: string;
}

/** Everything one asset write changes in the tallies. */
export interface TallyChanges {
  increments: TallyIncrement[];
  heads: HeadChange[];
}

/** One country's part of the tallies; `heads` by profile section. */
export interface KeptCountryTallies {
  cells: TallyCells;
  heads: Partial<Record<string, HeadEntry[]>>;
  /**
   * Set when an asset left a head: the head may no longer hold its section's
   * first assets (the next one was cut off when the head was full), so the
   * next reader counts the country again.
   */
  dirty?: boolean;
}

/** How many assets each profile section's head keeps: the largest first page it can answer. */
export const HEAD_SIZE = 10;

/**
 * How many countries' profile tallies a jurisdiction keeps at most (about
 * 5 KB each in the version document, which every write of the jurisdiction
 * updates): keeping one more drops the one kept longest, which its next
 * profile read counts again.
 */
export const MAX_KEPT_COUNTRIES = 25;

/** The kept countries once `country` is kept too, newest last, and those that no longer fit. */
export function keptCountriesWith(kept: readonly string[], country: string, max: number = MAX_KEPT_COUNTRIES): { kept: string[]; dropped: string[] } {
  const next = [...kept.filter((other) => other !== country), country];
  const excess = Math.max(0, next.length - max);
  return { kept: next.slice(excess), dropped: next.slice(0, excess) };
}

export const TABLE_ONE_PATH = 'tableOne';

export function countryPath(country: string): string {
  return `countries.${country}`;
}
