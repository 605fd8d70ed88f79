import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { eventually, type GraphQLResponse } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

/**
 * Funding's work screens in a real browser (Debian's Chromium) against the
 * end-to-end platform, signing in on Keycloak's login page: the pipeline
 * board worked by keyboard, an application's refusals, moves and history,
 * what a viewer and another jurisdiction see, the calendar link on the
 * console's own origin, and the platform-admin's funding sources with a
 * run's report. Each test makes its own jurisdiction, users and records.
 */
describe('funding’s work screens in a browser', () => {

  const suite = consoleSuite('console-funding-work');

  let feedServer: Server;
  let feedUrl: string;
  const CSV = [
    'id,title,funder,deadline,amount,currency,themes,countries',
    'call-1,Baltic smart ports call,Interreg Baltic Sea Region,2027-05-31,250000,EUR,regional development;transport,DE;DK;PL',
    'call-2,Town twinning networks,EU CERV programme,2027-09-01,60000,EUR,citizenship,DE',
    'call-3,Green harbour pilots,Nordic Council,2027-10-15,40000,EUR,environment,DE;SE',
    'call-4,Broken deadline call,Somebody,31/02/2027,1000,EUR,culture,DE',
  ].join('\n');

  beforeAll(async () => {
    feedServer = createServer((req, res) => {
      if (req.url === '/calls.csv') {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        res.end(CSV);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/calls.csv`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => feedServer?.close(() => resolve()));
  });

  async function addApplication(token: string, input: Record<string, unknown>): Promise<string> {
    return ok(await suite.platform.graphql<{ addFundingApplication: { id: string } }>(token, `mutation($input: FundingApplicationInput!) { addFundingApplication(input: $input) { id } }`, { input })).addFundingApplication.id;
  }

  function moveByApi(token: string, id: string, stage: string): Promise<GraphQLResponse<{ moveFundingApplication: { stage: string } }>> {
    return suite.platform.graphql<{ moveFundingApplication: { stage: string } }>(token, `mutation($id: ID!, $input: MoveFundingApplicationInput!) { moveFundingApplication(id: $id, input: $input) { stage } }`, { id, input: { stage } });
  }

  /** Funding moves applications once the registry's onboarding event (currency, time zone) reached it: moves this one to preparing when it can. */
  async function prepareWhenKnown(token: string, id: string): Promise<void> {
    const { value } = await eventually(() => moveByApi(token, id, 'PREPARING'), (r) => r.data?.moveFundingApplication !== undefined || !String(r.errors?.[0]?.message).includes('has not received'), 30_000);
    ok(value);
  }

  async function applicationId(token: string, title: string): Promise<string> {
    const nodes = ok(await suite.platform.graphql<{ fundingApplications: { nodes: Array<{ id: string; title: string }> } }>(token, `{ fundingApplications(first: 100) { nodes { id title } } }`)).fundingApplications.nodes;
    const found = nodes.find((node) => node.title === title);
    if (!found) throw new Error(`no application “${title}” among ${nodes.map((node) => node.title).join(', ')}`);
    return found.id;
  }

  /** A CSV source of the local file, read once through the API: its opportunities' ids are `<sourceId>:<id in the file>`. */
  async function scoutedSource(): Promise<string> {
    const admin = await suite.platformAdmin.token();
    const sourceId = `calls-${randomUUID().slice(0, 8)}`;
    ok(await suite.platform.graphql(admin, `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, { input: { sourceId, name: `Calls ${sourceId}`, kind: 'CSV', url: feedUrl, currency: 'EUR', timeZone: 'Europe/Berlin' } }));
    const runId = ok(await suite.platform.graphql<{ runFundingSource: { id: string } }>(admin, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: sourceId })).runFundingSource.id;
    const { value } = await eventually(() => suite.platform.graphql<{ scoutingRun: { status: string } }>(admin, `query($id: ID!) { scoutingRun(id: $id) { status } }`, { id: runId }), (r) => r.data?.scoutingRun.status === 'SUCCEEDED', 30_000);
    expect(ok(value).scoutingRun.status).toBe('SUCCEEDED');
    return sourceId;
  }

  const card = (page: Page, title: string) => page.getByTestId('application-card').filter({ has: page.getByRole('link', { name: `Open ${title}`, exact: true }) });

  it('lets staff add an application and move it to awarded by keyboard, shows refusals at their fields and the history', async () => {
    const j = await suite.onboarded('pipeline');
    const staff = await j.token('staff');
    const parked = await addApplication(staff, { title: 'Baltic Sea youth exchange fund', funder: 'Interreg South Baltic', deadline: '2027-04-30', amountRequested: { amount: 12000, currency: 'EUR' } });
    await prepareWhenKnown(staff, parked);

    const page = await suite.consoleBrowser.signIn(await j.user('staff'), '/funding/pipeline');
    await page.getByTestId('pipeline-board').waitFor();
    await card(page, 'Baltic Sea youth exchange fund').waitFor();

    // Keyboard only: Tab to each field of "Add an application", type, Enter.
    const title = 'Transatlantic climate partnership';
    await tabTo(page, '#add-application-title', 120);
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('U.S. Embassy Berlin');
    await tabTo(page, '#add-application-amount', 6);
    await page.keyboard.type('25000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('USD');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Anna Schulz');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Application “${title}” added as interested.` }).waitFor();
    const id = await applicationId(staff, title);
    await page.getByTestId('column-INTERESTED').getByRole('link', { name: `Open ${title}` }).waitFor();
    await shot(page, 'funding-pipeline');
    await expectAccessible(page, 'pipeline board');

    // Moves by keyboard: Tab to the card's move button, Enter.
    const moveButton = (stage: string) => `button[data-move="${stage}"][aria-describedby="application-${id}-title"]`;
    await page.locator('#add-application-title').focus();
    await tabTo(page, moveButton('PREPARING'), 120);
    await page.keyboard.press('Enter');
    await page.getByTestId('column-PREPARING').getByRole('link', { name: `Open ${title}` }).waitFor();
    await page.locator('#add-application-title').focus();
    await tabTo(page, moveButton('SUBMITTED'), 120);
    await page.keyboard.press('Enter');
    await page.getByTestId('column-SUBMITTED').getByRole('link', { name: `Open ${title}` }).waitFor();
    // An award needs its amount, and in dollars its value in euros: the button opens the application at that move.
    await page.locator('#add-application-title').focus();
    await tabTo(page, moveButton('AWARDED'), 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('form', { name: 'Move to another stage' }).waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Amount awarded' }).inputValue()).resolves.toBe('25,000');
    // Left out, the euro value is refused by the API at its field.
    await tabTo(page, '#move-amount-local', 10);
    await page.keyboard.press('Enter');
    await page.locator('#move-amount-local-error').waitFor();
    await expect(page.locator('#move-amount-local-error').textContent()).resolves.toContain('is required: the award is in USD; give its value in EUR');
    expect(await page.locator('#move-amount-local').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'funding-award-field-error', false);
    await expectAccessible(page, 'award with a refusal');
    await page.locator('#move-amount-local').focus();
    await page.keyboard.type('23000');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: `“${title}” moved to Awarded.` }).waitFor();
    await dialog.getByText('This application is Awarded, which is final.').waitFor();
    // Its history: added, then each move, newest first.
    const history = dialog.getByTestId('history-entry');
    await expect(history.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))).resolves.toEqual(['moved to awarded', 'moved to submitted', 'moved to preparing', 'added']);
    await expect(history.first().textContent()).resolves.toContain('Award in your currency');
    await shot(page, 'funding-application-awarded', false);
    await expectAccessible(page, 'awarded application');
    await page.keyboard.press('Escape');
    await page.getByTestId('column-AWARDED').getByRole('link', { name: `Open ${title}` }).waitFor();
    await expect(page.getByTestId('stage-total-AWARDED').textContent()).resolves.toContain('23.000');
    const stored = ok(await suite.platform.graphql<{ fundingApplication: { stage: string; amountAwarded: { amount: number; currency: string }; amountAwardedLocal: number; owner: string } }>(staff, `query($id: ID!) { fundingApplication(id: $id) { stage amountAwarded { amount currency } amountAwardedLocal owner } }`, { id })).fundingApplication;
    expect(stored).toEqual({ stage: 'AWARDED', amountAwarded: { amount: 25000, currency: 'USD' }, amountAwardedLocal: 23000, owner: 'Anna Schulz' });

    // Someone else submits the parked application meanwhile: moving it back to interested is refused (CONFLICT) at the stage.
    await card(page, 'Baltic Sea youth exchange fund').getByRole('link').click();
    await dialog.getByRole('form', { name: 'Move to another stage' }).waitFor();
    ok(await moveByApi(staff, parked, 'SUBMITTED'));
    await dialog.getByRole('form', { name: 'Move to another stage' }).getByRole('button', { name: 'Move' }).click();
    await page.locator('#move-stage-error').waitFor();
    await expect(page.locator('#move-stage-error').textContent()).resolves.toContain('is submitted; from there it can move to awarded, declined or not pursued, not interested');
    await expectAccessible(page, 'move refused');
    // Its details edited: the owner and notes, in its history.
    await page.goto(new URL(`/funding/pipeline/${parked}`, suite.consoleBrowser.url).toString());
    const edit = page.getByRole('form', { name: 'Edit the details' });
    await edit.getByRole('textbox', { name: 'Owner' }).fill('Jonas Berg');
    await edit.getByRole('textbox', { name: 'Notes' }).fill('Partner letters from Klaipėda and Gdańsk arrive in March.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('dialog').getByRole('status').filter({ hasText: '“Baltic Sea youth exchange fund” saved.' }).waitFor();
    await page.getByRole('dialog').getByTestId('history-entry').filter({ hasText: 'Jonas Berg' }).waitFor();
    await shot(page, 'funding-application-edited', false);
  });

  it('shows a viewer the pipeline without controls, and another jurisdiction nothing of it, also by its address', async () => {
    const j = await suite.onboarded('pipeview');
    const staff = await j.token('staff');
    const id = await addApplication(staff, { title: 'Sister-city culture fund', funder: 'Robert Bosch Stiftung', deadline: '2027-06-15', amountRequested: { amount: 8000, currency: 'EUR' }, notes: 'Only for the autumn festival.' });
    await prepareWhenKnown(staff, id);

    const page = await suite.consoleBrowser.signIn(await j.user('viewer'), '/funding/pipeline');
    await card(page, 'Sister-city culture fund').waitFor();
    await page.getByText('You read the pipeline; staff and jurisdiction admins change it.').waitFor();
    expect(await page.locator('button[data-move]').count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Add an application' }).count()).toBe(0);
    await shot(page, 'funding-pipeline-viewer');
    await expectAccessible(page, 'pipeline (viewer)');
    await card(page, 'Sister-city culture fund').getByRole('link').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('history-entry').filter({ hasText: 'moved to preparing' }).waitFor();
    expect(await dialog.getByRole('form').count()).toBe(0);
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await expect(dialog.textContent()).resolves.toContain('Only for the autumn festival.');
    await expectAccessible(page, 'application (viewer)');

    const other = await suite.onboarded('pipeother');
    const outsider = await suite.consoleBrowser.signIn(await other.user('staff'), `/funding/pipeline/${encodeURIComponent(id)}`);
    await outsider.getByTestId('application-not-found').waitFor();
    expect(await outsider.locator('body').innerText()).not.toContain('Sister-city culture fund');
    expect(await outsider.getByTestId('application-card').count()).toBe(0);
    await shot(outsider, 'funding-application-not-found');
    await expectAccessible(outsider, 'application not found');
  });

  it('makes a calendar link on the console’s origin that serves the deadlines, and revoking it voids the link', async () => {
    const j = await suite.onboarded('calendar');
    const staff = await j.token('staff');
    await addApplication(staff, { title: 'Hanseatic mobility call', funder: 'EU Interreg Baltic Sea Region', deadline: '2027-03-31' });

    const page = await suite.consoleBrowser.signIn(await j.user('staff'), '/funding/pipeline');
    const panel = page.getByTestId('calendar-link');
    await panel.getByText('Anyone who has this link sees these deadlines, without signing in.').waitFor();
    await panel.getByRole('button', { name: 'Create my calendar link' }).click();
    const field = panel.getByRole('textbox', { name: 'Calendar link (iCalendar)' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${suite.consoleBrowser.url.replace(/\/$/, '')}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    await shot(page, 'funding-calendar-link');
    await expectAccessible(page, 'calendar link made');

    const fetched = await fetch(link);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await fetched.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Hanseatic mobility call');

    await panel.getByRole('button', { name: 'Revoke the link' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke your calendar link?' });
    await confirm.waitFor();
    await shot(page, 'funding-calendar-revoke', false);
    await expectAccessible(page, 'revoke calendar link');
    await confirm.getByRole('button', { name: 'Revoke the link' }).click();
    await panel.getByRole('status').filter({ hasText: 'Your calendar link was revoked: it no longer works.' }).waitFor();
    await panel.getByText('You have no calendar link.').waitFor();
    expect((await fetch(link)).status).toBe(404);
  });

  it('follows the call an application answers with the Follow toggle, and lists followed calls with their reminder days to edit', async () => {
    const sourceId = await scoutedSource();
    const j = await suite.onboarded('follows');
    const staff = await j.token('staff');
    const id = await addApplication(staff, { title: 'Smart ports bid', opportunityId: `${sourceId}:call-1`, funder: 'Interreg Baltic Sea Region', deadline: '2027-05-31' });

    const page = await suite.consoleBrowser.signIn(await j.user('staff'), `/funding/pipeline/${encodeURIComponent(id)}`);
    const dialog = page.getByRole('dialog');
    const toggle = dialog.getByTestId('follow-toggle');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await dialog.locator('[data-testid="follow-toggle"][aria-pressed="true"]').waitFor();
    await expectAccessible(page, 'application with its call followed');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Followed calls' }).click();
    const followed = page.getByTestId('followed-opportunity').filter({ hasText: 'Baltic smart ports call' });
    await followed.waitFor();
    await expect(followed.getByTestId('next-reminder').textContent()).resolves.toContain('14 days before closing');
    // 400 days is refused by the API at the reminders' field.
    const days = followed.getByLabel('Reminders, days before closing');
    await days.focus();
    await page.keyboard.type('400');
    await page.keyboard.press('Enter');
    await followed.getByRole('button', { name: 'Save reminders' }).click();
    await followed.getByText('365', { exact: false }).first().waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'funding-followed-field-error');
    await expectAccessible(page, 'followed calls with a refusal');
    await days.focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await followed.getByRole('button', { name: 'Save reminders' }).click();
    await page.getByRole('status').filter({ hasText: 'Reminders for “Baltic smart ports call” saved.' }).waitFor();
    const stored = ok(await suite.platform.graphql<{ followedOpportunities: { nodes: Array<{ reminderDays: number[] }> } }>(staff, `{ followedOpportunities { nodes { reminderDays } } }`)).followedOpportunities.nodes;
    expect(stored).toEqual([{ reminderDays: [30, 14, 3] }]);
    await page.getByTestId('next-reminder').filter({ hasText: '30 days before closing' }).waitFor();
    await shot(page, 'funding-followed');
    await expectAccessible(page, 'followed calls');

    await page.getByTestId('followed-opportunity').getByRole('button', { name: 'Stop following' }).click();
    await page.getByRole('status').filter({ hasText: 'You no longer follow “Baltic smart ports call”.' }).waitFor();
    await page.getByTestId('no-follows').waitFor();
  });

  describe('funding sources', () => {
    it('lets a platform-admin add a CSV source (a refusal at its field first), run it and read the run’s report', async () => {
      const name = `Nordic calls ${randomUUID().slice(0, 6)}`;
      const page = await suite.consoleBrowser.signIn(suite.platformAdmin);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Funding sources' }).click();
      const form = page.getByRole('form', { name: 'Add a source' });
      await form.waitFor();
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('textbox', { name: 'Address (URL)' }).fill(feedUrl);
      await form.getByRole('textbox', { name: 'API key: environment variable' }).fill('my secret key');
      await form.getByRole('textbox', { name: 'Funder' }).fill('Nordic partners');
      await form.getByRole('textbox', { name: 'Currency' }).fill('EUR');
      await form.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Berlin');
      await form.getByRole('button', { name: 'Add source' }).click();
      await page.locator('#add-source-apiKeyRef-error').waitFor();
      await expect(page.locator('#add-source-apiKeyRef-error').textContent()).resolves.toContain('must name an environment variable');
      await shot(page, 'funding-source-field-error');
      await expectAccessible(page, 'source form with a refusal');
      await form.getByRole('textbox', { name: 'API key: environment variable' }).fill('');
      await form.getByRole('button', { name: 'Add source' }).click();
      await page.getByRole('status').filter({ hasText: `Source “${name}” added.` }).waitFor();
      const row = page.getByTestId('source-row').filter({ hasText: name });
      await expect(row.textContent()).resolves.toContain('On demand');
      await shot(page, 'funding-sources');
      await expectAccessible(page, 'funding sources');

      await row.getByRole('link', { name: `Open the source ${name}` }).click();
      await page.getByTestId('source-settings').waitFor();
      await page.getByText('Not run yet.').waitFor();
      await page.getByRole('button', { name: 'Run now' }).click();
      const report = page.getByTestId('run-report');
      await report.getByTestId('run-status').and(page.locator('[data-status="SUCCEEDED"]')).waitFor({ timeout: 30_000 });
      await expect(report.getByTestId('run-count-read').textContent()).resolves.toBe('4');
      await expect(report.getByTestId('run-count-new').textContent()).resolves.toBe('3');
      await expect(report.getByTestId('run-count-skipped').textContent()).resolves.toBe('1');
      await expect(report.getByTestId('run-problem').textContent()).resolves.toContain('31/02/2027');
      await report.getByTestId('run-duration').waitFor();
      await page.getByTestId('source-run-row').first().waitFor();
      await shot(page, 'funding-source-run');
      await expectAccessible(page, 'source run report');

      // Disabling stops the schedule and refuses runs (Run now turns off); enabling starts it again.
      await page.getByRole('button', { name: 'Disable: stop its schedule' }).click();
      await page.getByTestId('source-enabled').filter({ hasText: 'Disabled' }).waitFor();
      await expect(page.getByRole('button', { name: 'Run now' }).isDisabled()).resolves.toBe(true);
      await shot(page, 'funding-source-disabled');
      await expectAccessible(page, 'disabled source');
      await page.getByRole('button', { name: 'Enable: start its schedule again' }).click();
      await page.getByTestId('source-enabled').filter({ hasText: 'Enabled' }).waitFor();
      await expect(page.getByRole('button', { name: 'Run now' }).isEnabled()).resolves.toBe(true);
    });
  });
});
