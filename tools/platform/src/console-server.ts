import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { env, loadConfig } from '@entente/config';

export const CONSOLE_PORT = 4200;

export const consoleConfigSchema = z.object({
  CONSOLE_PORT: env.port(CONSOLE_PORT),
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  /** The built console (npm run build:console). */
  CONSOLE_ROOT: z.string().min(1),
  /** The gateway's GraphQL endpoint, which /graphql forwards to (and, to its origin, the public links: /calendar/…, /alerts/unsubscribe, /alerts/unfollow). */
  GATEWAY_URL: env.url(),
  /** Keycloak as the browser reaches it (always 127.0.0.1, like the tokens' issuer). */
  KEYCLOAK_URL: env.url(),
  KEYCLOAK_REALM: z.string().regex(/^[\w-]+$/, 'must be a Keycloak realm name such as entente').default('entente'),
  CONSOLE_CLIENT_ID: z.string().min(1).default('entente-console'),
});

export type ConsoleServerConfig = z.infer<typeof consoleConfigSchema>;

export function loadConsoleConfig(source: NodeJS.ProcessEnv = process.env): ConsoleServerConfig {
  return loadConfig('console', consoleConfigSchema, source);
}

export interface ConsoleServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Text that compresses well: sent gzipped to a browser that accepts it. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/**
 * Gzipped copies of the built files, made on first request and kept while
 * the file is unchanged (the build's files are few and fixed: the first
 * route's JS drops from about 550 kB to 160 kB on the wire).
 */
class GzipCache {
  private readonly entries = new Map<string, { mtimeMs: number; size: number; gzipped: Buffer }>();

  get(file: string): Buffer {
    const { mtimeMs, size } = statSync(file);
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.gzipped;
    const gzipped = gzipSync(readFileSync(file), { level: 9 });
    this.entries.set(file, { mtimeMs, size, gzipped });
    return gzipped;
  }
}

/** Whether an Accept-Encoding header takes gzip: named (or `*`) without `q=0`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Request headers the gateway gets; the rest (cookies, host, origin) stay here. */
const FORWARDED = ['authorization', 'content-type', 'content-length', 'accept', 'accept-language', 'traceparent', 'tracestate', 'x-correlation-id'];

/**
 * Paths besides /graphql that the gateway answers without a token: the
 * calendar feeds (`/calendar/<secret>.ics`) and the alert mails' one-click
 * unsubscribe and stop-following. Forwarded as they are, so a link made with the console's
 * origin works too.
 */
export function isGatewayPath(path: string): boolean {
  return path === '/graphql' || path.startsWith('/calendar/') || path === '/alerts/unsubscribe' || path === '/alerts/unfollow';
}

/** Whether a request asks for a stream of server-sent events (a GraphQL subscription over SSE). */
export function wantsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').toLowerCase().includes('text/event-stream');
}

/**
 * Serves the built console and, on the same origin, forwards /graphql to the
 * gateway (subscriptions too: an event stream is passed on as each event
 * arrives), so the browser needs no CORS to reach the API; /config.json tells
 * the app where Keycloak is. Hashed assets are cached for good, index.html
 * never, and every other path is the app's (client-side routes). Text is
 * gzipped for browsers that accept it.
 */
export async function startConsoleServer(config: ConsoleServerConfig): Promise<ConsoleServer> {
  const root = normalize(config.CONSOLE_ROOT);
  const index = join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`console: ${index} is missing; build the console first (npm run build:console)`);
  const keycloakOrigin = new URL(config.KEYCLOAK_URL).origin;
  const headers = {
    'content-security-policy': [
      "default-src 'self'",
      `connect-src 'self' ${keycloakOrigin}`,
      `frame-src ${keycloakOrigin}`,
      // Mantine sets styles at run time.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  const gzip = new GzipCache();
  const gatewayOrigin = new URL(config.GATEWAY_URL).origin;
  const publicConfig = JSON.stringify({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM, clientId: config.CONSOLE_CLIENT_ID });

  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname);
    } catch {
      return send(res, 400, headers, 'bad path');
    }
    const search = new URL(req.url ?? '/', 'http://console').search;
    if (path === '/graphql') return forward(req, res, config.GATEWAY_URL + search);
    if (isGatewayPath(path)) return forward(req, res, gatewayOrigin + path + search);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { allow: 'GET, HEAD' }, 'method not allowed');
    if (path === '/config.json') return send(res, 200, { ...headers, 'content-type': TYPES['.json'] as string, 'cache-control': 'no-store' }, publicConfig);
    const file = normalize(join(root, path));
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    if (!isFile && extname(path) !== '') return send(res, 404, headers, 'not found');
    const served = isFile ? file : index;
    const hashed = served.includes(`${sep}assets${sep}`);
    const compressible = COMPRESSIBLE.has(extname(served));
    const gzipped = compressible && acceptsGzip(req.headers['accept-encoding']) ? gzip.get(served) : null;
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(compressible && { vary: 'accept-encoding' }),
      ...(gzipped && { 'content-encoding': 'gzip', 'content-length': String(gzipped.length) }),
    });
    if (req.method === 'HEAD') return res.end();
    if (gzipped) return res.end(gzipped);
    createReadStream(served).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.CONSOLE_PORT, config.CONSOLE_HOST, () => resolve());
  });
  // Port 0 (a test's) means the one the system gave.
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.CONSOLE_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(req: IncomingMessage, res: ServerResponse, gatewayUrl: string): void {
  const outgoing: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = req.headers[name];
    if (typeof value === 'string') outgoing[name] = value;
  }
  const upstream = httpRequest(gatewayUrl, { method: req.method, headers: outgoing }, (answer) => {
    if (wantsEventStream(req.headers['accept']) && wantsEventStream(answer.headers['content-type'])) {
      // Each event goes to the browser as it arrives: no compression or proxy buffering in between, headers sent at once, Nagle off.
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
      res.flushHeaders();
      res.socket?.setNoDelay(true);
    } else {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
    }
    answer.pipe(res);
  });
  // A closed tab ends its subscription at the gateway too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  upstream.on('error', () => {
    if (!res.headersSent) send(res, 502, { 'content-type': TYPES['.json'] as string }, JSON.stringify({ errors: [{ message: 'The API is not reachable; retry shortly.', extensions: { code: 'UNAVAILABLE' } }] }));
    else res.destroy();
  });
  req.pipe(upstream);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}
