import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { InfraEndpoints } from '@entente/local-infra';

export type AppName = 'registry' | 'planning' | 'funding' | 'network' | 'gateway';

export const DOMAIN_SERVICES: readonly AppName[] = ['registry', 'planning', 'funding', 'network'];

export interface AppPorts {
  registry: number;
  planning: number;
  funding: number;
  network: number;
  gateway: number;
}

export const DEFAULT_PORTS: AppPorts = { registry: 4101, planning: 4102, funding: 4103, network: 4104, gateway: 4000 };

/** `npm start`'s other ports: the console's server is on 4200 (CONSOLE_PORT); the demo funding files are served here. */
export const DEMO_FILES_PORT = 4300;

export interface PlatformSettings {
  repoRoot: string;
  infra: InfraEndpoints;
  ports: AppPorts;
  /** Prefix of each service's database name: `<prefix>_registry`, … */
  databasePrefix: string;
  logDir: string;
  /** Extra variables for every app, then per app (e.g. OTLP exporter, fault injection). */
  env?: NodeJS.ProcessEnv;
  appEnv?: Partial<Record<AppName, NodeJS.ProcessEnv>>;
}

/** The compiled entry point of an app (`npm run build` writes dist/). */
export function entryOf(repoRoot: string, app: AppName): string {
  return app === 'gateway' ? join(repoRoot, 'dist/gateway/src/main.js') : join(repoRoot, `dist/services/${app}/src/main.js`);
}

/**
 * Secrets of the local realm's confidential clients (deploy/keycloak/realm-entente.json,
 * committed because that realm is for local development and tests only), and the
 * local signing secret of alert mail links.
 */
const LOCAL_REALM_SECRETS: Partial<Record<AppName, NodeJS.ProcessEnv>> = {
  gateway: { AUTH_INTROSPECTION_CLIENT_SECRET: 'entente-gateway-local-secret' },
  registry: { KEYCLOAK_ADMIN_CLIENT_SECRET: 'entente-registry-local-secret' },
  // Signs the unsubscribe links of local and test mail only.
  funding: { ALERTS_LINK_SECRET: 'entente-funding-local-alerts-link-secret' },
};

export function environmentOf(app: AppName, settings: PlatformSettings): NodeJS.ProcessEnv {
  const { infra, ports } = settings;
  const common: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    MONGO_URL: infra.mongoUrl,
    KEYCLOAK_URL: infra.keycloakUrl,
  };
  const own: NodeJS.ProcessEnv =
    app === 'gateway'
      ? {
          GATEWAY_PORT: String(ports.gateway),
          REGISTRY_URL: `http://127.0.0.1:${ports.registry}/graphql`,
          PLANNING_URL: `http://127.0.0.1:${ports.planning}/graphql`,
          FUNDING_URL: `http://127.0.0.1:${ports.funding}/graphql`,
          NETWORK_URL: `http://127.0.0.1:${ports.network}/graphql`,
        }
      : {
          PORT: String(ports[app]),
          MONGO_DATABASE: `${settings.databasePrefix}_${app}`,
          // Webhooks may go to 127.0.0.1 here (the tests' receivers listen there); production refuses internal addresses.
          ...(app === 'funding' && { SMTP_URL: infra.smtpUrl, ALERTS_PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`, WEBHOOK_ALLOW_PRIVATE: 'true' }),
        };
  Object.assign(own, LOCAL_REALM_SECRETS[app]);
  return { ...process.env, ...common, ...own, ...settings.env, ...settings.appEnv?.[app] };
}

/**
 * V8 flags an app runs with, here and in a deployment (README, Deploying).
 * Funding's: the Grants.gov extract's ingest (bench F) allocates about 30 KB
 * per record and holds each record until its batch is written. With V8's
 * defaults on Node 24 the young generation alone keeps about 60 MB resident
 * and the old space grows to about four times what is live before a full
 * collection, so the 80,000-record ingest peaked at 305-318 MB RSS (goal
 * < 300 MB). A 16 MB semi-space halves the young generation, and a heap
 * growing factor of 1.5 collects the old space sooner: 266 MB, in the same
 * time. Either alone is worse (16 MB alone promotes batches: 451 MB); the
 * size-optimised mode (`--optimize-for-size`) reached 201 MB but doubled the
 * ingest's time.
 */
export const NODE_FLAGS: Readonly<Record<AppName, readonly string[]>> = {
  registry: [],
  planning: [],
  funding: ['--max-semi-space-size=16', '--heap-growing-percent=50'],
  network: [],
  gateway: [],
};

/** Starts one app as a child process writing to `<logDir>/<app>.log`. */
export function spawnApp(app: AppName, settings: PlatformSettings, options: { detached?: boolean } = {}): ChildProcess {
  mkdirSync(settings.logDir, { recursive: true });
  const log = openSync(join(settings.logDir, `${app}.log`), 'a');
  try {
    const child = spawn(process.execPath, ['--enable-source-maps', '--no-warnings=TimeoutNegativeWarning', ...NODE_FLAGS[app], entryOf(settings.repoRoot, app)], {
      cwd: settings.repoRoot,
      env: environmentOf(app, settings),
      stdio: ['ignore', log, log],
      detached: options.detached ?? false,
    });
    if (options.detached) child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

/** Polls `/health/ready` until it answers 200, the process dies, or the timeout passes. */
export async function waitReady(
  app: AppName,
  port: number,
  options: { timeoutMs: number; child?: ChildProcess; logDir: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (options.child && options.child.exitCode !== null) {
      throw new Error(`${app} exited with code ${options.child.exitCode} while starting; see ${join(options.logDir, `${app}.log`)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${app} was not ready on port ${port} within ${options.timeoutMs} ms (last: ${last}); see ${join(options.logDir, `${app}.log`)}`);
}

/** SIGTERM, then SIGKILL if the process has not ended within the grace period. */
export async function stopProcess(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
