import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { entryOf, environmentOf, PlatformSettings } from '@entente/platform';
import { testEndpoints } from '@entente/testing';
import { startTestPlatform, TEST_PORTS, TestPlatform } from '../support';

const REPO_ROOT = join(__dirname, '..', '..');

/** How a service starts and stops: config checked at boot, readiness, graceful shutdown. */
describe('service lifecycle', () => {
  const settings = (): PlatformSettings => ({
    repoRoot: REPO_ROOT,
    infra: testEndpoints(),
    ports: TEST_PORTS,
    databasePrefix: 'e2e_boot',
    logDir: join(REPO_ROOT, '.runtime/test/logs/boot'),
  });

  const runToExit = (env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [entryOf(REPO_ROOT, 'registry')], { env: { ...environmentOf('registry', settings()), ...env } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('refuses to start with a bad value and names the variable', async () => {
    const { code, stderr } = await runToExit({ KAFKA_BROKERS: 'kafka-without-a-port', PORT: 'eighty' });
    expect(code).toBe(78);
    expect(stderr).toContain('registry: invalid configuration');
    expect(stderr).toContain('KAFKA_BROKERS: must be a comma-separated list of host:port');
    expect(stderr).toContain('PORT:');
  });

  it('refuses to start without a required value and names it', async () => {
    const { code, stderr } = await runToExit({ MONGO_URL: '' });
    expect(code).toBe(78);
    expect(stderr).toContain('MONGO_URL');
  });

  describe('running', () => {
    let platform: TestPlatform;
    beforeAll(async () => {
      platform = await startTestPlatform({ name: 'boot', own: true });
    });
    afterAll(async () => {
      await platform?.stop();
    });

    it.each(['registry', 'planning', 'funding', 'network'] as const)('%s is live and ready with MongoDB and Kafka up', async (app) => {
      const live = await fetch(`http://127.0.0.1:${TEST_PORTS[app]}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${TEST_PORTS[app]}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { mongodb: 'up', kafka: 'up' } });
    });

    it('the gateway is ready once the supergraph is composed', async () => {
      const ready = await fetch(`http://127.0.0.1:${TEST_PORTS.gateway}/health/ready`);
      expect(ready.status).toBe(200);
    });

    it('a service stops cleanly on SIGTERM', async () => {
      const exit = platform.waitForExit('network', 20_000);
      await platform.kill('network', 'SIGTERM');
      expect(await exit).toBe(0);
      // Up again for whichever test runs next: the health checks above must not depend on running first.
      await platform.start('network');
    });
  });
});
