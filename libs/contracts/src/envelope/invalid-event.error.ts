/** Why an event was rejected; consumers put this in the dead-letter headers. */
export type InvalidEventReason = 'malformed-json' | 'invalid-envelope' | 'unknown-event' | 'invalid-payload';

/**
 * An event that must not be produced or processed. The message names the event
 * (when known) and every offending field, so a person reading a dead-letter
 * header or a log line can act on it.
 */
export class InvalidEventError extends Error {
  constructor(
    readonly reason: InvalidEventReason,
    readonly issues: readonly string[],
    readonly eventLabel?: string,
  ) {
    super(`${eventLabel ? `${eventLabel}: ` : ''}${reason}: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}
