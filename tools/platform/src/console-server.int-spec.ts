import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, type ConsoleServer, startConsoleServer } from './console-server';

/** The console's server on a port of its own, serving a small built console from a temporary folder. */
describe('the console server', () => {
  let root: string;
  let server: ConsoleServer;
  const script = `console.log(${JSON.stringify('a first route '.repeat(400))});\n`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-root-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Entente</title><script src="/assets/index-abc123.js"></script>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(root, 'assets', 'logo-abc123.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = await startConsoleServer({
      CONSOLE_PORT: 0,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_ROOT: root,
      GATEWAY_URL: 'http://127.0.0.1:9/graphql',
      KEYCLOAK_URL: 'http://127.0.0.1:9',
      KEYCLOAK_REALM: 'entente',
      CONSOLE_CLIENT_ID: 'entente-console',
    });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      request(new URL(path, server.url), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  }

  it('sends the JavaScript gzipped to a browser that accepts gzip, and the same bytes once unzipped', async () => {
    const answer = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['vary']).toBe('accept-encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(script);
  });

  it('sends it as it is to a client that does not accept gzip', async () => {
    const refusals: Array<Record<string, string>> = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, identity' }];
    for (const headers of refusals) {
      const answer = await get('/assets/index-abc123.js', headers);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.toString('utf8')).toBe(script);
    }
  });

  it('does not gzip what is already compressed, and answers client-side routes with index.html', async () => {
    const png = await get('/assets/logo-abc123.png', { 'accept-encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const route = await get('/registry/partners/p-1', { 'accept-encoding': 'gzip' });
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(route.body).toString('utf8')).toContain('<title>Entente</title>');
  });

  it('refuses paths outside the built console', async () => {
    expect((await get('/assets/../../etc/passwd.js')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/hostname.txt')).status).toBe(404);
  });
});

/** The console server in front of a stand-in gateway that answers subscriptions as server-sent events, and the public links. */
describe('the console server forwarding to the gateway', () => {
  let root: string;
  let gateway: Server;
  let server: ConsoleServer;
  const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
  let streamClosed: Promise<void>;
  let sendSecondEvent: () => void = () => undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-root-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Entente</title>');
    let closed: () => void = () => undefined;
    streamClosed = new Promise((resolve) => (closed = resolve));
    gateway = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      if (req.url === '/graphql' && req.headers['accept'] === 'text/event-stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
        res.write('event: next\ndata: {"data":{"alertReceived":{"id":"a-1"}}}\n\n');
        // The second event waits for the test: the first must reach the client while the stream is still open.
        sendSecondEvent = () => res.write('event: next\ndata: {"data":{"alertReceived":{"id":"a-2"}}}\n\n');
        res.on('close', () => closed());
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      req.resume();
      req.on('end', () => res.end(`gateway answered ${req.method} ${req.url}`));
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const { port } = gateway.address() as AddressInfo;
    server = await startConsoleServer({
      CONSOLE_PORT: 0,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_ROOT: root,
      GATEWAY_URL: `http://127.0.0.1:${port}/graphql`,
      KEYCLOAK_URL: 'http://127.0.0.1:9',
      KEYCLOAK_REALM: 'entente',
      CONSOLE_CLIENT_ID: 'entente-console',
    });
  });

  afterAll(async () => {
    await server?.close();
    gateway?.closeAllConnections();
    await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  it("passes a subscription's events on one by one while the stream stays open, uncompressed, and ends it at the gateway when the browser leaves", async () => {
    const events: string[] = [];
    const { response, firstTwo } = await new Promise<{ response: IncomingMessage; firstTwo: Promise<void> }>((resolve, reject) => {
      const req = request(new URL('/graphql', server.url), { method: 'POST', headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip', 'content-type': 'application/json', authorization: 'Bearer t-1' } }, (res) => {
        const firstTwo = new Promise<void>((done) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            events.push(...chunk.split('\n\n').filter((event) => event.trim() !== ''));
            if (events.length === 1) sendSecondEvent();
            if (events.length === 2) done();
          });
        });
        resolve({ response: res, firstTwo });
      });
      req.on('error', reject);
      req.end('{"query":"subscription { alertReceived { id } }"}');
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['x-accel-buffering']).toBe('no');
    await firstTwo;
    expect(events).toEqual(['event: next\ndata: {"data":{"alertReceived":{"id":"a-1"}}}', 'event: next\ndata: {"data":{"alertReceived":{"id":"a-2"}}}']);
    const subscribed = seen.find((request) => request.headers['accept'] === 'text/event-stream');
    expect(subscribed?.headers['authorization']).toBe('Bearer t-1');
    expect(subscribed?.headers['accept-encoding']).toBeUndefined();
    response.destroy();
    await streamClosed;
  });

  it('forwards the calendar feeds, the one-click unsubscribe and stop-following to the gateway, path and query as they are', async () => {
    const feed = await get(server, '/calendar/s3cret.ics');
    expect(feed.body.toString('utf8')).toBe('gateway answered GET /calendar/s3cret.ics');
    const unsubscribe = await get(server, '/alerts/unsubscribe?token=abc.def', { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribe.body.toString('utf8')).toBe('gateway answered POST /alerts/unsubscribe?token=abc.def');
    const unfollow = await get(server, '/alerts/unfollow?token=abc.def');
    expect(unfollow.body.toString('utf8')).toBe('gateway answered GET /alerts/unfollow?token=abc.def');
    // Other paths stay the console's: its index.html for a client-side route.
    const route = await get(server, '/alerts/inbox');
    expect(route.body.toString('utf8')).toContain('<title>Entente</title>');
  });
});

function get(server: ConsoleServer, path: string, options: { method?: string; body?: string } = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), { method: options.method ?? 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end(options.body);
  });
}

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
