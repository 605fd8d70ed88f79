import { eventually, GraphQLResponse, startTestPlatform, TestPlatform, testJurisdictions } from '../support';

/**
 * Partners through the gateway with real Keycloak tokens: Wikidata ids and
 * contacts, updates, likely duplicates, merges (jurisdiction-admin only),
 * change history, roles, tenancy and validation.
 */
describe('registry partners, duplicates, merges and change history through the gateway', () => {
  let platform: TestPlatform;

  const FIELDS = `id name kind country needsCountry wikidataId website notes contacts { name role email phone notes } likelyDuplicates { reason partner { id name } }`;
  const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { ${FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { ${FIELDS} } }`;
  const MERGE = `mutation($survivorId: ID!, $duplicateId: ID!) { mergePartners(survivorId: $survivorId, duplicateId: $duplicateId) { ${FIELDS} } }`;
  const PARTNERS = `query($needsCountry: Boolean) { partners(first: 100, needsCountry: $needsCountry) { totalCount nodes { id name country needsCountry } } }`;
  const DUPLICATES = `{ partnerDuplicates { reason key partners { id name } } }`;
  const HISTORY = `query($id: ID!) { recordHistory(id: $id) { id recordType entries { at by byName action changes { field from to } } } }`;
  const ESTABLISH = `mutation($input: EstablishRelationshipInput!) { establishRelationship(input: $input) { id partnerId partnerName } }`;
  const RELATIONSHIPS = `{ relationships(first: 100) { nodes { id partnerId partnerName partnerCountry } } }`;
  const TIES = `{ myTiesByCountry { country partnerCount } }`;

  type Contact = { name: string; role: string | null; email: string | null; phone: string | null; notes: string | null };
  type PartnerOut = {
    id: string;
    name: string;
    kind: string;
    country: string | null;
    needsCountry: boolean;
    wikidataId: string | null;
    website: string | null;
    notes: string | null;
    contacts: Contact[];
    likelyDuplicates: Array<{ reason: string; partner: { id: string; name: string } }>;
  };
  type History = { recordHistory: { id: string; recordType: string; entries: Array<{ by: string; byName: string; action: string; changes: Array<{ field: string; from: string | null; to: string | null }> }> } };

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    expect(response.data).toBeTruthy();
    return response.data as T;
  }

  async function register(token: string, input: Record<string, unknown>): Promise<PartnerOut> {
    return ok(await platform.graphql<{ registerPartner: PartnerOut }>(token, REGISTER, { input })).registerPartner;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'partners' });
  });

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
  });

  // Each test builds what it needs in a jurisdiction of its own, so it stands alone and in any order.
  const jurisdictions = testJurisdictions();
  const AARHUS = {
    name: ' Aarhus ',
    kind: 'CITY',
    country: 'dk',
    wikidataId: 'q25319',
    website: 'https://www.aarhus.dk',
    contacts: [{ name: 'Anne Jensen', role: 'International officer', email: 'anne@AARHUS.dk', phone: '+45 89 40 20 00' }],
  };
  const DALIAN = { name: 'Dalian', kind: 'CITY', wikidataId: 'Q74881' };
  /** Resembles Aarhus: same name once normalised, same country. */
  const AARHUS_AGAIN = { name: 'AARHUS.', kind: 'CITY', country: 'DK', contacts: [{ name: 'Press office', email: 'press@aarhus.dk' }] };
  const ties = async (token: string) => ok(await platform.graphql<{ myTiesByCountry: Array<{ country: string; partnerCount: number }> }>(token, TIES)).myTiesByCountry;
  const historyOf = async (token: string, id: string) => ok(await platform.graphql<History>(token, HISTORY, { id })).recordHistory;

  it('registers a partner with a Wikidata id, a website and contacts', async () => {
    const aarhus = await register(await jurisdictions.create('partners').token('staff'), AARHUS);
    expect(aarhus).toMatchObject({
      name: 'Aarhus',
      country: 'DK',
      needsCountry: false,
      wikidataId: 'Q25319',
      website: 'https://www.aarhus.dk',
      contacts: [{ name: 'Anne Jensen', role: 'International officer', email: 'anne@aarhus.dk', phone: '+45 89 40 20 00', notes: null }],
      likelyDuplicates: [],
    });
  });

  it('registers a partner of unknown country and lists it among those needing a country', async () => {
    const a = jurisdictions.create('partners');
    const staff = await a.token('staff');
    await register(staff, AARHUS);
    const dalian = await register(staff, DALIAN);
    expect(dalian).toMatchObject({ country: null, needsCountry: true });
    const needing = ok(await platform.graphql<{ partners: { totalCount: number; nodes: PartnerOut[] } }>(await a.token('viewer'), PARTNERS, { needsCountry: true }));
    expect(needing.partners.nodes.map((p) => p.id)).toEqual([dalian.id]);
    const all = ok(await platform.graphql<{ partners: { totalCount: number } }>(await a.token('viewer'), PARTNERS, {}));
    expect(all.partners.totalCount).toBe(2);
  });

  it('refuses bad inputs naming the field, and stores nothing', async () => {
    const token = await jurisdictions.create('partners').token('staff');
    const aarhus = await register(token, AARHUS);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'Bremen', kind: 'CITY', country: 'Germany' }, 'country'],
      [{ name: 'Bremen', kind: 'CITY', wikidataId: 'P190' }, 'wikidataId'],
      [{ name: 'Bremen', kind: 'CITY', website: 'bremen' }, 'website'],
      [{ name: 'Bremen', kind: 'CITY', contacts: [{ name: 'Jan', email: 'jan@' }] }, 'contacts[0].email'],
      [{ name: 'Bremen', kind: 'CITY', contacts: [{ name: ' ' }] }, 'contacts[0].name'],
      [{ name: 'x'.repeat(201), kind: 'CITY' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const response = await platform.graphql(token, REGISTER, { input });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(response)).not.toMatch(/at .*\.js:\d+/);
    }
    const badUpdate = await platform.graphql(token, UPDATE, { id: aarhus.id, input: { name: null } });
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const missing = await platform.graphql(token, UPDATE, { id: 'no-such-partner', input: { notes: 'x' } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(ok(await platform.graphql<{ partners: { totalCount: number } }>(token, PARTNERS, {})).partners.totalCount).toBe(1);
  });

  it('updates the fields given: the country of an imported partner moves its tie into that country', async () => {
    const staff = await jurisdictions.create('partners').token('staff');
    await register(staff, AARHUS);
    const dalian = await register(staff, DALIAN);
    const withDalian = ok(await platform.graphql<{ establishRelationship: { id: string } }>(staff, ESTABLISH, { input: { partnerId: dalian.id, type: 'SISTER_CITY' } })).establishRelationship;
    const updated = ok(await platform.graphql<{ updatePartner: PartnerOut }>(staff, UPDATE, { id: dalian.id, input: { country: 'cn', notes: 'Port city' } })).updatePartner;
    expect(updated).toMatchObject({ name: 'Dalian', country: 'CN', needsCountry: false, wikidataId: 'Q74881', notes: 'Port city' });
    const counted = await eventually(
      () => ties(staff),
      (found) => found.some((tie) => tie.country === 'CN') && found.some((tie) => tie.country === 'DK'),
      10_000,
    );
    expect(counted.value).toEqual([
      { country: 'CN', partnerCount: 1 },
      { country: 'DK', partnerCount: 1 },
    ]);
    // The relationship shows its partner's new country too.
    const shown = await eventually(
      async () => ok(await platform.graphql<{ relationships: { nodes: Array<{ id: string; partnerCountry: string | null }> } }>(staff, RELATIONSHIPS)).relationships.nodes,
      (nodes) => nodes.some((node) => node.id === withDalian.id && node.partnerCountry === 'CN'),
      10_000,
    );
    expect(shown.value.find((node) => node.id === withDalian.id)).toMatchObject({ partnerName: 'Dalian', partnerCountry: 'CN' });
    // The history records both changed fields and nothing else.
    expect((await historyOf(staff, dalian.id)).entries[0].changes).toEqual([
      { field: 'country', from: null, to: 'CN' },
      { field: 'notes', from: null, to: 'Port city' },
    ]);
  });

  it('registers a likely duplicate and says which partner it resembles; partnerDuplicates lists the group', async () => {
    const a = jurisdictions.create('partners');
    const staff = await a.token('staff');
    const aarhus = await register(staff, AARHUS);
    const dalian = await register(staff, DALIAN);
    const sameName = await register(staff, AARHUS_AGAIN);
    expect(sameName.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: aarhus.id, name: 'Aarhus' } }]);
    const viewer = await a.token('viewer');
    const groups = ok(await platform.graphql<{ partnerDuplicates: Array<{ reason: string; key: string; partners: Array<{ id: string }> }> }>(viewer, DUPLICATES));
    expect(groups.partnerDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', key: 'aarhus (DK)', partners: [{ id: aarhus.id, name: 'Aarhus' }, { id: sameName.id, name: 'AARHUS.' }] }]);

    // A list asks each partner's likely duplicates at once (answered in one batch): each answer is that partner's own.
    type Listed = { partners: { nodes: Array<{ id: string; likelyDuplicates: Array<{ reason: string; partner: { id: string } }> }> } };
    const listed = ok(await platform.graphql<Listed>(viewer, `{ partners(first: 100) { nodes { id likelyDuplicates { reason partner { id } } } } }`)).partners.nodes;
    expect(listed.map((node) => node.id).sort()).toEqual([aarhus.id, dalian.id, sameName.id].sort());
    expect(listed.find((node) => node.id === dalian.id)?.likelyDuplicates).toEqual([]);
    expect(listed.find((node) => node.id === aarhus.id)?.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: sameName.id } }]);
    expect(listed.find((node) => node.id === sameName.id)?.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: aarhus.id } }]);
  });

  it('lets a viewer read but not update or merge, and staff update but not merge', async () => {
    const a = jurisdictions.create('partners');
    const staffToken = await a.token('staff');
    const aarhus = await register(staffToken, AARHUS);
    const duplicate = await register(staffToken, AARHUS_AGAIN);
    const viewer = await a.token('viewer');
    const viewerUpdate = await platform.graphql(viewer, UPDATE, { id: aarhus.id, input: { notes: 'viewer was here' } });
    expect(viewerUpdate.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const viewerMerge = await platform.graphql(viewer, MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id });
    expect(viewerMerge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const staffMerge = await platform.graphql(staffToken, MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id });
    expect(staffMerge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const partners = ok(await platform.graphql<{ partners: { totalCount: number } }>(viewer, PARTNERS, {}));
    expect(partners.partners.totalCount).toBe(2);
    expect((await historyOf(viewer, aarhus.id)).entries.map((e) => e.action)).toEqual(['registered']);
  });

  it('shows another jurisdiction nothing of A and lets it update, merge or read the history of nothing', async () => {
    const a = jurisdictions.create('partners-a');
    const staffA = await a.token('staff');
    const aarhus = await register(staffA, AARHUS);
    const duplicate = await register(staffA, AARHUS_AGAIN);
    const tokenB = await jurisdictions.create('partners-b').token('jurisdiction-admin');
    expect(ok(await platform.graphql<{ partners: { totalCount: number } }>(tokenB, PARTNERS, {})).partners.totalCount).toBe(0);
    expect(ok(await platform.graphql<{ partnerDuplicates: unknown[] }>(tokenB, DUPLICATES)).partnerDuplicates).toEqual([]);
    const update = await platform.graphql(tokenB, UPDATE, { id: aarhus.id, input: { notes: 'from B' } });
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const merge = await platform.graphql(tokenB, MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id });
    expect(merge.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const own = await register(tokenB, { name: 'Aarhus', kind: 'CITY', country: 'DK' });
    expect(own.likelyDuplicates).toEqual([]);
    const mergeIntoOwn = await platform.graphql(tokenB, MERGE, { survivorId: own.id, duplicateId: duplicate.id });
    expect(mergeIntoOwn.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const history = await platform.graphql(tokenB, HISTORY, { id: aarhus.id });
    expect(history.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(history.data?.recordHistory ?? null).toBeNull();
    expect((await historyOf(await a.token('viewer'), aarhus.id)).entries.map((e) => e.action)).toEqual(['registered']);
  });

  it('merges the duplicate into the survivor as jurisdiction-admin: its relationship moves, blanks fill, it is gone, and ties count once', async () => {
    const a = jurisdictions.create('partners');
    const staff = await a.token('staff');
    const aarhus = await register(staff, AARHUS);
    const duplicate = await register(staff, AARHUS_AGAIN);
    const relationship = ok(await platform.graphql<{ establishRelationship: { id: string } }>(staff, ESTABLISH, { input: { partnerId: duplicate.id, type: 'FRIENDSHIP' } }))
      .establishRelationship;
    await eventually(
      () => ties(staff),
      (found) => found.some((tie) => tie.country === 'DK' && tie.partnerCount === 2),
      10_000,
    );

    const admin = await a.token('jurisdiction-admin');
    const merged = ok(await platform.graphql<{ mergePartners: PartnerOut }>(admin, MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id })).mergePartners;
    expect(merged).toMatchObject({ id: aarhus.id, name: 'Aarhus', wikidataId: 'Q25319', likelyDuplicates: [] });
    expect(merged.contacts.map((c) => c.name)).toEqual(['Anne Jensen', 'Press office']);

    const relationships = ok(await platform.graphql<{ relationships: { nodes: Array<{ id: string; partnerId: string; partnerName: string }> } }>(staff, RELATIONSHIPS));
    expect(relationships.relationships.nodes).toEqual([{ id: relationship.id, partnerId: aarhus.id, partnerName: 'Aarhus', partnerCountry: 'DK' }]);
    const partners = ok(await platform.graphql<{ partners: { nodes: PartnerOut[] } }>(staff, PARTNERS, {}));
    expect(partners.partners.nodes.map((p) => p.id)).toEqual([aarhus.id]);
    expect(ok(await platform.graphql<{ partnerDuplicates: unknown[] }>(staff, DUPLICATES)).partnerDuplicates).toEqual([]);

    // Merging again is harmless: the job is done.
    const again = ok(await platform.graphql<{ mergePartners: PartnerOut }>(admin, MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id })).mergePartners;
    expect(again.contacts).toEqual(merged.contacts);
    const sameIds = await platform.graphql(admin, MERGE, { survivorId: aarhus.id, duplicateId: aarhus.id });
    expect(sameIds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });

    const counted = await eventually(
      () => ties(staff),
      (found) => found.some((tie) => tie.country === 'DK' && tie.partnerCount === 1),
      10_000,
    );
    expect(counted.value).toEqual([{ country: 'DK', partnerCount: 1 }]);

    const relationshipHistory = await historyOf(await a.token('viewer'), relationship.id);
    expect(relationshipHistory.recordType).toBe('RELATIONSHIP');
    expect(relationshipHistory.entries[0].changes).toContainEqual({ field: 'partnerId', from: duplicate.id, to: aarhus.id });
  });

  it('shows who changed what, newest first', async () => {
    const a = jurisdictions.create('partners');
    const staffUser = await a.user('staff');
    const adminUser = await a.user('jurisdiction-admin');
    const staff = await staffUser.token();
    const aarhus = await register(staff, AARHUS);
    const duplicate = await register(staff, AARHUS_AGAIN);
    ok(await platform.graphql(await adminUser.token(), MERGE, { survivorId: aarhus.id, duplicateId: duplicate.id }));
    ok(await platform.graphql(staff, UPDATE, { id: aarhus.id, input: { website: null, contacts: [{ name: 'Anne Jensen' }] } }));
    // Repeating what is stored changes nothing and records nothing.
    ok(await platform.graphql(staff, UPDATE, { id: aarhus.id, input: { name: 'Aarhus' } }));
    const history = await historyOf(await a.token('viewer'), aarhus.id);
    expect(history).toMatchObject({ id: aarhus.id, recordType: 'PARTNER' });
    expect(history.entries.map((e) => e.action)).toEqual(['updated', `merged ${duplicate.id}`, 'registered']);
    const [update, merge, registered] = history.entries;
    expect(update).toMatchObject({ by: staffUser.id, byName: staffUser.username });
    expect(update.changes.map((c) => c.field)).toEqual(['website', 'contacts']);
    expect(update.changes[0]).toEqual({ field: 'website', from: 'https://www.aarhus.dk', to: null });
    expect(JSON.parse(update.changes[1].to as string)).toEqual([{ email: null, name: 'Anne Jensen', notes: null, phone: null, role: null }]);
    expect(merge).toMatchObject({ by: adminUser.id });
    expect(merge.changes.map((c) => c.field)).toEqual(['contacts']);
    expect(registered.changes).toContainEqual({ field: 'wikidataId', from: null, to: 'Q25319' });

    const unknown = await platform.graphql(staff, HISTORY, { id: 'no-such-record' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
