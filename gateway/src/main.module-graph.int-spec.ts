import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');

/**
 * The gateway's real module graph, as Node loads it from main.ts: a barrel
 * import (a lib index that re-exports Nest modules) would pull database and
 * Kafka code into a process that never uses it. The child process stops at
 * the configuration check (an invalid port), after every static import of
 * main.ts has loaded and before anything listens; on exit it prints what
 * `require.cache` holds.
 */
async function modulesLoadedByGatewayMain(): Promise<{ code: number; modules: string[]; stderr: string }> {
  const main = resolve(root, 'gateway/src/main.ts');
  const report = `process.on('exit', (code) => require('node:fs').writeSync(1, '\\n' + JSON.stringify({ code, modules: Object.keys(require.cache) }) + '\\n'));`;
  const run = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', `${report} require(${JSON.stringify(main)});`], {
    cwd: root,
    env: { ...process.env, GATEWAY_PORT: 'not-a-port', OTEL_TRACES_EXPORTER: 'none' },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Exiting with the configuration code (78) rejects; its output is what we read.
  const { stdout, stderr } = await run.catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
  const last = stdout.trim().split('\n').pop() ?? '';
  return { ...(JSON.parse(last) as { code: number; modules: string[] }), stderr };
}

describe('the gateway module graph', () => {
  it('loads no mongoose, MongoDB driver, kafkajs or Nest microservices, nor our persistence and messaging libs', async () => {
    const { code, modules, stderr } = await modulesLoadedByGatewayMain();

    // Proof that the whole graph loaded: the run got as far as the gateway's own config check.
    expect(stderr).toContain('gateway: invalid configuration');
    expect(code).toBe(78);
    expect(modules).toContain(resolve(root, 'gateway/src/gateway.app.ts'));

    const unwanted = /[\\/]node_modules[\\/](mongoose|mongodb|kafkajs|@nestjs[\\/]microservices)[\\/]|[\\/]libs[\\/](persistence|messaging|service-runtime)[\\/]/;
    // One entry per package or lib, not its hundreds of files.
    expect([...new Set(modules.map((path) => unwanted.exec(path)?.[0]).filter(Boolean))]).toEqual([]);
  });
});
