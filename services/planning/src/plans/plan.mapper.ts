import { activityCost, activityStaffDays, type CostBySource, type Decision, occurrencesIn, totalOf } from './plan-content';
import type { CapacityCheck } from './capacity/capacity-check';
import type { CapacityTotals } from './capacity/capacity-totals';
import type { PlanVersionSummary } from './plan.repository';
import type { PlanView } from './plan.service';
import type { AnnualPlan, CapacityCheckView, CapacityTotalsView, CostBySourceView, PlanDecision, PlanSummary } from './plan.model';

export function toCost(cost: CostBySource): CostBySourceView {
  return { ...cost, total: Math.round(totalOf(cost) * 100) / 100 };
}

export function toDecision(decision: Decision): PlanDecision {
  const { decisionId, costDelta, ...rest } = decision;
  return { id: decisionId, ...rest, costDelta: toCost(costDelta) };
}

export function toAnnualPlan({ record, content }: PlanView): AnnualPlan {
  return {
    year: record.year,
    version: record.version,
    status: record.status,
    currency: content.currency,
    periodStart: content.periodStart,
    periodEnd: content.periodEnd,
    budgetLines: content.budgetLines.map(({ lineId, ...line }) => ({ id: lineId, ...line })),
    staffDaysAvailable: content.staffDaysAvailable,
    opportunisticAllowance: content.opportunisticAllowance,
    occasions: content.occasions.map(({ occasionId, ...occasion }) => ({ id: occasionId, ...occasion })),
    activities: content.activities.map((activity) => {
      const { activityId, costPerOccurrence, ...rest } = activity;
      return {
        id: activityId,
        ...rest,
        occurrences: occurrencesIn(activity, content.year),
        costPerOccurrence: toCost(costPerOccurrence),
        plannedCost: toCost(activityCost(activity, content.year)),
        plannedStaffDays: activityStaffDays(activity, content.year),
      };
    }),
    decisions: record.decisions.map(toDecision),
    basedOnVersion: record.basedOnVersion,
    submittedBy: record.submittedBy,
    submittedAt: record.submittedAt,
    approvedBy: record.approvedBy,
    approvedAt: record.approvedAt,
    returnedReason: record.returnedReason,
    updatedAt: record.updatedAt,
  };
}

export function toSummary(summary: PlanVersionSummary): PlanSummary {
  return {
    year: summary.year,
    version: summary.version,
    status: summary.status,
    activityCount: summary.activityCount,
    approvedBy: summary.approvedBy ?? null,
    approvedAt: summary.approvedAt ?? null,
    updatedAt: summary.updatedAt,
  };
}

function toTotals(totals: CapacityTotals): CapacityTotalsView {
  return { planned: toCost(totals.planned), available: toCost(totals.available), staffDaysPlanned: totals.staffDaysPlanned, staffDaysAvailable: totals.staffDaysAvailable };
}

export function toCapacityCheck(check: CapacityCheck): CapacityCheckView {
  return {
    year: check.year,
    currency: check.currency,
    totals: toTotals(check.totals),
    overages: check.overages.map((o) => ({ source: o.source, by: o.by })),
    fits: check.fits,
    warnings: check.warnings,
    remedies: check.remedies.map(({ after: _after, costDelta, totalsAfter, ...remedy }) => ({ ...remedy, costDelta: toCost(costDelta), totalsAfter: toTotals(totalsAfter) })),
  };
}
