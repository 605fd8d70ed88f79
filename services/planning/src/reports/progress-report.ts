import {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityStatus,
  availableBySource,
  type CostBySource,
  type Decision,
  FUNDING_SOURCES,
  type FundingSource,
  occurrencesIn,
  type PlanContent,
  totalOf,
} from '../plans/plan-content';
import type { Kpi } from '../priorities/priority.schema';
import { type ReportingPeriod, reportingPeriods } from './reporting-periods';

/**
 * A progress report of one plan version over one reporting period (or the
 * whole plan year): what the council reads, as plain serialisable data (dates
 * as ISO strings, lists rather than maps) that the CSV, the HTML and the
 * GraphQL layer each render.
 *
 * How the plan's figures fall into periods (the plan records no occurrence
 * dates, so the report places them by rule):
 * - A quarterly activity happens once per quarter of the plan year, on the
 *   quarter's first day. Every other activity happens on its window's start,
 *   or on the plan year's first day when it has none (or one outside the year).
 * - Planned cost and staff-days of a period = cost and staff-days of one
 *   occurrence × the occurrences placed in it (postponed and cancelled
 *   activities have none; a reduced one has the frequency it was reduced to).
 * - Actual figures are those of done activities (actualCost,
 *   actualStaffDays), spread over the periods in the same proportion as their
 *   planned occurrences, so a quarter compares like with like. Actual cost is
 *   one figure per activity; it is split across funding sources in the
 *   proportion of the activity's planned cost (all to the own budget when it
 *   planned none), because the plan, not the invoice, says who pays.
 * - Budget lines and staff-days available are not phased: the report sets the
 *   year's figure beside the period's and the year-to-date figures.
 * - An activity belongs to a period when an occurrence is placed in it;
 *   a postponed or cancelled one belongs to the period of its window start.
 * - Decisions belong to the period of their date (UTC); those taken before the
 *   plan year began (while drafting) count in its first period, those after it
 *   ended in its last, so each appears in exactly one period's report.
 * Figures are rounded to two decimals.
 */

/** A KPI of a priority as the priorities store it. */
export type ReportKpiInput = Pick<Kpi, 'kpiId' | 'name' | 'unit' | 'baseline' | 'target' | 'current'>;

export interface ReportPriorityInput {
  priorityId: string;
  title: string;
  status: string;
  kpis: ReportKpiInput[];
}

export interface ReportInput {
  jurisdictionName: string;
  plan: {
    year: number;
    version: number;
    status: string;
    content: PlanContent;
    decisions: Decision[];
    approvedAt: Date | null;
    approvedBy: string | null;
  };
  priorities: ReportPriorityInput[];
  /** Null = the whole plan year. */
  period: ReportingPeriod | null;
  generatedAt: Date;
}

export interface StatusCount {
  status: ActivityStatus;
  count: number;
}

export interface ReportBudgetRow {
  source: FundingSource;
  /** The plan year's budget lines of this source (not phased). */
  available: number;
  planned: number;
  actual: number;
  plannedToDate: number;
  actualToDate: number;
}

export interface ReportBudgetLine {
  lineId: string;
  source: FundingSource;
  label: string;
  amount: number;
  fundingReference: string | null;
}

export interface ReportStaffDays {
  /** The plan year's staff-days (not phased). */
  available: number;
  planned: number;
  actual: number;
  plannedToDate: number;
  actualToDate: number;
}

export interface ReportActivity {
  activityId: string;
  title: string;
  type: string;
  status: ActivityStatus;
  mode: string;
  frequency: string;
  priorityIds: string[];
  /** The titles of the priorities it serves (the id when the report was not given that priority); empty = opportunistic. */
  priorityTitles: string[];
  country: string | null;
  city: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  leadDepartment: string | null;
  /** Occurrences placed in the period. */
  occurrences: number;
  plannedCost: number;
  plannedStaffDays: number;
  /** The period's share of a done activity's actual figures; null when not done or not known. */
  actualCost: number | null;
  actualStaffDays: number | null;
  outcomes: string | null;
}

export interface ReportKpi extends ReportKpiInput {
  /** How far current has come from baseline towards target, in percent (may pass 100 or fall below 0); null without a current figure or when target equals baseline. */
  progressPercent: number | null;
}

export interface ReportOutcome {
  activityId: string;
  title: string;
  status: ActivityStatus;
  outcomes: string;
}

export interface ReportPriority {
  priorityId: string;
  title: string;
  status: string;
  /** Activities in the period that serve it, per status (every status, zeros included). */
  byStatus: StatusCount[];
  activities: number;
  plannedCost: number;
  actualCost: number;
  kpis: ReportKpi[];
  outcomes: ReportOutcome[];
}

export interface ReportOpportunistic {
  byStatus: StatusCount[];
  /** Opportunistic activities in the period. */
  activities: number;
  /** Opportunistic activities in the whole plan (not cancelled): what the allowance counts. */
  planActivities: number;
  allowance: number;
}

export interface ReportDecision {
  decisionId: string;
  kind: string;
  activityId: string | null;
  activityTitle: string | null;
  summary: string;
  rationale: string;
  takenBy: string;
  /** ISO date-time. */
  takenAt: string;
  costDelta: CostBySource;
  costDeltaTotal: number;
  staffDaysDelta: number;
}

export interface ReportTotals {
  budgetAvailable: number;
  plannedCost: number;
  actualCost: number;
  plannedCostToDate: number;
  actualCostToDate: number;
  staffDaysAvailable: number;
  plannedStaffDays: number;
  actualStaffDays: number;
  activities: number;
  decisions: number;
}

export interface ProgressReport {
  jurisdictionName: string;
  year: number;
  version: number;
  status: string;
  currency: string;
  approvedAt: string | null;
  approvedBy: string | null;
  planStart: string;
  planEnd: string;
  period: ReportingPeriod;
  wholeYear: boolean;
  /** ISO date-time. */
  generatedAt: string;
  totals: ReportTotals;
  budget: ReportBudgetRow[];
  budgetLines: ReportBudgetLine[];
  staffDays: ReportStaffDays;
  activitiesByStatus: StatusCount[];
  activities: ReportActivity[];
  priorities: ReportPriority[];
  opportunistic: ReportOpportunistic;
  decisions: ReportDecision[];
}

interface DateRange {
  start: string;
  end: string;
}

const within = (date: string, range: DateRange): boolean => date >= range.start && date <= range.end;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Where an activity's figures fall: the dates of its occurrences this plan year, and the date it belongs to when it has none. */
interface Placement {
  dates: string[];
  anchor: string;
}

function placement(activity: Activity, content: PlanContent, quarterStarts: readonly string[]): Placement {
  const windowStart = activity.windowStart;
  const anchor = windowStart !== null && within(windowStart, { start: content.periodStart, end: content.periodEnd }) ? windowStart : content.periodStart;
  const count = occurrencesIn(activity, content.year);
  const dates = activity.frequency === 'quarterly' && count === quarterStarts.length ? [...quarterStarts] : Array.from({ length: count }, () => anchor);
  return { dates, anchor };
}

interface Share {
  /** Occurrences placed in the range. */
  occurrences: number;
  /** The fraction of the activity's actual figures that falls in the range. */
  actualFraction: number;
}

function shareIn(place: Placement, range: DateRange): Share {
  const occurrences = place.dates.filter((date) => within(date, range)).length;
  const actualFraction = place.dates.length > 0 ? occurrences / place.dates.length : within(place.anchor, range) ? 1 : 0;
  return { occurrences, actualFraction };
}

/** A done activity's actual cost, split across sources as its plan splits them. */
function actualBySource(activity: Activity, amount: number): CostBySource {
  const planned = totalOf(activity.costPerOccurrence);
  if (planned <= 0) return { own: amount, external: 0, partner: 0 };
  const own = (amount * activity.costPerOccurrence.own) / planned;
  const external = (amount * activity.costPerOccurrence.external) / planned;
  return { own, external, partner: amount - own - external };
}

interface Figures {
  planned: CostBySource;
  actual: CostBySource;
  plannedStaffDays: number;
  actualStaffDays: number;
}

function emptyFigures(): Figures {
  return { planned: { own: 0, external: 0, partner: 0 }, actual: { own: 0, external: 0, partner: 0 }, plannedStaffDays: 0, actualStaffDays: 0 };
}

function addFigures(into: Figures, activity: Activity, share: Share): void {
  for (const source of FUNDING_SOURCES) into.planned[source] += activity.costPerOccurrence[source] * share.occurrences;
  into.plannedStaffDays += activity.staffDaysPerOccurrence * share.occurrences;
  if (activity.status !== 'done' || share.actualFraction === 0) return;
  if (activity.actualCost !== null) {
    const split = actualBySource(activity, activity.actualCost * share.actualFraction);
    for (const source of FUNDING_SOURCES) into.actual[source] += split[source];
  }
  if (activity.actualStaffDays !== null) into.actualStaffDays += activity.actualStaffDays * share.actualFraction;
}

function statusCounts(activities: readonly Activity[]): StatusCount[] {
  return ACTIVITY_STATUSES.map((status) => ({ status, count: activities.filter((activity) => activity.status === status).length }));
}

function kpiProgress(kpi: ReportKpiInput): number | null {
  if (kpi.current === null || kpi.target === kpi.baseline) return null;
  return Math.round(((kpi.current - kpi.baseline) / (kpi.target - kpi.baseline)) * 1000) / 10;
}

const STATUS_ORDER = new Map<string, number>(ACTIVITY_STATUSES.map((status, index) => [status, index]));

/** The decision's date for the period test: clamped into the plan year, so drafting decisions land in its first period. */
function decisionDate(takenAt: Date, year: DateRange): string {
  const date = takenAt.toISOString().slice(0, 10);
  return date < year.start ? year.start : date > year.end ? year.end : date;
}

export function buildProgressReport(input: ReportInput): ProgressReport {
  const { plan } = input;
  const content = plan.content;
  const yearRange: DateRange = { start: content.periodStart, end: content.periodEnd };
  const wholeYear = input.period === null;
  const period: ReportingPeriod = input.period ?? {
    key: String(plan.year),
    label: `Plan year ${plan.year} (${content.periodStart} to ${content.periodEnd})`,
    start: content.periodStart,
    end: content.periodEnd,
  };
  const toDate: DateRange = { start: content.periodStart, end: period.end };
  const quarterStarts = reportingPeriods(content.periodStart, content.periodEnd, 'quarterly').map((quarter) => quarter.start);
  const priorityTitles = new Map(input.priorities.map((priority) => [priority.priorityId, priority.title]));

  const inPeriod = emptyFigures();
  const cumulative = emptyFigures();
  const rows: Array<{ activity: Activity; row: ReportActivity; anchor: string }> = [];
  for (const activity of content.activities) {
    const place = placement(activity, content, quarterStarts);
    const share = shareIn(place, period);
    addFigures(inPeriod, activity, share);
    addFigures(cumulative, activity, shareIn(place, toDate));
    const belongs = share.occurrences > 0 || (place.dates.length === 0 && within(place.anchor, period));
    if (!belongs) continue;
    const own = emptyFigures();
    addFigures(own, activity, share);
    const done = activity.status === 'done' && share.actualFraction > 0;
    rows.push({
      activity,
      anchor: place.anchor,
      row: {
        activityId: activity.activityId,
        title: activity.title,
        type: activity.type,
        status: activity.status,
        mode: activity.mode,
        frequency: activity.frequency,
        priorityIds: [...activity.priorityIds],
        priorityTitles: activity.priorityIds.map((id) => priorityTitles.get(id) ?? id),
        country: activity.country,
        city: activity.city,
        windowStart: activity.windowStart,
        windowEnd: activity.windowEnd,
        leadDepartment: activity.leadDepartment,
        occurrences: share.occurrences,
        plannedCost: round2(totalOf(own.planned)),
        plannedStaffDays: round2(own.plannedStaffDays),
        actualCost: done && activity.actualCost !== null ? round2(totalOf(own.actual)) : null,
        actualStaffDays: done && activity.actualStaffDays !== null ? round2(own.actualStaffDays) : null,
        outcomes: activity.outcomes,
      },
    });
  }
  rows.sort(
    (a, b) =>
      (STATUS_ORDER.get(a.row.status) ?? 0) - (STATUS_ORDER.get(b.row.status) ?? 0) || a.anchor.localeCompare(b.anchor) || a.row.title.localeCompare(b.row.title),
  );
  const periodActivities = rows.map((entry) => entry.activity);

  const available = availableBySource(content.budgetLines);
  const budget: ReportBudgetRow[] = FUNDING_SOURCES.map((source) => ({
    source,
    available: round2(available[source]),
    planned: round2(inPeriod.planned[source]),
    actual: round2(inPeriod.actual[source]),
    plannedToDate: round2(cumulative.planned[source]),
    actualToDate: round2(cumulative.actual[source]),
  }));
  const staffDays: ReportStaffDays = {
    available: round2(content.staffDaysAvailable),
    planned: round2(inPeriod.plannedStaffDays),
    actual: round2(inPeriod.actualStaffDays),
    plannedToDate: round2(cumulative.plannedStaffDays),
    actualToDate: round2(cumulative.actualStaffDays),
  };

  const priorities: ReportPriority[] = input.priorities.map((priority) => {
    const serving = rows.filter((entry) => entry.activity.priorityIds.includes(priority.priorityId));
    return {
      priorityId: priority.priorityId,
      title: priority.title,
      status: priority.status,
      byStatus: statusCounts(serving.map((entry) => entry.activity)),
      activities: serving.length,
      plannedCost: round2(serving.reduce((sum, entry) => sum + entry.row.plannedCost, 0)),
      actualCost: round2(serving.reduce((sum, entry) => sum + (entry.row.actualCost ?? 0), 0)),
      kpis: priority.kpis.map((kpi) => ({ ...kpi, progressPercent: kpiProgress(kpi) })),
      outcomes: serving
        .filter((entry) => entry.row.outcomes !== null && entry.row.outcomes.trim() !== '')
        .map((entry) => ({ activityId: entry.row.activityId, title: entry.row.title, status: entry.row.status, outcomes: entry.row.outcomes as string })),
    };
  });

  const opportunisticInPeriod = periodActivities.filter((activity) => activity.priorityIds.length === 0);
  const opportunistic: ReportOpportunistic = {
    byStatus: statusCounts(opportunisticInPeriod),
    activities: opportunisticInPeriod.length,
    planActivities: content.activities.filter((activity) => activity.priorityIds.length === 0 && activity.status !== 'cancelled').length,
    allowance: content.opportunisticAllowance,
  };

  const activityTitles = new Map(content.activities.map((activity) => [activity.activityId, activity.title]));
  const decisions: ReportDecision[] = plan.decisions
    .filter((decision) => within(decisionDate(decision.takenAt, yearRange), period))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime())
    .map((decision) => ({
      decisionId: decision.decisionId,
      kind: decision.kind,
      activityId: decision.activityId,
      activityTitle: decision.activityId === null ? null : (activityTitles.get(decision.activityId) ?? null),
      summary: decision.summary,
      rationale: decision.rationale,
      takenBy: decision.takenBy,
      takenAt: decision.takenAt.toISOString(),
      costDelta: { own: round2(decision.costDelta.own), external: round2(decision.costDelta.external), partner: round2(decision.costDelta.partner) },
      costDeltaTotal: round2(totalOf(decision.costDelta)),
      staffDaysDelta: round2(decision.staffDaysDelta),
    }));

  return {
    jurisdictionName: input.jurisdictionName,
    year: plan.year,
    version: plan.version,
    status: plan.status,
    currency: content.currency,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    approvedBy: plan.approvedBy,
    planStart: content.periodStart,
    planEnd: content.periodEnd,
    period: { ...period },
    wholeYear,
    generatedAt: input.generatedAt.toISOString(),
    totals: {
      budgetAvailable: round2(totalOf(available)),
      plannedCost: round2(totalOf(inPeriod.planned)),
      actualCost: round2(totalOf(inPeriod.actual)),
      plannedCostToDate: round2(totalOf(cumulative.planned)),
      actualCostToDate: round2(totalOf(cumulative.actual)),
      staffDaysAvailable: staffDays.available,
      plannedStaffDays: staffDays.planned,
      actualStaffDays: staffDays.actual,
      activities: rows.length,
      decisions: decisions.length,
    },
    budget,
    budgetLines: content.budgetLines.map((line) => ({ lineId: line.lineId, source: line.source, label: line.label, amount: line.amount, fundingReference: line.fundingReference })),
    staffDays,
    activitiesByStatus: statusCounts(periodActivities),
    activities: rows.map((entry) => entry.row),
    priorities,
    opportunistic,
    decisions,
  };
}
