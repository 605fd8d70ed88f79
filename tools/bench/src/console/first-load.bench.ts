import { chromium, type Page, type Response } from '@playwright/test';
import { progress, requiredEnv, runBenchProcess } from '../registry/bench-process';

/** What this process sends back (checked against measurements.ts's consoleFirstLoadMeasurement). */
export interface ConsoleFirstLoadMeasurement {
  benchmark: 'console-first-load';
  consoleUrl: string;
  user: string;
  chromium: string;
  /** Opening the console in a fresh browser until Keycloak's login page shows: index.html, the first route's JS and CSS, config.json, keycloak-js's redirect, Keycloak's page. */
  toLoginPageMs: number[];
  /** Pressing Enter on the login page until the home screen shows its data: the code exchange, the first GraphQL queries, the render. */
  signInToHomeMs: number[];
  /** Reloading a signed-in page until home shows again: cached JS, Keycloak's session cookie instead of the password. */
  reloadMs: number[];
  /** Bytes of JavaScript the first load took over the wire (as encoded: gzip when the server compresses), and before decoding. */
  scriptWireBytes: number;
  scriptFiles: number;
}

const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 10);
const WARM_UP = 1;

async function scriptSizes(responses: readonly Response[], origin: string): Promise<{ bytes: number; files: number }> {
  const scripts = responses.filter((response) => response.request().resourceType() === 'script' && response.url().startsWith(origin));
  const sizes = await Promise.all(scripts.map(async (response) => (await response.request().sizes()).responseBodySize));
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: scripts.length };
}

async function homeShown(page: Page): Promise<void> {
  await page.getByTestId('who-am-i').waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
  // The home screen's figures come after the shell: wait until no loader is left.
  await page.waitForFunction(() => document.querySelectorAll('[role="status"] .mantine-Loader-root').length === 0, undefined, { timeout: 30_000 });
}

runBenchProcess(async (): Promise<ConsoleFirstLoadMeasurement> => {
  const consoleUrl = requiredEnv('BENCH_CONSOLE_URL');
  const username = requiredEnv('BENCH_CONSOLE_USER');
  const password = requiredEnv('BENCH_CONSOLE_PASSWORD');
  const browser = await chromium.launch({ executablePath: process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium' });
  const origin = new URL(consoleUrl).origin;
  const measurement: ConsoleFirstLoadMeasurement = { benchmark: 'console-first-load', consoleUrl, user: username, chromium: browser.version(), toLoginPageMs: [], signInToHomeMs: [], reloadMs: [], scriptWireBytes: 0, scriptFiles: 0 };
  try {
    progress(`${WARM_UP} warm-up and ${RUNS} timed first loads of ${consoleUrl} in Chromium ${browser.version()}, each in a fresh browser context (empty cache, no cookies), signing in as ${username}`);
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const responses: Response[] = [];
        page.on('response', (response) => responses.push(response));
        let started = performance.now();
        await page.goto(consoleUrl);
        await page.locator('#username').waitFor({ timeout: 30_000 });
        const toLogin = performance.now() - started;
        const wire = await scriptSizes(responses, origin);
        await page.locator('#username').fill(username);
        await page.locator('#password').fill(password);
        started = performance.now();
        await page.locator('#password').press('Enter');
        await homeShown(page);
        const signIn = performance.now() - started;
        started = performance.now();
        await page.reload();
        await homeShown(page);
        const reload = performance.now() - started;
        if (run >= WARM_UP) {
          measurement.toLoginPageMs.push(toLogin);
          measurement.signInToHomeMs.push(signIn);
          measurement.reloadMs.push(reload);
          measurement.scriptWireBytes = wire.bytes;
          measurement.scriptFiles = wire.files;
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return measurement;
});
