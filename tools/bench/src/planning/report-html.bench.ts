import { buildProgressReport, progressReportCsv, progressReportHtml, samplePlan, sampleReportInput } from '@entente/planning';
import { progress, runBenchProcess } from '../registry/bench-process';
import { TIMED_RUNS, timedRounds, WARM_UP_RUNS } from './timing';

/** What this process sends back (checked against measurements.ts's reportHtmlMeasurement). */
export interface ReportHtmlMeasurement {
  benchmark: 'report-html';
  activities: number;
  doneActivities: number;
  priorities: number;
  decisions: number;
  htmlBytes: number;
  csvBytes: number;
  warmUpRuns: number;
  /** buildProgressReport then progressReportHtml: what the API does for one HTML request. */
  totalMs: number[];
  buildMs: number[];
  htmlMs: number[];
  csvMs: number[];
}

const ACTIVITIES = 200;

runBenchProcess(async (): Promise<ReportHtmlMeasurement> => {
  const input = sampleReportInput(samplePlan(ACTIVITIES));
  const activities = input.plan.content.activities;
  const doneActivities = activities.filter((activity) => activity.status === 'done' && activity.actualCost !== null).length;
  if (doneActivities === 0) throw new Error('the sample year has no done activities with actuals: the report would not show spend');
  progress(`rendering the HTML report of ${activities.length} activities (${doneActivities} done) ${TIMED_RUNS} times (after ${WARM_UP_RUNS} warm-up calls)`);
  const report = buildProgressReport(input);
  const html = progressReportHtml(report);
  const csv = progressReportCsv(report);
  const charts = html.match(/<svg\b/g)?.length ?? 0;
  if (charts !== 3) throw new Error(`the report holds ${charts} charts, not 3`);
  const sameLength = (expected: number) => (text: unknown) => {
    if ((text as string).length !== expected) throw new Error(`the output changed between calls (${expected} then ${(text as string).length} characters)`);
  };
  const { totalMs, buildMs, htmlMs, csvMs } = timedRounds(TIMED_RUNS, {
    totalMs: { call: () => progressReportHtml(buildProgressReport(input)), check: sameLength(html.length) },
    buildMs: { call: () => buildProgressReport(input) },
    htmlMs: { call: () => progressReportHtml(report), check: sameLength(html.length) },
    csvMs: { call: () => progressReportCsv(report), check: sameLength(csv.length) },
  });
  return {
    benchmark: 'report-html',
    activities: activities.length,
    doneActivities,
    priorities: input.priorities.length,
    decisions: input.plan.decisions.length,
    htmlBytes: Buffer.byteLength(html),
    csvBytes: Buffer.byteLength(csv),
    warmUpRuns: WARM_UP_RUNS,
    totalMs,
    buildMs,
    htmlMs,
    csvMs,
  };
});
