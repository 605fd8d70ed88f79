import { join } from 'node:path';

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
