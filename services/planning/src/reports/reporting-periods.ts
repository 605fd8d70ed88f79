import { quoted, ValidationError } from '@entente/errors';
import { addCalendarMonths } from '@entente/validation';

/**
 * The periods a plan year is reported in (Maryland's subcabinet reports
 * quarterly). Periods are numbered within the plan year, not the calendar
 * year: with a 07-01 fiscal year, 2027-Q1 is July to September 2027. A plan
 * year is named by the calendar year it starts in (see plans/fiscal-year.ts),
 * so the key's year is periodStart's.
 */
export const REPORTING_CADENCES = ['quarterly', 'monthly', 'semiannual', 'annual'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

export interface ReportingPeriod {
  /** `2027-Q1`, `2027-M01`, `2027-H1` or `2027`. */
  key: string;
  label: string;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
}

const MONTHS_PER_PERIOD: Record<ReportingCadence, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

function keyOf(year: string, cadence: ReportingCadence, index: number): string {
  switch (cadence) {
    case 'monthly':
      return `${year}-M${String(index).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'semiannual':
      return `${year}-H${index}`;
    case 'annual':
      return year;
  }
}

function labelOf(year: string, cadence: ReportingCadence, index: number, start: string, end: string): string {
  const name = cadence === 'monthly' ? `Month ${index}` : cadence === 'quarterly' ? `Q${index}` : cadence === 'semiannual' ? `H${index}` : 'Plan year';
  return `${name} ${year} (${start} to ${end})`;
}

function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The plan year's periods of one cadence, in order. Each starts the same
 * number of calendar months after periodStart (a day a month lacks becomes
 * its last day), ends the day before the next starts, and the last ends on
 * periodEnd, so the periods cover the year without gap or overlap.
 */
export function reportingPeriods(periodStart: string, periodEnd: string, cadence: ReportingCadence = 'quarterly'): ReportingPeriod[] {
  if (!ISO_DATE.test(periodStart)) throw ValidationError.forField('periodStart', `${quoted(periodStart)} is not a date (YYYY-MM-DD)`);
  if (!ISO_DATE.test(periodEnd) || periodEnd < periodStart) throw ValidationError.forField('periodEnd', `${quoted(periodEnd)} is not a date (YYYY-MM-DD) on or after ${periodStart}`);
  const year = periodStart.slice(0, 4);
  const step = MONTHS_PER_PERIOD[cadence];
  const periods: ReportingPeriod[] = [];
  for (let index = 1; ; index += 1) {
    const start = addCalendarMonths(periodStart, step * (index - 1));
    if (start > periodEnd) break;
    const nextStart = addCalendarMonths(periodStart, step * index);
    const end = nextStart > periodEnd ? periodEnd : dayBefore(nextStart);
    periods.push({ key: keyOf(year, cadence, index), label: labelOf(year, cadence, index, start, end), start, end });
  }
  return periods;
}

/** The keys of a cadence's periods, shortened to first…last when there are more than two. */
function keyRange(periods: readonly ReportingPeriod[]): string {
  const keys = periods.map((period) => period.key);
  return keys.length > 2 ? `${keys[0]}…${keys[keys.length - 1]}` : keys.join(', ');
}

/**
 * The period a key names, in any cadence (the key's form says which: `Q`,
 * `M`, `H` or the bare year). An unknown key is refused on the `period` field
 * with the keys this plan year has.
 */
export function periodByKey(periodStart: string, periodEnd: string, key: string): ReportingPeriod {
  const wanted = key.trim().toUpperCase();
  const byCadence = REPORTING_CADENCES.map((cadence) => reportingPeriods(periodStart, periodEnd, cadence));
  const found = byCadence.flat().find((period) => period.key === wanted);
  if (found) return found;
  throw ValidationError.forField('period', `${quoted(key)} is not a reporting period of this plan year; use one of ${byCadence.map(keyRange).join(', ')}`);
}
