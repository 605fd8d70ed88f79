import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server answers on one path. */
export interface Route {
  /** A body, or a function of the request (paging, checking headers). */
  body: string | Buffer | ((request: SeenRequest) => { status?: number; body: string | Buffer; headers?: Record<string, string> });
  contentType?: string;
  status?: number;
  /** Sends an ETag (the body's hash) and answers 304 to If-None-Match with it. */
  etag?: boolean;
  /** Waits this long before answering (a source that times out). */
  delayMs?: number;
  /** Answers these statuses first, one per request, then the body (a source that recovers). */
  failFirst?: number[];
  headers?: Record<string, string>;
}

export interface SeenRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/**
 * A local HTTP server the connector tests serve files from: real sockets,
 * real status codes, delays and conditional requests, on a port of its own.
 */
export class SourceServer {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private server?: Server;
  private readonly failures = new Map<string, number>();

  route(path: string, route: Route): this {
    this.routes.set(path, route);
    this.failures.set(path, 0);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  requestsTo(path: string): SeenRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = { method: request.method ?? 'GET', path: url.pathname, url, headers: request.headers, body: Buffer.concat(chunks) };
    this.requests.push(seen);
    const route = this.routes.get(url.pathname);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
      return;
    }
    if (route.delayMs) await new Promise((resolve) => setTimeout(resolve, route.delayMs).unref());
    const failed = this.failures.get(url.pathname) ?? 0;
    const failure = route.failFirst?.[failed];
    if (failure !== undefined) {
      this.failures.set(url.pathname, failed + 1);
      response.writeHead(failure, { 'content-type': 'text/plain', 'retry-after': '0' }).end('try again');
      return;
    }
    const made = typeof route.body === 'function' ? route.body(seen) : { body: route.body };
    const body = made.body;
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/octet-stream', ...(route.headers ?? {}), ...(made.headers ?? {}) };
    if (route.etag) {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      headers['etag'] = etag;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
    }
    response.writeHead(made.status ?? route.status ?? 200, headers).end(body);
  }
}
