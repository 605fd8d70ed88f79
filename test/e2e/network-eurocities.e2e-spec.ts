import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, OpportunityPublishedV1, PLATFORM_WIDE } from '@entente/contracts';
import { KafkaEventPublisher } from '@entente/messaging';
import { seedEurocitiesNetwork } from '@entente/platform';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestPlatform } from '../support';

const MEMBERS_FILE = join(__dirname, '../../../shared/data/eurocities/members.json');

/**
 * The Eurocities seed through the gateway: every real member onboarded as a
 * jurisdiction and invited into one network, a few accepting with their own
 * admins, and the network read by its coordinator with the members' names.
 * Running the seed again changes nothing. Then issue 11's first acceptance
 * line: three of the real members share priorities, delegations and ties,
 * and every kind of suggestion they imply appears, explained, with nothing
 * from a scope a member did not grant.
 */
describe('network: the Eurocities network seeded from its real members', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  const admins: TestUser[] = [];
  const prefix = `ec${Date.now().toString(36).slice(-4)}-`;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-eurocities' });
    [platformAdmin, coordinator] = await Promise.all([createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }), createTestUser({ jurisdiction: `${prefix}office`, roles: ['regional-coordinator'] })]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([platformAdmin, coordinator, ...admins].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('onboards all 209 members, invites them into one network, the coordinator reads it, and sees each kind of suggestion from what three members shared', async () => {
    const accepting = new Set([`${prefix}karlsruhe`, `${prefix}katowice`, `${prefix}izmir`]);
    const options = {
      graphql: (token: string, query: string, variables?: Record<string, unknown>) => platform.graphql(token, query, variables),
      platformAdminToken: () => platformAdmin.token(),
      file: MEMBERS_FILE,
      networkName: `Eurocities ${prefix}`,
      coordinatorUserIds: [coordinator.id],
      idPrefix: prefix,
      acceptAs: async (member: { jurisdictionId: string }) => {
        if (!accepting.has(member.jurisdictionId)) return null;
        const admin = await createTestUser({ jurisdiction: member.jurisdictionId, roles: ['jurisdiction-admin'] });
        admins.push(admin);
        return admin.token();
      },
    };
    const seeded = await seedEurocitiesNetwork(options);
    expect(seeded.members).toHaveLength(209);
    expect(seeded.skipped).toEqual([]);
    expect(seeded.accepted.sort()).toEqual([...accepting].sort());

    type Member = { jurisdictionId: string; name: string; status: string };
    const network = ok(await platform.graphql<{ network: { name: string; iCoordinate: boolean; members: Member[] } }>(await coordinator.token(), `query($id: ID!) { network(id: $id) { name iCoordinate members { jurisdictionId name status } } }`, { id: seeded.networkId })).network;
    expect(network.iCoordinate).toBe(true);
    expect(network.members).toHaveLength(209);
    expect(network.members.filter((m) => m.status === 'ACTIVE').map((m) => m.jurisdictionId).sort()).toEqual([...accepting].sort());
    expect(network.members.find((m) => m.jurisdictionId === `${prefix}karlsruhe`)?.name).toBe('Karlsruhe');
    const profile = ok(await platform.graphql<{ jurisdiction: { country: string; currency: string; timeZone: string } }>(await platformAdmin.token(), `query($id: ID) { jurisdiction(id: $id) { country currency timeZone } }`, { id: `${prefix}izmir` })).jurisdiction;
    expect(profile).toEqual({ country: 'TR', currency: 'TRY', timeZone: 'Europe/Istanbul' });

    // Again: the same network, nobody onboarded or invited twice.
    const again = await seedEurocitiesNetwork({ ...options, acceptAs: undefined });
    expect(again.networkId).toBe(seeded.networkId);
    const after = ok(await platform.graphql<{ network: { members: Member[] } }>(await coordinator.token(), `query($id: ID!) { network(id: $id) { members { jurisdictionId status } } }`, { id: seeded.networkId })).network;
    expect(after.members).toHaveLength(209);

    await membersShareAndSpotting(seeded.networkId);
  }, 600_000);

  /**
   * Three of the real members give the network priorities, delegations and
   * ties, and a call allowing joint bids arrives; each kind of suggestion
   * those imply appears, explained, built from
   * what was shared only: İzmir names Japan in a priority too but shares
   * its partners, not its priorities, so its priority is nowhere.
   */
  async function membersShareAndSpotting(networkId: string): Promise<void> {
    const YEAR = 2027;
    const [karlsruhe, katowice, izmir] = ['karlsruhe', 'katowice', 'izmir'].map((name) => `${prefix}${name}`) as [string, string, string];
    const staffOf = new Map<string, TestUser>();
    for (const id of [karlsruhe, katowice, izmir]) {
      const staff = await createTestUser({ jurisdiction: id, roles: ['staff'] });
      admins.push(staff);
      staffOf.set(id, staff);
    }
    const staff = (id: string) => (staffOf.get(id) as TestUser).token();
    const admin = (id: string) => (admins.find((u) => u.jurisdiction === id && u.roles.includes('jurisdiction-admin')) as TestUser).token();

    async function priority(id: string, title: string, sectors: string[]): Promise<string> {
      const token = await staff(id);
      const goal = ok(await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(token, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`)).saveStrategy.goals[0]?.goalId;
      return ok(
        await platform.graphql<{ setPriority: { priority: { id: string } } }>(
          token,
          `mutation($g: ID!, $t: String!, $s: [String!]) { setPriority(input: { title: $t, goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: ["JP"], sectors: $s }) { priority { id } } }`,
          { g: goal, t: title, s: sectors },
        ),
      ).setPriority.priority.id;
    }
    async function activities(id: string, inputs: Array<Record<string, unknown>>): Promise<void> {
      const token = await staff(id);
      ok((await eventually(() => platform.graphql(token, `mutation { createPlan(year: ${YEAR}, input: { staffDaysAvailable: 100 }) { version } }`), (r) => !r.errors, 60_000)).value);
      for (const input of inputs) ok(await platform.graphql(token, `mutation($i: ActivityInput!) { addActivity(year: ${YEAR}, input: $i) { version } }`, { i: { staffDaysPerOccurrence: 4, ...input } }));
    }
    async function partner(id: string, name: string): Promise<void> {
      ok(await platform.graphql(await staff(id), `mutation($i: RegisterPartnerInput!) { registerPartner(input: $i) { id } }`, { i: { name, kind: 'CITY', country: 'JP' } }));
    }
    const grants = new Map<string, string>();
    async function share(id: string, scopes: string[]): Promise<void> {
      for (const scope of scopes) {
        const grant = ok(await platform.graphql<{ shareWithNetwork: { id: string } }>(await admin(id), `mutation($n: ID!, $s: SharingScope!) { shareWithNetwork(input: { networkId: $n, scope: $s }) { id } }`, { n: networkId, s: scope })).shareWithNetwork;
        grants.set(`${id}/${scope}`, grant.id);
      }
    }

    await priority(karlsruhe, 'Japanese automotive suppliers', ['automotive']);
    await priority(katowice, 'Automotive partners in Japan', ['automotive', 'mining']);
    const hidden = await priority(izmir, 'İzmir confidential Japan plan', ['automotive']);
    await activities(karlsruhe, [{ title: 'Delegation to Nagoya', type: 'OUTBOUND_DELEGATION', country: 'JP', city: 'Nagoya', windowStart: `${YEAR}-05-10`, windowEnd: `${YEAR}-05-15` }]);
    await activities(katowice, [
      { title: 'Mission to Japan', type: 'OUTBOUND_DELEGATION', country: 'JP', city: 'Tokyo', windowStart: `${YEAR}-05-13`, windowEnd: `${YEAR}-05-18` },
      { title: 'Delegation of Aichi prefecture', type: 'HOSTED_VISIT', country: 'JP', windowStart: `${YEAR}-09-01`, windowEnd: `${YEAR}-09-03` },
    ]);
    await partner(karlsruhe, 'Nagoya');
    await partner(katowice, 'Nagoya');
    await partner(katowice, 'Osaka');
    await partner(izmir, 'Nagoya');
    await share(karlsruhe, ['PRIORITIES', 'PLANNED_ACTIVITIES', 'PARTNERS']);
    await share(katowice, ['PRIORITIES', 'PLANNED_ACTIVITIES', 'PARTNERS']);
    await share(izmir, ['PARTNERS']);

    // A call that allows joint bids and matches the automotive priorities, as funding publishes it.
    const opportunityId = `call-${randomUUID()}`;
    const producer = new Kafka({ clientId: `eurocities-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    try {
      await new KafkaEventPublisher(producer).publish(
        createEvent(OpportunityPublishedV1, {
          source: 'funding',
          jurisdictionId: PLATFORM_WIDE,
          aggregateId: opportunityId,
          payload: {
            ...{ opportunityId, sourceId: 'test', sourceRecordId: opportunityId, version: 1, title: 'Automotive transition partnerships', reference: null, funder: 'Horizon Europe', funderType: 'eu', url: null },
            ...{ status: 'open', postedAt: null, closesAt: new Date(Date.now() + 45 * 86_400_000).toISOString(), timeZone: 'Europe/Brussels', costSharing: null, jointBidsAllowed: true },
            ...{ award: { floor: null, ceiling: null, total: null, currency: null }, eligibleApplicantTypes: [], eligibleCountries: [], themes: ['automotive'] },
          },
        }),
      );
    } finally {
      await producer.disconnect();
    }

    type Suggestion = { key: string; kind: string; explanation: string; members: Array<{ jurisdictionId: string }> };
    const members = (s: Suggestion | undefined) => (s?.members.map((m) => m.jurisdictionId) ?? []).sort();
    const token = await coordinator.token();
    const read = async () => ok(await platform.graphql<{ networkSuggestions: Suggestion[] }>(token, `query($n: ID!) { networkSuggestions(networkId: $n) { key kind explanation members { jurisdictionId } } }`, { n: networkId })).networkSuggestions;
    const byKey = (list: Suggestion[], key: string) => list.find((s) => s.key === key);
    const hostToo = (list: Suggestion[]) => list.find((s) => s.key.startsWith(`host-too/${encodeURIComponent(katowice)}/`));
    const { value: found } = await eventually(
      read,
      (list) =>
        members(byKey(list, 'shared-market/JP')).length === 2 &&
        members(byKey(list, 'common-delegation/JP')).length === 2 &&
        members(byKey(list, 'engagement-city/JP/nagoya')).length === 3 &&
        members(byKey(list, 'engagement-country/JP')).length >= 2 &&
        members(byKey(list, `joint-bid/${opportunityId}`)).length === 2 &&
        hostToo(list) !== undefined,
      90_000,
    );
    expect(byKey(found, 'shared-market/JP')).toMatchObject({ kind: 'SHARED_TRADE_OFFICE' });
    expect(members(byKey(found, 'shared-market/JP'))).toEqual([karlsruhe, katowice].sort());
    expect(byKey(found, 'shared-market/JP')?.explanation).toContain('automotive');
    expect(byKey(found, 'common-delegation/JP')).toMatchObject({ kind: 'COMMON_DELEGATION' });
    expect(members(byKey(found, 'common-delegation/JP'))).toEqual([karlsruhe, katowice].sort());
    expect(byKey(found, 'engagement-city/JP/nagoya')).toMatchObject({ kind: 'COORDINATED_ENGAGEMENT' });
    expect(members(byKey(found, 'engagement-city/JP/nagoya'))).toEqual([izmir, karlsruhe, katowice].sort());
    expect(byKey(found, 'engagement-city/JP/nagoya')?.explanation).toContain('Nagoya (JP)');
    expect(members(byKey(found, 'engagement-country/JP'))).toEqual([izmir, karlsruhe, katowice].sort());
    expect(byKey(found, `joint-bid/${opportunityId}`)).toMatchObject({ kind: 'JOINT_BID' });
    expect(members(byKey(found, `joint-bid/${opportunityId}`))).toEqual([karlsruhe, katowice].sort());
    expect(byKey(found, `joint-bid/${opportunityId}`)?.explanation).toContain('Automotive transition partnerships');
    expect(hostToo(found)).toMatchObject({ kind: 'HOST_TOO' });
    expect(hostToo(found)?.explanation).toContain('Delegation of Aichi prefecture');
    expect(members(hostToo(found))).toEqual(expect.arrayContaining([karlsruhe, katowice]));
    // İzmir shared no priorities: its priority is in no suggestion, by title or id.
    const text = JSON.stringify(found);
    expect(text).not.toContain('confidential');
    expect(text).not.toContain(hidden);
    expect(members(byKey(found, 'shared-market/JP'))).not.toContain(izmir);

    // Katowice revokes its priorities grant: within 5 s (measured) no suggestion rests on them any more.
    const started = Date.now();
    ok(await platform.graphql(await admin(katowice), `mutation($id: ID!) { revokeSharing(grantId: $id) { id } }`, { id: grants.get(`${katowice}/PRIORITIES`) }));
    const { value: after } = await eventually(read, (list) => byKey(list, 'shared-market/JP') === undefined && byKey(list, `joint-bid/${opportunityId}`) === undefined, 5_000);
    const elapsed = Date.now() - started;
    expect(byKey(after, 'shared-market/JP')).toBeUndefined();
    expect(byKey(after, `joint-bid/${opportunityId}`)).toBeUndefined();
    expect(elapsed).toBeLessThan(5_000);
    // What Katowice still shares keeps counting: its delegations and partners.
    expect(members(byKey(after, 'common-delegation/JP'))).toEqual([karlsruhe, katowice].sort());
    expect(members(byKey(after, 'engagement-city/JP/nagoya'))).toEqual([izmir, karlsruhe, katowice].sort());
    process.stdout.write(`network-eurocities: a revoked priorities grant left every suggestion ${elapsed} ms after the revocation\n`);
  }
});
