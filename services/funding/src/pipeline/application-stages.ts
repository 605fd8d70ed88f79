import { ConflictError } from '@entente/errors';

/**
 * Where a funding application stands in a jurisdiction's pipeline (DESIGN.md,
 * funding): interested → preparing → submitted → awarded / declined, or not
 * pursued at any point before a decision. Awarded, declined and not pursued
 * are final.
 */
export const APPLICATION_STAGES = ['interested', 'preparing', 'submitted', 'awarded', 'declined', 'not-pursued'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** Why a jurisdiction let a call go (the brief's reasons: staff capacity and match funds first). */
export const NOT_PURSUED_REASONS = ['no-staff-capacity', 'no-match-funds', 'not-eligible', 'other'] as const;
export type NotPursuedReason = (typeof NOT_PURSUED_REASONS)[number];

/** The stages still open: an application there has a deadline worth a reminder. */
export const OPEN_STAGES: readonly ApplicationStage[] = ['interested', 'preparing', 'submitted'];

/** The moves allowed from each stage; preparing may go back to interested (the bid was parked). */
export const STAGE_MOVES: Readonly<Record<ApplicationStage, readonly ApplicationStage[]>> = {
  interested: ['preparing', 'not-pursued'],
  preparing: ['interested', 'submitted', 'not-pursued'],
  submitted: ['awarded', 'declined', 'not-pursued'],
  awarded: [],
  declined: [],
  'not-pursued': [],
};

const words = (stage: ApplicationStage): string => stage.replace(/-/g, ' ');

function listed(stages: readonly ApplicationStage[]): string {
  const named = stages.map(words);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** Refuses (CONFLICT) a move the pipeline does not allow, saying where the application can go from here. */
export function assertStageMove(title: string, from: ApplicationStage, to: ApplicationStage): void {
  if (from === to) throw new ConflictError(`application “${title}” is already ${words(from)}`);
  const allowed = STAGE_MOVES[from];
  if (allowed.includes(to)) return;
  if (allowed.length === 0) throw new ConflictError(`application “${title}” is ${words(from)}, which is final; it cannot move to ${words(to)}`);
  throw new ConflictError(`application “${title}” is ${words(from)}; from there it can move to ${listed(allowed)}, not ${words(to)}`);
}
