import { ValidationError } from '@entente/errors';
import { periodByKey, type ReportingPeriod, reportingPeriods } from './reporting-periods';

const span = (periods: ReportingPeriod[]): Array<[string, string, string]> => periods.map((p) => [p.key, p.start, p.end]);

function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('reportingPeriods', () => {
  it('splits a calendar plan year into four quarters by default', () => {
    expect(span(reportingPeriods('2027-01-01', '2027-12-31'))).toEqual([
      ['2027-Q1', '2027-01-01', '2027-03-31'],
      ['2027-Q2', '2027-04-01', '2027-06-30'],
      ['2027-Q3', '2027-07-01', '2027-09-30'],
      ['2027-Q4', '2027-10-01', '2027-12-31'],
    ]);
  });

  it('numbers the quarters of a July fiscal year within the plan year, across the calendar year', () => {
    expect(span(reportingPeriods('2027-07-01', '2028-06-30', 'quarterly'))).toEqual([
      ['2027-Q1', '2027-07-01', '2027-09-30'],
      ['2027-Q2', '2027-10-01', '2027-12-31'],
      ['2027-Q3', '2028-01-01', '2028-03-31'],
      ['2027-Q4', '2028-04-01', '2028-06-30'],
    ]);
  });

  it('gives twelve months, two halves and one year that cover the plan year without gap or overlap', () => {
    for (const [cadence, count] of [['monthly', 12], ['semiannual', 2], ['annual', 1]] as const) {
      const periods = reportingPeriods('2027-07-01', '2028-06-30', cadence);
      expect(periods).toHaveLength(count);
      expect(periods[0]?.start).toBe('2027-07-01');
      expect(periods[periods.length - 1]?.end).toBe('2028-06-30');
      for (let i = 1; i < periods.length; i += 1) expect(periods[i]?.start).toBe(dayAfter(periods[i - 1]?.end as string));
    }
    const months = reportingPeriods('2027-07-01', '2028-06-30', 'monthly');
    expect(months.map((m) => m.key).slice(0, 2)).toEqual(['2027-M01', '2027-M02']);
    expect(months[7]).toMatchObject({ key: '2027-M08', start: '2028-02-01', end: '2028-02-29' });
    expect(span(reportingPeriods('2027-07-01', '2028-06-30', 'semiannual'))).toEqual([
      ['2027-H1', '2027-07-01', '2027-12-31'],
      ['2027-H2', '2028-01-01', '2028-06-30'],
    ]);
    expect(reportingPeriods('2027-07-01', '2028-06-30', 'annual')[0]).toMatchObject({ key: '2027', start: '2027-07-01', end: '2028-06-30' });
  });

  it('keeps a fiscal year that starts on the 31st contiguous (a month without that day ends on its last)', () => {
    const quarters = reportingPeriods('2027-01-31', '2028-01-30');
    expect(span(quarters)).toEqual([
      ['2027-Q1', '2027-01-31', '2027-04-29'],
      ['2027-Q2', '2027-04-30', '2027-07-30'],
      ['2027-Q3', '2027-07-31', '2027-10-30'],
      ['2027-Q4', '2027-10-31', '2028-01-30'],
    ]);
  });

  it('labels each period with its dates', () => {
    expect(reportingPeriods('2027-07-01', '2028-06-30')[2]?.label).toBe('Q3 2027 (2028-01-01 to 2028-03-31)');
  });

  it('refuses a plan year that is not a pair of dates', () => {
    expect(() => reportingPeriods('2027-13-01', '2027-12-31')).toThrow(ValidationError);
    expect(() => reportingPeriods('2027-01-01', '2026-12-31')).toThrow(/periodEnd/);
  });
});

describe('periodByKey', () => {
  it('finds a period of any cadence by its key, in either case', () => {
    expect(periodByKey('2027-07-01', '2028-06-30', '2027-Q3')).toMatchObject({ start: '2028-01-01', end: '2028-03-31' });
    expect(periodByKey('2027-07-01', '2028-06-30', '2027-m12')).toMatchObject({ start: '2028-06-01', end: '2028-06-30' });
    expect(periodByKey('2027-07-01', '2028-06-30', '2027-H2')).toMatchObject({ start: '2028-01-01' });
    expect(periodByKey('2027-07-01', '2028-06-30', '2027')).toMatchObject({ start: '2027-07-01', end: '2028-06-30' });
  });

  it('refuses an unknown key on the period field, listing the keys of the plan year', () => {
    let error: unknown;
    try {
      periodByKey('2027-07-01', '2028-06-30', '2028-Q1');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('period');
    expect((error as ValidationError).message).toContain('"2028-Q1" is not a reporting period of this plan year');
    expect((error as ValidationError).message).toContain('2027-Q1…2027-Q4, 2027-M01…2027-M12, 2027-H1, 2027-H2, 2027');
  });
});
