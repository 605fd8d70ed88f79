import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RUNTIME_DIR, startInfrastructure, stopInfrastructure } from '@entente/local-infra';
import { AppName, DEFAULT_PORTS, DOMAIN_SERVICES, isAlive, PlatformSettings, spawnApp, stopProcess, waitReady } from './service-processes';

const PLATFORM_DIR = join(RUNTIME_DIR, 'platform');
const PID_DIR = join(PLATFORM_DIR, 'pids');
const LOG_DIR = join(PLATFORM_DIR, 'logs');
const APPS: readonly AppName[] = [...DOMAIN_SERVICES, 'gateway'];

type Log = (line: string) => void;

/**
 * Brings the local platform up: infrastructure (Kafka, the MongoDB-wire
 * server, Keycloak), the four services, then the gateway once they are ready.
 * Running it again leaves what already runs alone.
 */
export async function platformUp(log: Log): Promise<{ gatewayUrl: string; keycloakUrl: string }> {
  const infra = await startInfrastructure({ profile: 'platform', log });
  const settings: PlatformSettings = {
    repoRoot: REPO_ROOT,
    infra,
    ports: DEFAULT_PORTS,
    databasePrefix: 'entente',
    logDir: LOG_DIR,
    env: { OTEL_TRACES_EXPORTER: process.env.OTEL_TRACES_EXPORTER ?? 'none' },
  };
  mkdirSync(PID_DIR, { recursive: true });
  const start = async (apps: readonly AppName[]) => {
    await Promise.all(
      apps.map(async (app) => {
        const running = runningPid(app);
        if (running) {
          log(`${app} already running (pid ${running})`);
          return;
        }
        const child = spawnApp(app, settings, { detached: true });
        if (!child.pid) throw new Error(`could not start ${app}`);
        writeFileSync(pidFile(app), String(child.pid));
        log(`${app} starting (pid ${child.pid}, log ${join(LOG_DIR, `${app}.log`)})`);
        await waitReady(app, settings.ports[app], { timeoutMs: 90_000, child, logDir: LOG_DIR });
        log(`${app} ready on http://127.0.0.1:${settings.ports[app]}`);
      }),
    );
  };
  await start(DOMAIN_SERVICES);
  await start(['gateway']);
  return { gatewayUrl: `http://127.0.0.1:${settings.ports.gateway}/graphql`, keycloakUrl: infra.keycloakUrl };
}

/** Stops the gateway, the services and then the infrastructure, each by the pid it was started with. */
export async function platformDown(log: Log): Promise<void> {
  for (const app of ['gateway', ...DOMAIN_SERVICES] as AppName[]) {
    const pid = runningPid(app);
    if (pid) {
      await stopProcess(pid);
      log(`${app} stopped (pid ${pid})`);
    }
    rmSync(pidFile(app), { force: true });
  }
  await stopInfrastructure({ profile: 'platform', log });
}

export function platformStatus(): Record<AppName, number | null> {
  return Object.fromEntries(APPS.map((app) => [app, runningPid(app)])) as Record<AppName, number | null>;
}

function pidFile(app: AppName): string {
  return join(PID_DIR, `${app}.pid`);
}

function runningPid(app: AppName): number | null {
  if (!existsSync(pidFile(app))) return null;
  const pid = Number(readFileSync(pidFile(app), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}
