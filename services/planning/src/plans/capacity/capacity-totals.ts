/**
 * A plan year's totals against what its budget lines and staff make
 * available, what is over, and the plan's warnings that are not about money.
 */

import type { CostBySource, FundingSource, PlanContent } from '../plan-content';
import { activityCost, activityStaffDays, availableBySource, FUNDING_SOURCES, occurrencesIn, totalOf, zeroCost } from '../plan-content';
import { round2 } from './capacity-rules';

export interface CapacityTotals {
  planned: CostBySource;
  plannedTotal: number;
  available: CostBySource;
  availableTotal: number;
  staffDaysPlanned: number;
  staffDaysAvailable: number;
}

/** Only positive overages are listed. */
export interface Overage {
  source: FundingSource | 'staff-days';
  by: number;
}

function roundedCost(cost: CostBySource): CostBySource {
  return { own: round2(cost.own), external: round2(cost.external), partner: round2(cost.partner) };
}

export function capacityTotals(content: PlanContent): CapacityTotals {
  const planned = zeroCost();
  let staffDays = 0;
  for (const activity of content.activities) {
    const cost = activityCost(activity, content.year);
    planned.own += cost.own;
    planned.external += cost.external;
    planned.partner += cost.partner;
    staffDays += activityStaffDays(activity, content.year);
  }
  return totalsOf(planned, availableBySource(content.budgetLines), staffDays, content.staffDaysAvailable);
}

function totalsOf(planned: CostBySource, available: CostBySource, staffDaysPlanned: number, staffDaysAvailable: number): CapacityTotals {
  const p = roundedCost(planned);
  const a = roundedCost(available);
  return {
    planned: p,
    plannedTotal: round2(totalOf(p)),
    available: a,
    availableTotal: round2(totalOf(a)),
    staffDaysPlanned: round2(staffDaysPlanned),
    staffDaysAvailable: round2(staffDaysAvailable),
  };
}

/** The totals with one change applied: O(1), so every candidate remedy can carry its own. */
export function totalsWith(totals: CapacityTotals, costDelta: CostBySource, staffDaysDelta: number): CapacityTotals {
  const planned = { own: totals.planned.own + costDelta.own, external: totals.planned.external + costDelta.external, partner: totals.planned.partner + costDelta.partner };
  return totalsOf(planned, totals.available, totals.staffDaysPlanned + staffDaysDelta, totals.staffDaysAvailable);
}

/**
 * Over per source (partner-covered costs count against partner lines, so a
 * partner cost without one is over) and in staff-days.
 */
export function overagesOf(totals: CapacityTotals): Overage[] {
  const overages: Overage[] = [];
  for (const source of FUNDING_SOURCES) {
    const by = round2(totals.planned[source] - totals.available[source]);
    if (by > 0) overages.push({ source, by });
  }
  const staffDaysBy = round2(totals.staffDaysPlanned - totals.staffDaysAvailable);
  if (staffDaysBy > 0) overages.push({ source: 'staff-days', by: staffDaysBy });
  return overages;
}

export function fitsWithin(totals: CapacityTotals): boolean {
  return overagesOf(totals).length === 0;
}

/**
 * Warnings about the plan's shape: too many opportunistic activities this
 * year, and activities of this year whose date window leaves the plan period
 * (one that does not happen this year is left alone: its window is next
 * cycle's business).
 */
export function planWarnings(content: PlanContent): string[] {
  const warnings: string[] = [];
  let opportunistic = 0;
  for (const activity of content.activities) {
    if (occurrencesIn(activity, content.year) === 0) continue;
    if (activity.priorityIds.length === 0) opportunistic += 1;
    const startsBefore = activity.windowStart !== null && activity.windowStart < content.periodStart;
    const endsAfter = activity.windowEnd !== null && activity.windowEnd > content.periodEnd;
    if (startsBefore || endsAfter) {
      warnings.push(
        `“${activity.title}” has its window (${activity.windowStart ?? '…'} to ${activity.windowEnd ?? '…'}) outside the plan period ${content.periodStart} to ${content.periodEnd}.`,
      );
    }
  }
  if (opportunistic > content.opportunisticAllowance) {
    warnings.unshift(
      `${opportunistic} opportunistic activities (serving no priority) happen in ${content.year}, more than the plan’s allowance of ${content.opportunisticAllowance}.`,
    );
  }
  return warnings;
}
