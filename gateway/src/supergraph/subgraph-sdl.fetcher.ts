import type { SubgraphEndpoint } from '../gateway.config';

export interface SubgraphSdl extends SubgraphEndpoint {
  readonly sdl: string;
}

export interface FetchLogger {
  log(message: string): void;
  warn(message: string): void;
}

export class SubgraphsUnavailableError extends Error {
  constructor(
    readonly missing: ReadonlyArray<SubgraphEndpoint & { lastError: string }>,
    timeoutMs: number,
  ) {
    super(
      `supergraph: ${missing.length} subgraph(s) did not answer { _service { sdl } } within ${timeoutMs} ms:\n` +
        missing.map((s) => `  - ${s.name} at ${s.url}: ${s.lastError}`).join('\n'),
    );
    this.name = 'SubgraphsUnavailableError';
  }
}

const SDL_QUERY = JSON.stringify({ query: '{ _service { sdl } }' });

/** One attempt: the subgraph's federation SDL, or an error saying why not. */
export async function fetchSubgraphSdl(subgraph: SubgraphEndpoint, timeoutMs: number): Promise<string> {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: SDL_QUERY,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: { data?: { _service?: { sdl?: unknown } }; errors?: Array<{ message?: unknown }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status}, not a GraphQL response`);
  }
  const sdl = body.data?._service?.sdl;
  if (typeof sdl === 'string' && sdl.trim() !== '') return sdl;
  const reason = body.errors?.map((e) => String(e.message)).join('; ') ?? 'no _service.sdl in the answer';
  throw new Error(`HTTP ${response.status}: ${reason}`);
}

/**
 * Fetches every subgraph's SDL, retrying each with exponential backoff until
 * all have answered or `timeoutMs` has passed; then names every one missing.
 */
export async function fetchAllSubgraphSdls(
  subgraphs: readonly SubgraphEndpoint[],
  options: { timeoutMs: number; logger: FetchLogger; maxBackoffMs?: number },
): Promise<SubgraphSdl[]> {
  const deadline = Date.now() + options.timeoutMs;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  const results = await Promise.all(
    subgraphs.map(async (subgraph) => {
      let backoff = 200;
      let lastError = 'not tried';
      for (let attempt = 1; ; attempt++) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) return { ...subgraph, lastError };
        try {
          const sdl = await fetchSubgraphSdl(subgraph, Math.min(remaining, 5_000));
          if (attempt > 1) options.logger.log(`subgraph ${subgraph.name} answered after ${attempt} attempts`);
          return { ...subgraph, sdl };
        } catch (error) {
          lastError = describe(error);
        }
        const wait = Math.min(backoff, maxBackoff, Math.max(0, deadline - Date.now()));
        options.logger.warn(
          `subgraph ${subgraph.name} at ${subgraph.url} not answering yet (${lastError}); retrying in ${wait} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
        backoff *= 2;
      }
    }),
  );
  const missing = results.filter((r): r is SubgraphEndpoint & { lastError: string } => 'lastError' in r);
  if (missing.length > 0) throw new SubgraphsUnavailableError(missing, options.timeoutMs);
  return results as SubgraphSdl[];
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (error.name === 'TimeoutError') return 'timed out';
  if (cause instanceof Error) return `${error.message}: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`;
  return error.message;
}
