import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppName, AppPorts, DOMAIN_SERVICES, PlatformSettings, spawnApp, waitReady } from '@entente/platform';
import { openMongoConnection } from '@entente/persistence';
import { isPlatformApp, testEndpoints } from '@entente/testing';

const REPO_ROOT = join(__dirname, '..', '..');

/** Ports of the end-to-end apps: apart from the local platform's (4000, 4101–4104) so both can run. */
const PORT_BASE = Number(process.env.ENTENTE_TEST_PORT_BASE ?? 5000);
/**
 * Jest runs the integration specs in two workers (tools/test-integration.mjs),
 * each with ports of its own, 400 apart: a console under test listens on its
 * gateway's port + 200 (console/test/console-browser.ts), and the Keycloak
 * realm allows exactly those origins (5200 and 5600 for the specs' own
 * platforms, 7200 and 7600 for the shared ones).
 */
const WORKER_OFFSET = 400 * (Number(process.env.JEST_WORKER_ID ?? '1') - 1);

function portsFrom(base: number): AppPorts {
  return { gateway: base, registry: base + 101, planning: base + 102, funding: base + 103, network: base + 104 };
}

/** The ports of a spec's own platform in this jest worker. ENTENTE_TEST_PORT_BASE moves them, so two test runs on one machine do not collide. */
export const TEST_PORTS: AppPorts = portsFrom(PORT_BASE + WORKER_OFFSET);

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestPlatform {
  readonly gatewayUrl: string;
  readonly databasePrefix: string;
  readonly settings: PlatformSettings;
  /** POSTs a GraphQL operation to the gateway; `token` null sends no Authorization header. */
  graphql<T = Record<string, unknown>>(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Starts (or restarts) one app with extra variables and waits until it is ready. */
  start(app: AppName, env?: NodeJS.ProcessEnv): Promise<ChildProcess>;
  /** Sends a signal and waits for the process to end. */
  kill(app: AppName, signal?: NodeJS.Signals): Promise<void>;
  /** Waits for an app that is expected to end by itself (e.g. a fault-injection crash). */
  waitForExit(app: AppName, timeoutMs: number): Promise<number | null>;
  stop(): Promise<void>;
  /**
   * Drops the databases of this platform's services (call after stop). The
   * test MongoDB-wire server keeps everything in one JVM heap, so a spec that
   * writes much gives it back.
   */
  dropDatabases(): Promise<void>;
}

/**
 * The platform end-to-end specs share: a spec that needs no settings of its
 * own (no env, no appEnv) runs against one platform started by the first such
 * spec of the jest run and stopped by the global teardown, instead of starting
 * five processes of its own (about 25 s each time). The specs make their own
 * jurisdictions and data, so sharing changes nothing they see. It listens
 * apart from TEST_PORTS (which the specs with settings of their own use), one
 * set of ports per jest worker. ENTENTE_SHARED_PLATFORM=0 turns sharing off.
 */
export const SHARED_PLATFORM_DIR = join(REPO_ROOT, '.runtime', 'test', 'shared-platform');

interface SharedPlatformState {
  runId: string;
  pids: number[];
  ports: AppPorts;
  databasePrefix: string;
  logDir: string;
}

function sharedPorts(): AppPorts {
  // Not PORT_BASE + 1000: fetch refuses port 6000 (X11 is on the Fetch standard's list of bad ports).
  return portsFrom(PORT_BASE + 2000 + WORKER_OFFSET);
}

/**
 * Runs the compiled services and gateway (`npm run build` first) as real
 * processes against the test infrastructure, each spec with its own databases
 * (or, with no settings of its own, on the shared platform above).
 */
export async function startTestPlatform(options: {
  name: string;
  env?: NodeJS.ProcessEnv;
  appEnv?: Partial<Record<AppName, NodeJS.ProcessEnv>>;
  /** A platform of the spec's own, even with no settings of its own: for specs that kill, restart or stop its apps. */
  own?: boolean;
}): Promise<TestPlatform> {
  const runId = process.env.ENTENTE_TEST_RUN_ID;
  if (!options.own && !options.env && !options.appEnv && runId && process.env.ENTENTE_SHARED_PLATFORM !== '0') return sharedPlatform(runId);
  return launchPlatform(options, TEST_PORTS);
}

async function sharedPlatform(runId: string): Promise<TestPlatform> {
  const ports = sharedPorts();
  const stateFile = join(SHARED_PLATFORM_DIR, `${ports.gateway}.json`);
  const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as SharedPlatformState) : null;
  if (state?.runId === runId) {
    try {
      await waitReady('gateway', ports.gateway, { timeoutMs: 10_000, logDir: state.logDir });
      return sharedView(launchedView(state, ports));
    } catch {
      // Gone (a spec of this run killed it?): start it again below.
    }
  } else if (state) {
    // Left by a run that did not get to its teardown (interrupted): its apps would hold these ports.
    for (const pid of state.pids.filter(isPlatformApp)) process.kill(pid, 'SIGKILL');
  }
  const platform = await launchPlatform({ name: 'shared', shared: true }, ports);
  const pids = platform.pids();
  mkdirSync(SHARED_PLATFORM_DIR, { recursive: true });
  writeFileSync(stateFile, JSON.stringify({ runId, pids, ports, databasePrefix: platform.databasePrefix, logDir: platform.settings.logDir } satisfies SharedPlatformState));
  return sharedView(platform);
}

/** The shared platform as a spec sees it: usable, but not the spec's to restart or stop (the global teardown stops it). */
function sharedView(platform: TestPlatform): TestPlatform {
  const refuse = (): never => {
    throw new Error('the shared platform cannot be restarted by one spec: start one of its own (startTestPlatform({ own: true }))');
  };
  return { ...platform, start: refuse, kill: refuse, waitForExit: refuse, stop: async () => undefined, dropDatabases: async () => undefined };
}

/** A platform another spec of this run launched: reachable, its processes not ours. */
function launchedView(state: SharedPlatformState, ports: AppPorts): TestPlatform & { pids(): number[] } {
  const refuse = (): never => {
    throw new Error('not started by this spec');
  };
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    databasePrefix: state.databasePrefix,
    settings: { repoRoot: REPO_ROOT, infra: testEndpoints(), ports, databasePrefix: state.databasePrefix, logDir: state.logDir, env: {}, appEnv: {} },
    graphql: (token, query, variables, headers) => postGraphql(ports, token, query, variables, headers),
    start: refuse,
    kill: refuse,
    waitForExit: refuse,
    stop: async () => undefined,
    dropDatabases: async () => undefined,
    pids: () => state.pids,
  };
}

async function postGraphql<T>(ports: AppPorts, token: string | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
  return { status: response.status, ...body } as GraphQLResponse<T>;
}

async function launchPlatform(
  options: {
    name: string;
    env?: NodeJS.ProcessEnv;
    appEnv?: Partial<Record<AppName, NodeJS.ProcessEnv>>;
    /** The worker's shared platform: outlives the jest worker that starts it (the global teardown stops it by pid), so the worker does not wait for its apps to exit. */
    shared?: boolean;
  },
  ports: AppPorts,
): Promise<TestPlatform & { pids(): number[] }> {
  const databasePrefix = `e2e_${options.name}_${randomBytes(3).toString('hex')}`;
  const settings: PlatformSettings = {
    repoRoot: REPO_ROOT,
    infra: testEndpoints(),
    ports,
    databasePrefix,
    logDir: join(REPO_ROOT, '.runtime', 'test', 'logs', databasePrefix),
    env: { OTEL_TRACES_EXPORTER: 'none', ...options.env },
    // Own consumer groups: a service of another run never takes this run's partitions. A short session
    // timeout: a service the test kills and starts again gets its partitions back in seconds, not 30.
    appEnv: Object.fromEntries(
      (['gateway', ...DOMAIN_SERVICES] as AppName[]).map((app) => [
        app,
        app === 'gateway' ? { ...options.appEnv?.gateway } : { KAFKA_GROUP_ID: `${app}-${databasePrefix}`, KAFKA_SESSION_TIMEOUT_MS: '8000', ...options.appEnv?.[app] },
      ]),
    ),
  };
  const children = new Map<AppName, ChildProcess>();

  const start = async (app: AppName, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> => {
    const appSettings = { ...settings, appEnv: { ...settings.appEnv, [app]: { ...settings.appEnv?.[app], ...env } } };
    const child = spawnApp(app, appSettings);
    // Without this, jest's worker cannot exit while the shared apps run, and jest kills it ("failed to exit gracefully").
    if (options.shared) child.unref();
    children.set(app, child);
    await waitReady(app, ports[app], { timeoutMs: 90_000, child, logDir: settings.logDir });
    return child;
  };

  const waitForExit = (app: AppName, timeoutMs: number): Promise<number | null> => {
    const child = children.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${app} did not exit within ${timeoutMs} ms`)), timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  };

  const kill = async (app: AppName, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const child = children.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = waitForExit(app, 20_000);
    child.kill(signal);
    await exited;
  };

  const platform: TestPlatform & { pids(): number[] } = {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    databasePrefix,
    settings,
    graphql: (token, query, variables, headers) => postGraphql(ports, token, query, variables, headers),
    pids: () => [...children.values()].flatMap((child) => (child.pid === undefined ? [] : [child.pid])),
    start,
    kill,
    waitForExit,
    /** Stops the apps, then gives their databases back (see dropDatabases). */
    async stop() {
      await Promise.all([...children.keys()].map((app) => kill(app, 'SIGTERM')));
      await platform.dropDatabases();
    },
    async dropDatabases() {
      for (const app of DOMAIN_SERVICES) {
        const connection = await openMongoConnection({ url: settings.infra.mongoUrl, database: `${databasePrefix}_${app}` });
        try {
          await connection.dropDatabase();
        } finally {
          await connection.close();
        }
      }
    },
  };

  try {
    await Promise.all(DOMAIN_SERVICES.map((app) => start(app)));
    await start('gateway');
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return platform;
}

/** Polls `read` until `done` holds or the deadline passes; returns the last value and how long it took. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  let value = await read();
  while (!done(value) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return { value, elapsedMs: Date.now() - started };
}
