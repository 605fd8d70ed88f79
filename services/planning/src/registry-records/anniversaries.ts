import { ValidationError } from '@entente/errors';
import { daysInMonth, isIsoDate } from '@entente/validation';

/** Round anniversaries come every this many years: 5, 10, 15, … 25 … */
export const ANNIVERSARY_STEP_YEARS = 5;

/** A tie that still exists, as the anniversary rule needs it. */
export interface OngoingTie {
  relationshipId: string;
  partnerName: string;
  /** YYYY-MM-DD the tie began. */
  since: string;
  /** YYYY-MM-DD it ends, if an end is recorded. */
  until: string | null;
}

export interface Anniversary {
  relationshipId: string;
  partnerName: string;
  years: number;
  /** YYYY-MM-DD. */
  date: string;
}

/**
 * `since` plus `years` calendar years. A tie begun on 29 February has its
 * anniversary on 28 February in a year without one: the day stays within
 * the same month, and a celebration planned for "1 March" would read as late.
 */
export function anniversaryDate(since: string, years: number): string {
  const [year, month, day] = since.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const targetDay = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * The round anniversaries (every ANNIVERSARY_STEP_YEARS years) of the ties
 * whose anniversary date falls within [start, end], both inclusive, in date
 * order (then by partner name). A tie that ends before the date has no
 * anniversary then; a tie with a since date that is not a calendar date is
 * skipped rather than guessed at.
 */
export function roundAnniversariesBetween(ties: readonly OngoingTie[], start: string, end: string): Anniversary[] {
  if (!isIsoDate(start)) throw ValidationError.forField('start', 'must be a calendar date written YYYY-MM-DD');
  if (!isIsoDate(end)) throw ValidationError.forField('end', 'must be a calendar date written YYYY-MM-DD');
  if (end < start) throw ValidationError.forField('end', `must not be before start (${start})`);
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const found: Anniversary[] = [];
  for (const tie of ties) {
    if (!isIsoDate(tie.since)) continue;
    const sinceYear = Number(tie.since.slice(0, 4));
    for (let year = firstYear; year <= lastYear; year += 1) {
      const years = year - sinceYear;
      if (years < ANNIVERSARY_STEP_YEARS || years % ANNIVERSARY_STEP_YEARS !== 0) continue;
      const date = anniversaryDate(tie.since, years);
      if (date < start || date > end) continue;
      if (tie.until !== null && tie.until < date) continue;
      found.push({ relationshipId: tie.relationshipId, partnerName: tie.partnerName, years, date });
    }
  }
  return found.sort((a, b) => (a.date === b.date ? a.partnerName.localeCompare(b.partnerName) : a.date < b.date ? -1 : 1));
}
