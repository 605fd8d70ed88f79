import { randomUUID } from 'node:crypto';
import { LOCAL_GOAL_KINDS } from '@entente/contracts';
import { Problems, readChoice, readIsoDate, readText } from '@entente/validation';

/** The five kinds of the brief, and a jurisdiction's own. */
export const GOAL_KINDS = [...LOCAL_GOAL_KINDS, 'custom'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Who runs the strategy: a central international office, a working group across departments, or a committee outside the administration. */
export const GOVERNANCE_MODELS = ['central-office', 'interdepartmental-working-group', 'external-committee'] as const;
export type GovernanceModel = (typeof GOVERNANCE_MODELS)[number];

/** Staff FTE assumed while a strategy does not say: the two-person office (Auckland) the brief starts from. */
export const DEFAULT_STAFF_FTE = 2;

export const STRATEGY_LIMITS = {
  goals: 30,
  indicators: 20,
  advisoryGroups: 20,
  members: 100,
  meetings: 500,
  title: 200,
  name: 200,
  shortText: 100,
  indicator: 300,
  statement: 2000,
  notes: 5000,
  id: 100,
  staffFte: 1000,
  cap: 100,
} as const;

export interface LocalGoal {
  goalId: string;
  kind: GoalKind;
  title: string;
  statement: string;
  indicators: string[];
}

export interface ExecutiveSponsor {
  name: string;
  role: string;
}

export interface AdvisoryMember {
  name: string;
  sector: string;
  organisation: string | null;
}

export interface AdvisoryMeeting {
  meetingId: string;
  /** YYYY-MM-DD. */
  date: string;
  notes: string;
}

/** Calgary's tariff advisory group: the businesses whose advice shapes trade priorities, and what they said when. */
export interface AdvisoryGroup {
  groupId: string;
  name: string;
  purpose: string | null;
  members: AdvisoryMember[];
  meetings: AdvisoryMeeting[];
}

/** Replaces the default cap on active priorities (see priorities/README.md). */
export interface PriorityCapOverride {
  soft: number;
  hard: number;
}

/** What a strategy says; saved whole. */
export interface StrategyContent {
  goals: LocalGoal[];
  governanceModel: GovernanceModel | null;
  executiveSponsor: ExecutiveSponsor | null;
  advisoryGroups: AdvisoryGroup[];
  /** How the strategy lines up with national policy (Palmerston North). */
  nationalPolicyAlignment: string | null;
  /** Staff full-time equivalents working on the strategy; null = not said (DEFAULT_STAFF_FTE applies). */
  staffFte: number | null;
  priorityCapOverride: PriorityCapOverride | null;
}

export function emptyStrategy(): StrategyContent {
  return { goals: [], governanceModel: null, executiveSponsor: null, advisoryGroups: [], nationalPolicyAlignment: null, staffFte: null, priorityCapOverride: null };
}

export function effectiveStaffFte(strategy: Pick<StrategyContent, 'staffFte'>): number {
  return strategy.staffFte ?? DEFAULT_STAFF_FTE;
}

/** Untrusted input as GraphQL delivers it: anything may be missing or null. */
export interface StrategyInput {
  goals?: ReadonlyArray<{ goalId?: string | null; kind?: string | null; title?: string | null; statement?: string | null; indicators?: ReadonlyArray<string> | null } | null> | null;
  governanceModel?: string | null;
  executiveSponsor?: { name?: string | null; role?: string | null } | null;
  advisoryGroups?: ReadonlyArray<{
    groupId?: string | null;
    name?: string | null;
    purpose?: string | null;
    members?: ReadonlyArray<{ name?: string | null; sector?: string | null; organisation?: string | null } | null> | null;
    meetings?: ReadonlyArray<{ meetingId?: string | null; date?: string | null; notes?: string | null } | null> | null;
  } | null> | null;
  nationalPolicyAlignment?: string | null;
  staffFte?: number | null;
  priorityCapOverride?: { soft?: number | null; hard?: number | null } | null;
}

/**
 * Checks and normalises a whole strategy, reporting every bad field at once.
 * Goals and groups without an id get a new one; an advisory group given
 * without `meetings` keeps the meetings `previous` has for its id, so saving
 * the strategy from a form that does not show the minutes cannot lose them.
 */
export function parseStrategy(input: StrategyInput, previous: StrategyContent, newId: () => string = randomUUID): StrategyContent {
  const problems = new Problems();
  const knownGoals = new Set(previous.goals.map((goal) => goal.goalId));
  const goals = listOf(problems, 'goals', input.goals, STRATEGY_LIMITS.goals, (goal, field) => parseGoal(problems, field, goal, knownGoals, newId));
  uniqueIds(problems, 'goals', 'goalId', goals.map((goal) => goal.goalId));
  const governanceModel = input.governanceModel == null ? null : readChoice(problems, 'governanceModel', input.governanceModel, GOVERNANCE_MODELS);
  const executiveSponsor = input.executiveSponsor == null ? null : parseSponsor(problems, input.executiveSponsor);
  const advisoryGroups = listOf(problems, 'advisoryGroups', input.advisoryGroups, STRATEGY_LIMITS.advisoryGroups, (group, field) =>
    parseGroup(problems, field, group, previous.advisoryGroups, newId),
  );
  uniqueIds(problems, 'advisoryGroups', 'groupId', advisoryGroups.map((group) => group.groupId));
  const nationalPolicyAlignment = readText(problems, 'nationalPolicyAlignment', input.nationalPolicyAlignment, { max: STRATEGY_LIMITS.notes });
  const staffFte = input.staffFte == null ? null : readStaffFte(problems, input.staffFte);
  const priorityCapOverride = input.priorityCapOverride == null ? null : readCapOverride(problems, input.priorityCapOverride);
  problems.throwIfAny();
  return { goals, governanceModel, executiveSponsor, advisoryGroups, nationalPolicyAlignment, staffFte, priorityCapOverride };
}

/** A meeting of an advisory group, with its notes. */
export function parseMeeting(input: { date?: string | null; notes?: string | null }, newId: () => string = randomUUID): AdvisoryMeeting {
  const problems = new Problems();
  const meeting = readMeeting(problems, '', input, newId);
  problems.throwIfAny();
  return meeting;
}

function parseGoal(problems: Problems, field: string, goal: NonNullable<NonNullable<StrategyInput['goals']>[number]>, known: ReadonlySet<string>, newId: () => string): LocalGoal {
  return {
    goalId: readKnownId(problems, `${field}.goalId`, goal.goalId, known, 'goal') ?? newId(),
    kind: readChoice(problems, `${field}.kind`, goal.kind, GOAL_KINDS) ?? 'custom',
    title: readText(problems, `${field}.title`, goal.title, { max: STRATEGY_LIMITS.title, required: true, singleLine: true }) ?? '',
    statement: readText(problems, `${field}.statement`, goal.statement, { max: STRATEGY_LIMITS.statement, required: true }) ?? '',
    indicators: listOf(problems, `${field}.indicators`, goal.indicators, STRATEGY_LIMITS.indicators, (indicator, at) =>
      readText(problems, at, indicator, { max: STRATEGY_LIMITS.indicator, required: true, singleLine: true }) ?? '',
    ),
  };
}

function parseSponsor(problems: Problems, sponsor: NonNullable<StrategyInput['executiveSponsor']>): ExecutiveSponsor {
  return {
    name: readText(problems, 'executiveSponsor.name', sponsor.name, { max: STRATEGY_LIMITS.name, required: true, singleLine: true }) ?? '',
    role: readText(problems, 'executiveSponsor.role', sponsor.role, { max: STRATEGY_LIMITS.name, required: true, singleLine: true }) ?? '',
  };
}

function parseGroup(
  problems: Problems,
  field: string,
  group: NonNullable<NonNullable<StrategyInput['advisoryGroups']>[number]>,
  previousGroups: readonly AdvisoryGroup[],
  newId: () => string,
): AdvisoryGroup {
  const groupId = readKnownId(problems, `${field}.groupId`, group.groupId, new Set(previousGroups.map((previous) => previous.groupId)), 'advisory group') ?? newId();
  const kept = previousGroups.find((previous) => previous.groupId === groupId)?.meetings ?? [];
  const meetings =
    group.meetings == null ? kept : listOf(problems, `${field}.meetings`, group.meetings, STRATEGY_LIMITS.meetings, (meeting, at) => readMeeting(problems, at, meeting, newId));
  return {
    groupId,
    name: readText(problems, `${field}.name`, group.name, { max: STRATEGY_LIMITS.name, required: true, singleLine: true }) ?? '',
    purpose: readText(problems, `${field}.purpose`, group.purpose, { max: STRATEGY_LIMITS.statement }),
    members: listOf(problems, `${field}.members`, group.members, STRATEGY_LIMITS.members, (member, at) => ({
      name: readText(problems, `${at}.name`, member.name, { max: STRATEGY_LIMITS.name, required: true, singleLine: true }) ?? '',
      sector: readText(problems, `${at}.sector`, member.sector, { max: STRATEGY_LIMITS.shortText, required: true, singleLine: true }) ?? '',
      organisation: readText(problems, `${at}.organisation`, member.organisation, { max: STRATEGY_LIMITS.name, singleLine: true }),
    })),
    meetings,
  };
}

function readMeeting(problems: Problems, field: string, meeting: { meetingId?: string | null; date?: string | null; notes?: string | null }, newId: () => string): AdvisoryMeeting {
  const at = (name: string): string => (field ? `${field}.${name}` : name);
  return {
    meetingId: readId(problems, at('meetingId'), meeting.meetingId) ?? newId(),
    date: readIsoDate(problems, at('date'), meeting.date, true) ?? '',
    notes: readText(problems, at('notes'), meeting.notes, { max: STRATEGY_LIMITS.notes, required: true }) ?? '',
  };
}

/**
 * An id that keeps an existing goal or group: one the strategy does not have
 * is refused rather than taken as the id of a new one, so ids are always the
 * platform's (and an id copied from elsewhere cannot come back as a goal).
 */
function readKnownId(problems: Problems, field: string, value: unknown, known: ReadonlySet<string>, what: string): string | null {
  const id = readId(problems, field, value);
  if (id !== null && !known.has(id)) {
    problems.add(field, `no ${what} ${id} in your strategy; leave the id out for a new ${what}`);
    return null;
  }
  return id;
}

function readId(problems: Problems, field: string, value: unknown): string | null {
  return readText(problems, field, value, { max: STRATEGY_LIMITS.id, singleLine: true });
}

function readStaffFte(problems: Problems, value: number): number | null {
  if (!Number.isFinite(value) || value < 0 || value > STRATEGY_LIMITS.staffFte) {
    problems.add('staffFte', `must be a number of full-time equivalents from 0 to ${STRATEGY_LIMITS.staffFte} (got ${value})`);
    return null;
  }
  return value;
}

/** Both limits whole numbers with hard ≥ soft ≥ 1: a cap that refuses before it warns would never warn. */
function readCapOverride(problems: Problems, value: NonNullable<StrategyInput['priorityCapOverride']>): PriorityCapOverride | null {
  const before = problems.count;
  const soft = readCount(problems, 'priorityCapOverride.soft', value.soft);
  const hard = readCount(problems, 'priorityCapOverride.hard', value.hard);
  if (problems.count > before || soft === null || hard === null) return null;
  if (hard < soft) {
    problems.add('priorityCapOverride.hard', `must be at least the soft limit (${soft}): past the soft limit the answer warns, past the hard one it refuses`);
    return null;
  }
  return { soft, hard };
}

function readCount(problems: Problems, field: string, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > STRATEGY_LIMITS.cap) {
    problems.add(field, `must be a whole number from 1 to ${STRATEGY_LIMITS.cap}`);
    return null;
  }
  return value;
}

function listOf<I, O>(problems: Problems, field: string, value: ReadonlyArray<I | null> | null | undefined, max: number, read: (item: I, field: string) => O): O[] {
  if (value == null) return [];
  if (value.length > max) {
    problems.add(field, `must list at most ${max} (got ${value.length})`);
    return [];
  }
  return value.flatMap((item, index) => {
    if (item === null) {
      problems.add(`${field}[${index}]`, 'is required');
      return [];
    }
    return [read(item, `${field}[${index}]`)];
  });
}

function uniqueIds(problems: Problems, field: string, idName: string, ids: readonly string[]): void {
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) problems.add(`${field}[${index}].${idName}`, `repeats ${idName} ${id}; each must be different`);
  });
}
