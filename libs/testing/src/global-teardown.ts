import { loadLocalInfra } from './local-infra-loader';
import type { ServerName } from '@entente/local-infra';

const STATE_KEY = '__ententeInfraStarted';

/**
 * Stops what the global setup started (never external or already-running servers).
 * ENTENTE_KEEP_INFRA=1 leaves them up for fast re-runs; `node dist/deploy/local/src/cli.js
 * down --profile test` stops them later.
 */
export default async function globalTeardown(): Promise<void> {
  const started = ((globalThis as Record<string, unknown>)[STATE_KEY] as ServerName[] | undefined) ?? [];
  if (process.env.ENTENTE_KEEP_INFRA === '1' || started.length === 0) return;
  const quiet = process.env.ENTENTE_INFRA_QUIET === '1';
  await loadLocalInfra().stopInfrastructure({
    profile: 'test',
    only: started,
    log: (line) => {
      if (!quiet) process.stderr.write(`[infra] ${line}\n`);
    },
  });
}
