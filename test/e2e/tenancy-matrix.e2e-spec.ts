import { randomBytes } from 'node:crypto';
import { createTestUser, deleteTestUser, newJurisdictionId, TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestPlatform } from '../support';

/**
 * The cross-jurisdiction matrix: for every query and mutation of the
 * supergraph, a jurisdiction-admin of jurisdiction B aims it at jurisdiction
 * A's records. Each answer must be a denial or B's own (empty) data — never
 * anything of A's (no id, no name) — and afterwards everything A holds reads
 * exactly as before. The operation list comes from the live schema: an
 * operation added without a case here fails the first test.
 */
describe('cross-jurisdiction and role matrix through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let adminA: TestUser;
  let adminB: TestUser;
  let viewerA: TestUser;
  let staffA: TestUser;
  let executiveA: TestUser;
  const jurisdictionA = newJurisdictionId('matrix-a');
  const jurisdictionB = newJurisdictionId('matrix-b');
  const marker = `Secret${randomBytes(4).toString('hex')}`;
  const ids: Record<'partner' | 'partner2' | 'asset' | 'relationship' | 'engagement' | 'job', string> = {
    partner: '',
    partner2: '',
    asset: '',
    relationship: '',
    engagement: '',
    job: '',
  };

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  const today = new Date().toISOString().slice(0, 10);
  /** How B aims each operation at A. `denied`: must fail with one of the codes; `own`: may succeed on B's own data. */
  type Case = { query: string; variables?: () => Record<string, unknown>; expect: 'denied' | 'own'; codes?: string[] };
  const DENIED = ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'];
  const CASES: Record<string, Case> = {
    // Queries
    partners: { query: `{ partners { totalCount nodes { id name } } }`, expect: 'own' },
    partnerDuplicates: { query: `{ partnerDuplicates { reason partners { id name } } }`, expect: 'own' },
    assets: { query: `{ assets { totalCount nodes { id name } } }`, expect: 'own' },
    tableOneSummary: { query: `{ tableOneSummary { category count byType { type count } } }`, expect: 'own' },
    countryProfile: {
      query: `{ countryProfile(country: "DK") { country exports { count keyFigures { total } assets { id name } endCursor } partners { id name } relationships { id } engagements { id } } }`,
      expect: 'own',
    },
    countryProfileAssets: { query: `{ countryProfileAssets(country: "DK", section: EXPORTS) { totalCount nodes { id name } } }`, expect: 'own' },
    relationships: { query: `{ relationships { totalCount nodes { id partnerName } } }`, expect: 'own' },
    dormantRelationships: { query: `{ dormantRelationships { totalCount nodes { id partnerName } } }`, expect: 'own' },
    engagements: { query: `{ engagements { totalCount nodes { id purpose } } }`, expect: 'own' },
    recordHistory: { query: `query($id: ID!) { recordHistory(id: $id) { entries { action } } }`, variables: () => ({ id: ids.partner }), expect: 'denied', codes: ['NOT_FOUND'] },
    importJob: { query: `query($id: ID!) { importJob(id: $id) { id status } }`, variables: () => ({ id: ids.job }), expect: 'denied', codes: ['NOT_FOUND'] },
    importJobs: { query: `{ importJobs { totalCount nodes { id } } }`, expect: 'own' },
    twinningCatalogue: { query: `{ twinningCatalogue { places ties } }`, expect: 'own' },
    jurisdiction: { query: `query($id: ID) { jurisdiction(id: $id) { id name } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    jurisdictions: { query: `{ jurisdictions { totalCount nodes { id } } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    jurisdictionExport: { query: `query($id: ID) { jurisdictionExport(id: $id) { digest archive } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    jurisdictionUsers: { query: `query($id: ID) { jurisdictionUsers(jurisdictionId: $id) { id username } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    myTiesByCountry: { query: `{ myTiesByCountry { country partnerCount } }`, expect: 'own' },
    localGoalTypes: { query: `{ localGoalTypes { kind title } }`, expect: 'own' },
    funderTypes: { query: `{ funderTypes { kind title } }`, expect: 'own' },
    // Mutations
    registerPartner: { query: `mutation { registerPartner(input: { name: "B's own partner", kind: CITY, country: "DK" }) { id name } }`, expect: 'own' },
    updatePartner: { query: `mutation($id: ID!) { updatePartner(id: $id, input: { name: "taken over" }) { id } }`, variables: () => ({ id: ids.partner }), expect: 'denied', codes: ['NOT_FOUND'] },
    mergePartners: {
      query: `mutation($a: ID!, $b: ID!) { mergePartners(survivorId: $a, duplicateId: $b) { id } }`,
      variables: () => ({ a: ids.partner, b: ids.partner2 }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    recordAsset: { query: `mutation { recordAsset(input: { name: "B's asset", category: ECONOMIC_FOUNDATIONS, type: KEY_INDUSTRY }) { id } }`, expect: 'own' },
    updateAsset: {
      query: `mutation($id: ID!) { updateAsset(id: $id, input: { name: "taken over", category: ECONOMIC_FOUNDATIONS, type: KEY_INDUSTRY }) { id } }`,
      variables: () => ({ id: ids.asset }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    removeAsset: { query: `mutation($id: ID!) { removeAsset(id: $id) }`, variables: () => ({ id: ids.asset }), expect: 'denied', codes: ['NOT_FOUND'] },
    establishRelationship: {
      query: `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE }) { id } }`,
      variables: () => ({ p: ids.partner }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT', 'NOT_FOUND'],
    },
    changeRelationshipStatus: {
      query: `mutation($id: ID!) { changeRelationshipStatus(id: $id, status: ENDED) { id } }`,
      variables: () => ({ id: ids.relationship }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    logEngagement: {
      query: `mutation($p: [ID!]!, $d: String!) { logEngagement(input: { date: $d, type: VIRTUAL_MEETING, partnerIds: $p, purpose: "x" }) { id } }`,
      variables: () => ({ p: [ids.partner], d: today }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT', 'NOT_FOUND'],
    },
    importPartnersCsv: { query: `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, variables: () => ({ csv: `name,kind,country\nB import,city,DK\n` }), expect: 'own' },
    importAssetsCsv: { query: `mutation($csv: String!) { importAssetsCsv(csv: $csv) { id } }`, variables: () => ({ csv: `name,category,type\nB asset,economic-foundations,key-industry\n` }), expect: 'own' },
    importRelationshipsCsv: {
      // Names A's partner by id: the job must fail (it is not B's partner) and touch nothing of A's.
      query: `mutation($csv: String!) { importRelationshipsCsv(csv: $csv) { id } }`,
      variables: () => ({ csv: `partnerId,type\n${ids.partner},sister-city\n` }),
      expect: 'own',
    },
    // Without a loaded catalogue this is refused (CONFLICT); with one it imports into B only.
    importTwinningTies: { query: `mutation { importTwinningTies(wikidataId: "Q2861") { id } }`, expect: 'own', codes: ['CONFLICT'] },
    importWikidataEntity: {
      query: `mutation($json: String!) { importWikidataEntity(json: $json) { id } }`,
      variables: () => ({ json: JSON.stringify({ entities: { Q2861: { id: 'Q2861', labels: { en: { value: 'Rostock' } }, claims: {} } } }) }),
      expect: 'own',
      codes: DENIED,
    },
    loadTwinningCatalogue: { query: `mutation { loadTwinningCatalogue(relations: "Q1\\tQ2\\n", names: "Q1\\tA\\n") { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    onboardJurisdiction: {
      query: `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "x", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['FORBIDDEN'],
    },
    updateJurisdictionProfile: {
      query: `mutation($id: ID) { updateJurisdictionProfile(id: $id, input: { name: "taken over" }) { id } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    changeJurisdictionStatus: { query: `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: SUSPENDED) { id } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['FORBIDDEN'] },
    offboardJurisdiction: {
      query: `mutation($id: ID!) { offboardJurisdiction(id: $id, archiveDigest: "${'0'.repeat(64)}") { id } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['FORBIDDEN'],
    },
    inviteUser: {
      query: `mutation($id: String) { inviteUser(input: { email: "intruder-${marker.toLowerCase()}@example.org", firstName: "I", lastName: "I", roles: [STAFF], jurisdictionId: $id }) { user { id } } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    deactivateUser: { query: `mutation($id: ID!) { deactivateUser(userId: $id) { id } }`, variables: () => ({ id: adminA.id }), expect: 'denied', codes: ['NOT_FOUND'] },
    reactivateUser: { query: `mutation($id: ID!) { reactivateUser(userId: $id) { id } }`, variables: () => ({ id: adminA.id }), expect: 'denied', codes: ['NOT_FOUND'] },
  };

  /** Everything A can read about itself; compared before and after B's attempts. */
  async function snapshotOfA(): Promise<string> {
    const token = await adminA.token();
    const read = async (query: string, variables: Record<string, unknown> = {}) => JSON.stringify(ok(await platform.graphql(token, query, variables)));
    const parts = await Promise.all([
      read(`{ jurisdiction { id name status population } }`),
      read(`{ jurisdictionUsers { id username roles enabled } }`),
      read(`{ partners(first: 100) { totalCount nodes { id name kind country wikidataId } } }`),
      read(`{ assets(first: 100) { totalCount nodes { id name category type } } }`),
      read(`{ relationships(first: 100) { totalCount nodes { id status partnerName lastEngagementAt } } }`),
      read(`{ engagements(first: 100) { totalCount nodes { id purpose partnerIds } } }`),
      read(`{ importJobs(first: 100) { totalCount nodes { id status } } }`),
      read(`{ tableOneSummary { category count byType { type count } } }`),
      ...(['partner', 'partner2', 'asset', 'relationship', 'engagement'] as const).map((kind) =>
        read(`query($id: ID!) { recordHistory(id: $id) { entries { action at changes { field to } } } }`, { id: ids[kind] }),
      ),
    ]);
    return parts.join('\n');
  }

  async function schemaOperations(): Promise<string[]> {
    const data = ok(await platform.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } } }>(
      await adminB.token(),
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    ));
    return [...data.__schema.queryType.fields, ...data.__schema.mutationType.fields].map((f) => f.name).filter((name) => !name.startsWith('_'));
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'matrix' });
    [platformAdmin, adminA, adminB, viewerA, staffA, executiveA] = await Promise.all([
      createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionB, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['viewer'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['staff'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['executive'] }),
    ]);
    ok(await platform.graphql(await platformAdmin.token(), `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "${marker} City", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`, { id: jurisdictionA }));
    const token = await adminA.token();
    const partner = async (name: string) =>
      ok(await platform.graphql<{ registerPartner: { id: string } }>(token, `mutation($n: String!) { registerPartner(input: { name: $n, kind: CITY, country: "DK", wikidataId: "Q25319" }) { id } }`, { n: name })).registerPartner.id;
    ids.partner = await partner(`${marker} Aarhus`);
    ids.partner2 = await partner(`${marker} Århus`);
    ids.asset = ok(await platform.graphql<{ recordAsset: { id: string } }>(token, `mutation($n: String!) { recordAsset(input: { name: $n, category: ECONOMIC_FOUNDATIONS, type: EXPORT_SECTOR, countries: ["DK"], confidentiality: INTERNAL }) { id } }`, { n: `${marker} wind turbines` })).recordAsset.id;
    ids.relationship = ok(await platform.graphql<{ establishRelationship: { id: string } }>(token, `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE, since: "1965-05-01" }) { id } }`, { p: ids.partner })).establishRelationship.id;
    ids.engagement = ok(await platform.graphql<{ logEngagement: { id: string } }>(token, `mutation($p: [ID!]!, $d: String!) { logEngagement(input: { date: $d, type: VIRTUAL_MEETING, partnerIds: $p, purpose: "${marker} harbour talks" }) { id } }`, { p: [ids.partner], d: today })).logEngagement.id;
    ids.job = ok(await platform.graphql<{ importPartnersCsv: { id: string } }>(token, `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, { csv: `name,kind,country\n${marker} Riga,city,LV\n` })).importPartnersCsv.id;
    await eventually(() => platform.graphql<{ importJob: { status: string } }>(token, `query($id: ID!) { importJob(id: $id) { status } }`, { id: ids.job }), (r) => ['SUCCEEDED', 'FAILED'].includes(r.data?.importJob.status ?? ''), 30_000);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([platformAdmin, adminA, adminB, viewerA, staffA, executiveA].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('has a case for every query and mutation of the supergraph', async () => {
    const operations = await schemaOperations();
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((name) => !(name in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('gives a user of another jurisdiction nothing of A and lets them change nothing of A', async () => {
    const before = await snapshotOfA();
    expect(before).toContain(marker);
    const token = await adminB.token();
    const failures: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const variables = c.variables?.() ?? {};
      const response = await platform.graphql(token, c.query, variables);
      const text = JSON.stringify(response);
      // An id B sent may be echoed back ("Partner … was not found"): B knew it already. Anything else of A is a leak.
      const sent = c.query + JSON.stringify(variables);
      const leaked = [marker, jurisdictionA, ...Object.values(ids)].filter((secret) => text.includes(secret) && !sent.includes(secret));
      if (leaked.length > 0) failures.push(`${name}: answer reveals ${leaked.join(', ')}: ${text.slice(0, 300)}`);
      if (response.status >= 500) failures.push(`${name}: HTTP ${response.status}`);
      const code = response.errors?.[0]?.extensions?.['code'];
      if (c.expect === 'denied') {
        if (!response.errors) failures.push(`${name}: succeeded but must be denied: ${text.slice(0, 300)}`);
        else if (!(c.codes ?? DENIED).includes(String(code))) failures.push(`${name}: ${String(code)} instead of ${(c.codes ?? DENIED).join('/')}: ${text.slice(0, 300)}`);
      } else if (response.errors && !(c.codes ?? []).includes(String(code))) {
        failures.push(`${name}: B's own operation failed with ${String(code)}: ${text.slice(0, 300)}`);
      }
    }
    // B's own import jobs run in the background: let them finish before comparing.
    await eventually(
      async () => ok(await platform.graphql<{ importJobs: { nodes: Array<{ status: string }> } }>(token, `{ importJobs(first: 100) { nodes { status } } }`)).importJobs.nodes,
      (jobs) => jobs.every((job) => job.status === 'SUCCEEDED' || job.status === 'FAILED'),
      60_000,
    );
    expect(failures).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
  }, 180_000);
  /**
   * The role matrix inside A: who may call each mutation and each restricted
   * query. Every other role of A is refused with FORBIDDEN, aimed at A's own
   * records, and A reads the same afterwards.
   */
  const WRITERS = ['staff', 'jurisdiction-admin'];
  const ALLOWED: Record<string, string[]> = {
    registerPartner: WRITERS,
    updatePartner: WRITERS,
    recordAsset: WRITERS,
    updateAsset: WRITERS,
    establishRelationship: WRITERS,
    changeRelationshipStatus: WRITERS,
    logEngagement: WRITERS,
    importPartnersCsv: WRITERS,
    importAssetsCsv: WRITERS,
    importRelationshipsCsv: WRITERS,
    importTwinningTies: WRITERS,
    importWikidataEntity: WRITERS,
    mergePartners: ['jurisdiction-admin'],
    removeAsset: ['jurisdiction-admin'],
    updateJurisdictionProfile: ['jurisdiction-admin'],
    inviteUser: ['jurisdiction-admin'],
    deactivateUser: ['jurisdiction-admin'],
    reactivateUser: ['jurisdiction-admin'],
    jurisdictionExport: ['jurisdiction-admin'],
    jurisdictionUsers: ['jurisdiction-admin'],
    jurisdictions: [],
    onboardJurisdiction: [],
    changeJurisdictionStatus: [],
    offboardJurisdiction: [],
    loadTwinningCatalogue: [],
  };

  it('refuses every role of A that an operation does not allow, and changes nothing', async () => {
    const mutations = ok(await platform.graphql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(await viewerA.token(), `{ __schema { mutationType { fields { name } } } }`));
    // Every mutation has a rule here: a new one without it fails.
    expect(mutations.__schema.mutationType.fields.map((f) => f.name).filter((name) => !(name in ALLOWED))).toEqual([]);

    const before = await snapshotOfA();
    const members: Record<string, TestUser> = { viewer: viewerA, executive: executiveA, staff: staffA, 'jurisdiction-admin': adminA };
    const failures: string[] = [];
    let refusals = 0;
    for (const [name, allowed] of Object.entries(ALLOWED)) {
      const c = CASES[name] as Case;
      for (const [role, user] of Object.entries(members)) {
        if (allowed.includes(role)) continue;
        // Aimed at A's own records (the role check comes first, so nothing of A may change).
        const response = await platform.graphql(await user.token(), c.query, c.variables?.() ?? {});
        const code = response.errors?.[0]?.extensions?.['code'];
        if (code !== 'FORBIDDEN') failures.push(`${name} as ${role}: ${String(code ?? 'succeeded')}: ${JSON.stringify(response).slice(0, 200)}`);
        else refusals += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(refusals).toBeGreaterThan(60);
    expect(await snapshotOfA()).toEqual(before);
  }, 180_000);
});
