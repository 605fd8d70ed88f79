import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Why a source could not be read as a whole. The run reports the message and
 * goes on with the other sources; nothing is thrown past the run.
 */
export class SourceReadError extends Error {
  constructor(
    readonly reason: 'timeout' | 'unreachable' | 'http-status' | 'wrong-format',
    message: string,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** The validators of the last answer, sent back so an unchanged source can answer 304. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchPolicy {
  /** Per attempt, until the headers arrive; the body is bounded by bodyTimeoutMs. */
  timeoutMs: number;
  /** Attempts after the first one, for network errors, 408, 429 and 5xx. */
  retries: number;
  /** First back-off; doubled each retry, with jitter, capped at maxBackoffMs (a Retry-After header wins if shorter than the cap). */
  backoffMs: number;
  maxBackoffMs: number;
  /** From the headers until the body has been read (a large extract takes a while). */
  bodyTimeoutMs: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 500, maxBackoffMs: 15_000, bodyTimeoutMs: 10 * 60_000 };

export interface SourceRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | FormData;
  /** Sent as If-None-Match / If-Modified-Since. */
  validators?: Validators;
}

/** A response whose status was 2xx or 304. */
export interface SourceResponse {
  notModified: boolean;
  response: Response;
  validators: Validators;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * One request to a source with the platform's manners: a timeout per attempt,
 * retries with exponential back-off and jitter on what may pass (network
 * errors, 408, 429, 5xx; Retry-After honoured), conditional headers when the
 * previous answer gave validators. Any other status fails at once, naming it.
 */
export async function fetchSource(request: SourceRequest, policy: FetchPolicy = DEFAULT_FETCH_POLICY): Promise<SourceResponse> {
  const headers: Record<string, string> = { 'user-agent': 'entente-funding-scout/1.0', ...(request.headers ?? {}) };
  if (request.validators?.etag) headers['if-none-match'] = request.validators.etag;
  if (request.validators?.lastModified) headers['if-modified-since'] = request.validators.lastModified;
  const where = describeUrl(request.url);
  let lastProblem = '';
  for (let attempt = 0; attempt <= policy.retries; attempt += 1) {
    let response: Response;
    const controller = new AbortController();
    const headerTimer = setTimeout(() => controller.abort(new DOMException('headers timed out', 'TimeoutError')), policy.timeoutMs);
    try {
      response = await fetch(request.url, { method: request.method ?? 'GET', headers, body: request.body, signal: controller.signal, redirect: 'follow' });
      // The body may take longer than the headers; it has its own bound.
      setTimeout(() => controller.abort(new DOMException('body timed out', 'TimeoutError')), policy.bodyTimeoutMs).unref();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      lastProblem = timedOut ? `no answer within ${policy.timeoutMs} ms` : `could not connect (${causeOf(error)})`;
      if (attempt < policy.retries) {
        await sleep(backoff(policy, attempt, null));
        continue;
      }
      throw new SourceReadError(timedOut ? 'timeout' : 'unreachable', `${where}: ${lastProblem} after ${attempt + 1} attempt(s)`);
    } finally {
      clearTimeout(headerTimer);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { notModified: true, response, validators: request.validators ?? { etag: null, lastModified: null } };
    }
    if (response.ok) {
      return { notModified: false, response, validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') } };
    }
    await response.body?.cancel();
    lastProblem = `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (!RETRYABLE.has(response.status) || attempt === policy.retries) {
      throw new SourceReadError('http-status', `${where}: ${lastProblem}${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}`);
    }
    await sleep(backoff(policy, attempt, response.headers.get('retry-after')));
  }
  throw new SourceReadError('unreachable', `${where}: ${lastProblem}`);
}

/** The delay before retry `attempt + 1`: exponential with full jitter, or what Retry-After asks if within the cap. */
export function backoff(policy: FetchPolicy, attempt: number, retryAfter: string | null): number {
  const asked = retryAfterMs(retryAfter);
  if (asked !== null) return Math.min(asked, policy.maxBackoffMs);
  const ceiling = Math.min(policy.backoffMs * 2 ** attempt, policy.maxBackoffMs);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function retryAfterMs(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * Refuses an answer whose declared type is not one of `expected` (substrings
 * such as `xml`, `json`, `zip`): an HTML error or login page where XML was
 * expected is reported as such instead of failing later in the parser.
 */
export function expectContentType(response: Response, url: string, expected: readonly string[], what: string): void {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type === '' || expected.some((word) => type.includes(word))) return;
  const saw = type.includes('html') ? 'HTML' : type.split(';')[0];
  throw new SourceReadError('wrong-format', `${describeUrl(url)}: answered ${saw} where ${what} was expected`);
}

/** The URL without its query string, which may hold an API key. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'the source URL';
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Reads a body as text, refusing one longer than `maxBytes` (a feed is small; a runaway answer is not read whole). */
export async function readBoundedText(response: Response, maxBytes: number, url: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SourceReadError('wrong-format', `${describeUrl(url)}: the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface TextSourceAnswer {
  notModified: boolean;
  validators: Validators;
  text: string;
}

/**
 * A small document read whole (a feed, a CSV list): fetched with the
 * previous validators, refused when the answer's type or its first bytes
 * say HTML (an error or login page) instead of `what`.
 */
export async function fetchTextSource(
  request: { url: string; validators: Validators | null; accept: string },
  expected: { types: readonly string[]; what: string; maxBytes: number },
  policy?: FetchPolicy,
): Promise<TextSourceAnswer> {
  const answer = await fetchSource({ url: request.url, validators: request.validators ?? undefined, headers: { accept: request.accept } }, policy);
  if (answer.notModified) return { notModified: true, validators: answer.validators, text: '' };
  expectContentType(answer.response, request.url, expected.types, expected.what);
  const text = await readBoundedText(answer.response, expected.maxBytes, request.url);
  if (/^\s*<(!doctype html|html)/i.test(text)) throw new SourceReadError('wrong-format', `${describeUrl(request.url)}: answered HTML where ${expected.what} was expected`);
  return { notModified: false, validators: answer.validators, text };
}
