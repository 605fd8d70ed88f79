import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { deleteTestUser } from '@entente/testing';
import { type GraphQLResponse } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

/**
 * The admin screens in a real browser (Debian's Chromium) against the
 * end-to-end platform, signing in on Keycloak's login page: the profile, users
 * (invite with the one-time password, the invitee's first sign-in, deactivate,
 * reactivate), the platform's jurisdictions (status, export, offboarding), and
 * what another jurisdiction's admin does not see. Each test makes its own
 * jurisdictions and users.
 */
describe('the admin screens in a browser', () => {
  /** Users the tests invited through the console, deleted from the realm afterwards. */
  const invited: string[] = [];

  const suite = consoleSuite('console-admin');

  afterAll(async () => {
    await Promise.all(invited.map((id) => deleteTestUser(id).catch(() => undefined)));
  });

  /** Asks until the API answers NOT_FOUND (erasure runs after the offboarding event), at most 30 s. */
  async function eventuallyNotFound(ask: () => Promise<GraphQLResponse<unknown>>): Promise<void> {
    const deadline = Date.now() + 30_000;
    let last: GraphQLResponse<unknown> = await ask();
    while (last.errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      last = await ask();
    }
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  }

  async function openFromNavigation(page: Page, link: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  }

  it('lets the jurisdiction-admin edit the profile, with the API’s refusal at the field it names', async () => {
    const j = await suite.onboarded('profile');
    const admin = await suite.consoleBrowser.signIn(await j.user('jurisdiction-admin'));
    await openFromNavigation(admin, 'Jurisdiction profile');
    const form = admin.getByRole('form', { name: 'Jurisdiction profile' });
    await form.getByRole('textbox', { name: 'Fiscal year starts' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Hansestadt profile');
    await shot(admin, 'admin-jurisdiction');
    await expectAccessible(admin, 'jurisdiction profile');

    await form.getByRole('textbox', { name: 'Fiscal year starts' }).fill('13-01');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await admin.locator('#profile-fiscalYearStart-error').waitFor();
    expect(await form.getByRole('textbox', { name: 'Fiscal year starts' }).getAttribute('aria-invalid')).toBe('true');
    await shot(admin, 'admin-jurisdiction-field-error');
    await expectAccessible(admin, 'jurisdiction profile with an error');

    await form.getByRole('textbox', { name: 'Fiscal year starts' }).fill('04-01');
    await form.getByRole('textbox', { name: 'Name' }).fill('Hanse- und Universitätsstadt Testock');
    await form.getByRole('textbox', { name: 'Population' }).fill('210000');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await admin.getByRole('status').filter({ hasText: 'Profile of “Hanse- und Universitätsstadt Testock” saved.' }).waitFor();
    // The header follows the stored profile.
    await admin.getByRole('banner').getByText('Hanse- und Universitätsstadt Testock').waitFor();
    const stored = ok(await suite.platform.graphql<{ jurisdiction: Record<string, unknown> }>(await j.token('viewer'), `{ jurisdiction { name fiscalYearStart population } }`)).jurisdiction;
    expect(stored).toEqual({ name: 'Hanse- und Universitätsstadt Testock', fiscalYearStart: '04-01', population: 210000 });
  });

  it('invites a user by keyboard alone, shows the one-time password once; the invitee sets their own; deactivation ends their next request and reactivation lets them in again', async () => {
    const j = await suite.onboarded('users');
    const admin = await suite.consoleBrowser.signIn(await j.user('jurisdiction-admin'));
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.consoleBrowser.url).origin });
    // The clipboard serves only the focused page: this one, whatever pages earlier cases left open.
    await admin.bringToFront();
    await openFromNavigation(admin, 'Users');
    await admin.getByTestId('users').waitFor();
    await shot(admin, 'admin-users');
    await expectAccessible(admin, 'users');

    // Keyboard only: Tab to each field, type, Enter on the submit button; Tab to Copy and to closing the dialog.
    const email = `anna.${j.id}@example.org`;
    await tabTo(admin, '#invite-email');
    await admin.keyboard.type(email);
    await admin.keyboard.press('Tab');
    await admin.keyboard.type('Anna');
    await admin.keyboard.press('Tab');
    await admin.keyboard.type('Schmidt');
    await tabTo(admin, 'form[aria-label="Invite a user"] button[type="submit"]', 10);
    await admin.keyboard.press('Enter');
    const dialog = admin.getByRole('dialog', { name: 'One-time password for Anna Schmidt' });
    await dialog.waitFor();
    const password = await dialog.getByRole('textbox', { name: 'One-time password' }).inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await dialog.getByText('It will not be shown again').waitFor();
    await shot(admin, 'admin-invite-password', false);
    await expectAccessible(admin, 'one-time password dialog');
    await tabTo(admin, '#copy-one-time-password', 5);
    await admin.keyboard.press('Enter');
    // "Copied" stays until the dialog closes; a refused clipboard shows its alert instead, and fails here by name.
    await dialog.getByRole('button', { name: 'Copied', exact: true }).or(dialog.getByRole('alert')).waitFor();
    expect(await dialog.getByRole('alert').allTextContents()).toEqual([]);
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await tabTo(admin, '#close-one-time-password', 5);
    await admin.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Shown once: nowhere on the page any more.
    expect(await admin.locator('body').innerText()).not.toContain(password);
    const row = admin.getByTestId('user-row').filter({ hasText: email });
    await expect(row.getByTestId('user-status').textContent()).resolves.toBe('Active');
    await expect(row.textContent()).resolves.toContain('Staff');
    const users = ok(await suite.platform.graphql<{ jurisdictionUsers: Array<{ id: string; username: string }> }>(await j.token('jurisdiction-admin'), `{ jurisdictionUsers { id username } }`)).jurisdictionUsers;
    const anna = users.find((user) => user.username === email);
    expect(anna).toBeDefined();
    invited.push(anna?.id ?? '');

    // The invitee signs in with the one-time password on Keycloak's page, which makes them choose their own.
    const { page: invitee } = await suite.consoleBrowser.openLoginPage('/');
    await invitee.locator('#username').fill(email);
    await invitee.locator('#password').fill(password);
    await invitee.locator('#password').press('Enter');
    await invitee.locator('#password-new').waitFor();
    await shot(invitee, 'keycloak-update-password');
    const own = `Own-${j.id}-pw1`;
    await invitee.locator('#password-new').fill(own);
    await invitee.locator('#password-confirm').fill(own);
    await invitee.locator('#password-confirm').press('Enter');
    await invitee.getByTestId('who-am-i').waitFor();
    await expect(invitee.getByTestId('who-am-i').textContent()).resolves.toContain('Roles: staff');

    // Deactivated after a confirmation: the invitee's next request is refused and the console says so plainly.
    await row.getByRole('button', { name: 'Deactivate Anna Schmidt' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Deactivate Anna Schmidt?' });
    await confirm.waitFor();
    await shot(admin, 'admin-deactivate-confirm', false);
    await expectAccessible(admin, 'deactivation confirmation');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByRole('status').filter({ hasText: 'Anna Schmidt deactivated' }).waitFor();
    await row.getByTestId('user-status').filter({ hasText: 'Deactivated' }).waitFor();

    await openFromNavigation(invitee, 'Partners');
    const ended = invitee.getByTestId('access-ended');
    await ended.waitFor();
    await expect(ended.textContent()).resolves.toContain('your account was deactivated or your session ended');
    expect(await invitee.locator('body').innerText()).not.toMatch(/UNAUTHENTICATED|inactive_token|Something went wrong/);
    await shot(invitee, 'access-ended');
    await expectAccessible(invitee, 'access ended');
    // Signing in again goes to Keycloak, which refuses the deactivated account.
    await invitee.getByRole('button', { name: 'Sign in again' }).click();
    await invitee.locator('#username').waitFor();
    await invitee.locator('#username').fill(email);
    await invitee.locator('#password').fill(own);
    await invitee.locator('#password').press('Enter');
    await invitee.getByText(/account is disabled/i).waitFor();

    await row.getByRole('button', { name: 'Reactivate Anna Schmidt' }).click();
    await admin.getByRole('status').filter({ hasText: 'Anna Schmidt reactivated' }).waitFor();
    await row.getByTestId('user-status').filter({ hasText: 'Active' }).waitFor();
    await invitee.locator('#username').fill(email);
    await invitee.locator('#password').fill(own);
    await invitee.locator('#password').press('Enter');
    await invitee.getByTestId('who-am-i').waitFor();
    await openFromNavigation(invitee, 'Partners');
    await invitee.getByTestId('partners').or(invitee.getByText('No partners match.')).first().waitFor();
    expect(await invitee.getByTestId('access-ended').count()).toBe(0);
  });

  it('lets a platform admin (no jurisdiction of their own) change a status, download an export, and offboard only after typing the jurisdiction’s id', async () => {
    const j = await suite.onboarded('export');
    ok(await suite.platform.graphql(await j.token('staff'), `mutation { registerPartner(input: { name: "Gdańsk export partner", kind: CITY, country: "PL" }) { id } }`));
    const page = await suite.consoleBrowser.signIn(suite.platformAdmin);
    // The console opens on the platform screen, with nothing of a jurisdiction's registry or plans.
    await page.waitForURL(/\/admin\/platform$/);
    const row = page.locator(`[data-testid="jurisdiction-row"][data-id="${j.id}"]`);
    await row.waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).count()).toBe(0);
    await shot(page, 'admin-platform');
    await expectAccessible(page, 'platform');

    await row.getByRole('button', { name: 'Change status of Hansestadt export' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Change status of Hansestadt export' });
    await statusDialog.getByRole('button', { name: 'Change status' }).click();
    await row.getByTestId('jurisdiction-status').filter({ hasText: 'Active' }).waitFor();

    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download export of Hansestadt export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${j.id}-export-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const archive = JSON.parse(readFileSync(await file.path(), 'utf8')) as { format: string; jurisdictionId: string };
    expect(archive).toMatchObject({ format: 'entente.jurisdiction-archive', jurisdictionId: j.id });
    expect(JSON.stringify(archive)).toContain('Gdańsk export partner');
    await page.getByRole('status').filter({ hasText: 'Export of Hansestadt export downloaded' }).waitFor();

    // Destructive: a wrong id is refused at the field, and nothing is deleted.
    await row.getByRole('button', { name: 'Offboard Hansestadt export' }).click();
    const offboard = page.getByRole('dialog', { name: 'Offboard Hansestadt export' });
    await offboard.getByRole('textbox', { name: `Type the jurisdiction’s id, ${j.id}, to confirm` }).fill(`${j.id}x`);
    await offboard.getByRole('button', { name: 'Export and offboard' }).click();
    await page.locator('#offboard-confirm-error').filter({ hasText: `type ${j.id} exactly` }).waitFor();
    await shot(page, 'admin-offboard-refused', false);
    await expectAccessible(page, 'offboarding confirmation');
    const still = ok(await suite.platform.graphql<{ jurisdiction: { status: string } }>(await suite.platformAdmin.token(), `query($id: ID) { jurisdiction(id: $id) { status } }`, { id: j.id }));
    expect(still.jurisdiction.status).toBe('ACTIVE');

    await offboard.getByRole('textbox', { name: `Type the jurisdiction’s id, ${j.id}, to confirm` }).fill(j.id);
    const finalExport = page.waitForEvent('download');
    await offboard.getByRole('button', { name: 'Export and offboard' }).click();
    await finalExport;
    await offboard.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Hansestadt export offboarded' }).waitFor();
    // Every service erases what the jurisdiction held; the registry's record of it goes too.
    await eventuallyNotFound(async () => suite.platform.graphql(await suite.platformAdmin.token(), `query($id: ID) { jurisdiction(id: $id) { status } }`, { id: j.id }));
  });

  it('shows a jurisdiction-admin nothing of another jurisdiction: not its users, not its profile by address, and no platform screen', async () => {
    const mine = await suite.onboarded('mine');
    const theirs = await suite.onboarded('theirs');
    const stranger = await theirs.user('staff');
    const admin = await suite.consoleBrowser.signIn(await mine.user('jurisdiction-admin'));
    expect(await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Platform' }).count()).toBe(0);
    await openFromNavigation(admin, 'Users');
    await admin.getByTestId('user-row').first().waitFor();
    expect(await admin.getByTestId('users').innerText()).not.toContain(stranger.username);

    // Naming the other jurisdiction in the address changes nothing: the console asks for one's own.
    await admin.goto(new URL(`/admin/users?jurisdiction=${theirs.id}`, suite.consoleBrowser.url).toString());
    await admin.getByTestId('user-row').first().waitFor();
    expect(await admin.locator('body').innerText()).not.toContain(stranger.username);
    await admin.goto(new URL(`/admin/jurisdiction?jurisdiction=${theirs.id}`, suite.consoleBrowser.url).toString());
    await admin.getByRole('form', { name: 'Jurisdiction profile' }).getByRole('textbox', { name: 'Name' }).waitFor();
    expect(await admin.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Hansestadt mine');
    expect(await admin.locator('body').innerText()).not.toContain('Hansestadt theirs');

    await admin.goto(new URL('/admin/platform', suite.consoleBrowser.url).toString());
    await admin.getByTestId('platform-not-available').waitFor();
    expect(await admin.getByTestId('jurisdictions').count()).toBe(0);
    expect(await admin.locator('body').innerText()).not.toContain('Hansestadt theirs');
    await shot(admin, 'admin-platform-not-available');
    await expectAccessible(admin, 'platform screen for a jurisdiction-admin');
  });
});
