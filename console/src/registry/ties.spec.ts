import { strengthLevel, tiesByCountry } from './ties';

describe('ties per country', () => {
  it('adds partners, relationships by their partner’s country and assets by each country they name', () => {
    const ties = tiesByCountry({
      partners: [
        { country: 'DK', partnerCount: 2 },
        { country: 'FI', partnerCount: 1 },
      ],
      relationships: [{ partnerCountry: 'DK' }, { partnerCountry: null }, { partnerCountry: 'dk' }],
      assets: [{ countries: ['DK', 'PL'] }, { countries: ['pl', 'PL'] }, { countries: [] }],
    });
    expect(ties).toEqual([
      { country: 'DK', partners: 2, relationships: 2, assets: 1, total: 5 },
      { country: 'PL', partners: 0, relationships: 0, assets: 2, total: 2 },
      { country: 'FI', partners: 1, relationships: 0, assets: 0, total: 1 },
    ]);
  });

  it('lists no country without a tie', () => {
    expect(tiesByCountry({ partners: [{ country: 'NO', partnerCount: 0 }], relationships: [], assets: [] })).toEqual([]);
  });

  it('shades by strength relative to the strongest country', () => {
    expect([0, 1, 3, 5, 8, 10].map((total) => strengthLevel(total, 10))).toEqual([0, 1, 2, 2, 4, 4]);
    expect(strengthLevel(1, 1)).toBe(4);
    expect(strengthLevel(3, 0)).toBe(0);
  });
});
