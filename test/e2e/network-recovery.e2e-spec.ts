import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, onboardGermanCity, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 11's recovery line: a member shares its partners and priorities with
 * a network; while it registers many partners and sets many priorities (so
 * the network service is projecting copies), the network service is killed
 * by SIGKILL and started again. Afterwards every shared copy is in another
 * member's view exactly once, and the coordinator's heat map counts are what
 * the records imply, computed here from what was created.
 */
describe('network recovers from SIGKILL mid-projection', () => {
  let platform: TestPlatform;
  const jurisdictions = testJurisdictions();
  let platformAdmin: TestUser;
  let coordinator: TestUser;

  const PARTNERS = 100;
  /** Planning allows at most 5 active priorities for the default strategy's 2 staff FTE. */
  const PRIORITIES = 5;
  const COUNTRIES = ['DK', 'PL', 'LV', 'SE', 'FI', 'NO'];

  const SHARED = `query($n: ID!) { networkSharedData(networkId: $n) { jurisdictionId partners { id name country } priorities { id title countries } } }`;
  const HEAT = `query($n: ID!) { networkHeatMap(networkId: $n) { jurisdictionId country partners priorities total } }`;
  type Shared = Array<{ jurisdictionId: string; partners: Array<{ id: string; name: string; country: string }>; priorities: Array<{ id: string; title: string; countries: string[] }> }>;
  type Cell = { jurisdictionId: string; country: string; partners: number; priorities: number; total: number };

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  async function onboard(j: TestJurisdiction, name: string): Promise<void> {
    await onboardGermanCity(platform, await platformAdmin.token(), j.id, name);
  }

  /** Runs the tasks a few at a time, as a busy office would. */
  async function inBatches<T>(count: number, width: number, task: (index: number) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    for (let start = 0; start < count; start += width) {
      results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, k) => task(start + k)))));
    }
    return results;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-recovery', own: true });
    [platformAdmin, coordinator] = await Promise.all([createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }), createTestUser({ jurisdiction: 'maryland', roles: ['regional-coordinator'] })]);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    await Promise.all([platformAdmin, coordinator].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('holds every shared partner and priority exactly once, and right heat-map counts, after a SIGKILL of network while it projects', async () => {
    const sharer = jurisdictions.create('recover-kiel');
    const reader = jurisdictions.create('recover-turku');
    await Promise.all([onboard(sharer, 'Kiel'), onboard(reader, 'Turku')]);
    const networkId = ok(await platform.graphql<{ createNetwork: { id: string } }>(await coordinator.token(), `mutation { createNetwork(input: { name: "Baltic recovery" }) { id } }`)).createNetwork.id;
    for (const member of [sharer, reader]) {
      const token = await coordinator.token();
      // The directory learns of a jurisdiction by event: invite once it has (a fresh platform's consumers may take a while to join).
      ok((await eventually(() => platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: networkId, j: member.id }), (r) => !r.errors, 90_000)).value);
      ok(await platform.graphql(await member.token('jurisdiction-admin'), `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: networkId }));
    }
    const admin = await sharer.token('jurisdiction-admin');
    for (const scope of ['PARTNERS', 'PRIORITIES']) ok(await platform.graphql(admin, `mutation($input: ShareWithNetworkInput!) { shareWithNetwork(input: $input) { id } }`, { input: { networkId, scope } }));

    const staff = await sharer.token('staff');
    const goalId = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`),
    ).saveStrategy.goals[0]?.goalId;
    const readerToken = await reader.token('staff');
    const sharedNow = async () => ok(await platform.graphql<{ networkSharedData: Shared }>(readerToken, SHARED, { n: networkId })).networkSharedData;
    // Every read writes the access log: poll at a walking pace.
    const sharedSoon = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return sharedNow();
    };

    // The records, registered and set a few at a time in the background.
    const countryOf = (i: number) => COUNTRIES[i % COUNTRIES.length] as string;
    const creating = (async () => {
      const partners = inBatches(PARTNERS, 4, async (i) => {
        const name = `Recovery partner ${String(i).padStart(3, '0')}`;
        const id = ok(await platform.graphql<{ registerPartner: { id: string } }>(staff, `mutation($n: String!, $c: String!) { registerPartner(input: { name: $n, kind: CITY, country: $c }) { id } }`, { n: name, c: countryOf(i) })).registerPartner.id;
        return { id, name, country: countryOf(i) };
      });
      const priorities = inBatches(PRIORITIES, 2, async (i) => {
        const title = `Recovery priority ${String(i).padStart(3, '0')}`;
        const countries = [countryOf(i), countryOf(i + 1)];
        const id = ok(
          await platform.graphql<{ setPriority: { priority: { id: string } } }>(
            staff,
            `mutation($g: ID!, $t: String!, $c: [String!]!) { setPriority(input: { title: $t, goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: $c }) { priority { id } } }`,
            { g: goalId, t: title, c: countries },
          ),
        ).setPriority.priority.id;
        return { id, title, countries };
      });
      return { partners: await partners, priorities: await priorities };
    })();

    // Network is projecting: the first copies are visible, most are still to come. Then SIGKILL, and start it again at once.
    const { value: before } = await eventually(sharedSoon, (members) => (members[0]?.partners.length ?? 0) >= 5, 60_000);
    await platform.kill('network', 'SIGKILL');
    const killedAt = Date.now();
    await platform.start('network');
    const restartedAt = Date.now();
    const created = await creating;
    const createdAt = Date.now();

    const { value: after } = await eventually(sharedSoon, (members) => members[0]?.partners.length === PARTNERS && members[0]?.priorities.length === PRIORITIES, 120_000);
    const completeAt = Date.now();
    // Settled: nothing more arrives (no duplicate was about to be written).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const settled = await sharedNow();
    expect(settled).toEqual(after);

    expect(after).toHaveLength(1);
    const member = after[0] as Shared[number];
    expect(member.jurisdictionId).toBe(sharer.id);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    // Exactly once each: as many copies as records, every id once, each with its own fields.
    expect(new Set(member.partners.map((p) => p.id)).size).toBe(PARTNERS);
    expect(byId(member.partners)).toEqual(byId(created.partners));
    expect(new Set(member.priorities.map((p) => p.id)).size).toBe(PRIORITIES);
    expect(byId(member.priorities).map((p) => ({ ...p, countries: [...p.countries].sort() }))).toEqual(byId(created.priorities).map((p) => ({ ...p, countries: [...p.countries].sort() })));

    // The coordinator's heat map, from what was created.
    const expected = new Map<string, { partners: number; priorities: number }>();
    const cell = (country: string) => expected.get(country) ?? (expected.set(country, { partners: 0, priorities: 0 }).get(country) as { partners: number; priorities: number });
    for (const p of created.partners) cell(p.country).partners++;
    for (const p of created.priorities) for (const country of new Set(p.countries)) cell(country).priorities++;
    const heat = ok(await platform.graphql<{ networkHeatMap: Cell[] }>(await coordinator.token(), HEAT, { n: networkId })).networkHeatMap;
    expect([...heat].sort((a, b) => a.country.localeCompare(b.country))).toEqual(
      [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, counts]) => ({ jurisdictionId: sharer.id, country, ...counts, total: counts.partners + counts.priorities })),
    );

    console.log(
      `network recovery: ${before[0]?.partners.length ?? 0} of ${PARTNERS} partners shared when killed; restart took ${restartedAt - killedAt} ms; ` +
        `records all created ${createdAt - killedAt} ms after the kill; every copy present ${completeAt - killedAt} ms after the kill (${completeAt - createdAt} ms after the last record)`,
    );
  }, 300_000);
});
