import { ImportJob, ImportJobKindValue, ImportJobStatusValue } from './import-job.model';
import type { ImportJobRecord } from './import-job.schema';

export function toImportJob(record: ImportJobRecord): ImportJob {
  return {
    id: record.jobId,
    kind: record.kind as ImportJobKindValue,
    status: record.status as ImportJobStatusValue,
    summary: record.summary,
    progress: record.progress,
    report: record.report,
    counts: record.counts,
    failure: record.failure,
    createdBy: record.createdByName,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    finishedAt: record.finishedAt,
  };
}
