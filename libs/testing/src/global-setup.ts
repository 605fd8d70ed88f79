import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { InfraEndpoints } from './infra-endpoints';

// jest runs globalSetup/globalTeardown outside its module registry, so the
// `@entente/local-infra` path alias (moduleNameMapper) does not resolve here; the
// launcher is loaded by its path instead (jest still transpiles it). It is not
// imported statically either: local-infra's own integration specs use this library
// and Nx forbids the cycle. The slice of its API used here:
interface LocalInfraApi {
  startInfrastructureDetailed(options: {
    profile: 'test';
    log?: (line: string) => void;
    lease?: boolean;
  }): Promise<{ endpoints: InfraEndpoints; started: string[]; startupSeconds: Record<string, number | undefined> }>;
}
function loadLocalInfra(): LocalInfraApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', '..', '..', 'deploy', 'local', 'src', 'index.ts')) as LocalInfraApi;
}

// What this run started, read by global-teardown (jest runs both in one process and
// shares globalThis between them).
const STATE_KEY = '__ententeInfraStarted';

/**
 * Starts the `test` profile once per jest run (or attaches to servers named by
 * KAFKA_BROKERS / MONGO_URL / KEYCLOAK_URL) and publishes the endpoints in the
 * environment so the workers inherit them.
 */
export default async function globalSetup(): Promise<void> {
  const quiet = process.env.ENTENTE_INFRA_QUIET === '1';
  const log = (line: string) => {
    if (!quiet) process.stderr.write(`[infra] ${line}\n`);
  };
  const result = await loadLocalInfra().startInfrastructureDetailed({ profile: 'test', log, lease: true });
  // Names this run's shared end-to-end platform (test/support/platform-fixture.ts), which global-teardown stops.
  process.env.ENTENTE_TEST_RUN_ID = randomUUID();
  process.env.KAFKA_BROKERS = result.endpoints.kafkaBrokers.join(',');
  process.env.MONGO_URL = result.endpoints.mongoUrl;
  process.env.KEYCLOAK_URL = result.endpoints.keycloakUrl;
  process.env.SMTP_URL = result.endpoints.smtpUrl;
  if (result.endpoints.mailApiUrl) process.env.MAIL_API_URL = result.endpoints.mailApiUrl;
  const started: string[] = result.started;
  (globalThis as Record<string, unknown>)[STATE_KEY] = started;
  if (Object.keys(result.startupSeconds).length > 0) {
    log(`start-up seconds: ${JSON.stringify(result.startupSeconds)}`);
  }
}
