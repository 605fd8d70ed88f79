import { anniversaryDate, roundAnniversariesBetween, type OngoingTie } from './anniversaries';

const tie = (since: string, extra: Partial<OngoingTie> = {}): OngoingTie => ({ relationshipId: `r-${since}`, partnerName: 'Aarhus', since, until: null, ...extra });

describe('round anniversaries of ties', () => {
  it('finds the 25th anniversary within a plan year, on the day', () => {
    expect(roundAnniversariesBetween([tie('2002-06-15')], '2027-01-01', '2027-12-31')).toEqual([
      { relationshipId: 'r-2002-06-15', partnerName: 'Aarhus', years: 25, date: '2027-06-15' },
    ]);
  });

  it('counts only every fifth year, from the fifth on', () => {
    const years = (since: string) => roundAnniversariesBetween([tie(since)], '2027-01-01', '2027-12-31').map((a) => a.years);
    expect(years('2022-03-01')).toEqual([5]);
    expect(years('2017-03-01')).toEqual([10]);
    expect(years('1977-03-01')).toEqual([50]);
    expect(years('2026-03-01')).toEqual([]);
    expect(years('2024-03-01')).toEqual([]);
    expect(years('2027-03-01')).toEqual([]);
    expect(years('2003-03-01')).toEqual([]);
  });

  it('keeps the bounds inclusive and follows a fiscal year across two calendar years', () => {
    const ties = [tie('2002-07-01'), tie('2003-06-30', { partnerName: 'Bremen' }), tie('2002-06-30', { partnerName: 'Turku' }), tie('2003-07-01', { partnerName: 'Oulu' })];
    // A fiscal year July 2027 to June 2028.
    expect(roundAnniversariesBetween(ties, '2027-07-01', '2028-06-30').map((a) => [a.partnerName, a.date, a.years])).toEqual([
      ['Aarhus', '2027-07-01', 25],
      ['Bremen', '2028-06-30', 25],
    ]);
  });

  it('moves 29 February to 28 February in a year without one, and keeps it in a leap year', () => {
    expect(anniversaryDate('2004-02-29', 25)).toBe('2029-02-28');
    expect(anniversaryDate('2004-02-29', 20)).toBe('2024-02-29');
    expect(roundAnniversariesBetween([tie('2004-02-29')], '2029-02-28', '2029-02-28')).toEqual([
      { relationshipId: 'r-2004-02-29', partnerName: 'Aarhus', years: 25, date: '2029-02-28' },
    ]);
    expect(roundAnniversariesBetween([tie('2004-02-29')], '2029-03-01', '2029-12-31')).toEqual([]);
  });

  it('leaves out a tie that ends before its anniversary, keeps one that ends on or after it', () => {
    expect(roundAnniversariesBetween([tie('2002-06-15', { until: '2027-06-14' })], '2027-01-01', '2027-12-31')).toEqual([]);
    expect(roundAnniversariesBetween([tie('2002-06-15', { until: '2027-06-15' })], '2027-01-01', '2027-12-31')).toHaveLength(1);
  });

  it('orders by date, then by partner name, and finds every round one of a range of years', () => {
    const found = roundAnniversariesBetween([tie('2000-05-01', { partnerName: 'Zadar' }), tie('2000-05-01', { partnerName: 'Aalborg', relationshipId: 'r-2' })], '2005-01-01', '2010-12-31');
    expect(found.map((a) => [a.partnerName, a.years])).toEqual([
      ['Aalborg', 5],
      ['Zadar', 5],
      ['Aalborg', 10],
      ['Zadar', 10],
    ]);
  });

  it('refuses a range that is not two calendar dates in order, naming the bound', () => {
    expect(() => roundAnniversariesBetween([], '2027-13-01', '2027-12-31')).toThrow(/start/);
    expect(() => roundAnniversariesBetween([], '2027-01-01', '2026-12-31')).toThrow(/end: must not be before start/);
  });
});
