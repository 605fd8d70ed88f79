import { loadConfigOrExit } from '@entente/config';
import { loadConsoleConfig, startConsoleServer } from './console-server';
import { runServerUntilStopped } from './server-main';

/** The console's server as its own process (npm start runs it detached; npm stop ends it by pid). */
runServerUntilStopped('console', () => startConsoleServer(loadConfigOrExit(() => loadConsoleConfig())));
