import { builtOnly } from '../inventory-version/inventory-version.repository';
import {
  applyCountryChanges,
  applyIncrements,
  countryCellsOf,
  CountryTallies,
  HEAD_SIZE,
  HeadEntry,
  keptCountriesWith,
  MAX_KEPT_COUNTRIES,
  pushToHead,
  sectionSummariesOf,
  TABLE_ONE_PATH,
  tableOneCellKey,
  tableOneCellsOf,
  TalliedAsset,
  talliesOf,
  tallyChanges,
} from './asset-tallies';

const exportsToDk: TalliedAsset = {
  assetId: 'a1',
  oid: '000000000000000000000001',
  category: 'economic-foundations',
  type: 'export-sector',
  magnitude: { value: 1_000, unit: 'money', currency: 'EUR' },
  countries: ['DK'],
};
const university: TalliedAsset = { assetId: 'a2', oid: '000000000000000000000002', category: 'innovation-strengths', type: 'university', magnitude: null, countries: ['DK', 'SE'] };
const tableOne = (cells: Record<string, { n: number; sum: number }>, asset: TalliedAsset | null, after: TalliedAsset | null) =>
  applyIncrements(cells, tallyChanges(asset, after).increments, TABLE_ONE_PATH);

describe('tallies kept write by write', () => {
  it('adds a created asset to its Table 1 cell and to each of its countries, and takes a removed one out of them', () => {
    const created = tallyChanges(null, exportsToDk);
    expect(created.increments).toEqual([
      { key: `tableOne.${tableOneCellKey(exportsToDk)}`, n: 1, sum: 1_000 },
      { key: 'countries.DK.cells.exports:money:EUR', n: 1, sum: 1_000 },
    ]);
    expect(created.heads).toEqual([{ head: 'countries.DK.heads.exports', add: { id: 'a1', oid: exportsToDk.oid } }]);
    const removed = tallyChanges(exportsToDk, null);
    expect(removed.increments.map((increment) => [increment.n, increment.sum])).toEqual([
      [-1, -1_000],
      [-1, -1_000],
    ]);
    expect(removed.heads).toEqual([{ head: 'countries.DK.heads.exports', remove: 'a1' }]);
  });

  it('moves an updated asset between cells and heads, and leaves alone what it stays in', () => {
    const moved = tallyChanges(university, { ...university, countries: ['SE', 'NO'] });
    expect(moved.increments).toEqual([
      { key: 'countries.DK.cells.otherAssets::', n: -1, sum: 0 },
      { key: 'countries.NO.cells.otherAssets::', n: 1, sum: 0 },
    ]);
    expect(moved.heads).toEqual([
      { head: 'countries.DK.heads.otherAssets', remove: 'a2' },
      { head: 'countries.NO.heads.otherAssets', add: { id: 'a2', oid: university.oid } },
    ]);
    const bigger = tallyChanges(exportsToDk, { ...exportsToDk, magnitude: { value: 2_500, unit: 'money', currency: 'EUR' } });
    expect(bigger.increments.map((increment) => [increment.n, increment.sum])).toEqual([
      [0, 1_500],
      [0, 1_500],
    ]);
    expect(bigger.heads).toEqual([]);
    expect(tallyChanges(exportsToDk, { ...exportsToDk })).toEqual({ increments: [], heads: [] });
  });

  it('counts an asset once in a country it names twice', () => {
    const twice = tallyChanges(null, { ...exportsToDk, countries: ['DK', 'DK'] });
    expect(twice.increments.filter((increment) => increment.key.startsWith('countries.DK'))).toEqual([{ key: 'countries.DK.cells.exports:money:EUR', n: 1, sum: 1_000 }]);
    expect(twice.heads).toHaveLength(1);
  });

  it('keeps euros and dollars, and money and jobs, in different cells', () => {
    const dollars = { ...exportsToDk, magnitude: { value: 1_000, unit: 'money', currency: 'USD' } };
    const jobs = { ...exportsToDk, magnitude: { value: 1_000, unit: 'jobs', currency: null } };
    expect(new Set([tableOneCellKey(exportsToDk), tableOneCellKey(dollars), tableOneCellKey(jobs), tableOneCellKey({ ...exportsToDk, magnitude: null })]).size).toBe(4);
  });

  it('makes keys that are safe field names for any unit a person types', () => {
    const odd = { ...university, magnitude: { value: 3, unit: 'sq. km: $land', currency: null } };
    const key = tableOneCellKey(odd);
    expect(key).not.toMatch(/[.$]/);
    expect(key.split(':')).toHaveLength(4);
    expect(talliesOf({ [key]: { n: 1, sum: 3 } })).toEqual([
      { category: 'innovation-strengths', type: 'university', figure: { unit: 'sq. km: $land', currency: null }, count: 1, total: 3 },
    ]);
  });

  it('reads as a count from scratch would after adding and taking away fractions', () => {
    const fte = (value: number, i: number): TalliedAsset => ({
      assetId: `f${i}`,
      oid: `00000000000000000000010${i}`,
      category: 'institutional-capabilities',
      type: 'staff-fte',
      magnitude: { value, unit: 'fte', currency: null },
      countries: [],
    });
    let cells = {};
    for (const [i, value] of [0.1, 0.2, 0.7, 0.3].entries()) cells = tableOne(cells, null, fte(value, i));
    cells = tableOne(cells, fte(0.7, 2), null);
    expect(talliesOf(cells)).toEqual([{ category: 'institutional-capabilities', type: 'staff-fte', figure: { unit: 'fte', currency: null }, count: 3, total: 0.6 }]);
  });

  it('leaves out cells whose last asset is gone, and rebuilds the same cells from a grouped count', () => {
    expect(talliesOf(tableOne(tableOne({}, null, university), university, null))).toEqual([]);
    const counted = [
      { category: 'economic-foundations' as const, type: 'export-sector', figure: { unit: 'money', currency: 'EUR' }, count: 2, total: 3_000 },
      { category: 'innovation-strengths' as const, type: 'university', figure: null, count: 4, total: 0 },
    ];
    expect(talliesOf(tableOneCellsOf(counted))).toEqual(counted);
  });

  it('sums each profile section by unit and currency, the same whether counted from scratch or kept write by write', () => {
    const dollars = { ...exportsToDk, assetId: 'a3', oid: '000000000000000000000003', magnitude: { value: 500, unit: 'money', currency: 'USD' } };
    let kept = {};
    for (const asset of [exportsToDk, university, dollars]) kept = applyIncrements(kept, tallyChanges(null, asset).increments, 'countries.DK.cells');
    const counted = countryCellsOf([
      { type: 'export-sector', figure: { unit: 'money', currency: 'EUR' }, count: 1, total: 1_000 },
      { type: 'export-sector', figure: { unit: 'money', currency: 'USD' }, count: 1, total: 500 },
      { type: 'university', figure: null, count: 1, total: 0 },
    ]);
    expect(sectionSummariesOf(kept)).toEqual(sectionSummariesOf(counted));
    expect(sectionSummariesOf(kept)).toEqual({
      exports: {
        count: 2,
        keyFigures: [
          { unit: 'money', currency: 'EUR', total: 1_000, assets: 1 },
          { unit: 'money', currency: 'USD', total: 500, assets: 1 },
        ],
      },
      fdiInbound: { count: 0, keyFigures: [] },
      fdiOutbound: { count: 0, keyFigures: [] },
      culturalConnections: { count: 0, keyFigures: [] },
      otherAssets: { count: 1, keyFigures: [] },
    });
  });

  it('keeps each head to the first assets in stored order, whatever order they join in', () => {
    const entries: HeadEntry[] = Array.from({ length: HEAD_SIZE + 5 }, (_, i) => ({ id: `a${i}`, oid: i.toString(16).padStart(24, '0') }));
    let head: HeadEntry[] = [];
    for (const entry of [...entries].reverse()) head = pushToHead(head, entry);
    expect(head).toEqual(entries.slice(0, HEAD_SIZE));
    expect(pushToHead(head, entries[3] as HeadEntry)).toEqual(head);
  });

  it('applies only the changes of the country asked for, and marks its heads dirty when an asset leaves one', () => {
    const empty: CountryTallies = { cells: {}, heads: {} };
    const created = [tallyChanges(null, university), tallyChanges(null, exportsToDk)];
    const se = created.reduce((tallies, write) => applyCountryChanges(tallies, write, 'SE'), empty);
    expect(se).toEqual({ cells: { 'otherAssets::': { n: 1, sum: 0 } }, heads: { otherAssets: [{ id: 'a2', oid: university.oid }] }, dirty: false });
    const dk = created.reduce((tallies, write) => applyCountryChanges(tallies, write, 'DK'), empty);
    expect(dk.heads).toEqual({ otherAssets: [{ id: 'a2', oid: university.oid }], exports: [{ id: 'a1', oid: exportsToDk.oid }] });
    expect(dk.dirty).toBe(false);
    const removed = applyCountryChanges(dk, tallyChanges(exportsToDk, null), 'DK');
    expect(removed.heads).toEqual({ otherAssets: [{ id: 'a2', oid: university.oid }], exports: [] });
    expect(removed.dirty).toBe(true);
    expect(sectionSummariesOf(removed.cells).exports.count).toBe(0);
  });

  it('keeps Table 1 and only the countries whose profile tallies are kept', () => {
    const changes = tallyChanges(null, university);
    const kept = builtOnly(changes, ['SE']);
    expect(kept.increments.map((increment) => increment.key)).toEqual([`tableOne.${tableOneCellKey(university)}`, 'countries.SE.cells.otherAssets::']);
    expect(kept.heads.map((change) => change.head)).toEqual(['countries.SE.heads.otherAssets']);
    // A country code that starts another's is not taken for it.
    expect(builtOnly(tallyChanges(null, { ...university, countries: ['SEX'] as string[] }), ['SE']).increments).toHaveLength(1);
  });

  it('keeps at most MAX_KEPT_COUNTRIES countries, dropping the one kept longest, and moves a country kept again to the newest place', () => {
    expect(keptCountriesWith([], 'DK')).toEqual({ kept: ['DK'], dropped: [] });
    expect(keptCountriesWith(['DK', 'SE'], 'DK')).toEqual({ kept: ['SE', 'DK'], dropped: [] });
    expect(keptCountriesWith(['DK', 'SE', 'NO'], 'FI', 3)).toEqual({ kept: ['SE', 'NO', 'FI'], dropped: ['DK'] });
    const full = Array.from({ length: MAX_KEPT_COUNTRIES }, (_, i) => `C${i}`);
    expect(keptCountriesWith(full, 'ZZ')).toEqual({ kept: [...full.slice(1), 'ZZ'], dropped: ['C0'] });
    expect(keptCountriesWith(full, 'C0')).toEqual({ kept: [...full.slice(1), 'C0'], dropped: [] });
  });
});
