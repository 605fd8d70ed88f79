import type { ProgressReport } from './progress-report';

/**
 * The progress report as one CSV file (RFC 4180: CRLF line ends, fields with
 * a comma, quote or line break quoted, quotes doubled). One section per
 * table: a row with the section's name, a header row, the rows, an empty row.
 * Figures are written as plain numbers (no thousands separators, no currency
 * sign, a dot for decimals) so a spreadsheet can sum them.
 *
 * Text a person typed (titles, rationales, outcomes) could start a formula
 * when the file is opened in a spreadsheet (CSV injection), so a text cell
 * starting with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe. Numbers are never text, so a negative figure stays a number.
 */
type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'boolean' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function section(title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string[] {
  return [csvCell(title), header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(',')), ''];
}

export function progressReportCsv(report: ProgressReport): string {
  const t = report.totals;
  const lines = [
    ...section(
      'Summary',
      ['item', 'value'],
      [
        ['jurisdiction', report.jurisdictionName],
        ['plan year', report.year],
        ['plan start', report.planStart],
        ['plan end', report.planEnd],
        ['version', report.version],
        ['status', report.status],
        ['approved by', report.approvedBy],
        ['approved at', report.approvedAt],
        ['period', report.period.key],
        ['period start', report.period.start],
        ['period end', report.period.end],
        ['currency', report.currency],
        ['budget available (year)', t.budgetAvailable],
        ['cost planned (period)', t.plannedCost],
        ['cost actual (period)', t.actualCost],
        ['cost planned (year to date)', t.plannedCostToDate],
        ['cost actual (year to date)', t.actualCostToDate],
        ['staff-days available (year)', t.staffDaysAvailable],
        ['staff-days planned (period)', t.plannedStaffDays],
        ['staff-days actual (period)', t.actualStaffDays],
        ['activities (period)', t.activities],
        ['decisions (period)', t.decisions],
        ['generated at', report.generatedAt],
      ],
    ),
    ...section(
      'Budget by source',
      ['source', 'available (year)', 'planned (period)', 'actual (period)', 'planned (year to date)', 'actual (year to date)'],
      report.budget.map((row) => [row.source, row.available, row.planned, row.actual, row.plannedToDate, row.actualToDate]),
    ),
    ...section(
      'Budget lines',
      ['line id', 'source', 'label', 'amount', 'funding reference'],
      report.budgetLines.map((line) => [line.lineId, line.source, line.label, line.amount, line.fundingReference]),
    ),
    ...section(
      'Staff-days',
      ['available (year)', 'planned (period)', 'actual (period)', 'planned (year to date)', 'actual (year to date)'],
      [[report.staffDays.available, report.staffDays.planned, report.staffDays.actual, report.staffDays.plannedToDate, report.staffDays.actualToDate]],
    ),
    ...section(
      'Activities by status',
      ['status', 'activities'],
      report.activitiesByStatus.map((row) => [row.status, row.count]),
    ),
    ...section(
      'Activities',
      [
        'activity id',
        'title',
        'type',
        'status',
        'mode',
        'frequency',
        'priorities',
        'country',
        'city',
        'window start',
        'window end',
        'lead department',
        'occurrences (period)',
        'planned cost',
        'planned staff-days',
        'actual cost',
        'actual staff-days',
        'outcomes',
      ],
      report.activities.map((a) => [
        a.activityId,
        a.title,
        a.type,
        a.status,
        a.mode,
        a.frequency,
        a.priorityTitles.join('; '),
        a.country,
        a.city,
        a.windowStart,
        a.windowEnd,
        a.leadDepartment,
        a.occurrences,
        a.plannedCost,
        a.plannedStaffDays,
        a.actualCost,
        a.actualStaffDays,
        a.outcomes,
      ]),
    ),
    ...section(
      'Activities per priority',
      ['priority id', 'priority', 'priority status', 'activities', ...report.activitiesByStatus.map((row) => row.status), 'planned cost', 'actual cost'],
      [
        ...report.priorities.map((p) => [p.priorityId, p.title, p.status, p.activities, ...p.byStatus.map((row) => row.count), p.plannedCost, p.actualCost]),
        [null, 'opportunistic', null, report.opportunistic.activities, ...report.opportunistic.byStatus.map((row) => row.count), null, null],
      ],
    ),
    ...section(
      'Opportunistic allowance',
      ['opportunistic activities in the plan', 'allowance'],
      [[report.opportunistic.planActivities, report.opportunistic.allowance]],
    ),
    ...section(
      'KPI progress',
      ['priority id', 'priority', 'kpi id', 'kpi', 'unit', 'baseline', 'current', 'target', 'progress percent'],
      report.priorities.flatMap((p) => p.kpis.map((k) => [p.priorityId, p.title, k.kpiId, k.name, k.unit, k.baseline, k.current, k.target, k.progressPercent])),
    ),
    ...section(
      'Outcomes',
      ['priority id', 'priority', 'activity id', 'activity', 'status', 'outcomes'],
      report.priorities.flatMap((p) => p.outcomes.map((o) => [p.priorityId, p.title, o.activityId, o.title, o.status, o.outcomes])),
    ),
    ...section(
      'Decisions',
      ['decision id', 'taken at', 'taken by', 'kind', 'activity id', 'activity', 'summary', 'rationale', 'cost change own', 'cost change external', 'cost change partner', 'cost change total', 'staff-days change'],
      report.decisions.map((d) => [
        d.decisionId,
        d.takenAt,
        d.takenBy,
        d.kind,
        d.activityId,
        d.activityTitle,
        d.summary,
        d.rationale,
        d.costDelta.own,
        d.costDelta.external,
        d.costDelta.partner,
        d.costDeltaTotal,
        d.staffDaysDelta,
      ]),
    ),
  ];
  return lines.join('\r\n');
}
