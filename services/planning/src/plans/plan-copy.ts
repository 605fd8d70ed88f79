import { addCalendarMonths } from '@entente/validation';
import type { Activity, PlanContent } from './plan-content';

/** What carries over: activities that recur, and those postponed into the next year. */
function carriesOver(activity: Activity): boolean {
  return activity.frequency !== 'one-off' || activity.status === 'postponed';
}

/**
 * Next year's draft from this year's plan (Rostock drafts it at the end of
 * each year): recurring activities at their frequency — one reduced to
 * biennial keeps its cycle — and postponed ones, as planned again with dates
 * moved a year on; the own and partner budget lines and the staff-days.
 * External funding lines are grants for one year and stay behind, as do
 * one-off activities that happened and the dated occasions. Each activity
 * gets a new id (it is a new year's activity) and remembers where it came from.
 */
export function copyForNextYear(content: PlanContent, next: { periodStart: string; periodEnd: string }, newId: () => string): PlanContent {
  const shift = (date: string | null): string | null => {
    if (date === null) return null;
    const moved = addCalendarMonths(date, 12);
    return moved >= next.periodStart && moved <= next.periodEnd ? moved : null;
  };
  return {
    year: content.year + 1,
    currency: content.currency,
    periodStart: next.periodStart,
    periodEnd: next.periodEnd,
    budgetLines: content.budgetLines.filter((line) => line.source !== 'external').map((line) => ({ ...line, lineId: newId() })),
    staffDaysAvailable: content.staffDaysAvailable,
    opportunisticAllowance: content.opportunisticAllowance,
    occasions: [],
    activities: content.activities.filter(carriesOver).map((activity) => {
      const windowStart = shift(activity.windowStart);
      const windowEnd = windowStart === null ? null : shift(activity.windowEnd);
      return {
        ...activity,
        activityId: newId(),
        windowStart,
        windowEnd,
        status: 'planned',
        outcomes: null,
        actualCost: null,
        actualStaffDays: null,
        origin: { kind: 'copied', reference: `${content.year}/${activity.activityId}` },
      };
    }),
  };
}
