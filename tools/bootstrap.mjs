// Runs on whatever Node the machine has (even an old one): it only makes sure
// the project's own dependencies, including Node 24 from the npm registry, are
// installed, so that the npm scripts after it run on Node 24.
//
// Why npm's own output is held back: this install runs on the machine's Node
// (20 on our machines) before Node 24 is in place, so npm warns EBADENGINE for
// the project and for every package that wants Node 22+ — about a hundred
// lines that look like failures and are not (everything after this runs on
// Node 24). So npm's output is captured and shown only when `npm ci` fails,
// then in full, so a real failure stays diagnosable. `--loglevel=error` would
// hide the warnings too, but also what npm says before an error.
//
// `--quiet` (npm test, npm stop, npm run bench): print nothing unless the
// install fails.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const nodeBin = join(root, 'node_modules', '.bin', 'node');

// What was installed is told by the lock file's content (kept beside the
// install), not by its time: a new checkout or git worktree of the same lock
// is newer than node_modules without needing anything installed, and `npm ci`
// there would replace a shared node_modules. Installs made before the stamp
// existed fall back to comparing times.
const stamp = join(root, 'node_modules', '.entente-lock-sha256');
const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installedHash = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
const stale =
  !existsSync(marker) || !existsSync(nodeBin) || (installedHash === null ? statSync(lock).mtimeMs > statSync(marker).mtimeMs : installedHash !== lockHash);
if (stale) await install();
if (installedHash !== lockHash) writeFileSync(stamp, `${lockHash}\n`);

async function install() {
  const say = (text) => {
    if (!quiet) process.stdout.write(text);
  };
  const ticking = !quiet && process.stdout.isTTY;
  say('Installing dependencies and Node 24 from the npm registry (first run only; a few minutes)…\n');
  const started = Date.now();
  const ticker = ticking ? setInterval(() => say(`\r\x1b[K  … ${duration(Date.now() - started)}`), 1000) : undefined;

  const output = [];
  const code = await new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      output.push(Buffer.from(`could not run npm: ${error.message}\n`));
      resolve(1);
    });
    child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (ticker) clearInterval(ticker);
  if (ticking) say('\r\x1b[K');

  const text = Buffer.concat(output).toString('utf8');
  if (code !== 0) {
    process.stderr.write(text);
    process.stderr.write(`\nnpm ci failed (exit code ${code}) after ${duration(Date.now() - started)}; npm's full output is above.\n`);
    process.exit(code);
  }
  const added = /added (\d+) packages?/.exec(text)?.[1];
  say(`  done in ${duration(Date.now() - started)}: ${added ? `${added} packages` : 'dependencies'} and Node ${nodeVersion()} installed.\n`);
}

function duration(ms) {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function nodeVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'node', 'package.json'), 'utf8')).version;
  } catch {
    return '24';
  }
}
