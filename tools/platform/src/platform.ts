import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, RUNTIME_DIR, startInfrastructure, stopInfrastructure } from '@entente/local-infra';
import { CONSOLE_PORT } from './console-server';
import { DEMO_FILES } from './demo-funding';
import { AppName, DEFAULT_PORTS, DEMO_FILES_PORT, DOMAIN_SERVICES, isAlive, PlatformSettings, spawnApp, stopProcess, waitReady } from './service-processes';

const PLATFORM_DIR = join(RUNTIME_DIR, 'platform');
const PID_DIR = join(PLATFORM_DIR, 'pids');
const LOG_DIR = join(PLATFORM_DIR, 'logs');
const APPS: readonly AppName[] = [...DOMAIN_SERVICES, 'gateway'];
/** The platform's own small servers, started after the apps. */
const TOOLS = ['console', 'demo-files'] as const;
type ToolName = (typeof TOOLS)[number];

type Log = (line: string) => void;

/**
 * Brings the local platform up: infrastructure (Kafka, the MongoDB-wire
 * server, Keycloak, the mail server), the four services, then the gateway once they are ready,
 * the console's server and the demo funding files' server.
 * Running it again leaves what already runs alone.
 */
export async function platformUp(log: Log): Promise<{ gatewayUrl: string; keycloakUrl: string; consoleUrl: string; mailApiUrl: string | null; demoFilesUrl: string }> {
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
  const gatewayUrl = `http://127.0.0.1:${settings.ports.gateway}/graphql`;
  const consoleUrl = await startConsole(gatewayUrl, infra.keycloakUrl, log);
  const demoFilesUrl = await startDemoFiles(infra.mailApiUrl, log);
  return { gatewayUrl, keycloakUrl: infra.keycloakUrl, consoleUrl, mailApiUrl: infra.mailApiUrl, demoFilesUrl };
}

/** The console's server (tools/platform/src/console-main.ts) on :4200, serving dist/console and forwarding /graphql. */
function startConsole(gatewayUrl: string, keycloakUrl: string, log: Log): Promise<string> {
  return startTool('console', {
    script: 'console-main.js',
    port: CONSOLE_PORT,
    env: { CONSOLE_PORT: String(CONSOLE_PORT), CONSOLE_ROOT: join(REPO_ROOT, 'dist', 'console'), GATEWAY_URL: gatewayUrl, KEYCLOAK_URL: keycloakUrl },
    readyPath: '/config.json',
    log,
  });
}

/** The demo funding files' server (demo-files-main.ts) on :4300: what the demo's funding sources read, and the demo's mailbox page. */
function startDemoFiles(mailApiUrl: string | null, log: Log): Promise<string> {
  return startTool('demo-files', {
    script: 'demo-files-main.js',
    port: DEMO_FILES_PORT,
    env: { DEMO_FILES_PORT: String(DEMO_FILES_PORT), DEMO_FILES_DIR: join(PLATFORM_DIR, 'demo-files'), ...(mailApiUrl ? { MAIL_API_URL: mailApiUrl } : {}) },
    readyPath: `/${DEMO_FILES.feed}`,
    log,
  });
}

/** Starts one of the platform's own small servers (dist/tools/platform/src/<script>) detached, unless it runs; answers its URL once it answers `readyPath`. */
async function startTool(name: ToolName, options: { script: string; port: number; env: NodeJS.ProcessEnv; readyPath: string; log: Log }): Promise<string> {
  const { log } = options;
  const url = `http://127.0.0.1:${options.port}`;
  const running = runningPid(name);
  if (running) {
    log(`${name} already running (pid ${running})`);
    return url;
  }
  mkdirSync(LOG_DIR, { recursive: true });
  const output = openSync(join(LOG_DIR, `${name}.log`), 'a');
  try {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/tools/platform/src', options.script)], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', output, output],
      detached: true,
    });
    child.unref();
    if (!child.pid) throw new Error(`could not start ${name}`);
    writeFileSync(pidFile(name), String(child.pid));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        if ((await fetch(`${url}${options.readyPath}`, { signal: AbortSignal.timeout(1000) })).ok) {
          log(`${name} ready on ${url}`);
          return url;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${name} did not start on ${url}; see ${join(LOG_DIR, `${name}.log`)}`);
  } finally {
    closeSync(output);
  }
}

/** Stops the gateway, the services and then the infrastructure, each by the pid it was started with. */
export async function platformDown(log: Log): Promise<void> {
  for (const app of ['console', 'demo-files', 'gateway', ...DOMAIN_SERVICES] as Array<AppName | ToolName>) {
    const pid = runningPid(app);
    if (pid) {
      await stopProcess(pid);
      log(`${app} stopped (pid ${pid})`);
    }
    rmSync(pidFile(app), { force: true });
  }
  await stopInfrastructure({ profile: 'platform', log });
}

export function platformStatus(): Record<AppName | ToolName, number | null> {
  return Object.fromEntries([...APPS, ...TOOLS].map((app) => [app, runningPid(app)])) as Record<AppName | ToolName, number | null>;
}

function pidFile(app: AppName | ToolName): string {
  return join(PID_DIR, `${app}.pid`);
}

function runningPid(app: AppName | ToolName): number | null {
  if (!existsSync(pidFile(app))) return null;
  const pid = Number(readFileSync(pidFile(app), 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}
