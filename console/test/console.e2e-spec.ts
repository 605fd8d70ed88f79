import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { eventually, type TestJurisdiction } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

/**
 * The console in a real browser (Debian's Chromium, driven by Playwright)
 * against the end-to-end platform, signing in on Keycloak's own login page:
 * the planning screens (strategy, priorities, the annual plan and its editor,
 * visit requests, reports). Each test makes its own jurisdiction, users and
 * plan through the API first. Screenshots of every screen go to
 * .runtime/screenshots/.
 */
const YEAR = 2027;

describe('the console in a browser', () => {

  const suite = consoleSuite('console');

  /** A Rostock-like jurisdiction with three priorities and a 2027 plan 7 000 € over its own budget, made through the API. */
  async function rostockLike(prefix: string, staffFte = 3): Promise<TestJurisdiction> {
    const j = await suite.onboarded(prefix);
    const staff = await j.token('staff');
    const goals = ok(
      await suite.platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId } } }`, {
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
        await suite.platform.graphql<{ setPriority: { priority: { id: string } } }>(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, {
          input: { title, goalIds: [goals[index]?.goalId], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK'], sectors: ['maritime'], themes: ['ports'] },
        }),
      );
      priorities.push(set.setPriority.priority.id);
    }
    // Planning learns the jurisdiction's fiscal year from the onboarding event.
    const { value } = await eventually(
      () => suite.platform.graphql(staff, `mutation($input: PlanSettingsInput) { createPlan(year: ${YEAR}, input: $input) { version } }`, { input: { budgetLines: [{ source: 'OWN', label: 'Council budget for international affairs', amount: 40000 }], staffDaysAvailable: 120 } }),
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
      ok(await suite.platform.graphql(staff, `mutation($input: ActivityInput!) { addActivity(year: ${YEAR}, input: $input) { version } }`, { input }));
    }
    return j;
  }

  async function openPlan(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Annual plan' }).click();
    await page.getByTestId('capacity-gauge').waitFor();
    // The charts load after the gauge (their own chunk).
    await page.getByText('Cost by source: planned and available').waitFor();
  }

  it('takes an over-budget plan from staff (reduce frequency, by keyboard alone) through the admin’s submission to the executive’s approval', async () => {
    const rostock = await rostockLike('rostock');

    const staffPage = await suite.consoleBrowser.signIn(await rostock.user('staff'));
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
    const adminPage = await suite.consoleBrowser.signIn(await rostock.user('jurisdiction-admin'));
    await openPlan(adminPage);
    await adminPage.getByRole('button', { name: 'Submit for review' }).click();
    await adminPage.getByTestId('plan-status').filter({ hasText: 'In review' }).waitFor();
    await shot(adminPage, 'plan-submitted');

    const executivePage = await suite.consoleBrowser.signIn(await rostock.user('executive'));
    await openPlan(executivePage);
    await executivePage.getByRole('button', { name: 'Approve version 1' }).click();
    await executivePage.getByTestId('plan-status').filter({ hasText: 'Approved' }).waitFor();
    await shot(executivePage, 'plan-approved');
    const approved = ok(await suite.platform.graphql<{ plan: { status: string; version: number } }>(await rostock.token('viewer'), `{ plan(year: ${YEAR}) { status version } }`)).plan;
    expect(approved).toEqual({ status: 'APPROVED', version: 1 });
  });

  it('shows a viewer the plan and the priorities without a single control to change them', async () => {
    const rostock = await rostockLike('viewer');
    const page = await suite.consoleBrowser.signIn(await rostock.user('viewer'));
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
    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'));
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

  it('lets staff set local goals, governance and an advisory group in the strategy editor, shows the refusal at the field it names, and a priority then advances a goal', async () => {
    const hamburg = await suite.onboarded('strategy');
    const page = await suite.consoleBrowser.signIn(await hamburg.user('staff'), '/planning/strategy');
    await page.getByRole('heading', { name: 'Strategy and goals', level: 1 }).waitFor();
    await page.getByText('No local goals yet.').waitFor();

    // A standard goal comes with its kind's title; a custom goal is named by the person.
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.locator('#goal-0-title').inputValue()).resolves.toBe('Economic development and trade');
    await page.locator('#goal-0-title').fill('Port and maritime economy');
    await page.getByRole('combobox', { name: 'Kind of goal to add' }).click();
    await page.getByRole('option', { name: 'Custom goal' }).click();
    await page.getByRole('button', { name: 'Add goal' }).click();
    await page.locator('#goal-1-title').fill('Hanseatic heritage');
    await page.locator('#goal-1-statement').fill('Keep the Hanseatic League’s towns in touch');
    await page.locator('#goal-1-indicators').fill('joint events');
    await page.locator('#goal-1-indicators').press('Enter');
    await page.getByRole('combobox', { name: 'Governance model' }).click();
    await page.getByRole('option', { name: 'Interdepartmental working group' }).click();
    await page.getByRole('textbox', { name: 'Executive sponsor' }).fill('Eva-Maria Kröger');
    await page.getByRole('textbox', { name: 'Sponsor’s role' }).fill('Mayor');
    await page.getByRole('textbox', { name: 'Alignment with national policy' }).fill('Follows the federal maritime agenda');
    await page.getByRole('button', { name: 'Add advisory group' }).click();
    await page.locator('#group-0-name').fill('Port business council');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.locator('#group-0-member-0-name').fill('Jens Hansen');
    await page.locator('#group-0-member-0-sector').fill('logistics');
    await page.getByRole('textbox', { name: 'Staff FTE' }).fill('3');

    // The first goal has no statement: the API refuses and says so at that field.
    await page.getByRole('button', { name: 'Save strategy' }).click();
    await page.locator('#goal-0-statement-error').waitFor();
    await expect(page.locator('#goal-0-statement-error').textContent()).resolves.toContain('must not be empty');
    expect(await page.locator('#goal-0-statement').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'strategy-field-error');
    await expectAccessible(page, 'strategy editor with an error');

    await page.locator('#goal-0-statement').fill('Grow exports of the port cluster');
    await page.getByRole('button', { name: 'Save strategy' }).click();
    await page.getByRole('status').filter({ hasText: 'Strategy saved.' }).waitFor();
    await page.getByTestId('strategy-staff').filter({ hasText: '3 staff FTE' }).waitFor();

    // A meeting of the advisory group, its date picked from the calendar.
    await page.getByRole('button', { name: 'Record a meeting of Port business council' }).click();
    const dialog = page.getByRole('dialog', { name: 'Meeting of Port business council' });
    // The calendar by keyboard: Enter opens it, Tab reaches the day in its tab order (today), Enter picks it.
    await dialog.getByRole('button', { name: 'Date of the meeting' }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-dates-dropdown] table button[tabindex="0"]', 6);
    await page.keyboard.press('Enter');
    await page.locator('[data-dates-dropdown]').waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('The council asks for a delegation to Aarhus');
    await dialog.getByRole('button', { name: 'Record a meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('group-meetings').filter({ hasText: 'The council asks for a delegation to Aarhus' }).waitFor();
    await shot(page, 'strategy-editor');
    await expectAccessible(page, 'strategy editor');

    const strategy = ok(
      await suite.platform.graphql<{ strategy: { goals: Array<{ goalId: string; kind: string; title: string; indicators: string[] }>; governanceModel: string; executiveSponsor: { name: string }; advisoryGroups: Array<{ members: Array<{ name: string }>; meetings: Array<{ notes: string }> }>; staffFte: number } }>(
        await hamburg.token('viewer'),
        `{ strategy { goals { goalId kind title indicators } governanceModel executiveSponsor { name } advisoryGroups { members { name } meetings { notes } } staffFte } }`,
      ),
    ).strategy;
    expect(strategy.goals.map((goal) => [goal.kind, goal.title, goal.indicators])).toEqual([
      ['ECONOMIC_DEVELOPMENT_AND_TRADE', 'Port and maritime economy', []],
      ['CUSTOM', 'Hanseatic heritage', ['joint events']],
    ]);
    expect(strategy).toMatchObject({ governanceModel: 'INTERDEPARTMENTAL_WORKING_GROUP', executiveSponsor: { name: 'Eva-Maria Kröger' }, staffFte: 3 });
    expect(strategy.advisoryGroups).toEqual([{ members: [{ name: 'Jens Hansen' }], meetings: [{ notes: 'The council asks for a delegation to Aarhus' }] }]);

    // The custom goal is there to advance: a priority set on the priorities screen points at it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priorities' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Hanseatic Days');
    await page.getByRole('combobox', { name: 'Local goals it advances' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Hanseatic heritage' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Set priority' }).click();
    await page.getByText('Priority “Hanseatic Days” set.').waitFor();
    const priorities = ok(await suite.platform.graphql<{ priorities: { nodes: Array<{ title: string; goalIds: string[] }> } }>(await hamburg.token('viewer'), `{ priorities { nodes { title goalIds } } }`)).priorities.nodes;
    expect(priorities).toEqual([{ title: 'Hanseatic Days', goalIds: [strategy.goals[1]?.goalId] }]);
  });

  it('lets staff add an activity by keyboard alone, its window picked in the calendar, and shows the capacity change', async () => {
    const rostock = await rostockLike('activity');
    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'));
    await openPlan(page);
    const gauge = page.getByTestId('capacity-gauge');
    await expect(gauge.textContent()).resolves.toContain('Staff-days: 45 of 120');

    // Keyboard only: Tab to "Add activity", type into the dialog, pick the window's days with arrows and Enter.
    await tabTo(page, '[data-testid="add-activity"]', 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add activity' });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'activity-title');
    await page.keyboard.type('Hanse Sail reception for Gdańsk');
    await tabTo(page, '#activity-window-start', 12);
    await page.keyboard.press('Enter');
    // The calendar opens on the plan year's first month; its first day is the one in the tab order.
    await tabTo(page, '[data-dates-dropdown] button[aria-label="1 January 2027"]', 6);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.locator('#activity-window-start').filter({ hasText: '15.01.2027' }).waitFor();
    // Back on the field after picking, to go on with Tab.
    await page.waitForFunction(() => document.activeElement?.id === 'activity-window-start');
    await tabTo(page, '#activity-own', 12);
    await page.keyboard.type('3000');
    await tabTo(page, '#activity-staff-days', 4);
    await page.keyboard.type('10');
    await shot(page, 'plan-activity-dialog', false);
    await expectAccessible(page, 'add activity dialog');
    await tabTo(page, 'form[aria-label="Add activity"] button[type="submit"]', 10);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Activity “Hanse Sail reception for Gdańsk” added.' }).waitFor();

    // 47 000 € + 3 000 € against 40 000 €: 10 000 € over; 45 + 10 staff-days.
    await page.locator('[data-testid="capacity-gauge"]').filter({ hasText: 'Staff-days: 55 of 120' }).waitFor();
    await expect(gauge.textContent()).resolves.toContain('10.000\u00a0€');
    await page.getByTestId('activity-row').filter({ hasText: 'Hanse Sail reception for Gdańsk' }).waitFor();
    await shot(page, 'plan-editor');
    await expectAccessible(page, 'annual plan with its editor');
    const added = ok(await suite.platform.graphql<{ plan: { activities: Array<{ title: string; windowStart: string | null; windowEnd: string | null; costPerOccurrence: { own: number }; staffDaysPerOccurrence: number }> } }>(await rostock.token('viewer'), `{ plan(year: ${YEAR}) { activities { title windowStart windowEnd costPerOccurrence { own } staffDaysPerOccurrence } } }`)).plan.activities;
    expect(added.find((activity) => activity.title === 'Hanse Sail reception for Gdańsk')).toEqual({ title: 'Hanse Sail reception for Gdańsk', windowStart: '2027-01-15', windowEnd: null, costPerOccurrence: { own: 3000 }, staffDaysPerOccurrence: 10 });
  });

  it('scores a visit request staff record, puts an accepted one into the plan and keeps the reason of a declined one', async () => {
    const rostock = await rostockLike('visits');
    const staff = await rostock.token('staff');
    ok(await suite.platform.graphql(staff, `mutation($input: VisitRequestInput!) { recordVisitRequest(input: $input) { id } }`, { input: { visitor: 'Choir of Tartu', country: 'EE', purpose: 'A concert tour', dateStart: '2027-08-01' } }));
    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'), '/planning/visits');
    await page.getByTestId('visit-row').filter({ hasText: 'Choir of Tartu' }).waitFor();

    await page.locator('#visit-visitor').fill('Aarhus port authority');
    await page.locator('#visit-country').fill('DK');
    await page.locator('#visit-sector').fill('maritime');
    await page.locator('#visit-purpose').fill('Learn how Rostock runs its ferry terminal');
    await page.locator('#visit-date-start').click();
    // From this month to May 2027 in the calendar.
    const day = page.locator('[data-dates-dropdown] button[aria-label="10 May 2027"]');
    for (let months = 0; months < 30 && !(await day.isVisible()); months += 1) await page.getByRole('button', { name: 'Next month' }).click();
    await day.click();
    await page.locator('#visit-cost').fill('1500');
    await page.getByRole('button', { name: 'Record request' }).click();
    await page.getByRole('status').filter({ hasText: /Request of Aarhus port authority recorded: fit \d+ of 100\./ }).waitFor();
    const row = page.getByTestId('visit-row').filter({ hasText: 'Aarhus port authority' });
    await expect(row.getByTestId('visit-explanation').textContent()).resolves.toMatch(/\w+/);
    await shot(page, 'visit-requests');
    await expectAccessible(page, 'visit requests');

    await row.getByRole('link', { name: 'Decide on the request of Aarhus port authority' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Accept' }).waitFor();
    await shot(page, 'visit-request-dialog', false);
    await expectAccessible(page, 'visit request dialog');
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `Accepted: a hosted visit by Aarhus port authority is in the plan ${YEAR}.` }).waitFor();
    await page.getByRole('link', { name: `Open plan ${YEAR}` }).click();
    await page.getByTestId('activity-row').filter({ hasText: 'Hosted visit: Aarhus port authority' }).waitFor();

    // The other one is declined, with the reason.
    await page.goBack();
    await page.getByTestId('visit-row').filter({ hasText: 'Choir of Tartu' }).getByRole('link').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Reason for declining' }).fill('No hall free in August');
    await page.getByRole('dialog').getByRole('button', { name: 'Decline the visit' }).click();
    await page.locator('[data-testid="visit-row"][data-status="DECLINED"]').filter({ hasText: 'Choir of Tartu' }).waitFor();
    const requests = ok(await suite.platform.graphql<{ visitRequests: { nodes: Array<{ visitor: string; status: string; declineReason: string | null; planYear: number | null }> } }>(await rostock.token('viewer'), `{ visitRequests { nodes { visitor status declineReason planYear } } }`)).visitRequests.nodes;
    expect(requests).toEqual([
      { visitor: 'Choir of Tartu', status: 'DECLINED', declineReason: 'No hall free in August', planYear: null },
      { visitor: 'Aarhus port authority', status: 'ACCEPTED', declineReason: null, planYear: YEAR },
    ]);
  });

  it('shows the progress report inside the page, for a period and in German, and downloads its CSV', async () => {
    const rostock = await rostockLike('reports');
    const page = await suite.consoleBrowser.signIn(await rostock.user('viewer'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await frame.getByText('Delegation to Aarhus for the harbour forum').first().waitFor();
    await shot(page, 'reports');
    await expectAccessible(page, 'reports');

    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: /^Q2 2027/ }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`plan-${YEAR}-${YEAR}-Q2-report.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain(`period,${YEAR}-Q2`);
    expect(csv).toContain('Delegation to Aarhus for the harbour forum');

    // The console in German, the report in German too.
    await page.getByText('DE', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Sprache des Berichts' }).click();
    await page.getByRole('option', { name: 'Deutsch' }).click();
    await page.locator('[data-testid="report-frame"]').waitFor();
    await frame.locator('html[lang="de"]').waitFor();
    await shot(page, 'reports-de');
    await expectAccessible(page, 'reports (de)');
  });

  it('shows a viewer the strategy, the plan’s activities, visit requests and reports without a control to change them', async () => {
    const rostock = await rostockLike('readonly');
    ok(await suite.platform.graphql(await rostock.token('staff'), `mutation($input: VisitRequestInput!) { recordVisitRequest(input: $input) { id } }`, { input: { visitor: 'Mayor of Turku', country: 'FI', purpose: 'Courtesy visit', dateStart: '2027-03-01' } }));
    const page = await suite.consoleBrowser.signIn(await rostock.user('viewer'), '/planning/strategy');
    await page.getByTestId('goal').filter({ hasText: 'Port and maritime economy' }).waitFor();
    const noEditControl = async (screen: string) => {
      expect({ screen, textboxes: await page.getByRole('textbox').count() }).toEqual({ screen, textboxes: 0 });
      for (const name of ['Save strategy', 'Add goal', 'Record a meeting', 'Add activity', /^Edit /, /^Remove/, /^Record progress/, 'Save budget and staff', 'Add occasion', /^Copy to/, 'New plan year', 'Record request', 'Accept', 'Decline']) {
        expect({ screen, name: String(name), count: await page.getByRole('button', { name }).count() }).toEqual({ screen, name: String(name), count: 0 });
      }
    };
    await noEditControl('strategy');
    await shot(page, 'strategy-viewer');

    await openPlan(page);
    await page.getByTestId('activity-row').first().waitFor();
    await page.getByTestId('occasions').waitFor();
    await noEditControl('annual plan');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visit requests' }).click();
    await page.getByTestId('visit-row').filter({ hasText: 'Mayor of Turku' }).getByRole('link', { name: 'Open the request of Mayor of Turku' }).click();
    await page.getByRole('dialog').getByTestId('visit-explanation-full').waitFor();
    await noEditControl('visit request');
    await shot(page, 'visit-requests-viewer', false);
  });
});
