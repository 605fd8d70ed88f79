// Runs on whatever Node the machine has (even an old one): it only makes sure
// the project's own dependencies, including Node 24 from the npm registry, are
// installed, so that the npm scripts after it run on Node 24.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const nodeBin = join(root, 'node_modules', '.bin', 'node');

const stale = !existsSync(marker) || !existsSync(nodeBin) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  if (!quiet) console.log('Installing dependencies (npm ci), including Node 24 from the npm registry…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
