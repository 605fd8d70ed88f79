/**
 * Small plans written out by hand for specs: an activity or a plan with
 * plain defaults, where each spec states only what it is about.
 */

import type { Activity, BudgetLine, PlanContent } from '../plan-content';

export function anActivity(fields: Partial<Activity> & Pick<Activity, 'activityId'>): Activity {
  return {
    title: `Activity ${fields.activityId}`,
    type: 'outbound-delegation',
    priorityIds: ['priority-trade'],
    partnerIds: [],
    country: 'DK',
    city: 'Aarhus',
    windowStart: null,
    windowEnd: null,
    frequency: 'annual',
    cycleYear: null,
    mode: 'in-person',
    costPerOccurrence: { own: 0, external: 0, partner: 0 },
    staffDaysPerOccurrence: 0,
    implementers: [],
    leadDepartment: null,
    status: 'planned',
    outcomes: null,
    actualCost: null,
    actualStaffDays: null,
    jointEffortProposed: false,
    origin: null,
    ...fields,
  };
}

/** Budget lines, one per source with an amount (zero amounts get no line). */
export function budgetOf(amounts: Partial<Record<BudgetLine['source'], number>>): BudgetLine[] {
  return Object.entries(amounts)
    .filter(([, amount]) => amount !== 0)
    .map(([source, amount]) => ({ lineId: `line-${source}`, source: source as BudgetLine['source'], label: `${source} line`, amount: amount ?? 0, fundingReference: null }));
}

export function aPlan(fields: Partial<PlanContent> = {}): PlanContent {
  return {
    year: 2027,
    currency: 'EUR',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    budgetLines: [],
    staffDaysAvailable: 0,
    opportunisticAllowance: 3,
    occasions: [],
    activities: [],
    ...fields,
  };
}
