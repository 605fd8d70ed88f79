import type { ScoutingRunRecord } from './scouting-run.schema';
import type { FundingSource, ScoutingRun } from './scouting.model';
import type { SourceRecord } from '../sources/source.schema';

export function toScoutingRun(run: ScoutingRunRecord): ScoutingRun {
  return {
    id: run.runId,
    sourceId: run.sourceId,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    status: run.status,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    counts: { ...run.counts },
    problems: run.problems.map((problem) => ({ record: problem.record, reason: problem.reason })),
    closed: run.closed,
    closingSoon: run.closingSoon,
    failure: run.failure,
    attempts: run.attempts,
  };
}

export function toFundingSource(source: SourceRecord, lastRun: ScoutingRunRecord | null): FundingSource {
  return {
    id: source.sourceId,
    name: source.name,
    kind: source.kind,
    url: source.url,
    scheduleMinutes: source.scheduleMinutes,
    apiKeyRef: source.apiKeyRef,
    funder: source.funder,
    funderType: source.funderType,
    currency: source.currency,
    timeZone: source.timeZone,
    countries: source.countries,
    query: source.query,
    enabled: source.enabled,
    nextRunAt: source.nextRunAt,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
    createdBy: source.createdBy,
    lastRun: lastRun ? toScoutingRun(lastRun) : null,
  };
}
