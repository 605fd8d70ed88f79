import { InfraError, describeError, envVarFor, messages } from './errors';
import { parseBrokerList } from './args';
import { dockerEngineReachable } from './docker';
import { kafkaHealthy, keycloakHealthy, mongoHealthy } from './health';
import { JavaRuntime, defaultJava, keycloakJava } from './java';
import { DistName, ensureDist } from './maven';
import { tcpConnect, waitFor } from './net';
import { addLease, dropLease, withProfileLock } from './lock';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killByPidFile, pidFile, runningPid, spawnDetached, stopByPidFile, writePidRecord } from './proc';
import { InfraProfile, ProfileConfig, SERVER_NAMES, ServerName, profileConfig } from './profiles';
import type { InfraEndpoints } from './endpoints';
import { LocalServer, kafkaServer, keycloakServer, mailServer, mongoServer } from './servers';

export type { InfraEndpoints };

export type ServerState = 'running' | 'stopped' | 'external';
export type Logger = (line: string) => void;

export interface StartResult {
  endpoints: InfraEndpoints;
  /** Servers this call started (not already-running ones, not external ones). */
  started: ServerName[];
  /** Seconds from spawn to healthy, for the servers this call started. */
  startupSeconds: Partial<Record<ServerName, number>>;
  mode: 'processes' | 'testcontainers';
}

const noop: Logger = () => undefined;
const STOP_GRACE_MS = 20_000;

/** The external endpoint from KAFKA_BROKERS / MONGO_URL / KEYCLOAK_URL, if set. */
export function externalEndpoint(name: ServerName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env[envVarFor(name)]?.trim();
  return v ? v : undefined;
}

async function checkExternal(name: ServerName, value: string): Promise<void> {
  const check = (): Promise<boolean> => {
    switch (name) {
      case 'kafka':
        return kafkaHealthy(parseBrokerList(value));
      case 'mongo':
        return mongoHealthy(value);
      case 'keycloak':
        return keycloakHealthy(value.replace(/\/+$/, ''));
      case 'mail': {
        const { hostname, port } = new URL(value);
        return tcpConnect(hostname, Number(port) || 25, 2000);
      }
    }
  };
  const r = await waitFor(check, { timeoutMs: 15_000, intervalMs: 1000 });
  if (!r.ok) throw new InfraError(messages.externalUnhealthy(name, envVarFor(name), value, r.last));
}

function localServer(name: ServerName, cfg: ProfileConfig, java: JavaRuntime, kcJava: JavaRuntime): LocalServer {
  switch (name) {
    case 'kafka':
      return kafkaServer(cfg, java);
    case 'mongo':
      return mongoServer(cfg, java);
    case 'keycloak':
      return keycloakServer(cfg, kcJava);
    case 'mail':
      return mailServer(cfg, java);
  }
}

/** Starts (or finds running) one local server and waits until it is healthy. */
async function startLocal(server: LocalServer, cfg: ProfileConfig, log: Logger): Promise<{ started: boolean; seconds?: number }> {
  const pidPath = pidFile(cfg.pidsDir, server.name);
  const running = runningPid(pidPath);
  if (running) {
    const r = await waitFor(() => server.healthy(), { timeoutMs: server.timeoutMs, intervalMs: 1000 });
    if (!r.ok) throw new InfraError(messages.healthTimeout(server.name, server.timeoutMs / 1000, server.logPath, r.last));
    log(`${server.name}: already running (pid ${running.pid}) at ${server.endpoint}`);
    return { started: false };
  }
  for (const port of server.ports) {
    if (await tcpConnect('127.0.0.1', port, 500)) throw new InfraError(messages.portTaken(server.name, port));
  }
  server.prepare();
  const cmd = server.command();
  const t0 = Date.now();
  const child = spawnDetached(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env, logPath: server.outPath });
  writePidRecord(pidPath, { pid: child.pid, marker: cmd.marker, startedAt: new Date().toISOString() });
  log(`${server.name}: started pid ${child.pid}, waiting for health (log: ${server.logPath})`);
  const abort = child.exited.then((code) => new InfraError(messages.exitedEarly(server.name, code, server.outPath)));
  try {
    const r = await waitFor(() => server.healthy(), { timeoutMs: server.timeoutMs, intervalMs: 1000, abort });
    if (!r.ok) throw new InfraError(messages.healthTimeout(server.name, server.timeoutMs / 1000, server.logPath, r.last));
  } catch (err) {
    await stopByPidFile(pidPath, 5000);
    throw err;
  }
  const seconds = (Date.now() - t0) / 1000;
  log(`${server.name}: healthy at ${server.endpoint} after ${seconds.toFixed(1)}s`);
  return { started: true, seconds };
}

function endpointFor(name: ServerName, cfg: ProfileConfig): string {
  switch (name) {
    case 'kafka':
      return `127.0.0.1:${cfg.kafkaPort}`;
    case 'mongo':
      return `mongodb://127.0.0.1:${cfg.mongoPort}`;
    case 'keycloak':
      return `http://127.0.0.1:${cfg.keycloakPort}`;
    case 'mail':
      return `smtp://127.0.0.1:${cfg.smtpPort}`;
  }
}

async function useTestcontainers(log: Logger): Promise<boolean> {
  if (process.env.ENTENTE_INFRA !== 'testcontainers') return false;
  if (await dockerEngineReachable()) return true;
  log('ENTENTE_INFRA=testcontainers but no Docker engine answers; starting local processes instead');
  return false;
}

// Lazily loaded so that `testcontainers` is never required on machines without an engine.
type ContainersModule = typeof import('./containers');
let containersModule: ContainersModule | undefined;
function containers(): ContainersModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  containersModule ??= require('./containers') as ContainersModule;
  return containersModule;
}

export interface StartOptions {
  profile: InfraProfile;
  log?: Logger;
  /** Register a lease so releaseInfrastructure stops the servers only when the last user leaves. */
  lease?: boolean;
  /**
   * The servers this caller needs (default all four); the others are neither
   * started nor checked. A benchmark that needs only MongoDB then does not wait
   * a minute or two for Keycloak.
   */
  servers?: readonly ServerName[];
  /**
   * Start a stopped server on the data it left, as `npm run infra -- up` does
   * for the platform profile, even in a profile that wipes its data on start
   * (a test bringing back a broker it killed).
   */
  keepData?: boolean;
}

/** Like startInfrastructure, and also tells which servers this call started. */
export async function startInfrastructureDetailed(options: StartOptions): Promise<StartResult> {
  const profile = profileConfig(options.profile);
  const cfg = options.keepData ? { ...profile, wipeDataOnStart: false } : profile;
  // Keycloak may need minutes: a second caller waits for the first, then finds the servers up.
  return withProfileLock(cfg.dir, 600_000, async () => {
    const r = await startUnlocked(options, cfg);
    if (options.lease) addLease(cfg.dir);
    return r;
  });
}

async function startUnlocked(options: StartOptions, cfg: ProfileConfig): Promise<StartResult> {
  const log = options.log ?? noop;
  const wanted = SERVER_NAMES.filter((name) => !options.servers || options.servers.includes(name));
  const external = new Map<ServerName, string>();
  for (const name of wanted) {
    const v = externalEndpoint(name);
    if (v) external.set(name, v);
  }
  if (external.size === 0 && (await useTestcontainers(log))) {
    const endpoints = await containers().startContainers(cfg.kafkaPort, log);
    return { endpoints, started: [...SERVER_NAMES], startupSeconds: {}, mode: 'testcontainers' };
  }

  const local = wanted.filter((n) => !external.has(n));
  let java: JavaRuntime | undefined;
  let kcJava: JavaRuntime | undefined;
  if (local.some((n) => n !== 'keycloak')) java = defaultJava();
  if (local.includes('keycloak')) {
    kcJava = keycloakJava();
    log(`keycloak: using Java ${kcJava.version}${kcJava.javaHome ? ` (${kcJava.javaHome})` : ''}`);
  }
  // Maven fetches one at a time (they share ~/.m2); the servers then start in parallel.
  for (const name of local) await ensureDist(name as DistName, log);

  // Fail before starting anything when a port is held by a process that is not ours.
  const servers = new Map<ServerName, LocalServer>();
  for (const name of local) servers.set(name, localServer(name, cfg, java ?? defaultJava(), kcJava ?? keycloakJava()));
  const taken: string[] = [];
  for (const server of servers.values()) {
    if (runningPid(pidFile(cfg.pidsDir, server.name))) continue;
    for (const port of server.ports) {
      if (await tcpConnect('127.0.0.1', port, 500)) taken.push(messages.portTaken(server.name, port));
    }
  }
  if (taken.length > 0) throw new InfraError(taken.join('\n'));

  const results = await Promise.allSettled(
    wanted.map(async (name) => {
      const ext = external.get(name);
      if (ext) {
        await checkExternal(name, ext);
        log(`${name}: using external server ${ext}`);
        return { name, started: false, seconds: undefined };
      }
      const server = servers.get(name);
      if (!server) throw new Error(`no local server for ${name}`);
      const r = await startLocal(server, cfg, log);
      return { name, ...r };
    }),
  );
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  const started = ok.filter((r) => r.started).map((r) => r.name);
  if (failures.length > 0) {
    // leave nothing half-up that this call started
    await stopInfrastructure({ profile: options.profile, log, only: started });
    throw new InfraError(failures.map((f) => describeError(f.reason)).join('\n'));
  }
  const startupSeconds: Partial<Record<ServerName, number>> = {};
  for (const r of ok) if (r.seconds !== undefined) startupSeconds[r.name] = Math.round(r.seconds * 10) / 10;
  const endpoints: InfraEndpoints = {
    kafkaBrokers: parseBrokerList(external.get('kafka') ?? endpointFor('kafka', cfg)),
    mongoUrl: external.get('mongo') ?? endpointFor('mongo', cfg),
    keycloakUrl: (external.get('keycloak') ?? endpointFor('keycloak', cfg)).replace(/\/+$/, ''),
    smtpUrl: external.get('mail') ?? endpointFor('mail', cfg),
    mailApiUrl: external.has('mail') ? null : `http://127.0.0.1:${cfg.mailApiPort}`,
  };
  return { endpoints, started, startupSeconds, mode: 'processes' };
}

/**
 * Starts Kafka, the MongoDB-wire server, Keycloak and the mail server for a profile
 * (or attaches to the servers named by KAFKA_BROKERS / MONGO_URL / KEYCLOAK_URL /
 * SMTP_URL) and resolves once
 * all are healthy. Re-running while they are up is a no-op.
 */
export async function startInfrastructure(options: { profile: InfraProfile; log?: Logger }): Promise<InfraEndpoints> {
  return (await startInfrastructureDetailed(options)).endpoints;
}

/**
 * For jest's global teardown: drops this process's lease and stops `started` (plus
 * servers handed over by earlier runs) only when no other live run holds a lease;
 * otherwise hands them over to the last run to leave.
 */
export async function releaseInfrastructure(options: { profile: InfraProfile; started: readonly ServerName[]; log?: Logger }): Promise<void> {
  const log = options.log ?? noop;
  const cfg = profileConfig(options.profile);
  const handoverPath = join(cfg.dir, 'handover.json');
  await withProfileLock(cfg.dir, 600_000, async () => {
    const handedOver: ServerName[] = existsSync(handoverPath) ? (JSON.parse(readFileSync(handoverPath, 'utf8')) as ServerName[]) : [];
    const toStop = [...new Set([...handedOver, ...options.started])];
    const others = dropLease(cfg.dir);
    if (toStop.length === 0) return;
    if (others.length > 0) {
      writeFileSync(handoverPath, JSON.stringify(toStop));
      log(`leaving ${toStop.join(', ')} running for ${others.length} other run(s) (pids ${others.join(', ')})`);
      return;
    }
    rmSync(handoverPath, { force: true });
    await stopInfrastructure({ profile: options.profile, log, only: toStop });
  });
}

/** Stops the servers this launcher started for a profile (by pid file; never external ones). */
export async function stopInfrastructure(options: { profile: InfraProfile; log?: Logger; only?: readonly ServerName[] }): Promise<void> {
  const log = options.log ?? noop;
  const cfg = profileConfig(options.profile);
  if (containersModule?.containersRunning()) {
    await containersModule.stopContainers();
    log('stopped testcontainers');
  }
  const names = options.only ?? SERVER_NAMES;
  await Promise.all(
    names.map(async (name) => {
      const r = await stopByPidFile(pidFile(cfg.pidsDir, name), STOP_GRACE_MS);
      log(`${name}: ${r}`);
    }),
  );
}

/**
 * Kills one local server of a profile at once (SIGKILL to its process group,
 * no shutdown): a crash, for tests of recovery. False when none is running.
 */
export async function killServer(profile: InfraProfile, name: ServerName): Promise<boolean> {
  return (await killByPidFile(pidFile(profileConfig(profile).pidsDir, name))) === 'killed';
}

export async function infrastructureStatus(profile: InfraProfile): Promise<Record<ServerName, ServerState>> {
  const cfg = profileConfig(profile);
  const out = {} as Record<ServerName, ServerState>;
  for (const name of SERVER_NAMES) {
    if (externalEndpoint(name)) out[name] = 'external';
    else out[name] = runningPid(pidFile(cfg.pidsDir, name)) ? 'running' : 'stopped';
  }
  return out;
}
