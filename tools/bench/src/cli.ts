import { fork } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import type { ZodType } from 'zod';
import { REPO_ROOT, RUNTIME_DIR, releaseInfrastructure, startInfrastructureDetailed, type ServerName } from '@entente/local-infra';
import { catalogueImportResult, GOALS, viewsResult } from './benchmarks';
import { catalogueImportMeasurement, viewsMeasurement } from './measurements';
import { BenchmarkResult, formatTable, misses } from './report';

/**
 * `npm run bench`: starts the MongoDB-wire server of the bench profile the way
 * the integration tests start theirs (or uses MONGO_URL), runs each benchmark in a
 * process of its own, prints a table per benchmark and writes
 * .runtime/bench.json. A missed goal is printed as MISS and does not fail the
 * command: shared, noisy machines make timings evidence, not a gate. It exits
 * non-zero only when a benchmark could not run.
 */
const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

// Built (npm run bench) the benchmarks run from dist/; started from the sources
// (node -r @swc-node/register tools/bench/src/cli.ts) they run from the sources too.
const FROM_SOURCES = __filename.endsWith('.ts');
const BENCH_DIR = join(REPO_ROOT, ...(FROM_SOURCES ? [] : ['dist']), 'tools', 'bench', 'src', 'registry');
const BENCH_EXT = FROM_SOURCES ? '.ts' : '.js';

function twinningDir(): string {
  const dir = process.env.BENCH_TWINNING_DIR?.trim() || join(REPO_ROOT, '..', 'shared', 'data', 'wikidata-twinning');
  for (const file of ['relations.tsv', 'names.tsv']) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} is missing: set BENCH_TWINNING_DIR to the folder holding the Wikidata twinning TSV pair`);
  }
  return dir;
}

/** Forks one benchmark process and resolves with the one message it sends, checked against its shape. */
function runBenchmark<T>(name: string, schema: ZodType<T>, env: NodeJS.ProcessEnv): Promise<T> {
  const entry = `${name}${BENCH_EXT}`;
  const path = join(BENCH_DIR, entry);
  if (!existsSync(path)) return Promise.reject(new Error(`${path} is missing: npm run bench builds it first`));
  return new Promise((resolve, reject) => {
    let message: unknown;
    const child = fork(path, [], { env: { ...process.env, ...env }, execArgv: ['--expose-gc', ...(FROM_SOURCES ? ['-r', '@swc-node/register'] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

async function main(): Promise<number> {
  const dataDir = twinningDir();
  const infra = await startInfrastructureDetailed({ profile: 'bench', lease: true, servers: ['mongo'], log });
  const started = infra.started as ServerName[];
  const mongoUrl = infra.endpoints.mongoUrl;
  const results: BenchmarkResult[] = [];
  // The raw figures (every latency sample, the memory baseline) go into the JSON for a closer look.
  const measurements: unknown[] = [];
  const errors: string[] = [];
  try {
    // Each benchmark writes to a database of its own and drops it when done.
    const env = (name: string): NodeJS.ProcessEnv => ({ MONGO_URL: mongoUrl, BENCH_DATABASE: `entente_bench_${name}_${process.pid}`, BENCH_TWINNING_DIR: dataDir });
    log('A: importing the Wikidata twinning TSV pair as the partner catalogue');
    await runBenchmark('catalogue-import.bench', catalogueImportMeasurement, env('catalogue')).then(
      (m) => {
        measurements.push(m);
        results.push(catalogueImportResult(m));
      },
      (error: Error) => errors.push(`A: ${error.message}`),
    );
    log('B: seeding a 10,000-asset jurisdiction and timing its views');
    await runBenchmark('views.bench', viewsMeasurement, env('views')).then(
      (m) => {
        measurements.push(m);
        results.push(viewsResult(m));
      },
      (error: Error) => errors.push(`B: ${error.message}`),
    );
  } finally {
    await releaseInfrastructure({ profile: 'bench', started, log });
  }

  process.stdout.write(`\n${results.map(formatTable).join('\n\n')}\n\n`);
  const missed = misses(results);
  mkdirSync(RUNTIME_DIR, { recursive: true });
  const jsonPath = join(RUNTIME_DIR, 'bench.json');
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    mongo: { url: mongoUrl.replace(/\/\/[^@/]+@/, '//***@'), startedByBench: started.includes('mongo') },
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
