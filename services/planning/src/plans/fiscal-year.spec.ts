import { planPeriod, planYearOf } from './fiscal-year';

describe('plan years', () => {
  it('runs a calendar fiscal year from 1 January to 31 December', () => {
    expect(planPeriod(2027, '01-01')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  it('names a July fiscal year by the calendar year it begins in', () => {
    expect(planPeriod(2027, '07-01')).toEqual({ start: '2027-07-01', end: '2028-06-30' });
    expect(planYearOf('2028-06-30', '07-01')).toBe(2027);
    expect(planYearOf('2028-07-01', '07-01')).toBe(2028);
  });

  it('ends the day before a leap-day-adjacent start', () => {
    expect(planPeriod(2027, '03-01')).toEqual({ start: '2027-03-01', end: '2028-02-29' });
  });
});
