import type { PlanStatus } from '@entente/contracts';
import { ConflictError } from '@entente/errors';

/**
 * A plan year's versions move draft → in-review → approved → active →
 * closed. An executive approves one numbered version; once approved its
 * content never changes. Editing after approval starts the next version as a
 * draft (a copy of the approved one) while the approved version keeps
 * steering the year; approving that draft supersedes it. A version in review
 * is frozen until it is approved or returned to draft.
 */
export const TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['in-review'],
  'in-review': ['approved', 'draft'],
  approved: ['active', 'superseded'],
  active: ['closed', 'superseded'],
  closed: [],
  superseded: [],
};

export function assertPlanTransition(year: number, version: number, from: PlanStatus, to: PlanStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    throw new ConflictError(
      `plan ${year} version ${version} is ${from} and cannot become ${to}` + (allowed.length ? ` (from ${from} it can become ${allowed.join(' or ')})` : ` (${from} is final)`),
    );
  }
}

export interface VersionState {
  version: number;
  status: PlanStatus;
}

/**
 * Where an edit of a plan year goes: into the latest version while it is a
 * draft, or into a new draft version copied from the latest when that one is
 * approved or active. In review or closed, nothing may change.
 */
export function editTarget(year: number, latest: VersionState): { kind: 'in-place'; version: number } | { kind: 'new-version'; from: number; version: number } {
  switch (latest.status) {
    case 'draft':
      return { kind: 'in-place', version: latest.version };
    case 'approved':
    case 'active':
      return { kind: 'new-version', from: latest.version, version: latest.version + 1 };
    case 'in-review':
      throw new ConflictError(`plan ${year} version ${latest.version} is in review; an executive approves it or returns it to draft before it changes`);
    case 'closed':
      throw new ConflictError(`plan ${year} is closed; plan the next year instead`);
    case 'superseded':
      throw new ConflictError(`plan ${year} version ${latest.version} was superseded; edit the latest version`);
  }
}
