import { Problems, readChoice, readCurrency, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';
import { APPLICATION_STAGES, type ApplicationStage, NOT_PURSUED_REASONS, type NotPursuedReason } from './application-stages';

export const APPLICATION_TITLE_MAX = 200;
export const APPLICATION_NOTES_MAX = 4000;
export const REASON_NOTE_MAX = 2000;
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2200;

/** An amount as a funder states it: in its own currency. */
export interface FundingAmount {
  amount: number;
  currency: string;
}

/** The fields a person keeps on an application (the stage moves separately). */
export interface ApplicationFields {
  title: string;
  opportunityId: string | null;
  funder: string | null;
  /** `YYYY-MM-DD` (a day, no time) or an instant as ISO 8601 in UTC. */
  deadline: string | null;
  amountRequested: FundingAmount | null;
  owner: string | null;
  notes: string | null;
}

export interface ApplicationInput {
  title?: unknown;
  opportunityId?: unknown;
  funder?: unknown;
  deadline?: unknown;
  amountRequested?: { amount?: unknown; currency?: unknown } | null;
  owner?: unknown;
  notes?: unknown;
}

export interface StageMoveInput {
  stage?: unknown;
  reason?: unknown;
  reasonNote?: unknown;
  amountAwarded?: { amount?: unknown; currency?: unknown } | null;
  amountAwardedLocal?: unknown;
  awardedOn?: unknown;
  planYear?: unknown;
}

/** What a move sets besides the stage. */
export interface StageMove {
  stage: ApplicationStage;
  reason: NotPursuedReason | null;
  reasonNote: string | null;
  amountAwarded: FundingAmount | null;
  amountAwardedLocal: number | null;
  awardedOn: string | null;
  planYear: number | null;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A deadline as a call states it: a day (`2027-03-31`), or a moment with its
 * offset (`2027-03-31T17:00:00-04:00`, kept as UTC). A time without an offset
 * is refused: it would mean a different moment in every time zone.
 */
export function readDeadline(problems: Problems, field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const at = new Date(text);
    const checked = new Problems();
    if (!Number.isNaN(at.getTime()) && readIsoDate(checked, field, dateTime[1]) !== null) return inYears(problems, field, at.toISOString());
  } else {
    const checked = new Problems();
    const day = readIsoDate(checked, field, text);
    if (day !== null) return inYears(problems, field, day);
  }
  problems.add(field, 'must be a day written YYYY-MM-DD or a moment with its offset, such as 2027-03-31T17:00:00-04:00');
  return null;
}

function inYears(problems: Problems, field: string, deadline: string): string | null {
  const year = Number(deadline.slice(0, 4));
  if (year >= PLAN_YEAR_MIN && year <= PLAN_YEAR_MAX) return deadline;
  problems.add(field, `must fall in the years ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}`);
  return null;
}

export function readAmount(problems: Problems, field: string, value: { amount?: unknown; currency?: unknown } | null | undefined, required = false): FundingAmount | null {
  if (value === undefined || value === null) {
    if (required) problems.add(field, 'is required');
    return null;
  }
  const amount = readNonNegativeNumber(problems, `${field}.amount`, value.amount);
  const currency = readCurrency(problems, `${field}.currency`, value.currency);
  return amount === null || currency === null ? null : { amount, currency };
}

/** A new application's fields; every bad one is reported at once. */
export function parseApplication(input: ApplicationInput): ApplicationFields {
  const problems = new Problems();
  const fields: ApplicationFields = {
    title: readText(problems, 'title', input.title, { max: APPLICATION_TITLE_MAX, required: true, singleLine: true }) ?? '',
    opportunityId: readText(problems, 'opportunityId', input.opportunityId, { max: 200, singleLine: true }),
    funder: readText(problems, 'funder', input.funder, { max: 200, singleLine: true }),
    deadline: readDeadline(problems, 'deadline', input.deadline),
    amountRequested: readAmount(problems, 'amountRequested', input.amountRequested),
    owner: readText(problems, 'owner', input.owner, { max: 200, singleLine: true }),
    notes: readText(problems, 'notes', input.notes, { max: APPLICATION_NOTES_MAX }),
  };
  problems.throwIfAny();
  return fields;
}

/** An edit: only the fields given change (null clears one; the title cannot be cleared). */
export function parseApplicationChanges(input: ApplicationInput): Partial<ApplicationFields> {
  const problems = new Problems();
  const changes: Partial<ApplicationFields> = {};
  if (input.title !== undefined) changes.title = readText(problems, 'title', input.title, { max: APPLICATION_TITLE_MAX, required: true, singleLine: true }) ?? '';
  if (input.opportunityId !== undefined) changes.opportunityId = readText(problems, 'opportunityId', input.opportunityId, { max: 200, singleLine: true });
  if (input.funder !== undefined) changes.funder = readText(problems, 'funder', input.funder, { max: 200, singleLine: true });
  if (input.deadline !== undefined) changes.deadline = readDeadline(problems, 'deadline', input.deadline);
  if (input.amountRequested !== undefined) changes.amountRequested = readAmount(problems, 'amountRequested', input.amountRequested);
  if (input.owner !== undefined) changes.owner = readText(problems, 'owner', input.owner, { max: 200, singleLine: true });
  if (input.notes !== undefined) changes.notes = readText(problems, 'notes', input.notes, { max: APPLICATION_NOTES_MAX });
  problems.throwIfAny();
  return changes;
}

/**
 * A move's details, checked against the stage it goes to: an award needs the
 * amount (and, in a foreign currency, its value in the jurisdiction's
 * currency, which the plan budgets in); not pursued needs a reason, and
 * "other" a note saying what it was. `today` is the jurisdiction's date.
 */
export function parseStageMove(input: StageMoveInput, context: { localCurrency: string; today: string }): StageMove {
  const problems = new Problems();
  const stage = readChoice(problems, 'stage', input.stage, APPLICATION_STAGES);
  const move: StageMove = { stage: stage ?? 'interested', reason: null, reasonNote: null, amountAwarded: null, amountAwardedLocal: null, awardedOn: null, planYear: null };
  move.reasonNote = readText(problems, 'reasonNote', input.reasonNote, { max: REASON_NOTE_MAX });
  if (stage === 'not-pursued') {
    move.reason = readChoice(problems, 'reason', input.reason, NOT_PURSUED_REASONS);
    if (move.reason === 'other' && move.reasonNote === null) problems.add('reasonNote', 'is required when the reason is other: say why the call was not pursued');
  } else if (input.reason !== undefined && input.reason !== null) {
    problems.add('reason', 'applies only when the stage is not pursued');
  }
  if (stage === 'awarded') {
    move.amountAwarded = readAmount(problems, 'amountAwarded', input.amountAwarded, true);
    move.awardedOn = readIsoDate(problems, 'awardedOn', input.awardedOn) ?? context.today;
    if (input.planYear !== undefined && input.planYear !== null) {
      if (typeof input.planYear !== 'number' || !Number.isInteger(input.planYear) || input.planYear < PLAN_YEAR_MIN || input.planYear > PLAN_YEAR_MAX) {
        problems.add('planYear', `must be a year from ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}`);
      } else move.planYear = input.planYear;
    }
    const local = input.amountAwardedLocal;
    if (move.amountAwarded && move.amountAwarded.currency === context.localCurrency) {
      if (local !== undefined && local !== null && local !== move.amountAwarded.amount) problems.add('amountAwardedLocal', `must be left out (or equal amountAwarded.amount) when the award is in ${context.localCurrency}, your own currency`);
      move.amountAwardedLocal = move.amountAwarded.amount;
    } else if (move.amountAwarded) {
      if (local === undefined || local === null) problems.add('amountAwardedLocal', `is required: the award is in ${move.amountAwarded.currency}; give its value in ${context.localCurrency}, the currency your plan budgets in`);
      else move.amountAwardedLocal = readNonNegativeNumber(problems, 'amountAwardedLocal', local);
    }
  } else {
    for (const field of ['amountAwarded', 'amountAwardedLocal', 'awardedOn', 'planYear'] as const) {
      if (input[field] !== undefined && input[field] !== null) problems.add(field, 'applies only when the stage is awarded');
    }
  }
  problems.throwIfAny();
  return move;
}
