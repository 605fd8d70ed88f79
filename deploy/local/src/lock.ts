import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Serialises `up` for one profile across processes (two jest runs starting the
 * test profile at once): an exclusive lock file holding the owner's pid; a lock
 * whose owner died is taken over.
 */
export async function withProfileLock<T>(dir: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'up.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const owner = Number(readFileSync(path, 'utf8').trim() || '0');
      if (!owner || !alive(owner) || owner === process.pid) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another process (pid ${owner}) holds ${path}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(path, { force: true });
  }
}

/**
 * Leases: each process using a profile (a jest run) registers itself, so the last
 * one to leave is the one that stops the servers a run started.
 */
export function addLease(dir: string): void {
  const leases = join(dir, 'leases');
  mkdirSync(leases, { recursive: true });
  writeFileSync(join(leases, String(process.pid)), '');
}

/** Removes our lease; returns the pids of other live leaseholders (stale leases are removed). */
export function dropLease(dir: string): number[] {
  const leases = join(dir, 'leases');
  rmSync(join(leases, String(process.pid)), { force: true });
  if (!existsSync(leases)) return [];
  const others: number[] = [];
  for (const f of readdirSync(leases)) {
    const pid = Number(f);
    if (pid && alive(pid)) others.push(pid);
    else rmSync(join(leases, f), { force: true });
  }
  return others;
}
