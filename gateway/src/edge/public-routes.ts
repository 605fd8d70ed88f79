import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SubgraphEndpoint } from '../gateway.config';

/**
 * Paths the gateway forwards to a subgraph as they are, without a token:
 * links people open from outside the app, whose own signed token is the
 * credential (the alert mails' one-click unsubscribe and stop-following). Only these prefixes,
 * only GET, HEAD and POST; everything else stays behind /graphql and the
 * edge's token check.
 */
export const PUBLIC_ROUTES: ReadonlyArray<{ prefix: string; subgraph: string }> = [
  { prefix: '/alerts/unsubscribe', subgraph: 'funding' },
  { prefix: '/alerts/unfollow', subgraph: 'funding' },
];

/** What the page needs of the subgraph's answer; nothing else crosses. */
const PASSED_BACK = ['content-type', 'content-length', 'cache-control', 'referrer-policy'];
const FORWARDED_HEADERS = ['content-type', 'content-length', 'accept', 'accept-language', 'user-agent', 'traceparent', 'tracestate'];

/** An Express-style handler forwarding a public route to its subgraph's origin; null when the subgraph is not configured. */
export function publicRouteForwarder(subgraphs: readonly SubgraphEndpoint[], subgraph: string): ((req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => void) | null {
  const target = subgraphs.find((endpoint) => endpoint.name === subgraph);
  if (!target) return null;
  const origin = new URL(target.url).origin;
  return (req, res) => {
    if (!['GET', 'HEAD', 'POST'].includes(req.method ?? '')) {
      res.writeHead(405, { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = httpRequest(`${origin}${req.originalUrl ?? req.url ?? '/'}`, { method: req.method, headers, timeout: 10_000 }, (answer) => {
      const passed = Object.fromEntries(PASSED_BACK.flatMap((name) => (answer.headers[name] === undefined ? [] : [[name, answer.headers[name] as string]])));
      res.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('The service behind this link is not reachable; try again shortly.');
      else res.destroy();
    });
    req.pipe(upstream);
  };
}
