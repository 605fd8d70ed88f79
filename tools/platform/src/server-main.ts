/**
 * Runs one of the platform's small servers as its own process (npm start
 * runs them detached; npm stop ends them by pid): started, announced on
 * stdout, closed on SIGTERM or SIGINT; a failure to start exits with 1.
 */
export function runServerUntilStopped(what: string, start: () => Promise<{ url: string; close(): Promise<void> }>): void {
  start()
    .then((server) => {
      process.stdout.write(`${what} listening on ${server.url}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
