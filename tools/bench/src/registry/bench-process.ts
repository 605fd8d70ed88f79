/**
 * How a benchmark process talks to `npm run bench` (tools/bench): it is
 * forked with an IPC channel, reads its settings from the environment, logs
 * progress on stderr and sends one result message before it exits.
 */
export function requiredEnv(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: run the benchmarks with npm run bench`);
  return value;
}

export function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

export function runBenchProcess(run: () => Promise<unknown>): void {
  run().then(
    (result) => {
      if (!process.send) throw new Error('a benchmark process reports to npm run bench over IPC; run it with npm run bench');
      process.send(result, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
