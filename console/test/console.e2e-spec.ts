import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { type ConsoleServer, startConsoleServer } from '@entente/platform';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '@entente/e2e-support';

/**
 * The console in a real browser (Debian's Chromium, driven by Playwright)
 * against the end-to-end platform, signing in on Keycloak's own login page.
 * Each test makes its own jurisdiction, users and plan through the API first.
 * Screenshots of every screen go to .runtime/screenshots/.
 */
const REPO_ROOT = join(__dirname, '..', '..');
const SCREENSHOTS = join(REPO_ROOT, '.runtime', 'screenshots');
const CHROMIUM = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
const YEAR = 2027;

describe('the console in a browser', () => {
  let platform: TestPlatform;
  let server: ConsoleServer;
  let browser: Browser;
  let platformAdmin: TestUser;
  const jurisdictions = testJurisdictions();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'console' });
    // The realm's entente-console client allows the gateway's port + 200 (5200, 7200) besides npm start's 4200.
    server = await startConsoleServer({
      CONSOLE_PORT: platform.settings.ports.gateway + 200,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_ROOT: join(REPO_ROOT, 'dist', 'console'),
      GATEWAY_URL: platform.gatewayUrl,
      KEYCLOAK_URL: testEndpoints().keycloakUrl,
      KEYCLOAK_REALM: 'entente',
      CONSOLE_CLIENT_ID: 'entente-console',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
  });

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  /** A Rostock-like jurisdiction with three priorities and a 2027 plan 7 000 € over its own budget, made through the API. */
  async function rostockLike(prefix: string, staffFte = 3): Promise<TestJurisdiction> {
    const j = jurisdictions.create(prefix);
    ok(
      await platform.graphql(
        await platformAdmin.token(),
        `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Hansestadt ${prefix}", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
        { id: j.id },
      ),
    );
    const staff = await j.token('staff');
    const goals = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId } } }`, {
        input: {
          goals: [
            { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Port and maritime economy', statement: 'Grow exports of the port cluster', indicators: ['export volume'] },
            { kind: 'SUSTAINABILITY', title: 'Climate-neutral by 2035', statement: 'Learn from partners on offshore wind', indicators: ['t CO2'] },
            { kind: 'SOCIAL_INCLUSION', title: 'Young people abroad', statement: 'Every pupil can take part in an exchange', indicators: ['pupils'] },
          ],
          governanceModel: 'CENTRAL_OFFICE',
          staffFte,
        },
      }),
    ).saveStrategy.goals;
    const priorities: string[] = [];
    for (const [index, title] of ['Baltic maritime trade', 'Offshore wind partnerships', 'Youth and school exchanges'].entries()) {
      const set = ok(
        await platform.graphql<{ setPriority: { priority: { id: string } } }>(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, {
          input: { title, goalIds: [goals[index]?.goalId], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK'], sectors: ['maritime'], themes: ['ports'] },
        }),
      );
      priorities.push(set.setPriority.priority.id);
    }
    // Planning learns the jurisdiction's fiscal year from the onboarding event.
    const { value } = await eventually(
      () => platform.graphql(staff, `mutation($input: PlanSettingsInput) { createPlan(year: ${YEAR}, input: $input) { version } }`, { input: { budgetLines: [{ source: 'OWN', label: 'Council budget for international affairs', amount: 40000 }], staffDaysAvailable: 120 } }),
      (r) => r.data != null || r.errors?.[0]?.extensions?.code !== 'CONFLICT',
      20_000,
    );
    ok(value);
    const [trade, wind, youth] = priorities;
    for (const input of [
      { title: 'Delegation to Aarhus for the harbour forum', type: 'OUTBOUND_DELEGATION', priorityIds: [trade], country: 'DK', city: 'Aarhus', frequency: 'ANNUAL', windowStart: '2027-05-03', windowEnd: '2027-05-06', costPerOccurrence: { own: 12000 }, staffDaysPerOccurrence: 10 },
      { title: 'Offshore wind webinar series', type: 'ONLINE_EVENT', priorityIds: [wind], frequency: 'QUARTERLY', mode: 'VIRTUAL', costPerOccurrence: { own: 500 }, staffDaysPerOccurrence: 2 },
      { title: 'Trade mission to Turku', type: 'TRADE_MISSION', priorityIds: [trade, wind], country: 'FI', costPerOccurrence: { own: 25000 }, staffDaysPerOccurrence: 15 },
      { title: 'Youth exchange with Riga', type: 'YOUTH_EXCHANGE', priorityIds: [youth], country: 'LV', frequency: 'ANNUAL', costPerOccurrence: { own: 8000 }, staffDaysPerOccurrence: 12 },
    ]) {
      ok(await platform.graphql(staff, `mutation($input: ActivityInput!) { addActivity(year: ${YEAR}, input: $input) { version } }`, { input }));
    }
    return j;
  }

  /** Opens the console in a fresh browser and signs in on Keycloak's login page, as a person types it. */
  async function signIn(user: TestUser, options: { locale?: string } = {}): Promise<Page> {
    const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const said: string[] = [];
    page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => said.push(`error: ${error.message}`));
    await page.goto(server.url);
    await typeCredentials(page, user);
    try {
      await page.getByTestId('who-am-i').waitFor({ timeout: 20_000 });
    } catch {
      await shot(page, `sign-in-failed-${user.username}`);
      throw new Error(`${user.username} was not signed in to the console: at ${page.url()}, showing "${(await page.locator('body').innerText()).slice(0, 300)}"; the page said:\n${said.join('\n')}`);
    }
    return page;
  }

  async function typeCredentials(page: Page, user: TestUser): Promise<void> {
    await page.locator('#username').waitFor();
    expect(new URL(page.url()).origin).toBe(testEndpoints().keycloakUrl);
    await page.locator('#username').fill(user.username);
    await page.locator('#password').fill(user.password);
    await page.locator('#password').press('Enter');
  }

  /** The whole page, or what is on screen (a dialog covers the viewport only). */
  async function shot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
  }

  /** axe-core on what the page shows now: no serious or critical violation of WCAG 2.1 A/AA. */
  async function expectAccessible(page: Page, screen: string): Promise<void> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${screen}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(' ')} [${node.failureSummary ?? ''}]`).join(', ')}`);
    expect(bad).toEqual([]);
  }

  async function openPlan(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual plan' }).click();
    await page.getByTestId('capacity-gauge').waitFor();
    // The charts load after the gauge (their own chunk).
    await page.getByText('Cost by source: planned and available').waitFor();
  }

  /** Tabs through the page until the element matching `selector` has the focus: the way a keyboard user gets there. */
  async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
    for (let tabs = 0; tabs < maxTabs; tabs += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`${selector} was not reached within ${maxTabs} presses of Tab`);
  }

  it('takes an over-budget plan from staff (reduce frequency, by keyboard alone) through the admin’s submission to the executive’s approval', async () => {
    const rostock = await rostockLike('rostock');

    const staffPage = await signIn(await rostock.user('staff'));
    await staffPage.getByRole('heading', { name: /at a glance/ }).waitFor();
    await expect(staffPage.getByTestId('active-priorities').textContent()).resolves.toBe('3');
    await shot(staffPage, 'home');
    await expectAccessible(staffPage, 'home');

    await openPlan(staffPage);
    const gauge = staffPage.getByTestId('capacity-gauge');
    expect(await gauge.getAttribute('data-state')).toBe('over');
    await expect(gauge.textContent()).resolves.toContain('7.000\u00a0€');
    await shot(staffPage, 'plan-over-budget');
    await expectAccessible(staffPage, 'annual plan');

    // Keyboard only: Tab to the remedy's Apply, Enter, type the rationale, Tab to the dialog's Apply, Enter.
    const rationale = 'Aarhus hosts the forum every year; we attend every second year';
    await tabTo(staffPage, 'button[aria-label^="Apply: "][aria-label*="Aarhus"][aria-label*="biennial"]');
    await staffPage.keyboard.press('Enter');
    const dialog = staffPage.getByRole('dialog');
    await dialog.waitFor();
    expect(await staffPage.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await staffPage.keyboard.type(rationale);
    await shot(staffPage, 'apply-remedy-dialog', false);
    await expectAccessible(staffPage, 'apply dialog');
    await tabTo(staffPage, 'button[type="submit"]', 5);
    await staffPage.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await staffPage.locator('[data-testid="capacity-gauge"][data-state="fits"]').waitFor();
    await staffPage.getByText(`“${rationale}”`).waitFor();
    await shot(staffPage, 'plan-fits');

    // Tokens live in memory only.
    const token = await (await rostock.user('staff')).token();
    const stored = await staffPage.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(token).toBeTruthy();

    // Signing out ends the Keycloak session: the console asks for a login again.
    await staffPage.getByRole('button', { name: 'Sign out' }).click();
    await staffPage.locator('#username').waitFor();

    // The jurisdiction-admin submits; the executive approves.
    const adminPage = await signIn(await rostock.user('jurisdiction-admin'));
    await openPlan(adminPage);
    await adminPage.getByRole('button', { name: 'Submit for review' }).click();
    await adminPage.getByTestId('plan-status').filter({ hasText: 'In review' }).waitFor();
    await shot(adminPage, 'plan-submitted');

    const executivePage = await signIn(await rostock.user('executive'));
    await openPlan(executivePage);
    await executivePage.getByRole('button', { name: 'Approve version 1' }).click();
    await executivePage.getByTestId('plan-status').filter({ hasText: 'Approved' }).waitFor();
    await shot(executivePage, 'plan-approved');
    const approved = ok(await platform.graphql<{ plan: { status: string; version: number } }>(await rostock.token('viewer'), `{ plan(year: ${YEAR}) { status version } }`)).plan;
    expect(approved).toEqual({ status: 'APPROVED', version: 1 });
  });

  it('shows a viewer the plan and the priorities without a single control to change them', async () => {
    const rostock = await rostockLike('viewer');
    const page = await signIn(await rostock.user('viewer'));
    await openPlan(page);
    expect(await page.getByTestId('remedy').count()).toBeGreaterThan(0);
    for (const name of [/^Apply/, 'Submit for review', /^Approve/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await shot(page, 'plan-viewer');
    await page.getByRole('link', { name: 'Priorities' }).click();
    await page.getByTestId('priority-cap').waitFor();
    expect(await page.getByRole('button', { name: 'Set priority' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
  });

  it('warns staff who set a priority past the soft cap, in German with German numbers when asked', async () => {
    // One FTE carries two priorities (soft) and at most four (hard); three are active already.
    const rostock = await rostockLike('cap', 1);
    const page = await signIn(await rostock.user('staff'));
    await page.getByRole('link', { name: 'Priorities' }).click();
    await expect(page.getByTestId('priority-cap').textContent()).resolves.toBe('3 active · soft limit 2 · hard limit 4');
    await expectAccessible(page, 'priorities');
    await page.getByRole('textbox', { name: 'Title' }).fill('Hanseatic culture weeks');
    await page.getByRole('combobox', { name: 'Local goals it advances' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Young people abroad' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Set priority' }).click();
    await page.getByTestId('priority-warning').waitFor();
    await page.getByTestId('priority-cap').filter({ hasText: '4 active · soft limit 2 · hard limit 4' }).waitFor();
    await shot(page, 'priorities-warning');

    await page.getByText('DE', { exact: true }).click();
    await page.getByRole('link', { name: 'Jahresplan' }).click();
    await page.getByText('Kosten nach Quelle: geplant und verfügbar').waitFor();
    await expect(page.getByTestId('capacity-gauge').textContent()).resolves.toContain('Personentage: 45 von 120');
    await shot(page, 'plan-de');
    await expectAccessible(page, 'annual plan (de)');
  });
});
