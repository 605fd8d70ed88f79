import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PidRecord {
  pid: number;
  /** A string that must appear in /proc/<pid>/cmdline: proves the pid is still ours. */
  marker: string;
  startedAt: string;
}

export function pidFile(pidsDir: string, name: string): string {
  return join(pidsDir, `${name}.pid.json`);
}

export function readPidRecord(path: string): PidRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const rec = JSON.parse(readFileSync(path, 'utf8')) as Partial<PidRecord>;
    if (typeof rec.pid === 'number' && typeof rec.marker === 'string') {
      return { pid: rec.pid, marker: rec.marker, startedAt: String(rec.startedAt ?? '') };
    }
  } catch {
    // unreadable pid file: treated as absent
  }
  return undefined;
}

export function writePidRecord(path: string, rec: PidRecord): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(rec) + '\n');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

/** True when the pid is alive and its command line still carries our marker (not a recycled pid). */
export function isOurProcess(rec: PidRecord): boolean {
  if (!isAlive(rec.pid)) return false;
  const cmd = cmdline(rec.pid);
  if (cmd === undefined) return process.platform !== 'linux';
  if (cmd.trim() === '') return false; // zombie
  return cmd.includes(rec.marker);
}

/** The live pid recorded in the pid file, or undefined (removing a stale file). */
export function runningPid(path: string): PidRecord | undefined {
  const rec = readPidRecord(path);
  if (!rec) return undefined;
  if (isOurProcess(rec)) return rec;
  rmSync(path, { force: true });
  return undefined;
}

export interface SpawnedServer {
  pid: number;
  /** Resolves with the exit code when the process exits (while this node process lives). */
  exited: Promise<number | null>;
}

/** Starts a detached process group whose stdout/stderr go to `logPath`. */
export function spawnDetached(
  command: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logPath: string },
): SpawnedServer {
  mkdirSync(dirname(opts.logPath), { recursive: true });
  const fd = openSync(opts.logPath, 'a');
  try {
    const child = spawn(command, [...args], { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', fd, fd] });
    if (child.pid === undefined) throw new Error(`failed to start ${command}`);
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', () => resolve(-1));
    });
    child.unref();
    return { pid: child.pid, exited };
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the detached child leads its own process group
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Stops a process we started: SIGTERM to its group, then SIGKILL after the grace period.
 * Does nothing unless the pid file names a live process carrying our marker.
 */
export async function stopByPidFile(path: string, graceMs: number): Promise<'stopped' | 'not-running'> {
  const rec = runningPid(path);
  if (!rec) return 'not-running';
  signalGroup(rec.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(rec)) break;
    await sleep(200);
  }
  if (isOurProcess(rec)) {
    signalGroup(rec.pid, 'SIGKILL');
    for (let i = 0; i < 25 && isOurProcess(rec); i++) await sleep(200);
  }
  rmSync(path, { force: true });
  return 'stopped';
}

/** SIGKILL to the group of a process we started, at once (no shutdown), then waits until it is gone. */
export async function killByPidFile(path: string): Promise<'killed' | 'not-running'> {
  const rec = runningPid(path);
  if (!rec) return 'not-running';
  signalGroup(rec.pid, 'SIGKILL');
  for (let i = 0; i < 50 && isOurProcess(rec); i++) await sleep(200);
  rmSync(path, { force: true });
  return 'killed';
}
