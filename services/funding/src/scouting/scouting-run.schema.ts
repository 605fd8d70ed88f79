import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import type { RecordProblem } from '../connectors/connector';
import type { RunCounts } from './scouting-ingest';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'not-modified', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const UNFINISHED_RUN_STATUSES: readonly RunStatus[] = ['queued', 'running'];

export const RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** One scouting run of one source: queued by the schedule or a platform admin, run by whichever replica holds its lease. */
export interface ScoutingRunRecord {
  runId: string;
  sourceId: string;
  trigger: RunTrigger;
  requestedBy: string | null;
  status: RunStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  counts: RunCounts;
  /** Records left out and why (at most REPORT_LIMIT; the counts go on). */
  problems: RecordProblem[];
  /** Transitions the deadline sweep made after the ingest. */
  closed: number;
  closingSoon: number;
  /** Why the run failed as a whole: the source timed out, answered HTML, broke off. */
  failure: string | null;
  attempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

export const SCOUTING_RUN_MODEL = 'ScoutingRun';

const ProblemSchema = new Schema<RecordProblem>({ record: { type: String, required: true }, reason: { type: String, required: true } }, { _id: false });

const count = { type: Number, required: true, default: 0 };

export const ScoutingRunSchema = new Schema<ScoutingRunRecord>(
  {
    runId: { type: String, required: true },
    sourceId: { type: String, required: true },
    trigger: { type: String, required: true, enum: RUN_TRIGGERS },
    requestedBy: { type: String, default: null },
    status: { type: String, required: true, enum: RUN_STATUSES },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    durationMs: { type: Number, default: null },
    counts: { read: count, new: count, changed: count, unchanged: count, skipped: count, superseded: count, errors: count },
    problems: { type: [ProblemSchema], default: [] },
    closed: count,
    closingSoon: count,
    failure: { type: String, default: null },
    attempts: count,
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { collection: 'scouting_runs', versionKey: false, minimize: false },
);
ScoutingRunSchema.plugin(outboxPlugin);
ScoutingRunSchema.index({ runId: 1 }, { unique: true });
ScoutingRunSchema.index({ sourceId: 1, createdAt: -1 });
ScoutingRunSchema.index({ status: 1 });
