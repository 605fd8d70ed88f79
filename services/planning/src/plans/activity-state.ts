import type { ActivityStateV2Payload } from '@entente/contracts';
import { type Activity, occurrencesIn, type PlanContent, totalOf } from './plan-content';

/**
 * An activity as planning's activity events (v2) announce it: its whole
 * state in one plan version, with the cost of one occurrence from every
 * source together, in the plan's currency. Which funding pays stays in the
 * plan; outcomes, actuals and staff-days are never announced.
 */
export function activityState(activity: Activity, plan: Pick<PlanContent, 'year' | 'currency'>, version: number): ActivityStateV2Payload {
  return {
    activityId: activity.activityId,
    year: plan.year,
    planVersion: version,
    title: activity.title,
    type: activity.type,
    mode: activity.mode,
    frequency: activity.frequency,
    occurrences: occurrencesIn(activity, plan.year),
    status: activity.status,
    country: activity.country,
    city: activity.city,
    windowStart: activity.windowStart,
    windowEnd: activity.windowEnd,
    priorityIds: activity.priorityIds,
    cost: { amount: totalOf(activity.costPerOccurrence), currency: plan.currency },
  };
}
