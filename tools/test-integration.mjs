// `npm run test:integration`: the integration and end-to-end specs in two
// phases against one start of the test servers.
//
// 1. Every spec but the exclusive ones, in two jest workers. Most of a spec's
//    time is spent waiting (for Kafka to carry an event, a consumer group to
//    settle, a browser to render), so two at once use the machine's two cores
//    instead of one. Each worker has its own shared platform and its own ports
//    (test/support/platform-fixture.ts).
// 2. The exclusive specs, alone: they kill a server every other spec depends on.
//
// The servers are started here (with a lease, as jest's global setup does) so
// both phases attach to them, and released at the end: stopped if this run
// started them and no other run holds a lease. Extra arguments go to both
// phases' jest (e.g. `-- --ci`); to run chosen specs, call jest itself
// (README: Tests).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Specs that must run with no other spec beside them, and why. */
const EXCLUSIVE = [
  // Kills the test profile's Kafka broker and brings it back: every other platform would lose it too.
  'test/e2e/funding-recovery.e2e-spec.ts',
];

const log = (line) => process.stderr.write(`[test:integration] ${line}\n`);

/** Set by Ctrl-C or SIGTERM: the running phase is stopped, no other starts, the servers are released. */
let interrupted = false;

function jest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--selectProjects', 'integration', ...args, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal) => {
      interrupted = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const infra = require(join(ROOT, 'dist', 'deploy', 'local', 'src', 'index.js'));
mkdirSync(join(ROOT, '.runtime'), { recursive: true });
// A result left by an earlier run must not stand in for a phase that did not run.
for (const file of ['jest-integration.json', 'jest-integration-exclusive.json']) rmSync(join(ROOT, '.runtime', file), { force: true });
const quiet = process.env.ENTENTE_INFRA_QUIET === '1';
const infraLog = (line) => {
  if (!quiet) process.stderr.write(`[infra] ${line}\n`);
};
const { started } = await infra.startInfrastructureDetailed({ profile: 'test', log: infraLog, lease: true });
let failed = false;
try {
  const escaped = EXCLUSIVE.map((path) => path.replace(/[.]/g, '\\.'));
  const started1 = Date.now();
  const shared = await jest(['--maxWorkers=2', '--testPathIgnorePatterns', '/node_modules/', ...escaped, '--json', '--outputFile=.runtime/jest-integration.json']);
  log(`phase 1 (two workers) ended with ${shared} after ${Math.round((Date.now() - started1) / 1000)} s`);
  if (interrupted) {
    failed = true;
  } else {
    const started2 = Date.now();
    const exclusive = await jest(['--runInBand', '--json', '--outputFile=.runtime/jest-integration-exclusive.json', ...escaped]);
    log(`phase 2 (exclusive, alone) ended with ${exclusive} after ${Math.round((Date.now() - started2) / 1000)} s`);
    failed = shared !== 0 || exclusive !== 0;
  }
} finally {
  await infra.releaseInfrastructure({ profile: 'test', started, log: infraLog });
}
process.exit(failed ? 1 : 0);
