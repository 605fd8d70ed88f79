import { InvalidEventError } from '@entente/contracts';

/**
 * Thrown by a handler for a failure that no retry can fix (e.g. a referenced
 * record that will never exist): the message goes straight to the dead-letter
 * topic instead of burning the retry budget.
 */
export class PermanentEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentEventError';
  }
}

export interface RetryPolicy {
  maxAttempts: number;
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; reason: DeadLetterReason };

export type DeadLetterReason = 'retries-exhausted' | 'permanent-failure' | InvalidEventError['reason'];

/**
 * After attempt number `attempt` (1-based) failed with `error`: try again after
 * an exponential delay, or give up and dead-letter so the partition moves on.
 * Retries happen in process because kafkajs' own retry re-fetches and blocks
 * the partition indefinitely on a poison message.
 */
export function decideAfterFailure(error: unknown, attempt: number, policy: RetryPolicy): FailureDecision {
  if (error instanceof InvalidEventError) return { action: 'dead-letter', reason: error.reason };
  if (error instanceof PermanentEventError) return { action: 'dead-letter', reason: 'permanent-failure' };
  if (attempt >= policy.maxAttempts) return { action: 'dead-letter', reason: 'retries-exhausted' };
  const delayMs = Math.min(policy.retryBackoffMs * 2 ** (attempt - 1), policy.maxRetryBackoffMs);
  return { action: 'retry', delayMs };
}
