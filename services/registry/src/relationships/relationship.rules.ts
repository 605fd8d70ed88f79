import { RELATIONSHIP_STATUS_VALUES, RELATIONSHIP_TYPE_VALUES } from '@entente/contracts';
import { ValidationError } from '@entente/errors';
import { Problems, addCalendarMonths, readChoice, readIdList, readIsoDate, readText, toIsoDate } from '@entente/validation';

/** The contract's vocabulary (@entente/contracts): a new type or status is a contract change. */
export const RELATIONSHIP_TYPES = RELATIONSHIP_TYPE_VALUES;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_STATUSES = RELATIONSHIP_STATUS_VALUES;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/**
 * Where a relationship may go from each status. An ended tie stays ended: a
 * renewed one is a new relationship with its own since date and history, so
 * the record of the first one is not rewritten.
 */
export const RELATIONSHIP_TRANSITIONS: Readonly<Record<RelationshipStatus, readonly RelationshipStatus[]>> = {
  prospective: ['active', 'ended'],
  active: ['dormant', 'ended'],
  dormant: ['active', 'ended'],
  ended: [],
};

export const RELATIONSHIP_TEXT_MAX_LENGTH = 200;
export const RELATIONSHIP_MAX_PRIORITIES = 50;
export const PARTNER_ID_MAX_LENGTH = 100;
export const DEFAULT_DORMANCY_MONTHS = 12;

export function canTransition(from: RelationshipStatus, to: RelationshipStatus): boolean {
  return RELATIONSHIP_TRANSITIONS[from].includes(to);
}

/** Refuses a status change the table does not allow, naming the statuses that are allowed. */
export function assertTransition(from: RelationshipStatus, to: RelationshipStatus): void {
  if (canTransition(from, to)) return;
  const allowed = RELATIONSHIP_TRANSITIONS[from];
  throw ValidationError.forField(
    'status',
    allowed.length === 0
      ? `cannot change from ${from} to ${to}: an ended relationship does not change status; record a new relationship instead`
      : `cannot change from ${from} to ${to}; from ${from} a relationship can become ${allowed.join(' or ')}`,
  );
}

export interface EstablishRelationshipCommand {
  partnerId: string;
  type: RelationshipType;
  status: RelationshipStatus;
  /** YYYY-MM-DD. */
  since: string | null;
  /** YYYY-MM-DD, never before `since`. */
  until: string | null;
  formalBasis: string | null;
  /** The political term or administration the tie came from, e.g. "Mayor Schmidt 2019–2024". */
  politicalCycle: string | null;
  politicalChampion: string | null;
  technicalOwner: string | null;
  leadDepartment: string | null;
  /** Ids of planning's priorities; planning owns them, so they are not checked here. */
  priorityIds: string[];
}

export interface EstablishRelationshipInput {
  partnerId?: string | null;
  type?: string | null;
  status?: string | null;
  since?: string | null;
  until?: string | null;
  formalBasis?: string | null;
  politicalCycle?: string | null;
  politicalChampion?: string | null;
  technicalOwner?: string | null;
  leadDepartment?: string | null;
  priorityIds?: ReadonlyArray<string> | null;
}

const OPTIONAL_TEXT_FIELDS = ['formalBasis', 'politicalCycle', 'politicalChampion', 'technicalOwner', 'leadDepartment'] as const;

/**
 * Checks and normalises a new relationship. Any status may be given, so that
 * a tie that is already active (or long ended) can be recorded as it is; the
 * transition table governs only later changes.
 */
export function parseRelationship(input: EstablishRelationshipInput): EstablishRelationshipCommand {
  const problems = new Problems();
  const partnerId = readText(problems, 'partnerId', input.partnerId, { max: PARTNER_ID_MAX_LENGTH, required: true, singleLine: true });
  const type = readChoice(problems, 'type', input.type, RELATIONSHIP_TYPES);
  const status = readChoice(problems, 'status', input.status, RELATIONSHIP_STATUSES, 'prospective');
  const since = readIsoDate(problems, 'since', input.since);
  const until = readIsoDate(problems, 'until', input.until);
  if (since !== null && until !== null && until < since) problems.add('until', `must not be before since (${since})`);
  const texts = Object.fromEntries(
    OPTIONAL_TEXT_FIELDS.map((field) => [
      field,
      readText(problems, field, input[field], { max: RELATIONSHIP_TEXT_MAX_LENGTH, singleLine: true }),
    ]),
  ) as Record<(typeof OPTIONAL_TEXT_FIELDS)[number], string | null>;
  const priorityIds = readIdList(problems, 'priorityIds', input.priorityIds, { max: RELATIONSHIP_MAX_PRIORITIES });
  problems.throwIfAny();
  return {
    partnerId: partnerId as string,
    type: type as RelationshipType,
    status: status as RelationshipStatus,
    since,
    until,
    ...texts,
    priorityIds,
  };
}

/** What dormancy needs to know of a relationship. */
export interface DormancyFacts {
  status: RelationshipStatus;
  /** YYYY-MM-DD of the newest engagement with the partner, if any. */
  lastEngagementAt: string | null;
  since: string | null;
  createdAt: Date;
}

/**
 * The day from which a relationship's quiet period is counted: its last
 * engagement or its since date, whichever is later (a tie formalised last
 * month is not quiet because the previous visit was years ago), or, with
 * neither, the day it was recorded.
 */
export function lastSignOfLife(relationship: Omit<DormancyFacts, 'status'>): string {
  const { lastEngagementAt, since } = relationship;
  if (lastEngagementAt !== null && since !== null) return lastEngagementAt > since ? lastEngagementAt : since;
  return lastEngagementAt ?? since ?? toIsoDate(relationship.createdAt);
}

/**
 * An active relationship is reported dormant once more than `dormancyMonths`
 * calendar months have passed since its last sign of life: exactly N months
 * later it is still active, the day after it is dormant. Days are UTC days.
 * Other statuses are never *reported* dormant: prospective and ended ties are
 * not expected to have engagements, and a dormant one already says so.
 */
export function isDormant(relationship: DormancyFacts, now: Date, dormancyMonths: number = DEFAULT_DORMANCY_MONTHS): boolean {
  if (!Number.isInteger(dormancyMonths) || dormancyMonths < 1) {
    throw ValidationError.forField('dormancyMonths', `must be a whole number of months, at least 1 (got ${dormancyMonths})`);
  }
  if (relationship.status !== 'active') return false;
  return toIsoDate(now) > addCalendarMonths(lastSignOfLife(relationship), dormancyMonths);
}
