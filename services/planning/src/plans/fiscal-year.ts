import { addCalendarMonths } from '@entente/validation';

/**
 * Plan year N is the jurisdiction's fiscal year that BEGINS in calendar year
 * N on its fiscal-year start (`MM-DD` from the jurisdiction directory): with
 * a 07-01 start, plan year 2027 runs 2027-07-01 to 2028-06-30. Naming by the
 * starting year keeps "draft next year's plan at the end of this year"
 * (Rostock) a plain +1 for every jurisdiction; a report prints both dates.
 */
export function planPeriod(year: number, fiscalYearStart: string): { start: string; end: string } {
  const start = `${String(year).padStart(4, '0')}-${fiscalYearStart}`;
  const next = addCalendarMonths(start, 12);
  const end = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { start, end };
}

/** The plan year a calendar date falls in. */
export function planYearOf(date: string, fiscalYearStart: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= fiscalYearStart ? year : year - 1;
}

/** Plan years people may plan: from last year to ten years ahead of the current one. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2200;
