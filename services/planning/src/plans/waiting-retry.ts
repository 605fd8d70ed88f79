import { ConflictError, NotFoundError } from '@entente/errors';

/**
 * How long something waiting for a plan (an award's funding line, a joint
 * effort's proposed activity) waits before its next try: 1 minute after the
 * first, doubling, at most an hour. A plan that is created, returned to
 * draft or given a new version takes what waited for it within the hour.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** What became of one try to put something into a plan. */
export interface PlanAttempt {
  status: 'applied' | 'waiting';
  /** Why it waits (the plan's refusal, as a person reads it); null once applied. */
  note: string | null;
  /** When it is tried again; null once applied. */
  nextAttemptAt: Date | null;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Tries `put` (an add-once into a plan) as try number `attempts`. A
 * ConflictError can be a concurrent delivery that just put it there, so
 * `put` runs once more: the second try finds it, or meets the plan's state
 * again. A refusal of the kinds in `waitsOn` (no plan for the year, one in
 * review or closed: NotFoundError, ConflictError) makes it wait, with its
 * next try after the back-off; any other error is thrown.
 */
export async function attemptIntoPlan(put: () => Promise<unknown>, attempts: number, now: Date, waitsOn: readonly ErrorClass[] = [NotFoundError, ConflictError]): Promise<PlanAttempt> {
  try {
    try {
      await put();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await put();
    }
    return { status: 'applied', note: null, nextAttemptAt: null };
  } catch (error) {
    if (!waitsOn.some((kind) => error instanceof kind)) throw error;
    return { status: 'waiting', note: (error as Error).message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
  }
}
