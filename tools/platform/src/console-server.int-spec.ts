import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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
