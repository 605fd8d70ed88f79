import type { Page } from '@playwright/test';
import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { eventually, type TestJurisdiction } from '@entente/e2e-support';
import { expectAccessible, shot, tabTo } from './console-browser';
import { consoleSuite, ok } from './console-fixtures';

const YEAR = 2027;

/**
 * The network screens (issue 11) in a real browser against the end-to-end
 * platform: a member's jurisdiction-admin accepts, shares with a field
 * allow-list by keyboard and reads the preview; the coordinator's heat map
 * and shared data show it; revoking takes it away; the access log names the
 * reader; members post on the seeking-partners board, answer and close;
 * a joint effort is proposed with cost shares, joined and moved on; a
 * jurisdiction outside sees nothing, by URL either. Each test makes
 * its own jurisdictions, coordinator and network through the API.
 */
describe('the network screens in a browser', () => {
  const coordinators: TestUser[] = [];

  const suite = consoleSuite('console-network');

  afterAll(async () => {
    await Promise.all(coordinators.map((user) => deleteTestUser(user.id)));
  });

  /** A regional coordinator whose home is an onboarded jurisdiction of their own (the console opens on a jurisdiction). */
  async function coordinatorOf(prefix: string): Promise<TestUser> {
    const home = await suite.onboarded(prefix);
    const user = await createTestUser({ jurisdiction: home.id, roles: ['regional-coordinator'] });
    coordinators.push(user);
    return user;
  }

  async function networkOf(coordinator: TestUser, name: string, invitees: TestJurisdiction[]): Promise<string> {
    const id = ok(await suite.platform.graphql<{ createNetwork: { id: string } }>(await coordinator.token(), `mutation($name: String!) { createNetwork(input: { name: $name }) { id } }`, { name })).createNetwork.id;
    for (const invitee of invitees) await invite(coordinator, id, invitee);
    return id;
  }

  /** The network service learns of an onboarded jurisdiction by event: until then it refuses the id. */
  async function invite(coordinator: TestUser, networkId: string, invitee: TestJurisdiction): Promise<void> {
    const token = await coordinator.token();
    const { value } = await eventually(
      () => suite.platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: networkId, j: invitee.id }),
      (r) => !r.errors,
      30_000,
    );
    ok(value);
  }

  async function accept(j: TestJurisdiction, networkId: string): Promise<void> {
    ok(await suite.platform.graphql(await j.token('jurisdiction-admin'), `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: networkId }));
  }

  async function priority(j: TestJurisdiction, title: string, country: string): Promise<void> {
    const staff = await j.token('staff');
    const goal = ok(await suite.platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`)).saveStrategy.goals[0]?.goalId;
    ok(
      await suite.platform.graphql(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, {
        input: { title, goalIds: [goal], focus: 'SHARED_POLICY_PRIORITY', targetCountries: [country], sectors: ['wind energy'], themes: ['offshore wind'] },
      }),
    );
  }

  /** A plan with one outbound delegation; planning learns the fiscal year from the onboarding event first. */
  async function delegation(j: TestJurisdiction, title: string, country: string, city: string, window: [string, string]): Promise<void> {
    const staff = await j.token('staff');
    const { value } = await eventually(
      () => suite.platform.graphql(staff, `mutation { createPlan(year: ${YEAR}, input: { budgetLines: [{ source: OWN, label: "Budget", amount: 50000 }], staffDaysAvailable: 100 }) { version } }`),
      (r) => r.data != null || r.errors?.[0]?.extensions?.['code'] !== 'CONFLICT',
      20_000,
    );
    ok(value);
    ok(
      await suite.platform.graphql(staff, `mutation($input: ActivityInput!) { addActivity(year: ${YEAR}, input: $input) { version } }`, {
        input: { title, type: 'OUTBOUND_DELEGATION', country, city, frequency: 'ONE_OFF', windowStart: window[0], windowEnd: window[1], costPerOccurrence: { own: 9000 }, staffDaysPerOccurrence: 6 },
      }),
    );
  }

  async function seenInPreview(j: TestJurisdiction, networkId: string, scope: string, records: 'priorities' | 'activities'): Promise<void> {
    const token = await j.token('jurisdiction-admin');
    await eventually(
      () => suite.platform.graphql<{ sharingPreview: Record<string, unknown[]> }>(token, `query($n: ID!, $g: [SharingTermsInput!]) { sharingPreview(networkId: $n, grants: $g) { ${records} { id } } }`, { n: networkId, g: [{ scope }] }),
      (r) => (r.data?.sharingPreview[records]?.length ?? 0) > 0,
      30_000,
    );
  }

  /**
   * Leaves a tab for another and comes back, so its panel mounts again and
   * reads afresh what others changed. Each step waits for its tab to be the
   * selected one: a second click before the first had rendered left the
   * panel mounted, showing what it had read before (a CI run under load).
   */
  async function reopenTab(page: Page, tab: string, away: string): Promise<void> {
    for (const name of [away, tab]) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('tab', { name, selected: true }).waitFor();
    }
  }

  it('lets a jurisdiction-admin accept, share priorities with a field allow-list by keyboard after the preview, shows it on the coordinator’s heat map, takes it away on revoke, and logs the read', async () => {
    const [rostock, gdansk, coordinator] = await Promise.all([suite.onboarded('netc-rostock'), suite.onboarded('netc-gdansk'), coordinatorOf('netc-coord')]);
    const rostockName = 'Hansestadt netc-rostock';
    const gdanskName = 'Hansestadt netc-gdansk';
    const networkName = `Baltic wind ${rostock.id.slice(-6)}`;
    const networkId = await networkOf(coordinator, networkName, [rostock, gdansk]);
    await accept(gdansk, networkId);
    await Promise.all([priority(rostock, 'Danish offshore wind', 'DK'), delegation(gdansk, 'Study visit to Esbjerg', 'DK', 'Esbjerg', [`${YEAR}-06-08`, `${YEAR}-06-10`])]);
    ok(await suite.platform.graphql(await gdansk.token('jurisdiction-admin'), `mutation($input: ShareWithNetworkInput!) { shareWithNetwork(input: $input) { id } }`, { input: { networkId, scope: 'PLANNED_ACTIVITIES' } }));
    // The network learns of both records by event: wait (through the unlogged preview) until its read model has them.
    await Promise.all([seenInPreview(rostock, networkId, 'PRIORITIES', 'priorities'), seenInPreview(gdansk, networkId, 'PLANNED_ACTIVITIES', 'activities')]);

    // Rostock's admin finds the invitation and accepts it by keyboard.
    const admin = await suite.consoleBrowser.signIn(await rostock.user('jurisdiction-admin'), '/network');
    await admin.getByTestId(`network-${networkId}`).waitFor();
    await shot(admin, 'network-list-invited');
    await expectAccessible(admin, 'networks');
    await tabTo(admin, `button[aria-label="Accept the invitation to ${networkName}"]`);
    await admin.keyboard.press('Enter');
    await admin.getByRole('status').filter({ hasText: `Your jurisdiction is now a member of ${networkName}.` }).waitFor();
    await admin.getByTestId(`network-${networkId}`).getByText('Member', { exact: true }).waitFor();

    // Sharing settings: priorities, only title and countries; the preview shows exactly that before anything is shared.
    await admin.getByRole('link', { name: `Open ${networkName}` }).click();
    await admin.getByTestId('grant-editor').waitFor();
    await admin.getByTestId('sharing-preview').getByText('Danish offshore wind').waitFor();
    await tabTo(admin, 'input[type="radio"][value="PRIORITIES"]');
    for (const field of ['focus', 'goalKinds', 'sectors', 'themes', 'sdgs']) {
      await tabTo(admin, `input[type="checkbox"][value="${field}"]`, 8);
      await admin.keyboard.press('Space');
    }
    const preview = admin.getByTestId('sharing-preview').getByTestId(`shared-${rostock.id}-PRIORITIES`);
    const cells = async () => (await preview.locator('tbody tr').first().locator('td').allInnerTexts()).map((cell) => (cell.includes('not shared') ? 'not shared' : cell.trim()));
    await eventually(cells, (seen) => seen.join('|') === 'Danish offshore wind|not shared|not shared|Denmark|not shared|not shared|not shared', 10_000);
    await expect(admin.getByTestId('sharing-preview').locator('thead th').allInnerTexts()).resolves.toEqual(['Title', 'Focus', 'Local goals', 'Countries', 'Sectors', 'Themes', 'SDGs']);
    await shot(admin, 'network-sharing-preview');
    await expectAccessible(admin, 'sharing settings with the preview');
    await tabTo(admin, '#share-submit', 12);
    await admin.keyboard.press('Enter');
    await admin.getByRole('status').filter({ hasText: `Priorities shared with ${networkName}.` }).waitFor();
    await expect(admin.getByTestId('grant-PRIORITIES-current').innerText()).resolves.toContain('Title, Countries');
    await admin.getByTestId('sees-now').getByText('Danish offshore wind').waitFor();
    await shot(admin, 'network-sharing-granted');

    // The coordinator's dashboard: both members on the heat map, Rostock's priority counted at Denmark; the cells are read by keyboard.
    const coord = await suite.consoleBrowser.signIn(coordinator, `/network/${networkId}/dashboard`);
    await coord.getByTestId('heat-map').waitFor();
    await expect(coord.getByTestId(`heat-${rostockName}-DK`).innerText()).resolves.toBe('1');
    await expect(coord.getByTestId(`heat-${gdanskName}-DK`).innerText()).resolves.toBe('1');
    await coord.getByTestId('delegation-calendar').getByText('Study visit to Esbjerg').waitFor();
    await tabTo(coord, 'rect[data-cell][tabindex="0"]');
    await expect(coord.getByTestId('heat-focus').innerText()).resolves.toContain(`${gdanskName}, Denmark: 1`);
    await coord.keyboard.press('ArrowDown');
    await expect(coord.getByTestId('heat-focus').innerText()).resolves.toContain(`${rostockName}, Denmark: 1 (priorities 1`);
    await shot(coord, 'network-dashboard');
    await expectAccessible(coord, 'coordinator dashboard');
    await coord.getByRole('tab', { name: 'Shared data' }).click();
    await coord.getByTestId(`shared-${rostock.id}-PRIORITIES`).getByText('Danish offshore wind').waitFor();
    await shot(coord, 'network-shared-data');
    await expectAccessible(coord, 'shared data');
    await coord.getByRole('tab', { name: 'Members' }).click();
    await coord.getByTestId(`member-${rostock.id}`).waitFor();
    await shot(coord, 'network-members');
    await expectAccessible(coord, 'members with the invite form');

    // Revoked, Rostock is gone from the coordinator's heat map.
    await admin.getByRole('button', { name: 'Revoke sharing of Priorities' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    await shot(admin, 'network-revoke-confirm', false);
    await expectAccessible(admin, 'revoke confirmation');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await admin.getByRole('status').filter({ hasText: 'Sharing of Priorities revoked.' }).waitFor();
    await admin.getByTestId('grant-PRIORITIES-revoked').waitFor();
    await coord.getByRole('tab', { name: 'Dashboard' }).click();
    await coord.getByTestId(`heat-${gdanskName}-DK`).waitFor();
    expect(await coord.getByTestId(`heat-${rostockName}-DK`).count()).toBe(0);
    await shot(coord, 'network-dashboard-revoked');

    // The access log names the coordinator's reads of Rostock's data.
    // By its address: with the funding sections the navigation is taller than the test's 900-pixel window.
    await admin.goto(new URL('/network/access-log', suite.consoleBrowser.url).toString());
    const log = admin.getByTestId('access-log');
    await log.waitFor();
    const reads = await log.getByTestId('access-entry').allInnerTexts();
    expect(reads.some((read) => read.includes(coordinator.username) && read.includes(networkName) && read.includes('Heat map') && read.includes('Priorities'))).toBe(true);
    expect(reads.some((read) => read.includes(coordinator.username) && read.includes('Shared data'))).toBe(true);
    await shot(admin, 'network-access-log');
    await expectAccessible(admin, 'access log');
  });

  it('lets a coordinator create a network and invite a jurisdiction, whose admin accepts from the network’s page and later leaves it after the confirmation', async () => {
    const [riga, coordinator] = await Promise.all([suite.onboarded('netc-riga'), coordinatorOf('netc-coord2')]);
    const networkName = `Hanseatic youth ${riga.id.slice(-6)}`;
    const coord = await suite.consoleBrowser.signIn(coordinator, '/network');
    await coord.getByTestId('networks-empty').waitFor();
    await coord.getByRole('button', { name: 'Create a network' }).click();
    const dialog = coord.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(networkName);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('School and youth exchanges around the Baltic');
    await shot(coord, 'network-create-dialog', false);
    await expectAccessible(coord, 'create network dialog');
    await dialog.getByRole('button', { name: 'Create network' }).click();
    await coord.getByRole('status').filter({ hasText: `Network “${networkName}” created.` }).waitFor();
    await coord.getByRole('link', { name: `Open ${networkName}` }).click();
    await coord.getByRole('tab', { name: 'Members' }).click();
    // The network service learns of the onboarded jurisdiction by event; the console shows the API's refusal until then.
    await eventually(
      async () => {
        await coord.getByRole('textbox', { name: 'Jurisdiction id' }).fill(riga.id);
        await coord.getByRole('button', { name: 'Invite' }).click();
        return coord.getByRole('status').filter({ hasText: `${riga.id} invited.` }).waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false,
        );
      },
      (done) => done,
      30_000,
    );
    await coord.getByTestId(`member-${riga.id}`).getByText('Invited', { exact: true }).waitFor();

    const admin = await suite.consoleBrowser.signIn(await riga.user('jurisdiction-admin'), '/network');
    await admin.getByRole('link', { name: `Open ${networkName}` }).click();
    // The router keeps the list on screen while the network's screen loads (a transition): its own Accept is the list's twin.
    await admin.getByRole('tab', { name: 'Members' }).waitFor();
    await admin.getByRole('button', { name: `Accept the invitation to ${networkName}` }).click();
    await admin.getByRole('button', { name: 'Leave this network' }).waitFor().catch(async (error: unknown) => {
      await shot(admin, 'network-accept-on-page-failed');
      throw error;
    });
    await admin.getByRole('status').filter({ hasText: `Your jurisdiction is now a member of ${networkName}.` }).waitFor();
    await admin.getByRole('button', { name: 'Leave this network' }).click();
    const leave = admin.getByRole('dialog');
    await leave.waitFor();
    await shot(admin, 'network-leave-confirm', false);
    await expectAccessible(admin, 'leave confirmation');
    await leave.getByRole('button', { name: 'Leave the network' }).click();
    // Back on the list: a jurisdiction that left no longer opens the network.
    await admin.getByRole('status').filter({ hasText: `Your jurisdiction left ${networkName}.` }).waitFor();
    expect(admin.url()).toMatch(/\/network$/);
  });

  it('lets members post on the seeking-partners board, answer and close a post; propose a joint effort (a wrong sum of shares refused at the shares), join it with its share, and the lead move it to forming', async () => {
    const [lead, partner, coordinator] = await Promise.all([suite.onboarded('netc-lead'), suite.onboarded('netc-partner'), coordinatorOf('netc-coord4')]);
    const leadName = 'Hansestadt netc-lead';
    const partnerName = 'Hansestadt netc-partner';
    const networkName = `North Sea ports ${lead.id.slice(-6)}`;
    const networkId = await networkOf(coordinator, networkName, [lead, partner]);
    await Promise.all([accept(lead, networkId), accept(partner, networkId)]);

    // The lead's staff posts what it looks for; a post without a description is refused at that field.
    const staff = await suite.consoleBrowser.signIn(await lead.user('staff'), `/network/${networkId}/board`);
    const postForm = staff.getByRole('form', { name: 'Post what your jurisdiction looks for' });
    await postForm.getByRole('textbox', { name: 'Country' }).fill('pl');
    await postForm.getByRole('button', { name: 'Post' }).click();
    await staff.locator('#search-description-error').waitFor();
    expect(await postForm.getByRole('textbox', { name: 'What you look for' }).getAttribute('aria-invalid')).toBe('true');
    await shot(staff, 'network-board-field-error');
    await expectAccessible(staff, 'seeking-partners board with a refusal');
    await postForm.getByRole('textbox', { name: 'What you look for' }).fill('A harbour city in Poland for a school exchange on offshore wind.');
    await postForm.getByRole('button', { name: 'Post' }).click();
    await staff.getByRole('status').filter({ hasText: 'Your post is on the board.' }).waitFor();
    const post = staff.getByRole('article', { name: `${leadName} looks for a partner city in Poland` });
    await post.getByText('No answers yet.').waitFor();
    await shot(staff, 'network-board');
    await expectAccessible(staff, 'seeking-partners board');

    // The other member's admin answers it; a coordinator reads the board without a control.
    const partnerAdmin = await suite.consoleBrowser.signIn(await partner.user('jurisdiction-admin'), `/network/${networkId}/board`);
    const partnersView = partnerAdmin.getByRole('article', { name: `${leadName} looks for a partner city in Poland` });
    expect(await partnersView.getByRole('button', { name: 'Close the post' }).count()).toBe(0);
    await partnersView.getByRole('button', { name: `Answer ${leadName}` }).click();
    const answer = partnerAdmin.getByRole('dialog');
    await answer.getByRole('textbox', { name: 'Your answer' }).fill('Our twin town Gdynia is looking for exactly this.');
    await shot(partnerAdmin, 'network-board-answer-dialog', false);
    await expectAccessible(partnerAdmin, 'answer dialog');
    await answer.getByRole('button', { name: 'Send the answer' }).click();
    await partnerAdmin.getByRole('status').filter({ hasText: `Your answer was sent to ${leadName}.` }).waitFor();
    await partnersView.getByText('Our twin town Gdynia is looking for exactly this.').waitFor();
    const coord = await suite.consoleBrowser.signIn(coordinator, `/network/${networkId}/board`);
    await coord.getByText('Our twin town Gdynia is looking for exactly this.').waitFor();
    expect(await coord.getByTestId('partner-board').getByRole('button').count()).toBe(0);
    expect(await coord.getByTestId('board-post').count()).toBe(0);

    // The poster sees the answer and closes its post.
    await reopenTab(staff, 'Seeking partners', 'Joint efforts');
    await post.getByText(`${partnerName}, `, { exact: false }).waitFor();
    await post.getByRole('button', { name: 'Close the post' }).click();
    const closing = staff.getByRole('dialog');
    await shot(staff, 'network-board-close-confirm', false);
    await expectAccessible(staff, 'close post confirmation');
    await closing.getByRole('button', { name: 'Close the post' }).click();
    await staff.getByRole('status').filter({ hasText: 'Your post is closed.' }).waitFor();
    await post.getByTestId('search-status').filter({ hasText: 'Closed' }).waitFor();
    expect(await post.getByRole('button').count()).toBe(0);
    await shot(staff, 'network-board-closed');

    // The lead's admin proposes a joint effort with the partner: shares summing to 120 % are refused at the shares, 70/30 is proposed.
    const title = 'Shared trade office in Gdańsk';
    const admin = await suite.consoleBrowser.signIn(await lead.user('jurisdiction-admin'), `/network/${networkId}/efforts`);
    await admin.getByRole('button', { name: 'Propose a joint effort' }).click();
    const propose = admin.getByRole('dialog');
    await propose.getByRole('combobox', { name: 'Kind' }).click();
    await admin.getByRole('option', { name: 'Shared trade office' }).click();
    await propose.getByRole('textbox', { name: 'Title' }).fill(title);
    await propose.getByRole('textbox', { name: 'Country it targets' }).fill('PL');
    await propose.getByRole('checkbox', { name: partnerName }).check();
    await expect(propose.getByTestId('shares-total').innerText()).resolves.toBe('Together: 100 %');
    await propose.getByRole('textbox', { name: `Cost share of ${leadName} (%)` }).fill('70');
    await propose.getByRole('button', { name: 'Propose' }).click();
    await propose.getByText('cost shares must sum to 100 % (they sum to 120 %)').first().waitFor();
    expect(await propose.getByRole('textbox', { name: `Cost share of ${partnerName} (%)` }).getAttribute('aria-invalid')).toBe('true');
    await shot(admin, 'network-effort-shares-refused', false);
    await expectAccessible(admin, 'propose a joint effort with a refusal');
    await propose.getByRole('textbox', { name: `Cost share of ${partnerName} (%)` }).fill('30');
    await propose.getByRole('button', { name: 'Propose' }).click();
    await admin.getByRole('status').filter({ hasText: `Joint effort “${title}” proposed.` }).waitFor();
    const effort = admin.getByRole('article', { name: title });
    await expect(effort.getByTestId(`share-${lead.id}`).innerText()).resolves.toMatch(/\(lead\) · joined\s+70 %/);
    await expect(effort.getByTestId(`share-${partner.id}`).innerText()).resolves.toMatch(/not joined yet\s+30 %/);
    await effort.getByTestId('effort-status').filter({ hasText: 'Proposed' }).waitFor();
    await shot(admin, 'network-efforts');
    await expectAccessible(admin, 'joint efforts');

    // The partner's admin joins with its 30 % share.
    await partnerAdmin.getByRole('tab', { name: 'Joint efforts' }).click();
    const joining = partnerAdmin.getByRole('article', { name: title });
    expect(await joining.getByRole('button', { name: /^Move to forming/ }).count()).toBe(0);
    await joining.getByRole('button', { name: `Join with our 30 % share: “${title}”` }).click();
    await partnerAdmin.getByRole('status').filter({ hasText: `Your jurisdiction joined “${title}” with a 30 % share` }).waitFor();
    await joining.getByTestId(`share-${partner.id}`).filter({ hasText: '· joined' }).waitFor();
    await expect(joining.getByTestId(`share-${partner.id}`).innerText()).resolves.toMatch(/· joined\s+30 %/);
    expect(await joining.getByRole('button', { name: /^Join/ }).count()).toBe(0);
    await joining.getByRole('button', { name: `Leave “${title}”` }).waitFor();
    await shot(partnerAdmin, 'network-effort-joined');
    await expectAccessible(partnerAdmin, 'joint efforts of a participant');

    // The lead moves it to forming.
    await reopenTab(admin, 'Joint efforts', 'Seeking partners');
    await effort.getByRole('button', { name: `Move to forming: ${title}` }).click();
    await admin.getByRole('status').filter({ hasText: `“${title}” is now Forming.` }).waitFor();
    await effort.getByTestId('effort-status').filter({ hasText: 'Forming' }).waitFor();
    await effort.getByRole('button', { name: `Withdraw: ${title}` }).waitFor();
    await shot(admin, 'network-effort-forming');
  });

  it('lets a member share its activity costs or leave them out (the preview shows the cost accordingly), and the lead invite another member with new shares (a wrong sum refused at the shares), change the shares (so may the network’s coordinator), and the invitee see itself named with its share', async () => {
    const [lead, partner, third, coordinator] = await Promise.all([suite.onboarded('netc-cost-lead'), suite.onboarded('netc-cost-partner'), suite.onboarded('netc-cost-third'), coordinatorOf('netc-coord5')]);
    const leadName = 'Hansestadt netc-cost-lead';
    const partnerName = 'Hansestadt netc-cost-partner';
    const thirdName = 'Hansestadt netc-cost-third';
    const networkName = `Jutland delegations ${lead.id.slice(-6)}`;
    const networkId = await networkOf(coordinator, networkName, [lead, partner, third]);
    await Promise.all([accept(lead, networkId), accept(partner, networkId), accept(third, networkId)]);
    // One occurrence costs 9,000 (own budget, euros): planning publishes it with the activity.
    await delegation(lead, 'Trade mission to Aarhus', 'DK', 'Aarhus', [`${YEAR}-09-14`, `${YEAR}-09-16`]);
    await seenInPreview(lead, networkId, 'PLANNED_ACTIVITIES', 'activities');

    // The lead's admin picks planned delegations: every field ticked, the preview ends with the cost, in euros as Rostock's locale writes them.
    const admin = await suite.consoleBrowser.signIn(await lead.user('jurisdiction-admin'), `/network/${networkId}/sharing`);
    await admin.getByTestId('grant-editor').waitFor();
    await admin.getByRole('radio', { name: 'Planned delegations and visits' }).check();
    const preview = admin.getByTestId('sharing-preview').getByTestId(`shared-${lead.id}-PLANNED_ACTIVITIES`);
    await preview.getByText('Trade mission to Aarhus').waitFor();
    const costCell = async (table: typeof preview) => {
      const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
      const last = cells[cells.length - 1] ?? '';
      return last.includes('not shared') ? 'not shared' : last.replace(/\s/g, ' ').trim();
    };
    await expect(preview.locator('thead th').allInnerTexts()).resolves.toEqual(['Year', 'Title', 'Type', 'Mode', 'Frequency', 'Status', 'Country', 'City', 'From', 'To', 'Cost per occurrence']);
    await eventually(() => costCell(preview), (cell) => cell === '9.000 €', 10_000);
    // Eleven columns stay inside the window: the table scrolls in its own region if it must, the page does not.
    expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(admin, 'network-sharing-cost-preview');
    await expectAccessible(admin, 'sharing settings with the cost in the preview');

    // Left out, the preview says the cost is not shared; shared so, the grant lists every field but the cost, and the network sees none.
    await admin.getByRole('checkbox', { name: 'Cost per occurrence' }).uncheck();
    await eventually(() => costCell(preview), (cell) => cell === 'not shared', 10_000);
    await shot(admin, 'network-sharing-cost-left-out');
    await admin.locator('#share-submit').click();
    await admin.getByRole('status').filter({ hasText: `Planned delegations and visits shared with ${networkName}.` }).waitFor();
    const grant = await admin.getByTestId('grant-PLANNED_ACTIVITIES-current').innerText();
    expect(grant).toContain('Year, Title, Type, Mode, Frequency, Status, Country, City, From, To');
    expect(grant).not.toContain('Cost');
    const seesNow = admin.getByTestId('sees-now').getByTestId(`shared-${lead.id}-PLANNED_ACTIVITIES`);
    await seesNow.getByText('Trade mission to Aarhus').waitFor();
    await eventually(() => costCell(seesNow), (cell) => cell === 'not shared', 10_000);

    // Allowed again (the new grant replaces the old one): all fields, and the other members see the cost.
    await admin.getByRole('checkbox', { name: 'Cost per occurrence' }).check();
    await eventually(() => costCell(preview), (cell) => cell === '9.000 €', 10_000);
    await admin.locator('#share-submit').click();
    await admin.getByTestId('grant-PLANNED_ACTIVITIES-current').filter({ hasText: 'all fields' }).waitFor();
    await eventually(() => costCell(seesNow), (cell) => cell === '9.000 €', 10_000);
    await shot(admin, 'network-sharing-cost-granted');
    const thirdAdmin = await suite.consoleBrowser.signIn(await third.user('jurisdiction-admin'), `/network/${networkId}/shared`);
    const theirView = thirdAdmin.getByTestId(`shared-${lead.id}-PLANNED_ACTIVITIES`);
    await theirView.getByText('Trade mission to Aarhus').waitFor();
    await expect(costCell(theirView)).resolves.toBe('9.000 €');
    expect(await thirdAdmin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(thirdAdmin, 'network-shared-data-cost');

    // A common delegation of the lead and the partner, 60/40; the lead's admin invites the third member.
    const title = 'Common delegation to Aarhus';
    ok(
      await suite.platform.graphql(await lead.token('jurisdiction-admin'), `mutation($input: ProposeJointEffortInput!) { proposeJointEffort(input: $input) { id } }`, {
        input: { networkId, kind: 'COMMON_DELEGATION', title, country: 'DK', participants: [{ jurisdictionId: lead.id, costShare: 60 }, { jurisdictionId: partner.id, costShare: 40 }] },
      }),
    );
    await admin.getByRole('tab', { name: 'Joint efforts' }).click();
    const effort = admin.getByRole('article', { name: title });
    await effort.getByTestId(`share-${partner.id}`).waitFor();
    await effort.getByRole('button', { name: `Invite a member to “${title}”` }).click();
    const inviting = admin.getByRole('dialog');
    await inviting.getByRole('combobox', { name: 'Member to invite' }).click();
    // Only the active member not yet taking part is offered.
    await admin.getByRole('option', { name: thirdName }).waitFor();
    expect(await admin.getByRole('option').allInnerTexts()).toEqual([thirdName]);
    await admin.getByRole('option', { name: thirdName }).click();
    await expect(inviting.getByTestId('shares-total').innerText()).resolves.toBe('Together: 100 %');
    const shareOf = (dialog: typeof inviting, name: string) => dialog.getByRole('textbox', { name: `Cost share of ${name} (%)` });
    await expect(shareOf(inviting, thirdName).inputValue()).resolves.toBe('33.33 %');
    // 60 + 40 + 33.33: the API refuses at every share.
    await shareOf(inviting, leadName).fill('60');
    await shareOf(inviting, partnerName).fill('40');
    await inviting.getByRole('button', { name: 'Invite', exact: true }).click();
    await inviting.getByText('cost shares must sum to 100 % (they sum to 133.33 %)').first().waitFor();
    for (const name of [leadName, partnerName, thirdName]) expect(await shareOf(inviting, name).getAttribute('aria-invalid')).toBe('true');
    await shot(admin, 'network-effort-invite-refused', false);
    await expectAccessible(admin, 'invite to a joint effort with a refusal');
    await shareOf(inviting, leadName).fill('30');
    await shareOf(inviting, partnerName).fill('20');
    await shareOf(inviting, thirdName).fill('50');
    await inviting.getByRole('button', { name: 'Invite', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: `${thirdName} invited to “${title}” with a 50 % share.` }).waitFor();
    await effort.getByTestId(`share-${third.id}`).waitFor();
    await expect(effort.getByTestId(`share-${third.id}`).innerText()).resolves.toMatch(/not joined yet\s+50 %/);
    // Everyone is named now: nobody left to invite.
    expect(await effort.getByRole('button', { name: `Invite a member to “${title}”` }).count()).toBe(0);

    // The lead's admin changes the shares: 40 / 20 / 40.
    await effort.getByRole('button', { name: `Change cost shares of “${title}”` }).click();
    const changing = admin.getByRole('dialog');
    await expect(shareOf(changing, thirdName).inputValue()).resolves.toBe('50 %');
    await shareOf(changing, leadName).fill('40');
    await shareOf(changing, thirdName).fill('40');
    await expect(changing.getByTestId('shares-total').innerText()).resolves.toBe('Together: 100 %');
    await shot(admin, 'network-effort-shares-dialog', false);
    await expectAccessible(admin, 'change the cost shares');
    await changing.getByRole('button', { name: 'Save the shares' }).click();
    await admin.getByRole('status').filter({ hasText: `Cost shares of “${title}” changed.` }).waitFor();
    await effort.getByTestId(`share-${third.id}`).filter({ hasText: '40 %' }).waitFor();
    await expect(effort.getByTestId(`share-${lead.id}`).innerText()).resolves.toMatch(/\(lead\) · joined\s+40 %/);
    await expect(effort.getByTestId(`share-${partner.id}`).innerText()).resolves.toMatch(/not joined yet\s+20 %/);
    await shot(admin, 'network-effort-shares-changed');
    await expectAccessible(admin, 'joint efforts after the invitation');

    // The invited member's admin sees its jurisdiction named with its 40 % share, and may join with it.
    await thirdAdmin.getByRole('tab', { name: 'Joint efforts' }).click();
    const theirs = thirdAdmin.getByRole('article', { name: title });
    await expect(theirs.getByTestId(`share-${third.id}`).innerText()).resolves.toMatch(new RegExp(`${thirdName} · not joined yet\\s+40 %`));
    await theirs.getByRole('button', { name: `Join with our 40 % share: “${title}”` }).waitFor();
    expect(await theirs.getByRole('button', { name: /^(Invite a member|Change cost shares)/ }).count()).toBe(0);
    await shot(thirdAdmin, 'network-effort-invited');
    await expectAccessible(thirdAdmin, 'joint efforts of the invited member');

    // The network's coordinator, no member's admin, steers the effort too: 30 / 30 / 40.
    const coord = await suite.consoleBrowser.signIn(coordinator, `/network/${networkId}/dashboard`);
    await coord.getByRole('tab', { name: 'Joint efforts' }).click();
    const coordsView = coord.getByRole('article', { name: title });
    await coordsView.getByRole('button', { name: `Change cost shares of “${title}”` }).click();
    const coordChanging = coord.getByRole('dialog');
    await expect(shareOf(coordChanging, leadName).inputValue()).resolves.toBe('40 %');
    await shareOf(coordChanging, leadName).fill('30');
    await shareOf(coordChanging, partnerName).fill('30');
    await expect(coordChanging.getByTestId('shares-total').innerText()).resolves.toBe('Together: 100 %');
    await coordChanging.getByRole('button', { name: 'Save the shares' }).click();
    await coord.getByRole('status').filter({ hasText: `Cost shares of “${title}” changed.` }).waitFor();
    await coordsView.getByTestId(`share-${lead.id}`).filter({ hasText: '30 %' }).waitFor();
    await expect(coordsView.getByTestId(`share-${partner.id}`).innerText()).resolves.toMatch(/not joined yet\s+30 %/);
    await expect(coordsView.getByTestId(`share-${third.id}`).innerText()).resolves.toMatch(/not joined yet\s+40 %/);
    await shot(coord, 'network-effort-shares-by-coordinator');
    // The invitee's page, reloaded, offers joining with the share the coordinator left it.
    await thirdAdmin.goto(new URL(`/network/${networkId}/efforts`, suite.consoleBrowser.url).toString());
    await thirdAdmin.getByRole('article', { name: title }).getByRole('button', { name: `Join with our 40 % share: “${title}”` }).waitFor();
  });

  it('shows a jurisdiction outside the network nothing of it, by URL either', async () => {
    const [member, outsider, coordinator] = await Promise.all([suite.onboarded('netc-member'), suite.onboarded('netc-outside'), coordinatorOf('netc-coord3')]);
    const networkName = `Closed circle ${member.id.slice(-6)}`;
    const networkId = await networkOf(coordinator, networkName, [member]);
    await accept(member, networkId);
    await priority(member, 'Secret harbour plans', 'NO');
    ok(await suite.platform.graphql(await member.token('jurisdiction-admin'), `mutation($input: ShareWithNetworkInput!) { shareWithNetwork(input: $input) { id } }`, { input: { networkId, scope: 'PRIORITIES' } }));

    const page = await suite.consoleBrowser.signIn(await outsider.user('jurisdiction-admin'), '/network');
    await page.getByTestId('networks-empty').waitFor();
    for (const tab of ['', '/dashboard', '/shared']) {
      await page.goto(new URL(`/network/${networkId}${tab}`, suite.consoleBrowser.url).toString());
      await page.getByTestId('network-not-found').waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(networkName);
      expect(text).not.toContain('Secret harbour plans');
    }
    await shot(page, 'network-not-found');
    await expectAccessible(page, 'network not found');
  });
});
