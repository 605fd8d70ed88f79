/**
 * Planning's public module, for tooling that runs its pure code in process
 * (the benchmarks in tools/bench): the capacity check, the progress report
 * and the sample plans they are measured on. Nothing else of planning is
 * reachable from outside it (Nx module boundaries).
 */
export { type CapacityCheck, checkCapacity } from './plans/capacity/capacity-check';
export { samplePlan } from './plans/capacity/sample-plan';
export type { PlanContent } from './plans/plan-content';
export { buildProgressReport, type ProgressReport, type ReportInput } from './reports/progress-report';
export { progressReportCsv } from './reports/report-csv';
export { progressReportHtml } from './reports/report-html';
export { sampleReportInput } from './reports/sample-report-input';
