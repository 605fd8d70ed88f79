import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Walks up from `start` to the first directory holding the workspace markers
 * (nx.json + package.json). Works for the TypeScript sources under jest
 * (deploy/local/src) and for the compiled output (dist/deploy/local/src).
 */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the repository root (nx.json + package.json) above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT: string = findRepoRoot(__dirname);
export const RUNTIME_DIR = join(REPO_ROOT, '.runtime');
export const DIST_DIR = join(RUNTIME_DIR, 'dist');
export const MAVEN_DIR = join(REPO_ROOT, 'deploy', 'local', 'maven');
export const MONGO_LAUNCHER = join(REPO_ROOT, 'deploy', 'local', 'mongo', 'MongoWireServer.java');
export const REALM_FILE = join(REPO_ROOT, 'deploy', 'keycloak', 'realm-entente.json');
