import { z } from 'zod';
import { env, loadConfig, loadConfigOrExit } from '@entente/config';
import { startDemoFileServer } from './demo-funding-files';
import { runServerUntilStopped } from './server-main';
import { DEMO_FILES_PORT } from './service-processes';

const demoFilesConfigSchema = z.object({
  DEMO_FILES_PORT: env.port(DEMO_FILES_PORT),
  /** Where the generated files are written (and can be looked at). */
  DEMO_FILES_DIR: z.string().min(1),
  /** GreenMail's API, for the demo mailbox page (/mail/<address>); absent when mail goes to an external SMTP server. */
  MAIL_API_URL: z.string().url().optional(),
});

/** The demo funding files' server, and the demo's mailbox page, as its own process (npm start runs it detached; npm stop ends it by pid). */
runServerUntilStopped('demo files', () => {
  const config = loadConfigOrExit(() => loadConfig('demo-files', demoFilesConfigSchema, process.env));
  return startDemoFileServer({ dir: config.DEMO_FILES_DIR, port: config.DEMO_FILES_PORT, mailApiUrl: config.MAIL_API_URL });
});
