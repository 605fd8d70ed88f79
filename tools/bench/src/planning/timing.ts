import { performance } from 'node:perf_hooks';

/**
 * Timing of pure, synchronous work in a benchmark process: warm-up rounds
 * first (so the JIT has compiled the hot paths, as in a running service),
 * then timed rounds. When several calls are timed, each round calls each
 * once, in turn, so the JIT's late work and the garbage collector's pauses
 * fall on all of them alike rather than on whichever ran first. A call's
 * `check` runs untimed after it, so a wrong answer fails the benchmark
 * instead of being timed.
 */
export const WARM_UP_RUNS = 10;
export const TIMED_RUNS = Number(process.env.BENCH_RUNS ?? 50);

export interface TimedCall {
  call: () => unknown;
  check?: (result: unknown) => void;
}

export function timedRounds<K extends string>(runs: number, calls: Record<K, TimedCall>): Record<K, number[]> {
  const names = Object.keys(calls) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < WARM_UP_RUNS + runs; round += 1) {
    for (const name of names) {
      const { call, check } = calls[name];
      const started = performance.now();
      const result = call();
      const elapsed = performance.now() - started;
      if (round >= WARM_UP_RUNS) samples[name].push(elapsed);
      check?.(result);
    }
  }
  return samples;
}
