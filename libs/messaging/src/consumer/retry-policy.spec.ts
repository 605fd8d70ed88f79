import { InvalidEventError } from '@entente/contracts';
import { PermanentEventError, decideAfterFailure } from './retry-policy';

const policy = { maxAttempts: 4, retryBackoffMs: 100, maxRetryBackoffMs: 250 };

describe('decideAfterFailure', () => {
  it('retries with a doubling delay capped at the ceiling', () => {
    expect(decideAfterFailure(new Error('db down'), 1, policy)).toEqual({ action: 'retry', delayMs: 100 });
    expect(decideAfterFailure(new Error('db down'), 2, policy)).toEqual({ action: 'retry', delayMs: 200 });
    expect(decideAfterFailure(new Error('db down'), 3, policy)).toEqual({ action: 'retry', delayMs: 250 });
  });

  it('dead-letters once the attempts are used up', () => {
    expect(decideAfterFailure(new Error('db down'), 4, policy)).toEqual({ action: 'dead-letter', reason: 'retries-exhausted' });
  });

  it('dead-letters invalid events and permanent failures at once', () => {
    expect(decideAfterFailure(new InvalidEventError('invalid-payload', ['payload.kind: bad']), 1, policy)).toEqual({
      action: 'dead-letter',
      reason: 'invalid-payload',
    });
    expect(decideAfterFailure(new PermanentEventError('no such partner'), 1, policy)).toEqual({ action: 'dead-letter', reason: 'permanent-failure' });
  });

  it('never retries when only one attempt is allowed', () => {
    expect(decideAfterFailure(new Error('x'), 1, { ...policy, maxAttempts: 1 }).action).toBe('dead-letter');
  });
});
