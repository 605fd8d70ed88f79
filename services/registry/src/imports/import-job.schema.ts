import { Schema } from 'mongoose';
import type { RowProblem } from './csv-import';
import type { ImportStep } from './import-step';
import { IMPORT_JOB_KINDS, IMPORT_JOB_STATUSES, ImportJobKind, ImportJobStatus } from './import-job.rules';

/**
 * One import as stored. The job keeps what it needs to run again after a
 * restart: its input until it has been validated, then the validated steps
 * (each with the deterministic id of the record it creates) until it has been
 * applied. Either is dropped once the job no longer needs it.
 */
export interface ImportJobRecord {
  jurisdictionId: string;
  jobId: string;
  kind: ImportJobKind;
  status: ImportJobStatus;
  /** Kind-specific input: file texts, a Wikidata id. Null once validated. */
  input: Record<string, string> | null;
  /** Human summary of what was asked (file sizes, the Wikidata id), kept after the input is dropped. */
  summary: string;
  steps: ImportStep[] | null;
  progress: { done: number; total: number };
  report: RowProblem[];
  counts: { created: number; skipped: number };
  /** Why a job failed as a whole (its report names the rows). */
  failure: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /** A runner holds the job until this time and renews it while working; an expired lease is taken over. */
  leaseUntil: Date | null;
  leaseOwner: string | null;
}

export const IMPORT_JOB_MODEL = 'ImportJob';

const RowProblemSchema = new Schema<RowProblem>(
  { row: { type: Number, required: true }, field: { type: String, required: true }, reason: { type: String, required: true } },
  { _id: false },
);

export const ImportJobSchema = new Schema<ImportJobRecord>(
  {
    jurisdictionId: { type: String, required: true },
    jobId: { type: String, required: true },
    kind: { type: String, required: true, enum: IMPORT_JOB_KINDS },
    status: { type: String, required: true, enum: IMPORT_JOB_STATUSES },
    input: { type: Schema.Types.Mixed, default: null },
    summary: { type: String, required: true },
    steps: { type: [Schema.Types.Mixed], default: null },
    progress: { done: { type: Number, required: true }, total: { type: Number, required: true } },
    report: { type: [RowProblemSchema], default: [] },
    counts: { created: { type: Number, required: true }, skipped: { type: Number, required: true } },
    failure: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdByName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    leaseUntil: { type: Date, default: null },
    leaseOwner: { type: String, default: null },
  },
  { collection: 'import_jobs', versionKey: false, minimize: false },
);
ImportJobSchema.index({ jurisdictionId: 1, jobId: 1 }, { unique: true });
ImportJobSchema.index({ status: 1, leaseUntil: 1 });
