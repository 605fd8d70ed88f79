import { applyIncrements, cellKey, cellsOf, talliesOf, TalliedAsset, tallyIncrements } from './asset-tallies';

const exportsToDk: TalliedAsset = { category: 'economic-foundations', type: 'export-sector', magnitude: { value: 1_000, unit: 'money', currency: 'EUR' } };
const university: TalliedAsset = { category: 'innovation-strengths', type: 'university', magnitude: null };

describe('Table 1 tallies kept write by write', () => {
  it('adds a created asset to its cell and takes a removed one out', () => {
    expect(tallyIncrements(null, exportsToDk)).toEqual([{ key: cellKey(exportsToDk), n: 1, sum: 1_000 }]);
    expect(tallyIncrements(exportsToDk, null)).toEqual([{ key: cellKey(exportsToDk), n: -1, sum: -1_000 }]);
  });

  it('moves an updated asset between cells, and changes only the sum when only its figure changes', () => {
    const moved = tallyIncrements(exportsToDk, university);
    expect(moved).toEqual([
      { key: cellKey(exportsToDk), n: -1, sum: -1_000 },
      { key: cellKey(university), n: 1, sum: 0 },
    ]);
    const bigger = { ...exportsToDk, magnitude: { value: 2_500, unit: 'money', currency: 'EUR' } };
    expect(tallyIncrements(exportsToDk, bigger)).toEqual([{ key: cellKey(exportsToDk), n: 0, sum: 1_500 }]);
    expect(tallyIncrements(exportsToDk, { ...exportsToDk })).toEqual([]);
  });

  it('keeps euros and dollars, and money and jobs, in different cells', () => {
    const dollars = { ...exportsToDk, magnitude: { value: 1_000, unit: 'money', currency: 'USD' } };
    const jobs = { ...exportsToDk, magnitude: { value: 1_000, unit: 'jobs', currency: null } };
    expect(new Set([cellKey(exportsToDk), cellKey(dollars), cellKey(jobs), cellKey({ ...exportsToDk, magnitude: null })]).size).toBe(4);
  });

  it('makes keys that are safe field names for any unit a person types', () => {
    const odd = { ...university, magnitude: { value: 3, unit: 'sq. km: $land', currency: null } };
    const key = cellKey(odd);
    expect(key).not.toMatch(/[.$]/);
    expect(key.split(':')).toHaveLength(4);
    expect(talliesOf({ [key]: { n: 1, sum: 3 } })).toEqual([
      { category: 'innovation-strengths', type: 'university', figure: { unit: 'sq. km: $land', currency: null }, count: 1, total: 3 },
    ]);
  });

  it('reads as a count from scratch would after adding and taking away fractions', () => {
    const fte = (value: number): TalliedAsset => ({ category: 'institutional-capabilities', type: 'staff-fte', magnitude: { value, unit: 'fte', currency: null } });
    let cells = {};
    for (const value of [0.1, 0.2, 0.7, 0.3]) cells = applyIncrements(cells, tallyIncrements(null, fte(value)));
    cells = applyIncrements(cells, tallyIncrements(fte(0.7), null));
    expect(talliesOf(cells)).toEqual([{ category: 'institutional-capabilities', type: 'staff-fte', figure: { unit: 'fte', currency: null }, count: 3, total: 0.6 }]);
  });

  it('leaves out cells whose last asset is gone, and rebuilds the same cells from a grouped count', () => {
    const cells = applyIncrements(applyIncrements({}, tallyIncrements(null, university)), tallyIncrements(university, null));
    expect(talliesOf(cells)).toEqual([]);
    const counted = [
      { category: 'economic-foundations' as const, type: 'export-sector', figure: { unit: 'money', currency: 'EUR' }, count: 2, total: 3_000 },
      { category: 'innovation-strengths' as const, type: 'university', figure: null, count: 4, total: 0 },
    ];
    expect(talliesOf(cellsOf(counted))).toEqual(counted);
  });

  it('does not change the cells it is given', () => {
    const cells = { [cellKey(university)]: { n: 1, sum: 0 } };
    applyIncrements(cells, tallyIncrements(null, university));
    expect(cells).toEqual({ [cellKey(university)]: { n: 1, sum: 0 } });
  });
});
