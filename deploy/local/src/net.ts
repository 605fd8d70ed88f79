import { createConnection } from 'node:net';

/** Resolves true when a TCP connection to host:port succeeds within timeoutMs. */
export function tcpConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Rejects early, e.g. when the process exits. */
  abort?: Promise<Error>;
}

/**
 * Polls `check` until it returns true or the timeout elapses. `check` may throw;
 * the last reason is reported.
 */
export async function waitFor(check: () => Promise<boolean>, opts: WaitOptions): Promise<{ ok: boolean; last: string }> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'not checked yet';
  let aborted: Error | undefined;
  void opts.abort?.then((e) => (aborted = e));
  while (Date.now() < deadline) {
    if (aborted) throw aborted;
    try {
      if (await check()) return { ok: true, last: 'ok' };
      last = 'not ready';
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (aborted) throw aborted;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
  }
  return { ok: false, last };
}
