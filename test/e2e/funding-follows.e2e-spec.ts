import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestUser, deleteTestUser, readInbox, type TestUser, waitForMail } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 10's followed opportunities through the gateway with real tokens: a
 * staff user follows a call scouted from a CSV this spec serves; a colleague
 * of the same jurisdiction neither sees nor changes the follow; the user's
 * calendar feed holds the followed deadline with its reminders; the call's
 * close date changes at the source (a second scouting run) → exactly one
 * change alert, by mail and in the inbox; the reminder that the moved
 * deadline makes due arrives once by mail.
 */
describe('followed opportunities through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let feed: Server;
  let csv = '';
  const jurisdictions = testJurisdictions();
  const DAY = 86_400_000;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  const FOLLOW = `opportunityId title closesAt reminderDays timeZone nextReminderAt nextReminderDaysBefore channels { inApp email emailTo } opportunity { id title followed }`;
  type Followed = { opportunityId: string; title: string; closesAt: string; reminderDays: number[]; nextReminderAt: string | null; nextReminderDaysBefore: number | null; channels: { emailTo: string | null }; opportunity: { followed: boolean } };

  async function scout(sourceId: string): Promise<void> {
    const admin = await platformAdmin.token();
    const run = ok(await platform.graphql<{ runFundingSource: { id: string } }>(admin, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: sourceId })).runFundingSource.id;
    await eventually(async () => ok(await platform.graphql<{ scoutingRun: { status: string } }>(admin, `query($id: ID!) { scoutingRun(id: $id) { status } }`, { id: run })).scoutingRun.status, (status) => status === 'SUCCEEDED', 60_000);
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'funding-follows' });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
    feed = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  }, 240_000);

  afterAll(async () => {
    await new Promise((resolve) => feed?.close(resolve));
    await platform?.stop();
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
  });

  it('alerts a follower once per change, reminds once before the moved deadline, keeps follows per user and shows them in the calendar', async () => {
    const word = `tern${randomBytes(3).toString('hex')}`;
    const title = `Coastal ${word} partnerships`;
    const row = (closesAt: Date) => `id,title,funder,closesAt,currency,themes\nc1,${title},Baltic Sea Fund,${closesAt.toISOString()},EUR,regional development\n`;
    csv = row(new Date(Date.now() + 30 * DAY));
    const sourceId = `follows-${randomBytes(3).toString('hex')}`;
    const { port } = feed.address() as AddressInfo;
    ok(
      await platform.graphql(await platformAdmin.token(), `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, {
        input: { sourceId, name: 'Follows list', kind: 'CSV', url: `http://127.0.0.1:${port}/calls.csv`, funderType: 'TRUST_OR_FOUNDATION', timeZone: 'Europe/Berlin' },
      }),
    );
    await scout(sourceId);
    const opportunityId = `${sourceId}:c1`;

    const rostock = jurisdictions.create('follows');
    const staff = await rostock.user('staff');
    const token = await staff.token();
    const address = `${staff.username}@test.entente.local`;
    const follow = (variables: Record<string, unknown>) => platform.graphql<{ followOpportunity: Followed }>(token, `mutation($id: ID!, $days: [Int!]) { followOpportunity(opportunityId: $id, reminderDays: $days) { ${FOLLOW} } }`, variables);

    // Bad input names the field; an unknown opportunity is not found.
    expect((await follow({ id: opportunityId, days: [14, 0] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderDays[1]' });
    expect((await follow({ id: opportunityId, days: [3, 3] })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderDays[1]' });
    expect((await follow({ id: `${sourceId}:nope` })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const followed = ok(await follow({ id: opportunityId })).followOpportunity;
    expect(followed).toMatchObject({ opportunityId, title, reminderDays: [14, 3], nextReminderDaysBefore: 14, channels: { emailTo: address }, opportunity: { followed: true } });
    expect(ok(await follow({ id: opportunityId })).followOpportunity.nextReminderAt).toBe(followed.nextReminderAt);

    // A colleague of the same jurisdiction neither sees nor changes the follow.
    const colleague = await rostock.token('viewer');
    expect(ok(await platform.graphql<{ followedOpportunities: { totalCount: number } }>(colleague, `{ followedOpportunities { totalCount } }`)).followedOpportunities.totalCount).toBe(0);
    expect(ok(await platform.graphql<{ opportunity: { followed: boolean } }>(colleague, `query($id: ID!) { opportunity(id: $id) { followed } }`, { id: opportunityId })).opportunity.followed).toBe(false);
    expect((await platform.graphql(colleague, `mutation($id: ID!) { unfollowOpportunity(opportunityId: $id) }`, { id: opportunityId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await platform.graphql(colleague, `mutation($id: ID!) { updateFollow(opportunityId: $id, input: { reminderDays: [1] }) { reminderDays } }`, { id: opportunityId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const mine = ok(await platform.graphql<{ followedOpportunities: { nodes: Followed[] } }>(token, `{ followedOpportunities { nodes { ${FOLLOW} } } }`)).followedOpportunities.nodes;
    expect(mine.map((node) => [node.opportunityId, node.reminderDays])).toEqual([[opportunityId, [14, 3]]]);

    // The follower's calendar feed holds the followed deadline with alarms at the follow's days.
    const link = ok(await platform.graphql<{ createCalendarFeed: { path: string } }>(token, `mutation { createCalendarFeed { path } }`)).createCalendarFeed;
    const ics = await (await fetch(new URL(platform.gatewayUrl).origin + link.path)).text();
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines).toEqual(expect.arrayContaining([`SUMMARY:Closes: ${title}`, 'TRIGGER:-P14D', 'TRIGGER:-P3D']));
    expect(lines.filter((line) => line.startsWith('UID:followed-'))).toHaveLength(1);
    expect(lines).toContain(`DTSTART:${followed.closesAt.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}`);

    // The call's deadline moves at the source to 3 days and 20 s from now: one change alert; the 3-day reminder falls 20 s later.
    csv = row(new Date(Date.now() + 3 * DAY + 20_000));
    await scout(sourceId);
    const changed = (mail: { subject: string }) => mail.subject === `A call you follow changed: ${title}`;
    const reminded = (mail: { subject: string }) => mail.subject === `Deadline reminder: ${title}`;
    await waitForMail(address, (inbox) => inbox.some(changed), 60_000);
    const mails = await waitForMail(address, (inbox) => inbox.some(reminded), 60_000);
    const changeMail = mails.find(changed);
    expect(changeMail?.text).toContain('changed: closing date (now ');
    expect(changeMail?.text).toContain('because you follow this call');
    expect(mails.find(reminded)?.text).toMatch(/closes in (2 days|3 days)/);
    // Nothing more comes: the change once, the reminder once (the 14-day one of the new deadline fell before the change).
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const inbox = await readInbox(address);
    expect(inbox.filter(changed)).toHaveLength(1);
    expect(inbox.filter(reminded)).toHaveLength(1);
    const alerts = ok(await platform.graphql<{ alerts: { nodes: Array<{ kind: string; sourceName: string; followedOpportunityId: string | null }> } }>(token, `{ alerts(first: 50) { nodes { kind sourceName followedOpportunityId } } }`)).alerts.nodes;
    // In either order: on a loaded machine the change's event may be handled after the reminder fell due 20 s later.
    expect([...alerts].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'DEADLINE_REMINDER', sourceName: 'Followed call', followedOpportunityId: opportunityId },
      { kind: 'FOLLOWED_CHANGED', sourceName: 'Followed call', followedOpportunityId: opportunityId },
    ]);
    const after = ok(await platform.graphql<{ followedOpportunities: { nodes: Followed[] } }>(token, `{ followedOpportunities { nodes { ${FOLLOW} } } }`)).followedOpportunities.nodes[0];
    expect(after).toMatchObject({ nextReminderAt: null, nextReminderDaysBefore: null });
    expect(ok(await platform.graphql<{ alerts: { totalCount: number } }>(colleague, `{ alerts { totalCount } }`)).alerts.totalCount).toBe(0);

    // The change mail's link, opened without signing in, stops following this call, and only it; a tampered link does nothing.
    const unfollowLink = /Stop following this call \(no sign-in needed; your other calls and searches keep going\): (\S+)/.exec(changeMail?.text ?? '')?.[1] as string;
    expect(unfollowLink.startsWith(`http://127.0.0.1:${platform.settings.ports.gateway}/alerts/unfollow?token=`)).toBe(true);
    expect(changeMail?.headers['list-unsubscribe']).toBe(`<${unfollowLink}>`);
    expect(changeMail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const forged = await fetch(unfollowLink.replace(/token=([^.]+)\./, (_m, body: string) => `token=${body}x.`));
    expect(forged.status).toBe(404);
    expect(ok(await platform.graphql<{ opportunity: { followed: boolean } }>(token, `query($id: ID!) { opportunity(id: $id) { followed } }`, { id: opportunityId })).opportunity.followed).toBe(true);
    const page = await fetch(unfollowLink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`You no longer follow “${title}”`);
    expect(ok(await platform.graphql<{ opportunity: { followed: boolean } }>(token, `query($id: ID!) { opportunity(id: $id) { followed } }`, { id: opportunityId })).opportunity.followed).toBe(false);
    // A mail client's one-click (RFC 8058 POST) after that changes nothing and says so.
    const again = await fetch(unfollowLink, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('You do not follow this call any more');

    // Followed again in the app, and unfollowed there.
    ok(await follow({ id: opportunityId }));
    expect(ok(await platform.graphql<{ unfollowOpportunity: boolean }>(token, `mutation($id: ID!) { unfollowOpportunity(opportunityId: $id) }`, { id: opportunityId })).unfollowOpportunity).toBe(true);
    expect(ok(await platform.graphql<{ opportunity: { followed: boolean } }>(token, `query($id: ID!) { opportunity(id: $id) { followed } }`, { id: opportunityId })).opportunity.followed).toBe(false);
  });
});
