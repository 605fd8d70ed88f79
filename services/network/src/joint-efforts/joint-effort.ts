import { isIsoCountryCode, JOINT_EFFORT_KINDS, type JointEffortKind } from '@entente/contracts';
import { ConflictError, ForbiddenError, ValidationError } from '@entente/errors';
import { isIsoDate, Problems, readText } from '@entente/validation';
import type { Suggestion, SuggestionKind } from '../spotting/suggestion';

export { JOINT_EFFORT_KINDS, type JointEffortKind };

export const JOINT_EFFORT_STATUSES = ['proposed', 'forming', 'active', 'completed', 'withdrawn'] as const;
export type JointEffortStatus = (typeof JOINT_EFFORT_STATUSES)[number];

/** Where an effort may go from each status: forward one step at a time, or withdrawn before it is completed. */
const NEXT: Record<JointEffortStatus, readonly JointEffortStatus[]> = {
  proposed: ['forming', 'withdrawn'],
  forming: ['active', 'withdrawn'],
  active: ['completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

/** Cost shares are kept in hundredths of a percent, so that 33.33 + 33.33 + 33.34 is exactly 100. */
const WHOLE = 10_000;
export const TITLE_MAX = 200;

export interface Participant {
  jurisdictionId: string;
  /** Percent of the effort's cost, two decimals at most. */
  costShare: number;
  /** When the member joined; null while it is named but has not joined. */
  joinedAt: Date | null;
}

export interface JointEffort {
  id: string;
  networkId: string;
  kind: JointEffortKind;
  title: string;
  leadJurisdictionId: string;
  participants: Participant[];
  timeline: { start: string; end: string } | null;
  status: JointEffortStatus;
  /** What it targets: a country, a call. */
  country: string | null;
  opportunityId: string | null;
  /** The suggestion it was made from, with the evidence it rested on then. */
  fromSuggestion: { key: string; fingerprint: string } | null;
}

export interface JointEffortInput {
  kind: string;
  title: string;
  leadJurisdictionId: string;
  participants: ReadonlyArray<{ jurisdictionId: string; costShare: number }>;
  timeline: { start: string; end: string } | null;
  country: string | null;
  opportunityId: string | null;
}

/**
 * What planning turns into a proposed activity in the participant's plan,
 * with its cost share. One per participant and effort: the joining that
 * makes it happens once, and the key (effort id + jurisdiction) lets the
 * consumer take a redelivery as the same.
 */
export interface ParticipantJoined {
  effortId: string;
  networkId: string;
  jurisdictionId: string;
  kind: JointEffortKind;
  title: string;
  costShare: number;
  timeline: { start: string; end: string } | null;
  country: string | null;
  opportunityId: string | null;
}

function hundredths(share: number, field: string): number {
  if (!Number.isFinite(share) || share < 0 || share > 100) throw ValidationError.forField(field, 'must be a percentage from 0 to 100');
  const scaled = Math.round(share * 100);
  if (Math.abs(scaled - share * 100) > 1e-6) throw ValidationError.forField(field, 'must have at most two decimals');
  return scaled;
}

/** Checks cost shares: one per participant, each a percentage, together exactly 100. */
export function validateCostShares(participants: ReadonlyArray<{ jurisdictionId: string; costShare: number }>, field = 'participants'): void {
  if (participants.length === 0) throw ValidationError.forField(field, 'name at least one participant');
  const seen = new Set<string>();
  let total = 0;
  participants.forEach((p, i) => {
    if (seen.has(p.jurisdictionId)) throw ValidationError.forField(`${field}.${i}.jurisdictionId`, `${p.jurisdictionId} is named twice`);
    seen.add(p.jurisdictionId);
    total += hundredths(p.costShare, `${field}.${i}.costShare`);
  });
  // Every share is at fault for a wrong sum: each is named, so whichever the caller changed is among them.
  if (total !== WHOLE) throw new ValidationError(participants.map((_, i) => ({ field: `${field}.${i}.costShare`, message: `cost shares must sum to 100 % (they sum to ${total / 100} %)` })));
}

/** Validates an effort's input against the network's active members (every participant and the lead must be one); answers the title as stored. */
export function validateInput(input: JointEffortInput, activeMembers: ReadonlySet<string>): string {
  if (!(JOINT_EFFORT_KINDS as readonly string[]).includes(input.kind)) throw ValidationError.forField('kind', `must be one of ${JOINT_EFFORT_KINDS.join(', ')}`);
  const problems = new Problems();
  const title = readText(problems, 'title', input.title, { max: TITLE_MAX, required: true, singleLine: true });
  if (input.opportunityId !== null) readText(problems, 'opportunityId', input.opportunityId, { max: 200, required: true, singleLine: true });
  problems.throwIfAny();
  validateCostShares(input.participants);
  input.participants.forEach((p, i) => {
    if (!activeMembers.has(p.jurisdictionId)) throw ValidationError.forField(`participants.${i}.jurisdictionId`, `${p.jurisdictionId} is not an active member of the network`);
  });
  if (!input.participants.some((p) => p.jurisdictionId === input.leadJurisdictionId)) throw ValidationError.forField('leadJurisdictionId', 'the lead must be one of the participants');
  if (input.country !== null && !isIsoCountryCode(input.country.toUpperCase())) throw ValidationError.forField('country', 'must be an ISO 3166-1 alpha-2 code such as JP');
  if (input.timeline) {
    if (!isIsoDate(input.timeline.start)) throw ValidationError.forField('timelineStart', 'must be a calendar date written YYYY-MM-DD');
    if (!isIsoDate(input.timeline.end)) throw ValidationError.forField('timelineEnd', 'must be a calendar date written YYYY-MM-DD');
    if (input.timeline.end < input.timeline.start) throw ValidationError.forField('timelineEnd', 'must not be before timelineStart');
  }
  return title as string;
}

/** A new effort, proposed; the lead has joined by proposing it. */
export function propose(
  id: string,
  networkId: string,
  input: JointEffortInput,
  activeMembers: ReadonlySet<string>,
  now: Date,
  fromSuggestion: JointEffort['fromSuggestion'] = null,
): { effort: JointEffort; events: ParticipantJoined[] } {
  const title = validateInput(input, activeMembers);
  const effort: JointEffort = {
    id,
    networkId,
    kind: input.kind as JointEffortKind,
    title,
    leadJurisdictionId: input.leadJurisdictionId,
    participants: input.participants.map((p) => ({ jurisdictionId: p.jurisdictionId, costShare: p.costShare, joinedAt: null })),
    timeline: input.timeline,
    status: 'proposed',
    country: input.country?.toUpperCase() ?? null,
    opportunityId: input.opportunityId,
    fromSuggestion,
  };
  return join(effort, input.leadJurisdictionId, now);
}

const EFFORT_OF_SUGGESTION: Record<SuggestionKind, JointEffortKind> = {
  'shared-trade-office': 'shared-trade-office',
  'shared-representation': 'shared-representation',
  'common-delegation': 'common-delegation',
  'joint-bid': 'joint-funding-bid',
  'coordinated-engagement': 'knowledge-exchange',
  'host-too': 'joint-event',
};

/** Equal shares in hundredths of a percent, the remainder to the first participants, so they sum to exactly 100. */
export function equalShares(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(WHOLE / count);
  return Array.from({ length: count }, (_, i) => (base + (i < WHOLE - base * count ? 1 : 0)) / 100);
}

/** The input a suggestion proposes: its members as participants with equal shares, the first as lead, its window or deadline as the timeline. */
export function inputFromSuggestion(suggestion: Suggestion, title?: string): JointEffortInput {
  const shares = equalShares(suggestion.members.length);
  const subject = suggestion.subject;
  const country = 'country' in subject ? subject.country : null;
  const deadline = suggestion.deadline?.slice(0, 10) ?? null;
  return {
    kind: EFFORT_OF_SUGGESTION[suggestion.kind],
    title: title ?? `${EFFORT_OF_SUGGESTION[suggestion.kind].replace(/-/g, ' ')}${country ? ` — ${country}` : ''}`,
    leadJurisdictionId: suggestion.members[0] as string,
    participants: suggestion.members.map((jurisdictionId, i) => ({ jurisdictionId, costShare: shares[i] as number })),
    timeline: suggestion.window ?? (deadline ? { start: deadline, end: deadline } : null),
    country,
    opportunityId: subject.rule === 'joint-bid' ? subject.opportunityId : null,
  };
}

function assertOpen(effort: JointEffort): void {
  if (effort.status === 'completed' || effort.status === 'withdrawn') throw new ConflictError(`joint effort ${effort.id} is ${effort.status}`);
}

/**
 * A named participant joins: the event for its plan is emitted the first
 * time only, so joining twice (a retry, a double click) changes nothing.
 */
export function join(effort: JointEffort, jurisdictionId: string, now: Date): { effort: JointEffort; events: ParticipantJoined[] } {
  assertOpen(effort);
  const participant = effort.participants.find((p) => p.jurisdictionId === jurisdictionId);
  if (!participant) throw new ForbiddenError(`${jurisdictionId} is not a participant of joint effort ${effort.id}`);
  if (participant.joinedAt !== null) return { effort, events: [] };
  const joined: JointEffort = { ...effort, participants: effort.participants.map((p) => (p === participant ? { ...p, joinedAt: now } : p)) };
  return {
    effort: joined,
    events: [
      {
        effortId: effort.id,
        networkId: effort.networkId,
        jurisdictionId,
        kind: effort.kind,
        title: effort.title,
        costShare: participant.costShare,
        timeline: effort.timeline,
        country: effort.country,
        opportunityId: effort.opportunityId,
      },
    ],
  };
}

/** New cost shares for the same participants (the lead or a coordinator agrees them); they must still sum to 100. */
export function setCostShares(effort: JointEffort, shares: ReadonlyArray<{ jurisdictionId: string; costShare: number }>): JointEffort {
  assertOpen(effort);
  validateCostShares(shares, 'shares');
  const named = new Set(effort.participants.map((p) => p.jurisdictionId));
  shares.forEach((s, i) => {
    if (!named.has(s.jurisdictionId)) throw ValidationError.forField(`shares.${i}.jurisdictionId`, `${s.jurisdictionId} is not a participant`);
  });
  if (shares.length !== named.size) throw ValidationError.forField('shares', 'give a share for every participant');
  const byId = new Map(shares.map((s) => [s.jurisdictionId, s.costShare]));
  return { ...effort, participants: effort.participants.map((p) => ({ ...p, costShare: byId.get(p.jurisdictionId) as number })) };
}

/** Moves an effort along its life: proposed → forming → active → completed, or withdrawn before completion. */
export function transition(effort: JointEffort, to: string): JointEffort {
  if (!(JOINT_EFFORT_STATUSES as readonly string[]).includes(to)) throw ValidationError.forField('status', `must be one of ${JOINT_EFFORT_STATUSES.join(', ')}`);
  const next = to as JointEffortStatus;
  if (!NEXT[effort.status].includes(next)) throw new ConflictError(`joint effort ${effort.id} cannot go from ${effort.status} to ${next}`);
  const waiting = effort.participants.filter((p) => p.joinedAt === null).map((p) => p.jurisdictionId);
  if (next === 'active' && waiting.length > 0) throw new ConflictError(`joint effort ${effort.id} cannot start before every participant joined (waiting for ${waiting.join(', ')})`);
  return { ...effort, status: next };
}

/**
 * The lead (or a coordinator) names another active member as a participant,
 * with new cost shares for everyone (the newcomer's included) that sum to
 * 100. It joins with joinEffort; until then it is named only.
 */
export function invite(effort: JointEffort, jurisdictionId: string, shares: ReadonlyArray<{ jurisdictionId: string; costShare: number }>, activeMembers: ReadonlySet<string>): JointEffort {
  assertOpen(effort);
  if (effort.participants.some((p) => p.jurisdictionId === jurisdictionId)) throw new ConflictError(`${jurisdictionId} is already a participant of joint effort ${effort.id}`);
  if (!activeMembers.has(jurisdictionId)) throw ValidationError.forField('jurisdictionId', `${jurisdictionId} is not an active member of the network`);
  const named: JointEffort = { ...effort, participants: [...effort.participants, { jurisdictionId, costShare: 0, joinedAt: null }] };
  return setCostShares(named, shares);
}

/**
 * A participant other than the lead leaves (the lead withdraws the effort
 * instead): its share passes to the lead, who can agree new shares with
 * setCostShares. What planning already proposed stays in the leaver's plan
 * for its people to cancel.
 */
export function leave(effort: JointEffort, jurisdictionId: string): JointEffort {
  assertOpen(effort);
  const leaving = effort.participants.find((p) => p.jurisdictionId === jurisdictionId);
  if (!leaving) throw new ForbiddenError(`${jurisdictionId} is not a participant of joint effort ${effort.id}`);
  if (jurisdictionId === effort.leadJurisdictionId) throw new ConflictError('the lead cannot leave its joint effort; withdraw it instead');
  const lead = Math.round(leaving.costShare * 100);
  return {
    ...effort,
    participants: effort.participants
      .filter((p) => p !== leaving)
      .map((p) => (p.jurisdictionId === effort.leadJurisdictionId ? { ...p, costShare: (Math.round(p.costShare * 100) + lead) / 100 } : p)),
  };
}
