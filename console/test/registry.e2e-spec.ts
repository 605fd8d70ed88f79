import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type TestJurisdiction } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

/**
 * The registry's screens in a real browser (Debian's Chromium) against the
 * end-to-end platform, signing in on Keycloak's login page. Each test makes
 * its own jurisdictions, users and records through the API first.
 */
describe('the registry screens in a browser', () => {

  const suite = consoleSuite('console-registry');

  async function recordAsset(j: TestJurisdiction, input: Record<string, unknown>): Promise<string> {
    return ok(await suite.platform.graphql<{ recordAsset: { id: string } }>(await j.token('staff'), `mutation($input: AssetInput!) { recordAsset(input: $input) { id } }`, { input })).recordAsset.id;
  }

  async function openInventory(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Table 1 inventory' }).click();
    await page.getByTestId('table-one').waitFor();
  }

  it('lets staff record an asset by keyboard alone, shows the API’s refusal at the field it names, and counts it in Table 1', async () => {
    const rostock = await suite.onboarded('assets');
    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'));
    await openInventory(page);
    await expect(page.getByTestId('table-one-ECONOMIC_FOUNDATIONS').textContent()).resolves.toBe('0');
    await page.getByTestId('table-one-chart').locator('.recharts-surface').waitFor();
    await shot(page, 'registry-assets-empty');
    await expectAccessible(page, 'Table 1 inventory');

    // Keyboard only: Tab to each field, type, Enter to submit.
    await tabTo(page, '#add-name');
    await page.keyboard.type('Port of Rostock logistics cluster');
    await tabTo(page, '#add-countries', 5);
    await page.keyboard.type('DK');
    await page.keyboard.press('Enter');
    await page.keyboard.type('fi');
    await page.keyboard.press('Enter');
    await tabTo(page, '#add-value', 8);
    await page.keyboard.type('1200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jobs');
    // A figure without the date it held: the API says so at "Figure as of".
    await tabTo(page, 'form[aria-label="Record an asset"] button[type="submit"]', 20);
    await page.keyboard.press('Enter');
    const asOf = page.getByRole('textbox', { name: 'Figure as of' });
    await page.locator('#add-as-of-error').waitFor();
    await expect(page.locator('#add-as-of-error').textContent()).resolves.toContain('is required when a magnitude is given');
    expect(await asOf.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'registry-asset-field-error');
    await expectAccessible(page, 'asset form with an error');

    await asOf.focus();
    await page.keyboard.type('2026-01-15');
    await tabTo(page, 'form[aria-label="Record an asset"] button[type="submit"]', 12);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Asset “Port of Rostock logistics cluster” recorded.' }).waitFor();
    await page.getByTestId('table-one-ECONOMIC_FOUNDATIONS').filter({ hasText: /^1$/ }).waitFor();
    const row = page.getByTestId('asset-row').filter({ hasText: 'Port of Rostock logistics cluster' });
    await expect(row.textContent()).resolves.toContain('DK, FI');
    await expect(row.textContent()).resolves.toContain('1.200 jobs');
    await shot(page, 'registry-assets');

    const stored = ok(await suite.platform.graphql<{ assets: { nodes: Array<{ asOf: string; countries: string[] }> } }>(await rostock.token('viewer'), `{ assets { nodes { asOf countries } } }`)).assets.nodes;
    expect(stored).toEqual([{ asOf: '2026-01-15', countries: ['DK', 'FI'] }]);

    // Editing opens the asset at its own address.
    await row.getByRole('link', { name: 'Edit Port of Rostock logistics cluster' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Its change history: recorded by the staff member, with the fields given.
    await dialog.getByTestId('history-entry').filter({ hasText: 'recorded' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Port of Rostock logistics and shipping');
    await shot(page, 'registry-asset-edit', false);
    await expectAccessible(page, 'edit asset');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('asset-row').filter({ hasText: 'Port of Rostock logistics and shipping' }).waitFor();
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);

    // The countries the asset names are on the map, and in its table, by keyboard too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ties by country' }).click();
    await page.locator('[data-testid="ties-map"] path[data-country="DK"][data-ties="1"]').waitFor();
    await page.locator('[data-testid="ties-map"] path[data-country="FI"][data-ties="1"]').waitFor();
    await expect(page.getByTestId('ties-DK').textContent()).resolves.toContain('Denmark');
    await tabTo(page, 'path[data-country="DK"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/registry\/countries\/DK$/);
    await page.getByTestId('country-profile').getByText('Export sectors selling there').waitFor();
    await shot(page, 'registry-countries');
    await expectAccessible(page, 'ties by country');
  });

  it('lets the jurisdiction-admin remove an asset and shows a viewer the inventory without a control to change it', async () => {
    const dortmund = await suite.onboarded('viewer');
    await recordAsset(dortmund, { name: 'TU Dortmund', category: 'INNOVATION_STRENGTHS', type: 'UNIVERSITY', countries: ['PL'] });
    await recordAsset(dortmund, { name: 'Polish community', category: 'CULTURAL_AND_COMMUNITY_CONNECTIONS', type: 'DIASPORA_COMMUNITY', countries: ['PL'] });

    const viewer = await suite.consoleBrowser.signIn(await dortmund.user('viewer'));
    await openInventory(viewer);
    await viewer.getByTestId('asset-row').filter({ hasText: 'TU Dortmund' }).waitFor();
    for (const name of [/^Edit/, /^Remove/, 'Record asset']) {
      expect(await viewer.getByRole('button', { name }).count()).toBe(0);
      expect(await viewer.getByRole('link', { name }).count()).toBe(0);
    }
    expect(await viewer.getByRole('textbox').count()).toBe(0);
    await shot(viewer, 'registry-assets-viewer');

    const admin = await suite.consoleBrowser.signIn(await dortmund.user('jurisdiction-admin'));
    await openInventory(admin);
    await expect(admin.getByTestId('table-one-CULTURAL_AND_COMMUNITY_CONNECTIONS').textContent()).resolves.toBe('1');
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Remove Polish community' }).click();
    await admin.getByRole('status').filter({ hasText: 'Asset “Polish community” removed.' }).waitFor();
    await admin.getByTestId('table-one-CULTURAL_AND_COMMUNITY_CONNECTIONS').filter({ hasText: /^0$/ }).waitFor();
    expect(await admin.getByTestId('asset-row').count()).toBe(1);
  });

  async function registerPartner(j: TestJurisdiction, input: Record<string, unknown>): Promise<string> {
    return ok(await suite.platform.graphql<{ registerPartner: { id: string } }>(await j.token('staff'), `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`, { input })).registerPartner.id;
  }

  it('lets staff register a partner (the API’s refusal at the field) and the jurisdiction-admin merge a likely duplicate', async () => {
    const rostock = await suite.onboarded('partners');
    await registerPartner(rostock, { name: 'Aarhus Kommune', kind: 'CITY', country: 'DK' });
    await registerPartner(rostock, { name: 'Riga', kind: 'CITY', country: 'LV' });

    const staff = await suite.consoleBrowser.signIn(await rostock.user('staff'));
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await staff.getByTestId('partners').waitFor();
    const form = staff.getByRole('form', { name: 'Register a partner' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Aarhus kommune');
    await form.getByRole('textbox', { name: 'Country' }).fill('Denmark');
    await form.getByRole('button', { name: 'Register partner' }).click();
    await staff.locator('#partner-country-error').waitFor();
    expect(await form.getByRole('textbox', { name: 'Country' }).getAttribute('aria-invalid')).toBe('true');
    await shot(staff, 'registry-partner-field-error');
    await form.getByRole('textbox', { name: 'Country' }).fill('DK');
    await form.getByRole('button', { name: 'Register partner' }).click();
    await staff.getByRole('status').filter({ hasText: 'looks like a partner you have already' }).waitFor();
    await staff.getByTestId('duplicate-group').waitFor();
    // Staff see the duplicates; merging is the admin's.
    expect(await staff.getByRole('button', { name: /^Merge/ }).count()).toBe(0);
    await staff.getByRole('searchbox', { name: 'Search by name, country or Wikidata id' }).fill('riga');
    await expect(staff.getByTestId('partner-row').count()).resolves.toBe(1);
    await staff.getByRole('searchbox', { name: 'Search by name, country or Wikidata id' }).fill('');
    await shot(staff, 'registry-partners');
    await expectAccessible(staff, 'partners');

    const admin = await suite.consoleBrowser.signIn(await rostock.user('jurisdiction-admin'));
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await admin.getByRole('button', { name: 'Merge Aarhus kommune into Aarhus Kommune' }).click();
    await admin.getByRole('status').filter({ hasText: '“Aarhus kommune” merged into “Aarhus Kommune”.' }).waitFor();
    await admin.getByTestId('duplicate-group').waitFor({ state: 'detached' });
    await expect(admin.getByTestId('partner-row').count()).resolves.toBe(2);
    await shot(admin, 'registry-partners-merged');
    const left = ok(await suite.platform.graphql<{ partners: { nodes: Array<{ name: string }> }; partnerDuplicates: unknown[] }>(await rostock.token('viewer'), `{ partners { nodes { name } } partnerDuplicates { key } }`));
    expect(left.partners.nodes.map((partner) => partner.name).sort()).toEqual(['Aarhus Kommune', 'Riga']);
    expect(left.partnerDuplicates).toEqual([]);
  });

  it('shows a user of another jurisdiction nothing of an asset or partner opened by its address, nor on the map', async () => {
    const owner = await suite.onboarded('owner');
    const other = await suite.onboarded('other');
    const id = await recordAsset(owner, { name: 'Confidential shipyard deal', category: 'ECONOMIC_FOUNDATIONS', type: 'INBOUND_FDI', countries: ['NO'] });

    const ownPage = await suite.consoleBrowser.signIn(await owner.user('staff'), `/registry/assets/${id}`);
    await ownPage.getByRole('dialog').getByRole('textbox', { name: 'Name' }).waitFor();
    expect(await ownPage.getByRole('dialog').getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Confidential shipyard deal');

    const page = await suite.consoleBrowser.signIn(await other.user('staff'), `/registry/assets/${id}`);
    await page.getByTestId('asset-not-found').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('shipyard');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await shot(page, 'registry-asset-not-found');
    await expectAccessible(page, 'asset not found');

    const partnerId = await registerPartner(owner, { name: 'Secret harbour partner', kind: 'CHAMBER', country: 'NO' });
    await page.goto(new URL(`/registry/partners/${partnerId}`, suite.consoleBrowser.url).toString());
    await page.getByTestId('partner-not-found').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Secret harbour');
    await page.goto(new URL('/registry/countries/NO', suite.consoleBrowser.url).toString());
    await page.getByTestId('country-profile').waitFor();
    expect(await page.locator('[data-testid="ties-map"] path[data-country="NO"]').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/shipyard|Secret harbour/);
  });
  async function establishRelationship(j: TestJurisdiction, input: Record<string, unknown>): Promise<string> {
    return ok(await suite.platform.graphql<{ establishRelationship: { id: string } }>(await j.token('staff'), `mutation($input: EstablishRelationshipInput!) { establishRelationship(input: $input) { id } }`, { input })).establishRelationship.id;
  }

  async function openNav(page: Page, name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  }

  it('imports a partners CSV with country names by keyboard, follows the progress bar to the per-row report, where the name it cannot place is reported on its row', async () => {
    const rostock = await suite.onboarded('imports');
    const folder = mkdtempSync(join(tmpdir(), 'entente-import-'));
    const file = join(folder, 'partners.csv');
    writeFileSync(file, ['name,kind,country', 'Gemeente Rotterdam,city,the Netherlands', 'Baltimore,city,USA', 'Stadt Bremen,city,Deutschland', 'Atlantis Harbour Board,chamber,Atlantis', ''].join('\n'));

    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'));
    // Waiting for the chooser turns on Chromium's file-chooser interception, which takes a round trip: started here,
    // long before Space is pressed, so a loaded machine cannot let the key reach the input first (CI saw no event).
    const chooser = page.waitForEvent('filechooser', { timeout: 180_000 });
    await openNav(page, 'Imports');
    await page.getByRole('form', { name: 'Start an import' }).waitFor();
    await page.getByText('No imports yet.').waitFor();
    await shot(page, 'registry-imports');
    await expectAccessible(page, 'imports');

    // Keyboard only: the kind (partners CSV is chosen), Space on the file input opens the browser's file chooser, Enter starts.
    await tabTo(page, 'input[type="radio"][value="PARTNERS_CSV"]');
    expect(await page.locator('input[type="radio"][value="PARTNERS_CSV"]').isChecked()).toBe(true);
    await tabTo(page, '#import-file', 5);
    await page.keyboard.press('Space');
    await (await chooser).setFiles(file);
    await expect(page.locator('#import-file').evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).resolves.toBe('partners.csv');
    await tabTo(page, 'form[aria-label="Start an import"] button[type="submit"]', 5);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/registry\/imports\/[^/]+$/);
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await page.locator('[data-testid="import-status"][data-status="SUCCEEDED"]').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await expect(page.getByTestId('import-created').textContent()).resolves.toBe('3');
    const refused = page.locator('[data-testid="report-row"][data-row="5"]');
    expect(await refused.getAttribute('data-field')).toBe('country');
    await expect(refused.textContent()).resolves.toContain('cannot place "Atlantis" as a country');
    await expect(page.getByTestId('report-row').count()).resolves.toBe(1);
    // The past jobs are read again once the job has finished.
    await page.getByTestId('import-job-row').filter({ hasText: 'Succeeded' }).waitFor();
    await expect(page.getByTestId('import-job-row').count()).resolves.toBe(1);
    await shot(page, 'registry-import-report');
    await expectAccessible(page, 'import report');

    const partners = ok(await suite.platform.graphql<{ partners: { nodes: Array<{ name: string; country: string }> } }>(await rostock.token('viewer'), `{ partners { nodes { name country } } }`)).partners.nodes;
    expect(partners.map((partner) => `${partner.name} ${partner.country}`).sort()).toEqual(['Baltimore US', 'Gemeente Rotterdam NL', 'Stadt Bremen DE']);

    // A viewer sees the jobs and their reports, and no control to start one.
    const viewer = await suite.consoleBrowser.signIn(await rostock.user('viewer'), new URL(page.url()).pathname);
    await viewer.locator('[data-testid="import-status"][data-status="SUCCEEDED"]').waitFor();
    await openNav(viewer, 'Imports');
    await viewer.getByTestId('import-job-row').waitFor();
    expect(await viewer.getByRole('form', { name: 'Start an import' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Start import' }).count()).toBe(0);
  });

  it('shows dormant ties at a glance and on the relationships screen, keeps a status change in the relationship’s history, and records an engagement in the log', async () => {
    const rostock = await suite.onboarded('ties');
    const aarhus = await registerPartner(rostock, { name: 'Aarhus Kommune', kind: 'CITY', country: 'DK' });
    await registerPartner(rostock, { name: 'Riga', kind: 'CITY', country: 'LV' });
    await establishRelationship(rostock, { partnerId: aarhus, type: 'SISTER_CITY', status: 'ACTIVE', since: '1964-01-01' });
    await recordAsset(rostock, { name: 'Baltic ferry operators', category: 'ECONOMIC_FOUNDATIONS', type: 'KEY_INDUSTRY', countries: ['DK'] });

    const page = await suite.consoleBrowser.signIn(await rostock.user('staff'));
    await page.getByTestId('glance-dormant').getByRole('link', { name: 'Aarhus Kommune' }).waitFor();
    await expect(page.getByTestId('dormant-count').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('glance-ECONOMIC_FOUNDATIONS').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('glance-EXISTING_INTERNATIONAL_RELATIONSHIPS').textContent()).resolves.toBe('1');
    await shot(page, 'home-registry');
    await expectAccessible(page, 'home with Table 1 and dormant ties');

    await openNav(page, 'Relationships');
    await page.getByTestId('dormant-tie').filter({ hasText: 'Aarhus Kommune' }).waitFor();
    await page.locator('[data-testid="relationship-row"][data-dormant="true"]').filter({ hasText: 'Aarhus Kommune' }).waitFor();

    // Establish a tie with Riga through the form.
    const form = page.getByRole('form', { name: 'Establish a relationship' });
    await form.locator('#relationship-partner').click();
    await page.getByRole('option', { name: 'Riga (LV)' }).click();
    await form.getByRole('textbox', { name: 'Since' }).fill('2026-13-01');
    await form.getByRole('button', { name: 'Establish relationship' }).click();
    await page.locator('#relationship-since-error').waitFor();
    expect(await form.getByRole('textbox', { name: 'Since' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('textbox', { name: 'Since' }).fill('');
    await form.getByRole('button', { name: 'Establish relationship' }).click();
    await page.getByRole('status').filter({ hasText: 'Relationship with “Riga” established.' }).waitFor();
    await page.getByTestId('relationship-row').filter({ hasText: 'Riga' }).getByText('Prospective').waitFor();
    await shot(page, 'registry-relationships');
    await expectAccessible(page, 'relationships');

    // Its status changes with a reason, and the change shows in its history.
    await page.getByRole('link', { name: 'Open the relationship with Riga' }).click();
    await page.waitForURL(/\/registry\/relationships\/[^/]+$/);
    const dialog = page.getByRole('dialog', { name: 'Relationship with Riga' });
    await dialog.getByTestId('history-entry').filter({ hasText: 'established' }).waitFor();
    await expect(dialog.locator('#relationship-new-status').inputValue()).resolves.toBe('Active');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Both councils signed the partnership agreement');
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: 'The relationship with “Riga” is now Active.' }).waitFor();
    const change = dialog.locator('[data-testid="history-entry"][data-action="status-changed"]');
    await change.waitFor();
    await expect(change.textContent()).resolves.toMatch(/Status: prospective → active/);
    await expect(dialog.getByTestId('relationship-status').textContent()).resolves.toBe('Active');
    // From active, the form offers the next step; one form, not the old one beside it.
    await page.waitForFunction(() => document.querySelectorAll('#relationship-new-status').length === 1 && (document.querySelector('#relationship-new-status') as HTMLInputElement).value === 'Dormant');
    await shot(page, 'registry-relationship-history', false);
    await expectAccessible(page, 'relationship detail');

    // From the relationship, log an engagement: its partner is filled in.
    await dialog.getByRole('link', { name: 'Log an engagement with Riga' }).click();
    await page.waitForURL(/\/registry\/engagements\?relationship=/);
    const log = page.getByRole('form', { name: 'Log an engagement' });
    await log.getByText('Riga (LV)').waitFor();
    await log.getByRole('textbox', { name: 'Purpose' }).fill('Harbour logistics exchange, first meeting');
    await log.getByRole('textbox', { name: 'Outcomes' }).fill('Agreed a joint study');
    await log.getByRole('textbox', { name: 'Cost' }).fill('450');
    await log.getByRole('button', { name: 'Log engagement' }).click();
    await page.getByRole('status').filter({ hasText: /^Engagement of .* logged\.$/ }).waitFor();
    const row = page.getByTestId('engagement-row').filter({ hasText: 'Harbour logistics exchange' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Riga');
    await expect(row.textContent()).resolves.toContain('450');
    await shot(page, 'registry-engagements');
    await expectAccessible(page, 'engagement log');
    const stored = ok(await suite.platform.graphql<{ engagements: { nodes: Array<{ purpose: string; partnerIds: string[] }> } }>(await rostock.token('viewer'), `{ engagements { nodes { purpose partnerIds } } }`)).engagements.nodes;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.purpose).toBe('Harbour logistics exchange, first meeting');

    // The filters narrow the log.
    await page.getByRole('combobox', { name: 'Type' }).first().click();
    await page.getByRole('option', { name: 'Correspondence' }).click();
    await page.getByText('No engagements match.').waitFor();
    await page.getByRole('combobox', { name: 'Type' }).first().click();
    await page.getByRole('option', { name: 'All types' }).click();
    await row.waitFor();

    // The engagement's own history.
    await row.getByRole('button', { name: /^Show the change history of the engagement of/ }).click();
    await page.getByRole('dialog').getByTestId('history-entry').filter({ hasText: 'logged' }).waitFor();
    await expectAccessible(page, 'engagement history');
  });

  it('shows a user of another jurisdiction nothing of a relationship or an import opened by its address', async () => {
    const owner = await suite.onboarded('tieowner');
    const other = await suite.onboarded('tieother');
    const partnerId = await registerPartner(owner, { name: 'Bergen kommune', kind: 'CITY', country: 'NO' });
    const relationshipId = await establishRelationship(owner, { partnerId, type: 'FRIENDSHIP', formalBasis: 'Secret harbour accord' });
    const jobId = ok(await suite.platform.graphql<{ importPartnersCsv: { id: string } }>(await owner.token('staff'), `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, { csv: 'name,kind,country\nTromsø Confidential,city,Norway\n' })).importPartnersCsv.id;

    const own = await suite.consoleBrowser.signIn(await owner.user('viewer'), `/registry/relationships/${relationshipId}`);
    await own.getByRole('dialog', { name: 'Relationship with Bergen kommune' }).getByText('Secret harbour accord').waitFor();
    expect(await own.getByRole('button', { name: 'Change status' }).count()).toBe(0);
    await own.goto(new URL(`/registry/imports/${jobId}`, suite.consoleBrowser.url).toString());
    await own.getByTestId('import-job').waitFor();

    const page = await suite.consoleBrowser.signIn(await other.user('staff'), `/registry/relationships/${relationshipId}`);
    await page.getByTestId('relationship-not-found').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/Bergen|Secret harbour/);
    await shot(page, 'registry-relationship-not-found');
    await expectAccessible(page, 'relationship not found');

    await page.goto(new URL(`/registry/imports/${jobId}`, suite.consoleBrowser.url).toString());
    await page.getByTestId('import-not-found').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/Tromsø|Confidential/);
    await shot(page, 'registry-import-not-found');
    await expectAccessible(page, 'import not found');
  });
});
