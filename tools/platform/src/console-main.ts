import { loadConfigOrExit } from '@entente/config';
import { loadConsoleConfig, startConsoleServer } from './console-server';

/** The console's server as its own process (npm start runs it detached; npm stop ends it by pid). */
async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadConsoleConfig());
  const server = await startConsoleServer(config);
  process.stdout.write(`console listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
