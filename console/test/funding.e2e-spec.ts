import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { eventually, type TestJurisdiction } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

/**
 * The funding screens for finding calls in a real browser (Debian's
 * Chromium) against the end-to-end platform: opportunity search with its
 * filters and match explanations, saving a search by keyboard, the alert
 * inbox and its badge updated live (over SSE through the console's server
 * and the gateway) when scouting finds a new matching call, snooze and
 * wake, digest and delete, and searches nobody else sees. Calls come from a
 * CSV source served here and added by a platform admin, as scouting reads
 * any source.
 */
describe('the funding search screens in a browser', () => {
  let feed: Server;
  /** What the CSV source answers now; a test adds a row and runs the source again. */
  let rows: string[] = [];
  const HEADER = 'id,title,funder,fundertype,status,closesAt,timeZone,applicantTypes,countries,themes,currency,awardCeiling,description';

  const suite = consoleSuite('console-funding');

  beforeAll(async () => {
    feed = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end([HEADER, ...rows].join('\n')));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => feed?.close(resolve));
  });

  const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

  /** A CSV row: a call open in Germany and Denmark on regional development unless told otherwise. */
  function call(id: string, title: string, options: { countries?: string; themes?: string; currency?: string; ceiling?: number; description?: string } = {}): string {
    const description = options.description ?? `${title}: small projects of local and regional governments across the southern Baltic.`;
    return [id, title, 'Interreg South Baltic', 'eu', 'open', inDays(30), 'Europe/Berlin', 'local-governments', options.countries ?? 'DE;DK;PL', options.themes ?? 'regional-development', options.currency ?? 'EUR', options.ceiling ?? 60000, `"${description}"`].join(',');
  }

  /** Adds the feed as a CSV source (once) and reads it now, as a platform admin. */
  let sourceId: string | null = null;
  async function scout(): Promise<void> {
    const admin = await suite.platformAdmin.token();
    if (!sourceId) {
      const url = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/calls.csv`;
      sourceId = ok(await suite.platform.graphql<{ addFundingSource: { id: string } }>(admin, `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, { input: { name: 'Console calls', kind: 'CSV', url } })).addFundingSource.id;
    }
    ok(await suite.platform.graphql(admin, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: sourceId }));
  }

  /** A jurisdiction with the active priority "Baltic trade" (regional development, Denmark). */
  async function withPriority(prefix: string): Promise<TestJurisdiction> {
    const j = await suite.onboarded(prefix);
    const staff = await j.token('staff');
    const goal = ok(
      await suite.platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(
        staff,
        `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Port economy", statement: "Exports of the port cluster" }], staffFte: 3 }) { goals { goalId } } }`,
      ),
    ).saveStrategy.goals[0]?.goalId;
    ok(
      await suite.platform.graphql(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, {
        input: { title: 'Baltic trade', goalIds: [goal], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK'], themes: ['Regional development'] },
      }),
    );
    return j;
  }

  async function matchCount(j: TestJurisdiction, word: string): Promise<number> {
    const matches = ok(await suite.platform.graphql<{ opportunityMatches: Array<{ title: string }> }>(await j.token('viewer'), `{ opportunityMatches(first: 100) { title } }`)).opportunityMatches;
    return matches.filter((match) => match.title.includes(word)).length;
  }

  async function addTag(page: Page, selector: string, value: string): Promise<void> {
    await page.locator(selector).focus();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }

  it('finds calls by filters with the match explanation, saves an instant in-app search by keyboard, and shows a new matching call in the inbox and badge live', async () => {
    const word = `kelp${randomBytes(3).toString('hex')}`;
    const j = await withPriority('fsearch');
    rows = [
      call(`${word}-1`, `Interreg ${word} small projects`, { description: `Cross-border ${word} projects.\nLead partners are local governments.` }),
      call(`${word}-2`, `${word} health vouchers`, { themes: 'health', ceiling: 20000 }),
      call(`${word}-3`, `${word} US-only programme`, { countries: 'US', currency: 'USD', ceiling: 100000 }),
      call(`${word}-4`, `${word} micro grants`, { ceiling: 5000 }),
    ];
    await scout();
    await eventually(() => matchCount(j, word), (count) => count >= 1, 45_000);

    const page = await suite.consoleBrowser.signIn(await j.user('staff'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find funding' }).click();
    await page.getByTestId('search-filters').waitFor();
    await addTag(page, '#filter-keywords', word);
    await addTag(page, '#filter-excluded', 'vouchers');
    await page.locator('#filter-min-amount').fill('10000');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByTestId('opportunity-row');
    await page.getByTestId('opportunity-row').filter({ hasText: 'US-only' }).waitFor();
    expect(await results.allInnerTexts()).toHaveLength(2);
    const interreg = results.filter({ hasText: `Interreg ${word} small projects` });
    await expect(interreg.getByTestId('match-explanation').innerText()).resolves.toMatch(/^matches priority 'Baltic trade' on theme regional development, country DK; eligible: local governments; closes in (29|30|31) days$/);
    await expect(interreg.getByTestId('match-score').innerText()).resolves.toMatch(/^75/);
    await expect(results.filter({ hasText: 'US-only' }).innerText()).resolves.toContain('No match with our priorities');
    // Eligible only: the call open to US applicants alone goes.
    await page.getByLabel('Only calls we are eligible for').check();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await results.filter({ hasText: 'US-only' }).waitFor({ state: 'detached' });
    expect(await results.count()).toBe(1);
    await page.getByTestId('award-chart').locator('.recharts-surface').waitFor();
    await shot(page, 'funding-search');
    await expectAccessible(page, 'opportunity search');

    // The call in full: description, amounts, eligibility, its version history.
    await interreg.getByRole('link', { name: `Details of Interreg ${word} small projects` }).click();
    const detail = page.getByRole('dialog');
    await detail.getByTestId('opportunity-detail').waitFor();
    await expect(detail.innerText()).resolves.toContain(`Cross-border ${word} projects.`);
    // Amounts in the call's currency, written as the jurisdiction (de-DE) writes them.
    await expect(detail.innerText()).resolves.toMatch(/Largest award: 60\.000\s€/);
    await expect(detail.getByTestId('detail-explanation').innerText()).resolves.toContain("matches priority 'Baltic trade'");
    await expect(detail.getByTestId('version-history').innerText()).resolves.toContain('Version 1');
    // Followed from here (a toggle that says it is pressed), and a way into the pipeline with this call.
    const follow = detail.getByTestId('follow-toggle');
    await expect(follow.getAttribute('aria-pressed')).resolves.toBe('false');
    await follow.click();
    await detail.locator('[data-testid="follow-toggle"][aria-pressed="true"]').waitFor();
    await expect(detail.getByTestId('add-to-pipeline').getAttribute('href')).resolves.toMatch(/^\/funding\/pipeline\?opportunity=/);
    await shot(page, 'funding-opportunity', false);
    await expectAccessible(page, 'opportunity detail');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // Save this search by keyboard alone, from the last filter on.
    await page.locator('#filter-max-days').focus();
    await tabTo(page, '[data-testid="save-this-search"]', 20);
    await page.keyboard.press('Enter');
    const form = page.getByTestId('saved-search-form');
    await form.waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-name');
    await page.keyboard.type(`Baltic ${word}`);
    // The dialog starts from the filters.
    await expect(form.innerText()).resolves.toContain(word);
    await shot(page, 'funding-save-search', false);
    await expectAccessible(page, 'save search dialog');
    await tabTo(page, '[data-testid="saved-search-form"] button[type="submit"]', 60);
    await page.keyboard.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'This search will send you alerts in the app' });
    await notice.waitFor();
    await shot(page, 'funding-search-saved');
    const saved = ok(await suite.platform.graphql<{ savedSearches: { nodes: Array<{ id: string; name: string; cadence: { kind: string }; channels: { inApp: boolean }; criteria: { keywords: string[]; excludedKeywords: string[]; minAmount: number; eligibleOnly: boolean } }> } }>(
      await j.token('staff'),
      `{ savedSearches { nodes { id name cadence { kind } channels { inApp } criteria { keywords excludedKeywords minAmount eligibleOnly } } } }`,
    )).savedSearches.nodes;
    expect(saved).toEqual([{ id: expect.any(String), name: `Baltic ${word}`, cadence: { kind: 'INSTANT' }, channels: { inApp: true }, criteria: { keywords: [word], excludedKeywords: ['vouchers'], minAmount: 10000, eligibleOnly: true } }]);

    // The inbox, then a new matching call is scouted: the badge and the list change without a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts/ }).click();
    await page.getByText('No alerts yet.', { exact: false }).waitFor();
    await expect(page.getByTestId('unread-alerts').count()).resolves.toBe(0);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    // The evaluator reads saved searches at most 2 s old.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    rows = [...rows, call(`${word}-5`, `Interreg ${word} harbour partnerships`, { ceiling: 45000 })];
    await scout();
    await page.getByTestId('alert-item').filter({ hasText: `Interreg ${word} harbour partnerships` }).waitFor({ timeout: 45_000 });
    await page.getByTestId('unread-alerts').filter({ hasText: /^1/ }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await expect(page.getByTestId('alert-item').first().innerText()).resolves.toContain(`From “Baltic ${word}”`);
    await shot(page, 'funding-alerts');
    await expectAccessible(page, 'alert inbox');
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByTestId('unread-alerts').waitFor({ state: 'detached' });
    await page.locator('[data-testid="alert-item"][data-read="true"]').filter({ hasText: `Interreg ${word} harbour partnerships` }).waitFor();
    await expect(page.locator('[data-testid="alert-item"][data-read="false"]').count()).resolves.toBe(0);

    // The call followed from its dialog is on the Followed screen.
    await page.goto(new URL('/funding/followed', suite.consoleBrowser.url).toString());
    await page.getByText(`Interreg ${word} small projects`).first().waitFor();
  });

  it('snoozes and wakes a saved search, sends a digest now, deletes after a confirmation, and shows nobody else the searches', async () => {
    const j = await suite.onboarded('fsaved');
    const staff = await j.user('staff');
    const staffToken = await staff.token();
    const save = async (input: Record<string, unknown>) => ok(await suite.platform.graphql<{ saveSearch: { search: { id: string } } }>(staffToken, `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { search { id } } }`, { input })).saveSearch.search.id;
    const instantId = await save({ name: 'Sister cities now', criteria: { keywords: ['sister cities'], countries: ['DK'] }, cadence: { kind: 'INSTANT' }, channels: { inApp: true } });
    await save({ name: 'Weekly trusts', criteria: { funderTypes: ['trust-or-foundation'], minAmount: 5000, currency: 'EUR' }, cadence: { kind: 'WEEKLY', hour: 9, weekday: 2, timeZone: 'Europe/Berlin' }, channels: { inApp: true, email: true } });

    const page = await suite.consoleBrowser.signIn(staff, '/funding/searches');
    const row = (name: string) => page.getByTestId('saved-search-row').filter({ hasText: name });
    await row('Weekly trusts').waitFor();
    await expect(row('Weekly trusts').innerText()).resolves.toContain('Tuesdays at 09:00 (Europe/Berlin)');
    await shot(page, 'funding-saved-searches');
    await expectAccessible(page, 'saved searches');

    // Snooze until a day picked in the calendar, then wake.
    await row('Sister cities now').getByRole('button', { name: 'Snooze Sister cities now' }).click();
    const snooze = page.getByRole('dialog', { name: 'Snooze “Sister cities now”' });
    await snooze.waitFor();
    await shot(page, 'funding-snooze', false);
    await expectAccessible(page, 'snooze dialog');
    await snooze.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '“Sister cities now” snoozed until' }).waitFor();
    await row('Sister cities now').getByTestId('search-snoozed').waitFor();
    const snoozed = ok(await suite.platform.graphql<{ savedSearch: { snoozedUntil: string | null } }>(staffToken, `query($id: ID!) { savedSearch(id: $id) { snoozedUntil } }`, { id: instantId })).savedSearch.snoozedUntil;
    expect(new Date(snoozed as string).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
    await row('Sister cities now').getByRole('button', { name: 'Wake Sister cities now' }).click();
    await page.getByRole('status').filter({ hasText: '“Sister cities now” sends alerts again.' }).waitFor();
    await row('Sister cities now').getByText('Active').waitFor();

    // Editing opens at the search's own address; the webhook's secret is asked for and refused at its field when short.
    await row('Sister cities now').getByRole('button', { name: 'Edit Sister cities now' }).click();
    const edit = page.getByTestId('saved-search-form');
    await edit.waitFor();
    expect(page.url()).toContain(`/funding/searches/${instantId}`);
    await edit.getByLabel('To a webhook (a signed POST)').check();
    await edit.getByLabel('Webhook URL').fill('https://hooks.example.org/entente');
    await edit.getByLabel('Webhook secret').fill('short');
    await edit.getByRole('button', { name: 'Save search' }).click();
    await page.locator('#search-webhook-secret-error').waitFor();
    await shot(page, 'funding-edit-search-error', false);
    await expectAccessible(page, 'edit search with a refusal');
    await edit.getByLabel('To a webhook (a signed POST)').uncheck();
    await edit.getByRole('button', { name: 'Save search' }).click();
    await page.getByRole('status').filter({ hasText: 'This search will send you alerts in the app' }).waitFor();

    // A weekly search's digest now, then delete it after the confirmation.
    await row('Weekly trusts').getByRole('button', { name: 'More: Weekly trusts' }).click();
    await page.getByRole('menuitem', { name: 'Send digest now: Weekly trusts' }).click();
    await page.getByRole('status').filter({ hasText: 'Digest of “Weekly trusts” sent with 0 calls.' }).waitFor();
    await row('Weekly trusts').getByRole('button', { name: 'More: Weekly trusts' }).click();
    await page.getByRole('menuitem', { name: 'Unsubscribe and delete: Weekly trusts' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Weekly trusts”?' });
    await confirm.waitFor();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await shot(page, 'funding-delete-confirm', false);
    await expectAccessible(page, 'delete confirmation');
    await confirm.getByRole('button', { name: 'Delete search' }).click();
    await page.getByRole('status').filter({ hasText: '“Weekly trusts” deleted.' }).waitFor();
    await row('Weekly trusts').waitFor({ state: 'detached' });

    // A viewer of the same jurisdiction sees none of them, also by address.
    const viewer = await suite.consoleBrowser.signIn(await j.user('viewer'), '/funding/searches');
    await viewer.getByText('No saved searches yet.', { exact: false }).waitFor();
    await viewer.goto(new URL(`/funding/searches/${instantId}`, suite.consoleBrowser.url).toString());
    await viewer.getByTestId('saved-search-not-found').waitFor();
    await expect(viewer.locator('body').innerText()).resolves.not.toContain('Sister cities now');
    await shot(viewer, 'funding-saved-search-not-found');
    await expectAccessible(viewer, 'saved search not found');
  });
});
