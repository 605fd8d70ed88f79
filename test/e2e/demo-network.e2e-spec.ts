import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '@entente/e2e-support';
import { seedNetworkMembers } from '@entente/platform';

/**
 * npm start's demo network against the test platform, with jurisdictions and
 * users of the test's own: members accepted, their grants made, the
 * coordinator's heat map built from them, a joint effort proposed by one
 * and joined by the other; seeding again changes nothing, and it leaves a
 * revoked grant revoked, a member that left outside, and proposes no second
 * effort.
 */
describe("npm start's demo network", () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  const jurisdictions = testJurisdictions();

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'demo-network' });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
    coordinator = await createTestUser({ jurisdiction: 'maryland', roles: ['regional-coordinator'] });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([platformAdmin, coordinator].filter(Boolean).map((user) => deleteTestUser(user.id)));
    await jurisdictions.deleteUsers();
  });

  async function onboardWithPriority(prefix: string, title: string, country: string): Promise<TestJurisdiction> {
    const j = jurisdictions.create(prefix);
    ok(
      await platform.graphql(await platformAdmin.token(), `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Demo ${prefix}", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`, { id: j.id }),
    );
    const staff = await j.token('staff');
    const goal = ok(await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`)).saveStrategy.goals[0]?.goalId;
    ok(await platform.graphql(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, { input: { title, goalIds: [goal], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: [country] } }));
    return j;
  }

  it('makes the jurisdictions members sharing their scopes and taking up a joint effort, and a second run changes nothing people changed since', async () => {
    const [port, inland] = await Promise.all([onboardWithPriority('demo-port', 'Baltic trade', 'DK'), onboardWithPriority('demo-inland', 'Rail freight', 'PL')]);
    const lines: string[] = [];
    const options = {
      graphql: (token: string, query: string, variables?: Record<string, unknown>) => platform.graphql(token, query, variables),
      coordinatorToken: () => coordinator.token(),
      adminTokenOf: (id: string) => (id === port.id ? port : inland).token('jurisdiction-admin'),
      grants: { [port.id]: [{ scope: 'PRIORITIES', fields: ['title', 'countries'] }, { scope: 'PARTNERS' }], [inland.id]: [{ scope: 'PRIORITIES' }] },
      effort: { kind: 'COMMON_DELEGATION', title: 'Rail and port delegation', country: 'PL', timelineStart: '2027-06-01', timelineEnd: '2027-06-05', lead: port.id, shares: { [port.id]: 70, [inland.id]: 30 } },
      name: `Demo network ${port.id.slice(-6)}`,
      log: (line: string) => lines.push(line),
    };
    const networkId = await seedNetworkMembers(options);

    const token = await coordinator.token();
    const members = ok(await platform.graphql<{ network: { members: Array<{ jurisdictionId: string; status: string }> } }>(token, `query($id: ID!) { network(id: $id) { members { jurisdictionId status } } }`, { id: networkId })).network.members;
    expect(members.map((m) => [m.jurisdictionId, m.status]).sort()).toEqual([[inland.id, 'ACTIVE'], [port.id, 'ACTIVE']].sort());
    const { value: heat } = await eventually(
      async () => ok(await platform.graphql<{ networkHeatMap: Array<{ jurisdictionId: string; country: string; priorities: number }> }>(token, `query($n: ID!) { networkHeatMap(networkId: $n) { jurisdictionId country priorities } }`, { n: networkId })).networkHeatMap,
      (cells) => cells.length >= 2,
      30_000,
    );
    expect(heat.map((c) => [c.jurisdictionId, c.country, c.priorities]).sort()).toEqual([[inland.id, 'PL', 1], [port.id, 'DK', 1]].sort());
    const grantsOf = async (j: TestJurisdiction) =>
      ok(await platform.graphql<{ sharingGrants: Array<{ id: string; scope: string; fields: string[]; current: boolean }> }>(await j.token('jurisdiction-admin'), `query($n: ID!) { sharingGrants(networkId: $n) { id scope fields current } }`, { n: networkId })).sharingGrants;
    const effortsOf = async () =>
      ok(
        await platform.graphql<{ jointEfforts: Array<{ title: string; kind: string; status: string; leadJurisdictionId: string; participants: Array<{ jurisdictionId: string; costShare: number; joinedAt: string | null }> }> }>(
          await port.token('viewer'),
          `query($n: ID!) { jointEfforts(networkId: $n) { title kind status leadJurisdictionId participants { jurisdictionId costShare joinedAt } } }`,
          { n: networkId },
        ),
      ).jointEfforts;
    const [effort, ...more] = await effortsOf();
    expect(more).toEqual([]);
    expect(effort).toMatchObject({ title: 'Rail and port delegation', kind: 'COMMON_DELEGATION', leadJurisdictionId: port.id });
    expect(effort?.participants.map((p) => [p.jurisdictionId, p.costShare, p.joinedAt !== null]).sort()).toEqual([[inland.id, 30, true], [port.id, 70, true]].sort());
    expect(lines.some((line) => line.includes('take up the joint effort "Rail and port delegation"'))).toBe(true);
    const portGrants = await grantsOf(port);
    expect(portGrants.map((g) => g.scope).sort()).toEqual(['PARTNERS', 'PRIORITIES']);
    expect(portGrants.find((g) => g.scope === 'PRIORITIES')?.fields.sort()).toEqual(['countries', 'title']);

    // People act: the port revokes its partners, the inland member leaves. Seeding again finds the network by name and undoes neither.
    const partners = portGrants.find((g) => g.scope === 'PARTNERS') as { id: string };
    ok(await platform.graphql(await port.token('jurisdiction-admin'), `mutation($id: ID!) { revokeSharing(grantId: $id) { id } }`, { id: partners.id }));
    ok(await platform.graphql(await inland.token('jurisdiction-admin'), `mutation($n: ID!) { leaveNetwork(networkId: $n) { status } }`, { n: networkId }));
    expect(await seedNetworkMembers(options)).toBe(networkId);
    const after = await grantsOf(port);
    expect(after.map((g) => [g.scope, g.current]).sort()).toEqual([['PARTNERS', false], ['PRIORITIES', true]]);
    const again = ok(await platform.graphql<{ network: { members: Array<{ jurisdictionId: string; status: string }> } }>(token, `query($id: ID!) { network(id: $id) { members { jurisdictionId status } } }`, { id: networkId })).network.members;
    expect(again.filter((m) => m.jurisdictionId === inland.id && m.status !== 'LEFT')).toEqual([]);
    expect(lines.some((line) => line.includes(`${inland.id} is not a member`))).toBe(true);
    const networks = ok(await platform.graphql<{ networks: Array<{ name: string }> }>(token, `{ networks { name } }`)).networks;
    expect(networks.filter((n) => n.name === options.name)).toHaveLength(1);
    expect((await effortsOf()).map((e) => e.title)).toEqual(['Rail and port delegation']);
  });
});
