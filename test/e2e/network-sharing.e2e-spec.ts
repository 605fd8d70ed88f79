import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, onboardGermanCity, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 11's sharing model through the gateway with real tokens: members
 * invited and accepting, grants per scope with field allow-lists, the
 * network's copies back-filled from its read model of registry and planning
 * events, a preview equal to what others see, revocation measured until
 * every view has forgotten, the sharer's access log, and who sees nothing
 * (a jurisdiction outside, an invitee, a coordinator of another network).
 */
describe('network: consented sharing through the gateway', () => {
  let platform: TestPlatform;
  const jurisdictions = testJurisdictions();
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;

  const SHARED = `query($n: ID!) { networkSharedData(networkId: $n) { jurisdictionId name scopes partners { id name kind country wikidataId } priorities { id title countries } assets { id name category countries } } }`;
  const HEAT = `query($n: ID!) { networkHeatMap(networkId: $n) { jurisdictionId memberName country partners priorities assets total } }`;
  const CALENDAR = `query($n: ID!) { networkDelegationCalendar(networkId: $n) { jurisdictionId activityId country windowStart } }`;
  const PREVIEW = `query($n: ID!, $g: [SharingTermsInput!]) { sharingPreview(networkId: $n, grants: $g) { jurisdictionId scopes partners { id name kind country wikidataId } priorities { id title countries } assets { id name category countries } } }`;
  const SHARE = `mutation($input: ShareWithNetworkInput!) { shareWithNetwork(input: $input) { id scope fields current } }`;
  const REVOKE = `mutation($id: ID!) { revokeSharing(grantId: $id) { id current revokedAt } }`;
  const LOG = `query($n: ID) { sharingAccessLog(networkId: $n, first: 100) { totalCount nodes { networkId readerUsername readerJurisdictionId view scopes recordCount at } } }`;

  type Member = { partners: Array<{ id: string; name: string | null; kind: string | null; country: string | null }>; priorities: unknown[]; assets: Array<{ id: string; name: string | null }>; jurisdictionId: string; scopes: string[] };
  type Err = NonNullable<GraphQLResponse['errors']>[number];

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }
  const codeOf = (response: GraphQLResponse<unknown>) => (response.errors as Err[] | undefined)?.[0]?.extensions?.['code'];

  async function onboard(j: TestJurisdiction, name: string): Promise<void> {
    await onboardGermanCity(platform, await platformAdmin.token(), j.id, name);
  }

  /** A network coordinated by `coordinator`, with these jurisdictions invited (the directory learns of them by event) and accepted. */
  async function networkOf(name: string, members: TestJurisdiction[], options: { accept?: boolean; by?: TestUser } = {}): Promise<string> {
    const by = options.by ?? coordinator;
    const id = ok(await platform.graphql<{ createNetwork: { id: string } }>(await by.token(), `mutation($name: String!) { createNetwork(input: { name: $name }) { id } }`, { name })).createNetwork.id;
    for (const member of members) {
      const token = await by.token();
      const { value } = await eventually(
        () => platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: id, j: member.id }),
        (r) => !r.errors,
        30_000,
      );
      ok(value);
      if (options.accept !== false) ok(await platform.graphql(await member.token('jurisdiction-admin'), `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: id }));
    }
    return id;
  }

  async function partner(j: TestJurisdiction, name: string, country: string): Promise<string> {
    return ok(await platform.graphql<{ registerPartner: { id: string } }>(await j.token('staff'), `mutation($n: String!, $c: String!) { registerPartner(input: { name: $n, kind: CITY, country: $c }) { id } }`, { n: name, c: country })).registerPartner.id;
  }

  async function asset(j: TestJurisdiction, name: string, confidentiality: 'INTERNAL' | 'NETWORK'): Promise<string> {
    return ok(
      await platform.graphql<{ recordAsset: { id: string } }>(
        await j.token('staff'),
        `mutation($n: String!, $c: Confidentiality!) { recordAsset(input: { name: $n, category: ECONOMIC_FOUNDATIONS, type: EXPORT_SECTOR, countries: ["DK"], confidentiality: $c }) { id } }`,
        { n: name, c: confidentiality },
      ),
    ).recordAsset.id;
  }

  async function priority(j: TestJurisdiction, title: string, country: string): Promise<string> {
    const staff = await j.token('staff');
    const goal = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`),
    ).saveStrategy.goals[0]?.goalId;
    return ok(
      await platform.graphql<{ setPriority: { priority: { id: string } } }>(staff, `mutation($g: ID!, $t: String!, $c: String!) { setPriority(input: { title: $t, goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: [$c] }) { priority { id } } }`, {
        g: goal,
        t: title,
        c: country,
      }),
    ).setPriority.priority.id;
  }

  const sharedOf = async (token: string, networkId: string) => ok(await platform.graphql<{ networkSharedData: Member[] }>(token, SHARED, { n: networkId })).networkSharedData;

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-sharing' });
    [platformAdmin, coordinator, otherCoordinator] = await Promise.all([
      createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }),
      createTestUser({ jurisdiction: 'maryland', roles: ['regional-coordinator'] }),
      createTestUser({ jurisdiction: 'maryland', roles: ['regional-coordinator'] }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    await Promise.all([platformAdmin, coordinator, otherCoordinator].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('shows members exactly what grants allow: allowed fields only, never an internal asset, nothing of a scope not granted; the preview is the same', async () => {
    const rostock = jurisdictions.create('net-rostock');
    const gdansk = jurisdictions.create('net-gdansk');
    await Promise.all([onboard(rostock, 'Rostock'), onboard(gdansk, 'Gdańsk')]);
    const networkId = await networkOf('Baltic ports', [rostock, gdansk]);

    const aarhus = await partner(rostock, 'Aarhus', 'DK');
    const networkAsset = await asset(rostock, 'Wind turbine exports', 'NETWORK');
    const internalAsset = await asset(rostock, 'Shipyard order book', 'INTERNAL');
    await priority(rostock, 'Danish offshore wind', 'DK');
    await partner(gdansk, 'Kaliningrad', 'RU');

    const admin = await rostock.token('jurisdiction-admin');
    ok(await platform.graphql(admin, SHARE, { input: { networkId, scope: 'PARTNERS', fields: ['name', 'country'] } }));
    // Every field, even a grant naming `name`: the internal asset still never leaves.
    ok(await platform.graphql(admin, SHARE, { input: { networkId, scope: 'ASSET_CATEGORIES', fields: ['name', 'category', 'countries'] } }));
    // Rostock did not grant priorities; Gdańsk granted nothing.

    const gdanskStaff = await gdansk.token('staff');
    const { value: seen } = await eventually(
      () => sharedOf(gdanskStaff, networkId),
      (members) => (members[0]?.partners.length ?? 0) >= 1 && (members[0]?.assets.length ?? 0) >= 1,
      30_000,
    );
    expect(seen).toHaveLength(1);
    const rostockShare = seen[0] as Member;
    expect(rostockShare.jurisdictionId).toBe(rostock.id);
    expect(rostockShare.partners).toEqual([{ id: aarhus, name: 'Aarhus', kind: null, country: 'DK', wikidataId: null }]);
    expect(rostockShare.assets.map((a) => a.id)).toEqual([networkAsset]);
    expect(JSON.stringify(seen)).not.toContain(internalAsset);
    expect(JSON.stringify(seen)).not.toContain('Shipyard');
    expect(rostockShare.priorities).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('Kaliningrad');

    // The preview is what the network sees.
    const preview = ok(await platform.graphql<{ sharingPreview: Member }>(admin, PREVIEW, { n: networkId })).sharingPreview;
    const { name: memberName, ...asSeen } = rostockShare as Member & { name: string };
    expect(memberName).toBe('Rostock');
    expect({ ...preview, scopes: [...preview.scopes].sort() }).toEqual({ ...asSeen, scopes: [...asSeen.scopes].sort() });
    // A grant tried before it is made: priorities with titles only.
    const trial = await eventually(
      async () => ok(await platform.graphql<{ sharingPreview: Member }>(admin, PREVIEW, { n: networkId, g: [{ scope: 'PRIORITIES', fields: ['title'] }] })).sharingPreview,
      (p) => p.priorities.length === 1,
      30_000,
    );
    expect(trial.value.priorities).toEqual([{ id: expect.any(String), title: 'Danish offshore wind', countries: null }]);
    expect(trial.value.partners).toEqual([]);

    // The coordinator's heat map counts only what was shared.
    const heat = ok(await platform.graphql<{ networkHeatMap: Array<Record<string, unknown>> }>(await coordinator.token(), HEAT, { n: networkId })).networkHeatMap;
    expect(heat).toEqual([{ jurisdictionId: rostock.id, memberName: 'Rostock', country: 'DK', partners: 1, priorities: 0, assets: 1, total: 2 }]);

    // A field a scope does not have is refused by name.
    const bad = await platform.graphql(admin, SHARE, { input: { networkId, scope: 'PARTNERS', fields: ['contacts'] } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors as Err[])[0]?.extensions?.['field']).toBe('fields[0]');
  }, 180_000);

  it('removes a revoked grant’s data from every view within 5 seconds (measured), and the access log shows who read what', async () => {
    const rostock = jurisdictions.create('rev-rostock');
    const riga = jurisdictions.create('rev-riga');
    await Promise.all([onboard(rostock, 'Rostock'), onboard(riga, 'Riga')]);
    const networkId = await networkOf('Hanse', [rostock, riga]);
    await partner(rostock, 'Turku', 'FI');
    const admin = await rostock.token('jurisdiction-admin');
    const grant = ok(await platform.graphql<{ shareWithNetwork: { id: string } }>(admin, SHARE, { input: { networkId, scope: 'PARTNERS' } })).shareWithNetwork;
    const rigaStaff = await riga.token('staff');
    const coordinatorToken = await coordinator.token();
    const partnersIn = (members: Member[]) => members.flatMap((m) => m.partners).length;
    await eventually(() => sharedOf(rigaStaff, networkId), (m) => partnersIn(m) === 1, 30_000);
    await eventually(async () => ok(await platform.graphql<{ networkHeatMap: unknown[] }>(coordinatorToken, HEAT, { n: networkId })).networkHeatMap, (cells) => cells.length === 1, 30_000);

    const started = Date.now();
    ok(await platform.graphql(admin, REVOKE, { id: grant.id }));
    const [member, heat] = await Promise.all([
      eventually(() => sharedOf(rigaStaff, networkId), (m) => partnersIn(m) === 0, 5_000),
      eventually(async () => ok(await platform.graphql<{ networkHeatMap: unknown[] }>(coordinatorToken, HEAT, { n: networkId })).networkHeatMap, (cells) => cells.length === 0, 5_000),
    ]);
    const elapsed = Date.now() - started;
    expect(partnersIn(member.value)).toBe(0);
    expect(heat.value).toEqual([]);
    expect(elapsed).toBeLessThan(5_000);
    // A partner registered after the revocation does not come back either.
    await partner(rostock, 'Tallinn', 'EE');
    const preview = await eventually(async () => ok(await platform.graphql<{ sharingPreview: Member }>(admin, PREVIEW, { n: networkId, g: [{ scope: 'PARTNERS' }] })).sharingPreview, (p) => p.partners.length === 2, 30_000);
    expect(preview.value.partners).toHaveLength(2);
    expect(partnersIn(await sharedOf(rigaStaff, networkId))).toBe(0);

    // Rostock's access log: Riga's staff and the coordinator read its partners before the revocation.
    const log = ok(await platform.graphql<{ sharingAccessLog: { nodes: Array<{ readerUsername: string; readerJurisdictionId: string; view: string; scopes: string[]; recordCount: number; networkId: string }> } }>(admin, LOG, { n: networkId }))
      .sharingAccessLog.nodes;
    const rigaUser = await riga.user('staff');
    expect(log.some((e) => e.readerUsername === rigaUser.username && e.readerJurisdictionId === riga.id && e.view === 'SHARED_DATA' && e.scopes.includes('PARTNERS') && e.recordCount === 1 && e.networkId === networkId)).toBe(true);
    expect(log.some((e) => e.readerUsername === coordinator.username && e.view === 'HEAT_MAP')).toBe(true);
    // Riga shared nothing: nobody read anything of it.
    expect(ok(await platform.graphql<{ sharingAccessLog: { totalCount: number } }>(await riga.token('jurisdiction-admin'), LOG, { n: networkId })).sharingAccessLog.totalCount).toBe(0);
  }, 180_000);

  it('shows nothing to a jurisdiction outside, an invitee, or a coordinator of another network; a member that leaves takes its data with it', async () => {
    const vilnius = jurisdictions.create('perm-vilnius');
    const kaunas = jurisdictions.create('perm-kaunas');
    const invitee = jurisdictions.create('perm-invitee');
    const outsider = jurisdictions.create('perm-outside');
    await Promise.all([onboard(vilnius, 'Vilnius'), onboard(kaunas, 'Kaunas'), onboard(invitee, 'Klaipėda'), onboard(outsider, 'Lisbon')]);
    const networkId = await networkOf('Lithuanian cities', [vilnius, kaunas]);
    await networkOf('Elsewhere', [], { by: otherCoordinator });
    const invite = await eventually(
      async () => platform.graphql(await coordinator.token(), `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: networkId, j: invitee.id }),
      (r) => !r.errors,
      30_000,
    );
    ok(invite.value);
    await partner(vilnius, 'Minsk', 'BY');
    ok(await platform.graphql(await vilnius.token('jurisdiction-admin'), SHARE, { input: { networkId, scope: 'PARTNERS' } }));
    await eventually(async () => sharedOf(await kaunas.token('viewer'), networkId), (m) => m.length === 1, 30_000);

    const reads = [SHARED, HEAT, CALENDAR, `query($n: ID!) { network(id: $n) { id name members { jurisdictionId } } }`];
    const strangers: Array<[string, string]> = [
      ['outsider admin', await outsider.token('jurisdiction-admin')],
      ['coordinator of another network', await otherCoordinator.token()],
    ];
    for (const [who, token] of strangers) {
      for (const query of reads) {
        const response = await platform.graphql(token, query, { n: networkId });
        expect([who, codeOf(response)]).toEqual([who, 'NOT_FOUND']);
        expect(JSON.stringify(response)).not.toContain('Minsk');
      }
      expect(ok(await platform.graphql<{ networks: Array<{ id: string }> }>(token, `{ networks { id } }`)).networks.map((n) => n.id)).not.toContain(networkId);
      // Nor may they share into it or invite into it.
      expect(codeOf(await platform.graphql(token, SHARE, { input: { networkId, scope: 'PARTNERS' } }))).toMatch(/NOT_FOUND|FORBIDDEN/);
      expect(codeOf(await platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: networkId, j: outsider.id }))).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    // The invitee sees the network, not what its members share, and cannot share before accepting.
    const inviteeAdmin = await invitee.token('jurisdiction-admin');
    expect(ok(await platform.graphql<{ network: { name: string } }>(inviteeAdmin, `query($n: ID!) { network(id: $n) { name } }`, { n: networkId })).network.name).toBe('Lithuanian cities');
    expect(codeOf(await platform.graphql(inviteeAdmin, SHARED, { n: networkId }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(inviteeAdmin, SHARE, { input: { networkId, scope: 'PARTNERS' } }))).toBe('CONFLICT');
    // Staff of a member may read but not share; only its admin shares.
    expect(codeOf(await platform.graphql(await kaunas.token('staff'), SHARE, { input: { networkId, scope: 'PARTNERS' } }))).toBe('FORBIDDEN');

    // Vilnius leaves: its grant is revoked and its copies are gone from Kaunas's view.
    ok(await platform.graphql(await vilnius.token('jurisdiction-admin'), `mutation($n: ID!) { leaveNetwork(networkId: $n) { status } }`, { n: networkId }));
    expect(await sharedOf(await kaunas.token('viewer'), networkId)).toEqual([]);
    const grants = ok(await platform.graphql<{ sharingGrants: Array<{ current: boolean }> }>(await vilnius.token('jurisdiction-admin'), `query($n: ID) { sharingGrants(networkId: $n) { current } }`, { n: networkId })).sharingGrants;
    expect(grants).toEqual([{ current: false }]);
    expect(codeOf(await platform.graphql(await vilnius.token('jurisdiction-admin'), SHARED, { n: networkId }))).toBe('NOT_FOUND');
  }, 180_000);
});
