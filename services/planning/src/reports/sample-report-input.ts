import { addCalendarMonths } from '@entente/validation';
import { activityCost, activityStaffDays, type Activity, type Decision, type PlanContent, totalOf } from '../plans/plan-content';
import type { ReportInput, ReportPriorityInput } from './progress-report';

/**
 * A plan half-way through its year, for the report benchmark and for a look
 * at a realistic report: every activity whose window ended before `asOf`
 * (default: the start of the plan year's seventh month) is done, with actual
 * cost and staff-days within 15 % of its plan (unless it has actuals) and,
 * for every third, an outcome; the priorities the activities name get a title and two KPIs; every
 * 25th activity carries a decision. Deterministic, like samplePlan.
 */
export interface SampleReportOptions {
  asOf?: string;
  jurisdictionName?: string;
  generatedAt?: Date;
}

/** 0.85 … 1.15, the same for the same index. */
function variation(index: number): number {
  return 0.85 + ((index * 37) % 31) / 100;
}

function titleOf(priorityId: string): string {
  const words = priorityId.replace(/^priority-/, '').split('-');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function asDone(activity: Activity, index: number, year: number): Activity {
  const factor = variation(index);
  return {
    ...activity,
    status: 'done',
    actualCost: activity.actualCost ?? Math.round(totalOf(activityCost(activity, year)) * factor),
    actualStaffDays: activity.actualStaffDays ?? Math.round(activityStaffDays(activity, year) * factor * 2) / 2,
    outcomes: activity.outcomes ?? (index % 3 === 0 ? `${activity.title}: ${10 + (index % 40)} participants, ${1 + (index % 4)} follow-up agreements` : null),
  };
}

export function sampleReportInput(content: PlanContent, options: SampleReportOptions = {}): ReportInput {
  const asOf = options.asOf ?? addCalendarMonths(content.periodStart, 6);
  const activities = content.activities.map((activity, index) => {
    const ended = (activity.windowEnd ?? activity.windowStart ?? content.periodStart) < asOf;
    const open = activity.status === 'planned' || activity.status === 'confirmed' || activity.status === 'done';
    return open && (ended || activity.status === 'done') && activity.frequency !== 'quarterly' ? asDone(activity, index, content.year) : activity;
  });

  const priorityIds = [...new Set(activities.flatMap((activity) => activity.priorityIds))];
  const priorities: ReportPriorityInput[] = priorityIds.map((priorityId, index) => ({
    priorityId,
    title: titleOf(priorityId),
    status: 'active',
    kpis: [
      { kpiId: `${priorityId}-partners`, name: 'Active partners', unit: 'partners', baseline: 4 + index, target: 10 + index, current: 6 + index },
      { kpiId: `${priorityId}-projects`, name: 'Joint projects', unit: 'projects', baseline: 0, target: 5, current: index % 2 === 0 ? 2 : null },
    ],
  }));

  const start = Date.parse(`${content.periodStart}T09:00:00Z`);
  const decisions: Decision[] = activities
    .filter((_, index) => index % 25 === 0)
    .map((activity, index) => ({
      decisionId: `decision-${index + 1}`,
      kind: 'reduce-frequency',
      activityId: activity.activityId,
      summary: `${activity.title}: one occurrence fewer`,
      rationale: 'The plan ran over its own budget; reducing how often it happens keeps the tie alive.',
      takenBy: 'sample-executive',
      takenAt: new Date(start + index * 17 * 86_400_000),
      costDelta: { own: -activity.costPerOccurrence.own, external: 0, partner: 0 },
      staffDaysDelta: -activity.staffDaysPerOccurrence,
    }));

  return {
    jurisdictionName: options.jurisdictionName ?? 'Sample City',
    plan: {
      year: content.year,
      version: 1,
      status: 'active',
      content: { ...content, activities },
      decisions,
      approvedAt: new Date(start - 30 * 86_400_000),
      approvedBy: 'sample-executive',
    },
    priorities,
    period: null,
    generatedAt: options.generatedAt ?? new Date(`${asOf}T08:00:00Z`),
  };
}
