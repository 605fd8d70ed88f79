import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import type { ZodType } from 'zod';
import { REPO_ROOT, RUNTIME_DIR, releaseInfrastructure, startInfrastructureDetailed, type ServerName } from '@entente/local-infra';
import { CONSOLE_PORT, NODE_FLAGS, readDemoUsers } from '@entente/platform';
import { capacityCheckResult, catalogueImportResult, consoleFirstLoadResult, extractIngestResult, GOALS, reportHtmlResult, searchMatchingResult, spottingResult, viewsResult } from './benchmarks';
import { capacityCheckMeasurement, catalogueImportMeasurement, consoleFirstLoadMeasurement, extractIngestMeasurement, reportHtmlMeasurement, searchMatchingMeasurement, spottingMeasurement, viewsMeasurement } from './measurements';
import { BenchmarkResult, formatTable, misses } from './report';

/**
 * `npm run bench [-- NAME…]`: runs each benchmark in a process of its own,
 * prints a table per benchmark and writes .runtime/bench.json. The registry's
 * benchmarks need the MongoDB-wire server of the bench profile, started the
 * way the integration tests start theirs (or MONGO_URL); planning's are pure
 * CPU and start nothing. A missed goal is printed as MISS and does not fail
 * the command: shared, noisy machines make timings evidence, not a gate. It
 * exits non-zero only when a benchmark could not run.
 */
const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

// Built (npm run bench) the benchmarks run from dist/; started from the sources
// (node -r @swc-node/register tools/bench/src/cli.ts) they run from the sources too.
const FROM_SOURCES = __filename.endsWith('.ts');
const BENCH_ROOT = join(REPO_ROOT, ...(FROM_SOURCES ? [] : ['dist']), 'tools', 'bench', 'src');
const BENCH_EXT = FROM_SOURCES ? '.ts' : '.js';

function twinningDir(): string {
  const dir = process.env.BENCH_TWINNING_DIR?.trim() || join(REPO_ROOT, '..', 'shared', 'data', 'wikidata-twinning');
  for (const file of ['relations.tsv', 'names.tsv']) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} is missing: set BENCH_TWINNING_DIR to the folder holding the Wikidata twinning TSV pair`);
  }
  return dir;
}

/** Forks one benchmark process and resolves with the one message it sends, checked against its shape. */
function runBenchmark<T>(folder: string, name: string, schema: ZodType<T>, env: NodeJS.ProcessEnv, nodeFlags: readonly string[]): Promise<T> {
  const entry = `${name}${BENCH_EXT}`;
  const path = join(BENCH_ROOT, folder, entry);
  if (!existsSync(path)) return Promise.reject(new Error(`${path} is missing: npm run bench builds it first`));
  return new Promise((resolve, reject) => {
    let message: unknown;
    const child = fork(path, [], { env: { ...process.env, ...env }, execArgv: ['--expose-gc', ...nodeFlags, ...(FROM_SOURCES ? ['-r', '@swc-node/register'] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      message = m;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 || message === undefined) {
        reject(new Error(`${entry} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}${message === undefined ? ' without a result' : ''}`));
        return;
      }
      const parsed = schema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`${entry} sent a result of the wrong shape: ${parsed.error.message}`));
    });
  });
}

/** What a benchmark needs besides its own process. */
interface BenchEnv {
  mongoUrl: string | null;
  twinningDir: string | null;
  consoleUrl: string | null;
}

interface Benchmark {
  key: string;
  group: 'registry' | 'planning' | 'console' | 'funding' | 'network';
  /** Logged when it starts. */
  title: string;
  needsMongo: boolean;
  needsTwinning: boolean;
  needsPlatform?: boolean;
  run(env: BenchEnv): Promise<{ measurement: unknown; result: BenchmarkResult }>;
}

/**
 * A benchmark of one service's code runs with the V8 flags that service runs
 * with (NODE_FLAGS): its memory figures are the service's.
 */
function benchmark<T>(spec: Omit<Benchmark, 'run'> & { entry: string; schema: ZodType<T>; result: (m: T) => BenchmarkResult; env?: (env: BenchEnv) => NodeJS.ProcessEnv }): Benchmark {
  const nodeFlags = spec.group === 'console' ? [] : NODE_FLAGS[spec.group];
  return {
    ...spec,
    run: async (env) => {
      const measurement = await runBenchmark(spec.group, spec.entry, spec.schema, spec.env?.(env) ?? {}, nodeFlags);
      return { measurement, result: spec.result(measurement) };
    },
  };
}

// Each registry benchmark writes to a database of its own and drops it when done.
const registryEnv = (name: string) => (env: BenchEnv): NodeJS.ProcessEnv => ({
  MONGO_URL: env.mongoUrl ?? '',
  BENCH_DATABASE: `entente_bench_${name}_${process.pid}`,
  BENCH_TWINNING_DIR: env.twinningDir ?? '',
});

const BENCHMARKS: Benchmark[] = [
  benchmark({
    key: 'catalogue',
    group: 'registry',
    title: 'A: importing the Wikidata twinning TSV pair as the partner catalogue',
    needsMongo: true,
    needsTwinning: true,
    entry: 'catalogue-import.bench',
    schema: catalogueImportMeasurement,
    result: catalogueImportResult,
    env: registryEnv('catalogue'),
  }),
  benchmark({
    key: 'views',
    group: 'registry',
    title: 'B: seeding a 10,000-asset jurisdiction and timing its views',
    needsMongo: true,
    needsTwinning: true,
    entry: 'views.bench',
    schema: viewsMeasurement,
    result: viewsResult,
    env: registryEnv('views'),
  }),
  benchmark({
    key: 'capacity',
    group: 'planning',
    title: 'C: the capacity check with remedies of a 500-activity plan',
    needsMongo: false,
    needsTwinning: false,
    entry: 'capacity-check.bench',
    schema: capacityCheckMeasurement,
    result: capacityCheckResult,
  }),
  benchmark({
    key: 'report',
    group: 'planning',
    title: 'D: the HTML progress report of a year of 200 activities',
    needsMongo: false,
    needsTwinning: false,
    entry: 'report-html.bench',
    schema: reportHtmlMeasurement,
    result: reportHtmlResult,
  }),
  benchmark({
    key: 'first-load',
    group: 'console',
    title: 'E: the console’s first load and sign-in in Chromium against the local platform',
    needsMongo: false,
    needsTwinning: false,
    needsPlatform: true,
    entry: 'first-load.bench',
    schema: consoleFirstLoadMeasurement,
    result: consoleFirstLoadResult,
    env: consoleEnv,
  }),
  benchmark({
    key: 'extract',
    group: 'funding',
    title: 'F: a Grants.gov extract of 80,000 records, parsed only and ingested',
    needsMongo: true,
    needsTwinning: false,
    entry: 'extract-ingest.bench',
    schema: extractIngestMeasurement,
    result: extractIngestResult,
    env: (env) => ({ ...registryEnv('extract')(env), BENCH_EXTRACT_DIR: join(RUNTIME_DIR, 'bench', 'funding') }),
  }),
  benchmark({
    key: 'spotting',
    group: 'network',
    title: 'G: spotting over the Eurocities network, full rebuild and one event, by network size',
    needsMongo: false,
    needsTwinning: false,
    entry: 'spotting.bench',
    schema: spottingMeasurement,
    result: spottingResult,
  }),
  benchmark({
    key: 'matching',
    group: 'funding',
    title: 'H: 1,000 new opportunities against 1k, 10k and 50k saved searches',
    needsMongo: false,
    needsTwinning: false,
    entry: 'search-matching.bench',
    schema: searchMatchingMeasurement,
    result: searchMatchingResult,
  }),
];

function consoleEnv(env: BenchEnv): NodeJS.ProcessEnv {
  const staff = readDemoUsers(REPO_ROOT).find((user) => user.username === 'rostock-staff');
  if (!staff) throw new Error('deploy/keycloak/demo-users.json has no rostock-staff');
  return { BENCH_CONSOLE_URL: env.consoleUrl ?? '', BENCH_CONSOLE_USER: staff.username, BENCH_CONSOLE_PASSWORD: staff.password };
}

const LOCAL_CONSOLE = `http://127.0.0.1:${CONSOLE_PORT}`;

async function consoleAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${LOCAL_CONSOLE}/config.json`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Runs the platform CLI (`platform up` or `down`) as npm start and npm stop do, its output on stderr. */
function platformCli(action: 'up' | 'down'): Promise<void> {
  const cli = join(REPO_ROOT, 'dist', 'tools', 'platform', 'src', 'cli.js');
  if (!existsSync(cli)) return Promise.reject(new Error(`${cli} is missing: npm run bench builds it first`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, action], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`platform ${action} exited with code ${code}`))));
  });
}

/** The local platform's console: the running one, or one brought up for the benchmark (and taken down after). */
async function localPlatform(): Promise<{ consoleUrl: string; startedHere: boolean }> {
  if (await consoleAnswers()) {
    log(`using the platform already running on ${LOCAL_CONSOLE}`);
    return { consoleUrl: LOCAL_CONSOLE, startedHere: false };
  }
  if (!existsSync(join(REPO_ROOT, 'dist', 'console', 'index.html'))) throw new Error('dist/console is missing: run npm run build:console first');
  log('no platform answers on :4200; bringing one up (as npm start does) for the console benchmark');
  await platformCli('up');
  return { consoleUrl: LOCAL_CONSOLE, startedHere: true };
}

const USAGE = `usage: npm run bench [-- NAME…]

Runs every benchmark, or those named (a benchmark or a group):
${BENCHMARKS.map((b) => `  ${b.key.padEnd(10)} ${b.group.padEnd(9)} ${b.title.replace(/^\w: /, '')}`).join('\n')}
  registry   the registry's (A, B: start the MongoDB-wire server, need the Wikidata twinning TSV pair)
  planning   planning's (C, D: pure CPU, no server)
  console    the console's (E: Debian's Chromium against npm start's platform, brought up when not running)
  funding    funding's (F: starts the MongoDB-wire server; generates the 80k extract once into .runtime/bench/funding; H: pure CPU)

env: BENCH_RUNS (timed calls per figure, default 50), MONGO_URL, BENCH_TWINNING_DIR, BENCH_EXTRACT_RECORDS (default 80000), BENCH_MATCHING_ROUNDS (default 3),
     BENCH_CONSOLE_RUNS (first loads, default 10), ENTENTE_CHROMIUM (default /usr/bin/chromium)
`;

class UsageError extends Error {}

/** The benchmarks the arguments name, in their usual order; all of them when none is named. */
function selectBenchmarks(args: readonly string[]): Benchmark[] | 'help' {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  if (args.length === 0) return BENCHMARKS;
  for (const arg of args) {
    if (!BENCHMARKS.some((b) => b.key === arg || b.group === arg)) throw new UsageError(`unknown benchmark "${arg}"\n\n${USAGE}`);
  }
  return BENCHMARKS.filter((b) => args.includes(b.key) || args.includes(b.group));
}

async function main(args: readonly string[]): Promise<number> {
  const selected = selectBenchmarks(args);
  if (selected === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const twinning = selected.some((b) => b.needsTwinning) ? twinningDir() : null;
  const infra = selected.some((b) => b.needsMongo) ? await startInfrastructureDetailed({ profile: 'bench', lease: true, servers: ['mongo'], log }) : null;
  const started = (infra?.started ?? []) as ServerName[];
  const mongoUrl = infra?.endpoints.mongoUrl ?? null;
  let platform: { consoleUrl: string; startedHere: boolean } | null = null;
  const results: BenchmarkResult[] = [];
  // The raw figures (every latency sample, the memory baseline) go into the JSON for a closer look.
  const measurements: unknown[] = [];
  const errors: string[] = [];
  try {
    for (const bench of selected) {
      log(bench.title);
      if (bench.needsPlatform && platform === null) {
        try {
          platform = await localPlatform();
        } catch (error) {
          errors.push(`${bench.title.slice(0, 1)}: ${(error as Error).message}`);
          continue;
        }
      }
      await bench.run({ mongoUrl, twinningDir: twinning, consoleUrl: platform?.consoleUrl ?? null }).then(
        ({ measurement, result }) => {
          measurements.push(measurement);
          results.push(result);
        },
        (error: Error) => errors.push(`${bench.title.slice(0, 1)}: ${error.message}`),
      );
    }
  } finally {
    if (infra) await releaseInfrastructure({ profile: 'bench', started, log });
    if (platform?.startedHere) await platformCli('down');
  }

  process.stdout.write(`\n${results.map(formatTable).join('\n\n')}\n\n`);
  const missed = misses(results);
  mkdirSync(RUNTIME_DIR, { recursive: true });
  const jsonPath = join(RUNTIME_DIR, 'bench.json');
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    mongo: mongoUrl === null ? null : { url: mongoUrl.replace(/\/\/[^@/]+@/, '//***@'), startedByBench: started.includes('mongo') },
    selected: selected.map((b) => b.key),
    goals: GOALS,
    benchmarks: results,
    misses: missed.map((metric) => metric.name),
    errors,
    measurements,
  };
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${missed.length === 0 ? 'All goals met.' : `MISS: ${missed.map((metric) => metric.name).join('; ')}`}  (${relative(process.cwd(), jsonPath)})\n`);
  for (const error of errors) process.stderr.write(`error: ${error}\n`);
  return errors.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    if (error instanceof UsageError) process.exit(2);
    process.exit(1);
  },
);
