import { ConflictError, quoted } from '@entente/errors';

/**
 * How many active priorities a strategy can carry, from the people who work
 * on it. The default rule (priorities/README.md says why):
 *
 *   soft = max(2, ceil(1.5 × staff FTE))   past it, setting one more warns
 *   hard = soft + 2                         past it, setting one more is refused
 *
 * so the two-person office (Auckland) warns at its 4th active priority and
 * refuses the 6th. A strategy's priorityCapOverride replaces both limits.
 */
export const CAP_RULE = 'soft = max(2, ceil(1.5 × staff FTE)), hard = soft + 2';
export const MIN_SOFT_CAP = 2;
export const SOFT_CAP_PER_FTE = 1.5;
export const HARD_CAP_MARGIN = 2;
/** How many retirement candidates a warning or a refusal names. */
export const CANDIDATES_NAMED = 3;

export interface PriorityCap {
  soft: number;
  hard: number;
  staffFte: number;
  overridden: boolean;
  /** The rule the limits come from, in words. */
  rule: string;
}

export function capFor(staffFte: number, override: { soft: number; hard: number } | null): PriorityCap {
  if (override) return { soft: override.soft, hard: override.hard, staffFte, overridden: true, rule: `set by the strategy: soft ${override.soft}, hard ${override.hard} (instead of ${CAP_RULE})` };
  const soft = Math.max(MIN_SOFT_CAP, Math.ceil(SOFT_CAP_PER_FTE * staffFte));
  return { soft, hard: soft + HARD_CAP_MARGIN, staffFte, overridden: false, rule: CAP_RULE };
}

/** What the cap needs to know of an active priority to suggest which to retire. */
export interface CapCandidate {
  priorityId: string;
  title: string;
  evidenceCount: number;
  /** Some KPI has moved off its baseline. */
  kpiProgress: boolean;
  createdAt: Date;
}

/**
 * The active priorities to retire first: those with no KPI progress, then
 * the least evidence, then the oldest. A priority nobody can show results or
 * reasons for is the cheapest to let go.
 */
export function retirementCandidates(active: readonly CapCandidate[]): CapCandidate[] {
  return [...active].sort((a, b) => Number(a.kpiProgress) - Number(b.kpiProgress) || a.evidenceCount - b.evidenceCount || a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Whether one more active priority fits, given the others already active:
 * past the hard limit a ConflictError that says why and what to retire; past
 * the soft limit a warning; otherwise nothing. A conflict rather than a
 * validation error: the priority itself is fine, it is the jurisdiction's
 * current state (how many are active for how many people) that stands in
 * the way, and retiring another one makes the same request succeed.
 */
export function admitActive(cap: PriorityCap, othersActive: readonly CapCandidate[]): string[] {
  const after = othersActive.length + 1;
  if (after <= cap.soft) return [];
  const candidates = describe(retirementCandidates(othersActive).slice(0, CANDIDATES_NAMED));
  if (after > cap.hard) {
    throw new ConflictError(
      `too many active priorities: ${othersActive.length} are active and ${capReason(cap)}, so at most ${cap.hard} may be. ` +
        `A small team spread over more priorities advances none of them: retire one first (those with the least evidence and no KPI progress: ${candidates}), then set this one again`,
    );
  }
  return [`${after} active priorities is past the soft limit of ${cap.soft} (${capReason(cap)}; refused past ${cap.hard}); consider retiring one of those with the least evidence and no KPI progress: ${candidates}`];
}

function capReason(cap: PriorityCap): string {
  return cap.overridden
    ? `your strategy sets the cap itself: soft ${cap.soft}, hard ${cap.hard}`
    : `your strategy has ${formatFte(cap.staffFte)} staff FTE, which gives soft ${cap.soft} and hard ${cap.hard} (${CAP_RULE})`;
}

function formatFte(fte: number): string {
  return Number.isInteger(fte) ? String(fte) : fte.toFixed(2).replace(/0+$/, '');
}

function describe(candidates: readonly CapCandidate[]): string {
  return candidates
    .map((c) => `${quoted(c.title)} (${c.evidenceCount} evidence link${c.evidenceCount === 1 ? '' : 's'}, ${c.kpiProgress ? 'KPI progress' : 'no KPI progress'})`)
    .join(', ');
}
