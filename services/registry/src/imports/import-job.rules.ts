import { createHash } from 'node:crypto';
import { ValidationError } from '@entente/errors';
import { unpairedSurrogateIndex } from '@entente/validation';
import type { RowProblem } from './csv-import';

/**
 * The life of an import job, as pure rules: which kinds there are, which
 * status may follow which, how progress and the report are bounded, and the
 * deterministic ids that make applying a job idempotent (a job that is run
 * again after a crash finds the records it already made instead of making
 * them twice).
 */

export const IMPORT_JOB_KINDS = [
  'partners-csv',
  'assets-csv',
  'relationships-csv',
  'twinning-ties',
  'wikidata-entity',
  'twinning-catalogue',
] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'validating', 'applying', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * queued → validating → applying → succeeded; validating or applying → failed.
 * A job that finds a bad row fails while validating, before anything is
 * applied. Re-entering the same status is allowed: that is how a job resumes
 * after a restart (it runs its current phase again).
 */
export const IMPORT_JOB_TRANSITIONS: Readonly<Record<ImportJobStatus, readonly ImportJobStatus[]>> = {
  queued: ['validating', 'failed'],
  validating: ['validating', 'applying', 'failed'],
  applying: ['applying', 'succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export const UNFINISHED_STATUSES: readonly ImportJobStatus[] = ['queued', 'validating', 'applying'];

export function isFinished(status: ImportJobStatus): boolean {
  return !UNFINISHED_STATUSES.includes(status);
}

export function canMove(from: ImportJobStatus, to: ImportJobStatus): boolean {
  return IMPORT_JOB_TRANSITIONS[from].includes(to);
}

/** A bug in the runner, never a person's mistake: it is not a ValidationError. */
export function assertJobTransition(from: ImportJobStatus, to: ImportJobStatus): void {
  if (!canMove(from, to)) throw new Error(`an import job cannot move from ${from} to ${to}`);
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

/** Progress never runs backwards past its total or below zero, whatever a caller passes. */
export function progressOf(done: number, total: number): ImportProgress {
  const safeTotal = Math.max(0, Math.floor(total));
  return { done: Math.min(safeTotal, Math.max(0, Math.floor(done))), total: safeTotal };
}

/**
 * A file with thousands of bad rows would otherwise make a report larger than
 * a document may be; the first ones are what a person fixes first, and the
 * last entry says how many more there were.
 */
export const MAX_REPORT_ROWS = 1000;
export const TRUNCATED_FIELD = '(report)';

export function boundedReport(problems: readonly RowProblem[], max: number = MAX_REPORT_ROWS): RowProblem[] {
  if (problems.length <= max) return [...problems];
  const kept = problems.slice(0, max - 1);
  const last = kept[kept.length - 1];
  return [...kept, { row: last?.row ?? 0, field: TRUNCATED_FIELD, reason: `${problems.length - kept.length} more problem(s) not listed; fix these and import again` }];
}

/**
 * The id of the record that one step of one job creates: the same job and
 * step always give the same id, so a job applied twice (after a crash) hits
 * the unique index on its second attempt instead of creating a duplicate.
 * Formatted as a UUID (version 8, "custom") like the ids made by hand.
 */
export function deterministicId(jobId: string, step: string): string {
  const hex = createHash('sha256').update(`${jobId}\u0000${step}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function megabytes(characters: number): string {
  return `${(characters / 1_000_000).toFixed(0)} MB`;
}

/**
 * A file sent to an import (CSV, entity JSON, catalogue TSV): not empty, not
 * larger than `max` characters, and whole Unicode, since the job keeps it as
 * sent and half a character would be kept as U+FFFD.
 */
export function checkImportDocument(field: string, value: string, max: number): void {
  if (value.trim().length === 0) throw ValidationError.forField(field, 'is empty: give the file’s contents');
  if (value.length > max) throw ValidationError.forField(field, `is ${megabytes(value.length)}; an import takes at most ${megabytes(max)}: split the file`);
  const broken = unpairedSurrogateIndex(value);
  if (broken >= 0) {
    const line = value.slice(0, broken).split(/\r\n|\n|\r/).length;
    throw ValidationError.forField(field, `has a broken character on line ${line} (half of a character such as an emoji); save the file as UTF-8 and send it again`);
  }
}
