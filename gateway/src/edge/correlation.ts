import { randomUUID } from 'node:crypto';

/** The header a request's correlation id travels in to the subgraphs (the services read it as their request lineage). */
export const CORRELATION_HEADER = 'x-correlation-id';

const ids = new WeakMap<Request, string>();

/**
 * The correlation id of a client request: the one the client sent, if
 * usable, else one made for it — the same for every subgraph call the
 * request fans out to, so the events they produce share it.
 */
export function correlationIdFor(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const sent = request.headers.get(CORRELATION_HEADER);
    id = sent && /^[A-Za-z0-9._:-]{1,128}$/.test(sent) ? sent : randomUUID();
    ids.set(request, id);
  }
  return id;
}
