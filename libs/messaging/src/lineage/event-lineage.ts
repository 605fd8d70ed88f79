import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Where the work now running came from: the correlation id shared by every
 * event of one user action, and the id of the event being handled (null
 * while handling a request). Set once by the plumbing — the HTTP middleware
 * for a request (LineageMiddleware), the consumer for an event — and read
 * when an event is produced, so no caller sets either by hand.
 */
export interface EventLineage {
  correlationId: string;
  causationId: string | null;
}

/** The HTTP header a request's correlation id travels in, from the gateway to the subgraphs. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<EventLineage>();

export function runWithLineage<R>(lineage: EventLineage, work: () => R): R {
  return storage.run(lineage, work);
}

/** The lineage of the work now running; undefined outside a request or a handled event (a new chain starts). */
export function currentLineage(): EventLineage | undefined {
  return storage.getStore();
}

/** A request's lineage: the correlation id it was sent with (CORRELATION_HEADER), if a usable one, or a new one. */
export function requestLineage(correlationHeader: unknown): EventLineage {
  const given = typeof correlationHeader === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(correlationHeader) ? correlationHeader : null;
  return { correlationId: given ?? randomUUID(), causationId: null };
}

/** The lineage of work done while handling `event`: its correlation id, and the event itself as the cause. */
export function eventLineage(event: { eventId: string; correlationId: string }): EventLineage {
  return { correlationId: event.correlationId, causationId: event.eventId };
}
