import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPlatformApp } from './platform-apps';

// Loaded by path, see global-setup.ts. The slice of its API used here:
interface LocalInfraApi {
  releaseInfrastructure(options: { profile: 'test'; started: readonly string[]; log?: (line: string) => void }): Promise<void>;
}
function loadLocalInfra(): LocalInfraApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', '..', '..', 'deploy', 'local', 'src', 'index.ts')) as LocalInfraApi;
}

const STATE_KEY = '__ententeInfraStarted';

/**
 * Stops what the global setup started (never external or already-running servers).
 * When another jest run is still using the test profile (its lease is live), the
 * servers are handed over and the last run to finish stops them.
 * ENTENTE_KEEP_INFRA=1 leaves them up for fast re-runs; `node dist/deploy/local/src/cli.js
 * down --profile test` stops them later.
 */
export default async function globalTeardown(): Promise<void> {
  await stopSharedPlatforms();
  const started = ((globalThis as Record<string, unknown>)[STATE_KEY] as string[] | undefined) ?? [];
  if (process.env.ENTENTE_KEEP_INFRA === '1') return;
  const quiet = process.env.ENTENTE_INFRA_QUIET === '1';
  await loadLocalInfra().releaseInfrastructure({
    profile: 'test',
    started,
    log: (line) => {
      if (!quiet) process.stderr.write(`[infra] ${line}\n`);
    },
  });
}

/**
 * Stops the end-to-end platform this run's specs shared (see
 * test/support/platform-fixture.ts): the processes its state files name, if
 * they are still this run's apps, then the files.
 */
async function stopSharedPlatforms(): Promise<void> {
  const dir = join(__dirname, '..', '..', '..', '.runtime', 'test', 'shared-platform');
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const state = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { runId?: string; pids?: number[] };
    if (state.runId === process.env.ENTENTE_TEST_RUN_ID) {
      const pids = (state.pids ?? []).filter(isPlatformApp);
      for (const pid of pids) process.kill(pid, 'SIGTERM');
      for (let waited = 0; waited < 20_000 && pids.some(isPlatformApp); waited += 200) await sleep(200);
      for (const pid of pids.filter(isPlatformApp)) process.kill(pid, 'SIGKILL');
    }
    rmSync(join(dir, file), { force: true });
  }
}
