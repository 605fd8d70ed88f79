import type { AssetTally } from '../views/table-one';
import type { AssetCategory } from './asset-catalogue';
import type { Magnitude } from './asset.rules';

/**
 * The Table 1 tallies kept up to date write by write, so the summary is read
 * from one small document instead of being counted from every asset. An
 * asset adds one to the cell of its category, type, unit and currency and
 * its figure to that cell's sum; a write moves the asset from the cell of its
 * state before to the cell of its state after.
 */

/** What of an asset its tally depends on. */
export interface TalliedAsset {
  category: AssetCategory;
  type: string;
  magnitude: Pick<Magnitude, 'value' | 'unit' | 'currency'> | null;
}

/** One cell: how many live assets, and the sum of their figures (0 without a figure). */
export interface TallyCell {
  n: number;
  sum: number;
}

/** The cells by key (see cellKey); a key may hold n 0 once its last asset is gone. */
export type TallyCells = Record<string, TallyCell>;

/** A change to one cell, as a write applies it. */
export interface TallyIncrement {
  key: string;
  n: number;
  sum: number;
}

/**
 * A cell's key: category, type, unit and currency, each URI-encoded with its
 * dots too, joined by ':' (which encoding never leaves in a part). Keys are
 * field names in the stored document, where a dot would mean a path and a
 * leading '$' an operator; a unit is free text, so it must be encoded.
 */
export function cellKey(asset: TalliedAsset): string {
  const figure = asset.magnitude;
  return [asset.category, asset.type, figure?.unit ?? '', figure?.currency ?? ''].map(encodePart).join(':');
}

function encodePart(part: string): string {
  return encodeURIComponent(part).replace(/\./g, '%2E');
}

/**
 * What a write changes in the tallies: the asset leaves its cell before
 * (null when the write creates it) and joins its cell after (null when the
 * write removes it). A write that changes nothing tallied changes nothing.
 */
export function tallyIncrements(before: TalliedAsset | null, after: TalliedAsset | null): TallyIncrement[] {
  const byKey = new Map<string, TallyIncrement>();
  const add = (asset: TalliedAsset, sign: 1 | -1): void => {
    const key = cellKey(asset);
    const increment = byKey.get(key) ?? { key, n: 0, sum: 0 };
    increment.n += sign;
    increment.sum += sign * (asset.magnitude?.value ?? 0);
    byKey.set(key, increment);
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  return [...byKey.values()].filter((increment) => increment.n !== 0 || increment.sum !== 0);
}

/** The cells with the increments applied, as a new object. */
export function applyIncrements(cells: TallyCells, increments: readonly TallyIncrement[]): TallyCells {
  const next: TallyCells = {};
  for (const [key, cell] of Object.entries(cells)) next[key] = { ...cell };
  for (const { key, n, sum } of increments) {
    const cell = (next[key] ??= { n: 0, sum: 0 });
    cell.n += n;
    cell.sum += sum;
  }
  return next;
}

/** The cells of a count made from scratch (the database's grouping of the live assets). */
export function cellsOf(tallies: readonly AssetTally[]): TallyCells {
  const cells: TallyCells = {};
  for (const tally of tallies) {
    const key = cellKey({ category: tally.category, type: tally.type, magnitude: tally.figure ? { value: tally.total, ...tally.figure } : null });
    const cell = (cells[key] ??= { n: 0, sum: 0 });
    cell.n += tally.count;
    cell.sum += tally.total;
  }
  return cells;
}

/**
 * The tallies the Table 1 summary is built from: the cells still holding an
 * asset. Sums are rounded to 15 significant digits, the precision of a
 * double, so that adding and then subtracting a figure such as 0.1 reads as
 * the sum counted from scratch would.
 */
export function talliesOf(cells: TallyCells): AssetTally[] {
  const tallies: AssetTally[] = [];
  for (const [key, cell] of Object.entries(cells)) {
    if (cell.n <= 0) continue;
    const [category, type, unit, currency] = key.split(':').map(decodeURIComponent) as [string, string, string, string];
    tallies.push({
      category: category as AssetCategory,
      type,
      figure: unit === '' ? null : { unit, currency: currency === '' ? null : currency },
      count: cell.n,
      total: roundSum(cell.sum),
    });
  }
  return tallies;
}

export function roundSum(sum: number): number {
  return sum === 0 ? 0 : Number(sum.toPrecision(15));
}
