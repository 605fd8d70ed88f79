import { escapeHtml } from './html-text';
import type { ProgressReport, StatusCount } from './progress-report';
import { groupedBarChart, stackedBarChart, type ChartSeries } from './report-charts';
import { REPORT_LABELS, type ReportLabels, type ReportLanguage } from './report-labels';

/**
 * The progress report as ONE self-contained HTML document a council can
 * open offline, read and print: no script, no external font, image or style
 * sheet; charts are inline SVG, each with its figures in a table; every text
 * from the plan is escaped. Print rules start each section on a new page.
 */
export interface ReportHtmlOptions {
  lang?: ReportLanguage;
}

const STATUS_COLORS: Record<string, string> = {
  planned: '#9bb7d9',
  confirmed: '#3b6db3',
  done: '#2e8b57',
  reduced: '#e0a030',
  postponed: '#9a9a9a',
  cancelled: '#c0504d',
};
const AVAILABLE_COLOR = '#c9d3df';
const PLANNED_COLOR = '#3b6db3';
const ACTUAL_COLOR = '#2e8b57';

const STYLE = `
:root { color: #1d1d1d; background: #fff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.45; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #3b6db3; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta { color: #555; margin: 0 0 1rem; }
.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem 1rem; margin: 1rem 0; padding: 0; }
.totals div { border: 1px solid #d5dbe3; border-radius: 4px; padding: .4rem .6rem; }
.totals dt { color: #555; font-size: .85rem; }
.totals dd { margin: 0; font-weight: 600; font-size: 1.05rem; }
.warning { border-left: 4px solid #c0504d; background: #fbeeee; padding: .4rem .7rem; }
.note { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #e0e4ea; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f2f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-before: page; page-break-before: always; }
  header + section { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, svg, .totals div { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

class Formats {
  private readonly whole: Intl.NumberFormat;
  private readonly cents: Intl.NumberFormat;
  private readonly figure: Intl.NumberFormat;
  private readonly date: Intl.DateTimeFormat;
  private readonly dateTime: Intl.DateTimeFormat;

  constructor(
    locale: string,
    private readonly currency: string,
  ) {
    const money = (digits: number): Intl.NumberFormat => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
      } catch {
        // A currency code Intl does not know still prints, as the code after the figure.
        return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      }
    };
    this.whole = money(0);
    this.cents = money(2);
    this.figure = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  }

  money(value: number): string {
    const text = (Number.isInteger(value) ? this.whole : this.cents).format(value);
    return this.whole.resolvedOptions().style === 'currency' ? text : `${text} ${this.currency}`;
  }

  number(value: number): string {
    return this.figure.format(value);
  }

  /** A YYYY-MM-DD date. */
  day(isoDate: string): string {
    const time = Date.parse(`${isoDate}T00:00:00Z`);
    return Number.isNaN(time) ? isoDate : this.date.format(time);
  }

  /** An ISO date-time, in UTC (the report does not know the reader's zone). */
  instant(iso: string): string {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : `${this.dateTime.format(time)} UTC`;
  }
}

const e = escapeHtml;
const label = (labels: Record<string, string>, slug: string): string => labels[slug] ?? slug;

function periodName(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const dates = `${f.day(report.period.start)} – ${f.day(report.period.end)}`;
  if (report.wholeYear) return `${t.wholeYear} ${report.year} (${dates})`;
  const match = /^\d{4}-([QMH])(\d+)$/.exec(report.period.key);
  if (!match) return `${report.period.key} (${dates})`;
  const name = match[1] === 'Q' ? t.periodNames.quarter : match[1] === 'M' ? t.periodNames.month : t.periodNames.half;
  return `${name} ${Number(match[2])}, ${t.planYear} ${report.year} (${dates})`;
}

interface Column<T> {
  head: string;
  cell: (row: T) => string;
  numeric?: boolean;
}

/** A table whose cells are already escaped HTML. */
function table<T>(caption: string, columns: ReadonlyArray<Column<T>>, rows: readonly T[], foot?: readonly string[]): string {
  const cls = (column: Column<T>): string => (column.numeric ? ' class="num"' : '');
  const head = columns.map((column) => `<th scope="col"${cls(column)}>${e(column.head)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => `<td${cls(column)}>${column.cell(row)}</td>`).join('')}</tr>`).join('\n');
  const footer = foot ? `<tfoot><tr>${foot.map((cell, i) => `<th${columns[i] ? cls(columns[i]) : ''}>${cell}</th>`).join('')}</tr></tfoot>` : '';
  return `<table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${footer}</table>`;
}

function totalsBlock(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const approved = report.approvedAt ? `${e(f.instant(report.approvedAt))}${report.approvedBy ? `, ${e(report.approvedBy)}` : ''}` : e(t.notApproved);
  const items: Array<[string, string]> = [
    [t.planYear, `${report.year} (${e(f.day(report.planStart))} – ${e(f.day(report.planEnd))})`],
    [t.version, e(String(report.version))],
    [t.status, e(label(t.planStatuses, report.status))],
    [t.approved, approved],
    [`${t.budget} (${t.available})`, e(f.money(report.totals.budgetAvailable))],
    [t.planned, e(f.money(report.totals.plannedCost))],
    [t.spent, e(f.money(report.totals.actualCost))],
    [`${t.staffDays}: ${t.available} / ${t.planned} / ${t.actual}`, e(`${f.number(report.totals.staffDaysAvailable)} / ${f.number(report.totals.plannedStaffDays)} / ${f.number(report.totals.actualStaffDays)}`)],
  ];
  if (!report.wholeYear) {
    items.push([t.plannedToDate, e(f.money(report.totals.plannedCostToDate))], [t.actualToDate, e(f.money(report.totals.actualCostToDate))]);
  }
  const warnings: string[] = [];
  // Only a whole year compares like with like against the (unphased) budget.
  if (report.wholeYear && report.totals.plannedCost > report.totals.budgetAvailable) {
    warnings.push(`${t.overBudget} ${f.money(report.totals.plannedCost - report.totals.budgetAvailable)}.`);
  }
  if (report.wholeYear && report.totals.plannedStaffDays > report.totals.staffDaysAvailable) {
    warnings.push(`${t.overStaffDays} ${f.number(report.totals.plannedStaffDays - report.totals.staffDaysAvailable)}.`);
  }
  return (
    `<h2 id="totals">${e(t.totals)}</h2><dl class="totals">${items.map(([term, value]) => `<div><dt>${e(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>` +
    warnings.map((warning) => `<p class="warning">${e(warning)}</p>`).join('') +
    `<p class="note">${e(t.yearFigureNote)}</p>`
  );
}

function budgetSection(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const series: ChartSeries[] = [
    { label: t.available, color: AVAILABLE_COLOR },
    { label: t.planned, color: PLANNED_COLOR },
    { label: t.actual, color: ACTUAL_COLOR },
  ];
  const chart = groupedBarChart({
    id: 'chart-budget',
    title: t.budgetChart,
    series,
    rows: report.budget.map((row) => ({ label: label(t.sources, row.source), values: [row.available, row.planned, row.actual] })),
    format: (value) => f.money(value),
  });
  const money = (value: number): string => e(f.money(value));
  const sum = (pick: (row: ProgressReport['budget'][number]) => number): number => report.budget.reduce((total, row) => total + pick(row), 0);
  const bySource = table(
    t.budgetChart,
    [
      { head: t.source, cell: (row) => e(label(t.sources, row.source)) },
      { head: t.available, cell: (row) => money(row.available), numeric: true },
      { head: t.planned, cell: (row) => money(row.planned), numeric: true },
      { head: t.actual, cell: (row) => money(row.actual), numeric: true },
      ...(report.wholeYear
        ? []
        : [
            { head: t.plannedToDate, cell: (row: ProgressReport['budget'][number]) => money(row.plannedToDate), numeric: true },
            { head: t.actualToDate, cell: (row: ProgressReport['budget'][number]) => money(row.actualToDate), numeric: true },
          ]),
    ],
    report.budget,
    [
      e(t.total),
      money(sum((row) => row.available)),
      money(sum((row) => row.planned)),
      money(sum((row) => row.actual)),
      ...(report.wholeYear ? [] : [money(sum((row) => row.plannedToDate)), money(sum((row) => row.actualToDate))]),
    ],
  );
  const lines = table(
    t.budgetLines,
    [
      { head: t.line, cell: (line) => e(line.label) },
      { head: t.source, cell: (line) => e(label(t.sources, line.source)) },
      { head: t.amount, cell: (line) => money(line.amount), numeric: true },
    ],
    report.budgetLines,
  );
  return `<section id="budget"><h2>${e(t.budgetSection)}</h2>${chart}${bySource}${lines}</section>`;
}

function staffDaysSection(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const s = report.staffDays;
  const chart = groupedBarChart({
    id: 'chart-staff-days',
    title: t.staffDaysChart,
    series: [
      { label: t.available, color: AVAILABLE_COLOR },
      { label: t.planned, color: PLANNED_COLOR },
      { label: t.actual, color: ACTUAL_COLOR },
    ],
    rows: [{ label: t.staffDays, values: [s.available, s.planned, s.actual] }],
    format: (value) => f.number(value),
  });
  const rows: Array<[string, number]> = [
    [t.available, s.available],
    [t.planned, s.planned],
    [t.actual, s.actual],
    ...(report.wholeYear
      ? []
      : ([
          [t.plannedToDate, s.plannedToDate],
          [t.actualToDate, s.actualToDate],
        ] as Array<[string, number]>)),
  ];
  const figures = table(
    t.staffDaysChart,
    [
      { head: '', cell: (row: [string, number]) => e(row[0]) },
      { head: t.staffDays, cell: (row: [string, number]) => e(f.number(row[1])), numeric: true },
    ],
    rows,
  );
  return `<section id="staff-days"><h2>${e(t.staffDaysSection)}</h2>${chart}${figures}</section>`;
}

function activitiesSection(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const counts = table(
    t.byStatus,
    [
      { head: t.status, cell: (row: StatusCount) => e(label(t.statuses, row.status)) },
      { head: t.count, cell: (row: StatusCount) => e(String(row.count)), numeric: true },
    ],
    report.activitiesByStatus,
    [e(t.total), e(String(report.totals.activities))],
  );
  const list = table(
    t.activitiesSection,
    [
      { head: t.activity, cell: (a) => e(a.title) },
      { head: t.type, cell: (a) => `${e(label(t.types, a.type))}<br>${e(`${label(t.frequencies, a.frequency)}, ${label(t.modes, a.mode)}`)}` },
      { head: t.status, cell: (a) => e(label(t.statuses, a.status)) },
      { head: t.priorities, cell: (a) => (a.priorityTitles.length > 0 ? a.priorityTitles.map(e).join('<br>') : e(t.opportunistic)) },
      { head: t.where, cell: (a) => e([a.city, a.country].filter((part) => part !== null && part !== '').join(', ') || t.none) },
      { head: t.window, cell: (a) => e(a.windowStart ? `${f.day(a.windowStart)}${a.windowEnd && a.windowEnd !== a.windowStart ? ` – ${f.day(a.windowEnd)}` : ''}` : t.none) },
      { head: t.occurrences, cell: (a) => e(String(a.occurrences)), numeric: true },
      { head: t.plannedCost, cell: (a) => e(f.money(a.plannedCost)), numeric: true },
      { head: t.actualCost, cell: (a) => e(a.actualCost === null ? t.none : f.money(a.actualCost)), numeric: true },
      { head: `${t.staffDays} (${t.planned} / ${t.actual})`, cell: (a) => e(`${f.number(a.plannedStaffDays)} / ${a.actualStaffDays === null ? t.none : f.number(a.actualStaffDays)}`), numeric: true },
    ],
    report.activities,
  );
  return `<section id="activities"><h2>${e(t.activitiesSection)}</h2>${counts}${list}</section>`;
}

function prioritiesSection(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const statuses = report.activitiesByStatus.map((row) => row.status);
  const rows = [
    ...report.priorities.map((p) => ({ label: p.title, byStatus: p.byStatus, total: p.activities })),
    { label: t.opportunistic, byStatus: report.opportunistic.byStatus, total: report.opportunistic.activities },
  ];
  const chart = stackedBarChart({
    id: 'chart-priorities',
    title: t.activitiesPerPriorityChart,
    series: statuses.map((status) => ({ label: label(t.statuses, status), color: STATUS_COLORS[status] ?? '#888' })),
    rows: rows.map((row) => ({ label: row.label, values: row.byStatus.map((count) => count.count) })),
    format: (value) => f.number(value),
  });
  const perPriority = table(
    t.activitiesPerPriorityChart,
    [
      { head: t.priorities, cell: (row: (typeof rows)[number]) => e(row.label) },
      ...statuses.map((status, i) => ({ head: label(t.statuses, status), cell: (row: (typeof rows)[number]) => e(String(row.byStatus[i]?.count ?? 0)), numeric: true })),
      { head: t.total, cell: (row: (typeof rows)[number]) => e(String(row.total)), numeric: true },
    ],
    rows,
  );
  const allowance = `<p class="note">${e(`${t.opportunisticAllowance}: ${report.opportunistic.planActivities} / ${report.opportunistic.allowance}`)}</p>`;
  const details = report.priorities
    .map((p) => {
      const kpis =
        p.kpis.length === 0
          ? `<p class="note">${e(t.noKpis)}</p>`
          : table(
              `${t.kpis}: ${p.title}`,
              [
                { head: t.kpi, cell: (k: (typeof p.kpis)[number]) => e(k.unit ? `${k.name} (${k.unit})` : k.name) },
                { head: t.baseline, cell: (k) => e(f.number(k.baseline)), numeric: true },
                { head: t.current, cell: (k) => e(k.current === null ? t.none : f.number(k.current)), numeric: true },
                { head: t.target, cell: (k) => e(f.number(k.target)), numeric: true },
                { head: t.progress, cell: (k) => e(k.progressPercent === null ? t.none : `${f.number(k.progressPercent)} %`), numeric: true },
              ],
              p.kpis,
            );
      const outcomes =
        p.outcomes.length === 0
          ? `<p class="note">${e(t.noOutcomes)}</p>`
          : `<ul>${p.outcomes.map((o) => `<li><strong>${e(o.title)}</strong> (${e(label(t.statuses, o.status))}): ${e(o.outcomes)}</li>`).join('')}</ul>`;
      return `<h3>${e(p.title)} <span class="note">(${e(p.status)})</span></h3>${kpis}<p><strong>${e(t.outcomes)}</strong></p>${outcomes}`;
    })
    .join('\n');
  return `<section id="priorities"><h2>${e(t.prioritiesSection)}</h2>${chart}${perPriority}${allowance}${details}</section>`;
}

function decisionsSection(report: ProgressReport, t: ReportLabels, f: Formats): string {
  const body =
    report.decisions.length === 0
      ? `<p class="note">${e(t.noDecisions)}</p>`
      : table(
          t.decisionsSection,
          [
            { head: t.takenAt, cell: (d: ProgressReport['decisions'][number]) => e(f.instant(d.takenAt)) },
            { head: t.kind, cell: (d) => `${e(label(t.decisionKinds, d.kind))}${d.activityTitle ? `<br>${e(d.activityTitle)}` : ''}` },
            { head: t.summary, cell: (d) => e(d.summary) },
            { head: t.rationale, cell: (d) => e(d.rationale) },
            { head: t.takenBy, cell: (d) => e(d.takenBy) },
            { head: t.costChange, cell: (d) => e(f.money(d.costDeltaTotal)), numeric: true },
            { head: t.staffDaysChange, cell: (d) => e(f.number(d.staffDaysDelta)), numeric: true },
          ],
          report.decisions,
        );
  return `<section id="decisions"><h2>${e(t.decisionsSection)}</h2>${body}</section>`;
}

export function progressReportHtml(report: ProgressReport, options: ReportHtmlOptions = {}): string {
  const lang = options.lang ?? 'en';
  const t = REPORT_LABELS[lang];
  const f = new Formats(t.locale, report.currency);
  const period = periodName(report, t, f);
  const title = `${t.title}: ${report.jurisdictionName}, ${period}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(t.title)}: ${e(report.jurisdictionName)}</h1>
<p class="meta">${e(period)} · ${e(t.generated)} ${e(f.instant(report.generatedAt))}</p>
${totalsBlock(report, t, f)}
</header>
${budgetSection(report, t, f)}
${staffDaysSection(report, t, f)}
${activitiesSection(report, t, f)}
${prioritiesSection(report, t, f)}
${decisionsSection(report, t, f)}
</body>
</html>
`;
}
