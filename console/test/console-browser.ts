import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { type ConsoleServer, startConsoleServer } from '@entente/platform';
import { testEndpoints, type TestUser } from '@entente/testing';
import type { TestPlatform } from '@entente/e2e-support';

const REPO_ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(REPO_ROOT, '.runtime', 'screenshots');
const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The built console (dist/console) served beside a test platform, and Debian's
 * Chromium driven by Playwright to use it as a person does: signing in on
 * Keycloak's own login page, pressing keys, taking screenshots into
 * .runtime/screenshots/.
 */
export class ConsoleBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly server: ConsoleServer,
    private readonly browser: Browser,
  ) {}

  static async start(platform: TestPlatform): Promise<ConsoleBrowser> {
    // The realm's entente-console client allows the gateway's port + 200 (5200, 7200; 5600, 7600 in the second jest worker) besides npm start's 4200.
    const server = await startConsoleServer({
      CONSOLE_PORT: platform.settings.ports.gateway + 200,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_ROOT: join(REPO_ROOT, 'dist', 'console'),
      GATEWAY_URL: platform.gatewayUrl,
      KEYCLOAK_URL: testEndpoints().keycloakUrl,
      KEYCLOAK_REALM: 'entente',
      CONSOLE_CLIENT_ID: 'entente-console',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    mkdirSync(SCREENSHOTS, { recursive: true });
    return new ConsoleBrowser(server, browser);
  }

  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => undefined)));
    await this.browser.close();
    await this.server.close();
  }

  /** Opens the console at `path` in a fresh browser: it sends the person to Keycloak's login page. */
  async openLoginPage(path = '/'): Promise<{ page: Page; said: string[] }> {
    const context = await this.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    this.contexts.push(context);
    const page = await context.newPage();
    const said: string[] = [];
    page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => said.push(`error: ${error.message}`));
    await page.goto(new URL(path, this.server.url).toString());
    await page.locator('#username').waitFor();
    if (new URL(page.url()).origin !== testEndpoints().keycloakUrl) throw new Error(`the sign-in page is not Keycloak's: ${page.url()}`);
    return { page, said };
  }

  /** Opens the console at `path` in a fresh browser and signs in on Keycloak's login page, as a person types it. */
  async signIn(user: Pick<TestUser, 'username' | 'password'>, path = '/'): Promise<Page> {
    const { page, said } = await this.openLoginPage(path);
    await page.locator('#username').fill(user.username);
    await page.locator('#password').fill(user.password);
    await page.locator('#password').press('Enter');
    try {
      await page.getByTestId('who-am-i').waitFor({ timeout: 20_000 });
    } catch {
      await shot(page, `sign-in-failed-${user.username}`);
      throw new Error(`${user.username} was not signed in to the console: at ${page.url()}, showing "${(await page.locator('body').innerText()).slice(0, 300)}"; the page said:\n${said.join('\n')}`);
    }
    return page;
  }
}

/** The whole page, or what is on screen (a dialog covers the viewport only). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // From the top: a page scrolled by the keyboard otherwise shows its fixed header halfway down the full-page picture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The serious and critical WCAG 2.1 A/AA violations axe-core finds on what the page shows now, one line each (none is the goal). */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // What the page shows once it has settled: a menu still fading out as a dialog opens is a frame no one reads, and axe judged
  // its half-removed items once (a CI run). Finite transitions only; a spinner turns for ever. Bounded: a page that never
  // settles is scanned as it is.
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 2_000 })
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(' ')} [${node.failureSummary ?? ''}]`).join(', ')}`);
}

/** Tabs through the page until the element matching `selector` has the focus: the way a keyboard user gets there. */
export async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let tabs = 0; tabs < maxTabs; tabs += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached within ${maxTabs} presses of Tab`);
}

/** Fails the test with axe-core's serious and critical WCAG 2.1 A/AA violations on what the page shows now, if any. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page, screen)).toEqual([]);
}
