import { AssetTally, FigureTotals, KeyFigure } from './table-one';
import type { AssetCategory, AssetType } from './asset-catalogue';
import type { Magnitude } from './asset.rules';
import { PROFILE_SECTIONS, ProfileSection, profileSectionOf } from './profile-sections';

/**
 * The tallies of a jurisdiction's live assets, kept up to date write by write
 * in its inventory version document, so that the views read one small
 * document instead of counting every asset:
 *
 * - `tableOne.<cell>`: Table 1, a cell per category, type, unit and currency;
 * - `countries.<CC>.cells.<cell>`: each country's profile, a cell per
 *   profile section, unit and currency (kept for the countries whose
 *   profile has been read: `builtCountries`);
 * - `countries.<CC>.heads.<section>`: the first HEAD_SIZE assets of each
 *   profile section (in stored order), its first page.
 *
 * A cell holds how many assets and the sum of their figures. A write moves
 * the asset from the cells and heads of its state before to those of its
 * state after (TallyChanges); the version document applies them atomically.
 */

/** What of an asset its tallies depend on. */
export interface TalliedAsset {
  assetId: string;
  /** The stored document's _id as hex: the order of every list of assets, and of the heads. */
  oid: string;
  category: AssetCategory;
  type: AssetType;
  magnitude: Pick<Magnitude, 'value' | 'unit' | 'currency'> | null;
  countries: readonly string[];
}

export { HEAD_SIZE, MAX_KEPT_COUNTRIES, keptCountriesWith, TABLE_ONE_PATH, countryPath } from '../inventory-version/kept-tallies';
export type { TallyCell, TallyCells, TallyIncrement, HeadEntry, HeadChange, TallyChanges } from '../inventory-version/kept-tallies';
import { countryPath, HEAD_SIZE, TABLE_ONE_PATH, type HeadChange, type HeadEntry, type KeptCountryTallies, type TallyCells, type TallyChanges, type TallyIncrement } from '../inventory-version/kept-tallies';

/** One country's part of the tallies, its heads by profile section. */
export interface CountryTallies extends KeptCountryTallies {
  heads: Partial<Record<ProfileSection, HeadEntry[]>>;
}

/**
 * A cell's key: its parts URI-encoded, dots too, joined by ':' (which
 * encoding never leaves in a part). Keys are field names in the stored
 * document, where a dot would mean a path and a leading '$' an operator; a
 * unit is free text, so it must be encoded.
 */
function cellKeyOf(parts: readonly string[]): string {
  return parts.map((part) => encodeURIComponent(part).replace(/\./g, '%2E')).join(':');
}

function decodeCellKey(key: string): string[] {
  return key.split(':').map(decodeURIComponent);
}

type Figure = TalliedAsset['magnitude'];

export function tableOneCellKey(asset: { category: string; type: string; magnitude: Figure }): string {
  return cellKeyOf([asset.category, asset.type, asset.magnitude?.unit ?? '', asset.magnitude?.currency ?? '']);
}

export function countryCellKey(section: ProfileSection, magnitude: Figure): string {
  return cellKeyOf([section, magnitude?.unit ?? '', magnitude?.currency ?? '']);
}

/** The (country, section) places an asset is listed in: one per country it names. */
function placesOf(asset: TalliedAsset): Map<string, { country: string; section: ProfileSection }> {
  const section = profileSectionOf(asset.type);
  return new Map([...new Set(asset.countries)].map((country) => [`${country}\u0000${section}`, { country, section }]));
}

/**
 * What a write changes: the asset leaves the cells and heads of its state
 * before (null when the write creates it) and joins those of its state after
 * (null when the write removes it). Whatever it leaves and joins again is
 * left alone, so a write that changes nothing tallied changes nothing.
 */
export function tallyChanges(before: TalliedAsset | null, after: TalliedAsset | null): TallyChanges {
  const byKey = new Map<string, TallyIncrement>();
  const add = (key: string, sign: 1 | -1, asset: TalliedAsset): void => {
    const increment = byKey.get(key) ?? { key, n: 0, sum: 0 };
    increment.n += sign;
    increment.sum += sign * (asset.magnitude?.value ?? 0);
    byKey.set(key, increment);
  };
  const count = (asset: TalliedAsset, sign: 1 | -1): void => {
    add(`${TABLE_ONE_PATH}.${tableOneCellKey(asset)}`, sign, asset);
    for (const { country, section } of placesOf(asset).values()) add(`${countryPath(country)}.cells.${countryCellKey(section, asset.magnitude)}`, sign, asset);
  };
  if (before) count(before, -1);
  if (after) count(after, 1);

  const left = before ? placesOf(before) : new Map<string, { country: string; section: ProfileSection }>();
  const joined = after ? placesOf(after) : new Map<string, { country: string; section: ProfileSection }>();
  const heads: HeadChange[] = [];
  for (const [place, { country, section }] of left) {
    if (!joined.has(place)) heads.push({ head: `${countryPath(country)}.heads.${section}`, remove: (before as TalliedAsset).assetId });
  }
  for (const [place, { country, section }] of joined) {
    if (!left.has(place)) heads.push({ head: `${countryPath(country)}.heads.${section}`, add: { id: (after as TalliedAsset).assetId, oid: (after as TalliedAsset).oid } });
  }
  return { increments: [...byKey.values()].filter((increment) => increment.n !== 0 || increment.sum !== 0), heads };
}

/** The cells under `path` (e.g. 'tableOne') with the increments under it applied, as a new object. */
export function applyIncrements(cells: TallyCells, increments: readonly TallyIncrement[], path: string): TallyCells {
  const prefix = `${path}.`;
  const next: TallyCells = {};
  for (const [key, cell] of Object.entries(cells)) next[key] = { ...cell };
  for (const { key, n, sum } of increments) {
    if (!key.startsWith(prefix)) continue;
    const cell = (next[key.slice(prefix.length)] ??= { n: 0, sum: 0 });
    cell.n += n;
    cell.sum += sum;
  }
  return next;
}

/** Adds an entry to a head as the version document does: kept in stored order, at most HEAD_SIZE. */
export function pushToHead(head: readonly HeadEntry[], entry: HeadEntry): HeadEntry[] {
  return [...head.filter((kept) => kept.id !== entry.id), entry].sort((a, b) => (a.oid < b.oid ? -1 : a.oid > b.oid ? 1 : 0)).slice(0, HEAD_SIZE);
}

/** A country's tallies with the changes under `countries.<CC>` applied, as a new object. */
export function applyCountryChanges(tallies: CountryTallies, write: TallyChanges, country: string): CountryTallies {
  const prefix = `${countryPath(country)}.heads.`;
  const heads: CountryTallies['heads'] = { ...tallies.heads };
  let dirty = tallies.dirty === true;
  for (const change of write.heads) {
    if (!change.head.startsWith(prefix)) continue;
    const section = change.head.slice(prefix.length) as ProfileSection;
    let head = heads[section] ?? [];
    if (change.remove !== undefined) {
      head = head.filter((entry) => entry.id !== change.remove);
      dirty = true;
    }
    if (change.add) head = pushToHead(head, change.add);
    heads[section] = head;
  }
  return { cells: applyIncrements(tallies.cells, write.increments, `${countryPath(country)}.cells`), heads, dirty };
}

/** Table 1 cells from a count made from scratch (the database's grouping of the live assets). */
export function tableOneCellsOf(tallies: readonly AssetTally[]): TallyCells {
  return cellsOf(tallies, (tally) => tableOneCellKey({ category: tally.category, type: tally.type, magnitude: figureOf(tally) }));
}

/** A country's cells from a count made from scratch of the live assets naming it. */
export function countryCellsOf(tallies: readonly Pick<AssetTally, 'type' | 'figure' | 'count' | 'total'>[]): TallyCells {
  return cellsOf(tallies, (tally) => countryCellKey(profileSectionOf(tally.type as AssetType), figureOf(tally)));
}

function figureOf(tally: Pick<AssetTally, 'figure' | 'total'>): Figure {
  return tally.figure ? { value: tally.total, ...tally.figure } : null;
}

function cellsOf<G extends Pick<AssetTally, 'count' | 'total'>>(groups: readonly G[], keyOf: (group: G) => string): TallyCells {
  const cells: TallyCells = {};
  for (const group of groups) {
    const cell = (cells[keyOf(group)] ??= { n: 0, sum: 0 });
    cell.n += group.count;
    cell.sum += group.total;
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
    const [category, type, unit, currency] = decodeCellKey(key) as [string, string, string, string];
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

/** Per profile section: how many assets, and their figures summed by unit and currency (ordered as Table 1 orders them). */
export function sectionSummariesOf(cells: TallyCells): Record<ProfileSection, { count: number; keyFigures: KeyFigure[] }> {
  const sections = new Map(PROFILE_SECTIONS.map((section) => [section, { count: 0, figures: new FigureTotals() }]));
  for (const [key, cell] of Object.entries(cells)) {
    if (cell.n <= 0) continue;
    const [section, unit, currency] = decodeCellKey(key) as [ProfileSection, string, string];
    const summary = sections.get(section);
    if (!summary) continue;
    summary.count += cell.n;
    if (unit !== '') summary.figures.add(unit, currency === '' ? null : currency, roundSum(cell.sum), cell.n);
  }
  return Object.fromEntries([...sections].map(([section, { count, figures }]) => [section, { count, keyFigures: figures.list() }])) as Record<
    ProfileSection,
    { count: number; keyFigures: KeyFigure[] }
  >;
}

export function roundSum(sum: number): number {
  return sum === 0 ? 0 : Number(sum.toPrecision(15));
}
