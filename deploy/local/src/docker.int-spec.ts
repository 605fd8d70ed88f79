import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEngineReachable } from './docker';

describe('dockerEngineReachable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-docker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is false at once when no engine socket exists', async () => {
    const t0 = Date.now();
    await expect(dockerEngineReachable(1000, { DOCKER_HOST: `unix://${join(dir, 'missing.sock')}` })).resolves.toBe(false);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('is true when the socket answers /_ping with OK, false for anything else', async () => {
    const sock = join(dir, 'engine.sock');
    const server = createServer((req, res) => {
      if (req.url === '/_ping') res.end('OK');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      await expect(dockerEngineReachable(1000, { DOCKER_HOST: `unix://${sock}` })).resolves.toBe(true);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    await expect(dockerEngineReachable(1000, { DOCKER_HOST: 'tcp://127.0.0.1:2375' })).resolves.toBe(false);
  });
});
