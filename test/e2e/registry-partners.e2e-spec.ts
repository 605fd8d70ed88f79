import { createTestUser, deleteTestUser, newJurisdictionId, TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestPlatform } from '../support';

/**
 * Partners through the gateway with real Keycloak tokens: Wikidata ids and
 * contacts, updates, likely duplicates, merges (jurisdiction-admin only),
 * change history, roles, tenancy and validation.
 */
describe('registry partners, duplicates, merges and change history through the gateway', () => {
  let platform: TestPlatform;
  let staffA: TestUser;
  let adminA: TestUser;
  let viewerA: TestUser;
  let adminB: TestUser;

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

  async function register(user: TestUser, input: Record<string, unknown>): Promise<PartnerOut> {
    return ok(await platform.graphql<{ registerPartner: PartnerOut }>(await user.token(), REGISTER, { input })).registerPartner;
  }

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const jurisdictionA = newJurisdictionId('partners-a');
    const jurisdictionB = newJurisdictionId('partners-b');
    [staffA, adminA, viewerA, adminB] = await Promise.all([
      createTestUser({ jurisdiction: jurisdictionA, roles: ['staff'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['viewer'] }),
      createTestUser({ jurisdiction: jurisdictionB, roles: ['jurisdiction-admin'] }),
    ]);
    platform = await startTestPlatform({ name: 'partners' });
  });

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([staffA, adminA, viewerA, adminB].filter(Boolean).map((user) => deleteTestUser(user.id)));
  });

  it('registers a partner with a Wikidata id, a website and contacts', async () => {
    const aarhus = await register(staffA, {
      name: ' Aarhus ',
      kind: 'CITY',
      country: 'dk',
      wikidataId: 'q25319',
      website: 'https://www.aarhus.dk',
      contacts: [{ name: 'Anne Jensen', role: 'International officer', email: 'anne@AARHUS.dk', phone: '+45 89 40 20 00' }],
    });
    expect(aarhus).toMatchObject({
      name: 'Aarhus',
      country: 'DK',
      needsCountry: false,
      wikidataId: 'Q25319',
      website: 'https://www.aarhus.dk',
      contacts: [{ name: 'Anne Jensen', role: 'International officer', email: 'anne@aarhus.dk', phone: '+45 89 40 20 00', notes: null }],
      likelyDuplicates: [],
    });
    ids.aarhus = aarhus.id;
  });

  it('registers a partner of unknown country and lists it among those needing a country', async () => {
    const dalian = await register(staffA, { name: 'Dalian', kind: 'CITY', wikidataId: 'Q74881' });
    expect(dalian).toMatchObject({ country: null, needsCountry: true });
    ids.dalian = dalian.id;
    const needing = ok(await platform.graphql<{ partners: { totalCount: number; nodes: PartnerOut[] } }>(await viewerA.token(), PARTNERS, { needsCountry: true }));
    expect(needing.partners.nodes.map((p) => p.id)).toEqual([dalian.id]);
    const all = ok(await platform.graphql<{ partners: { totalCount: number } }>(await viewerA.token(), PARTNERS, {}));
    expect(all.partners.totalCount).toBe(2);
  });

  it('refuses bad inputs naming the field, and stores nothing', async () => {
    const token = await staffA.token();
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
    const badUpdate = await platform.graphql(token, UPDATE, { id: ids.aarhus, input: { name: null } });
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const missing = await platform.graphql(token, UPDATE, { id: 'no-such-partner', input: { notes: 'x' } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(ok(await platform.graphql<{ partners: { totalCount: number } }>(token, PARTNERS, {})).partners.totalCount).toBe(2);
  });

  it('updates the fields given: the country of an imported partner moves its tie into that country', async () => {
    const withDalian = ok(await platform.graphql<{ establishRelationship: { id: string } }>(await staffA.token(), ESTABLISH, { input: { partnerId: ids.dalian, type: 'SISTER_CITY' } }))
      .establishRelationship;
    const updated = ok(await platform.graphql<{ updatePartner: PartnerOut }>(await staffA.token(), UPDATE, { id: ids.dalian, input: { country: 'cn', notes: 'Port city' } })).updatePartner;
    expect(updated).toMatchObject({ name: 'Dalian', country: 'CN', needsCountry: false, wikidataId: 'Q74881', notes: 'Port city' });
    const ties = await eventually(
      async () => platform.graphql<{ myTiesByCountry: Array<{ country: string; partnerCount: number }> }>(await staffA.token(), TIES),
      (response) => (response.data?.myTiesByCountry ?? []).some((tie) => tie.country === 'CN'),
      10_000,
    );
    expect(ties.value.data?.myTiesByCountry).toEqual([
      { country: 'CN', partnerCount: 1 },
      { country: 'DK', partnerCount: 1 },
    ]);
    // The relationship shows its partner's new country too.
    const shown = await eventually(
      async () => ok(await platform.graphql<{ relationships: { nodes: Array<{ id: string; partnerCountry: string | null }> } }>(await staffA.token(), RELATIONSHIPS)).relationships.nodes,
      (nodes) => nodes.some((node) => node.id === withDalian.id && node.partnerCountry === 'CN'),
      10_000,
    );
    expect(shown.value.find((node) => node.id === withDalian.id)).toMatchObject({ partnerName: 'Dalian', partnerCountry: 'CN' });
  });

  it('registers a likely duplicate and says which partner it resembles; partnerDuplicates lists the group', async () => {
    const sameName = await register(staffA, { name: 'AARHUS.', kind: 'CITY', country: 'DK', contacts: [{ name: 'Press office', email: 'press@aarhus.dk' }] });
    expect(sameName.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: ids.aarhus, name: 'Aarhus' } }]);
    ids.aarhusDuplicate = sameName.id;
    const groups = ok(await platform.graphql<{ partnerDuplicates: Array<{ reason: string; key: string; partners: Array<{ id: string }> }> }>(await viewerA.token(), DUPLICATES));
    expect(groups.partnerDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', key: 'aarhus (DK)', partners: [{ id: ids.aarhus, name: 'Aarhus' }, { id: sameName.id, name: 'AARHUS.' }] }]);

    // A list asks each partner's likely duplicates at once (answered in one batch): each answer is that partner's own.
    type Listed = { partners: { nodes: Array<{ id: string; likelyDuplicates: Array<{ reason: string; partner: { id: string } }> }> } };
    const listed = ok(await platform.graphql<Listed>(await viewerA.token(), `{ partners(first: 100) { nodes { id likelyDuplicates { reason partner { id } } } } }`)).partners.nodes;
    expect(listed.map((node) => node.id).sort()).toEqual([ids.aarhus, ids.dalian, sameName.id].sort());
    expect(listed.find((node) => node.id === ids.dalian)?.likelyDuplicates).toEqual([]);
    expect(listed.find((node) => node.id === ids.aarhus)?.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: sameName.id } }]);
    expect(listed.find((node) => node.id === sameName.id)?.likelyDuplicates).toEqual([{ reason: 'SAME_NAME_AND_COUNTRY', partner: { id: ids.aarhus } }]);
  });

  it('lets a viewer read but not update or merge, and staff update but not merge', async () => {
    const viewer = await viewerA.token();
    const viewerUpdate = await platform.graphql(viewer, UPDATE, { id: ids.aarhus, input: { notes: 'viewer was here' } });
    expect(viewerUpdate.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const viewerMerge = await platform.graphql(viewer, MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhusDuplicate });
    expect(viewerMerge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const staffMerge = await platform.graphql(await staffA.token(), MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhusDuplicate });
    expect(staffMerge.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const partners = ok(await platform.graphql<{ partners: { totalCount: number } }>(viewer, PARTNERS, {}));
    expect(partners.partners.totalCount).toBe(3);
    const history = ok(await platform.graphql<History>(viewer, HISTORY, { id: ids.aarhus }));
    expect(history.recordHistory.entries.map((e) => e.action)).toEqual(['registered']);
  });

  it('shows another jurisdiction nothing of A and lets it update, merge or read the history of nothing', async () => {
    const tokenB = await adminB.token();
    expect(ok(await platform.graphql<{ partners: { totalCount: number } }>(tokenB, PARTNERS, {})).partners.totalCount).toBe(0);
    expect(ok(await platform.graphql<{ partnerDuplicates: unknown[] }>(tokenB, DUPLICATES)).partnerDuplicates).toEqual([]);
    const update = await platform.graphql(tokenB, UPDATE, { id: ids.aarhus, input: { notes: 'from B' } });
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const merge = await platform.graphql(tokenB, MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhusDuplicate });
    expect(merge.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const own = await register(adminB, { name: 'Aarhus', kind: 'CITY', country: 'DK' });
    expect(own.likelyDuplicates).toEqual([]);
    const mergeIntoOwn = await platform.graphql(tokenB, MERGE, { survivorId: own.id, duplicateId: ids.aarhusDuplicate });
    expect(mergeIntoOwn.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const history = await platform.graphql(tokenB, HISTORY, { id: ids.aarhus });
    expect(history.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(history.data?.recordHistory ?? null).toBeNull();
    const stillA = ok(await platform.graphql<History>(await viewerA.token(), HISTORY, { id: ids.aarhus }));
    expect(stillA.recordHistory.entries.map((e) => e.action)).toEqual(['registered']);
  });

  it('merges the duplicate into the survivor as jurisdiction-admin: its relationship moves, blanks fill, it is gone, and ties count once', async () => {
    const staff = await staffA.token();
    const relationship = ok(await platform.graphql<{ establishRelationship: { id: string } }>(staff, ESTABLISH, { input: { partnerId: ids.aarhusDuplicate, type: 'FRIENDSHIP' } }))
      .establishRelationship;
    await eventually(
      () => platform.graphql<{ myTiesByCountry: Array<{ country: string; partnerCount: number }> }>(staff, TIES),
      (response) => (response.data?.myTiesByCountry ?? []).some((tie) => tie.country === 'DK' && tie.partnerCount === 2),
      10_000,
    );

    const merged = ok(await platform.graphql<{ mergePartners: PartnerOut }>(await adminA.token(), MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhusDuplicate })).mergePartners;
    expect(merged).toMatchObject({ id: ids.aarhus, name: 'Aarhus', wikidataId: 'Q25319', likelyDuplicates: [] });
    expect(merged.contacts.map((c) => c.name)).toEqual(['Anne Jensen', 'Press office']);

    const relationships = ok(await platform.graphql<{ relationships: { nodes: Array<{ id: string; partnerId: string; partnerName: string }> } }>(staff, RELATIONSHIPS));
    expect(relationships.relationships.nodes.filter((node) => node.partnerId !== ids.dalian)).toEqual([{ id: relationship.id, partnerId: ids.aarhus, partnerName: 'Aarhus', partnerCountry: 'DK' }]);
    const partners = ok(await platform.graphql<{ partners: { nodes: PartnerOut[] } }>(staff, PARTNERS, {}));
    expect(partners.partners.nodes.map((p) => p.id)).toEqual([ids.aarhus, ids.dalian]);
    expect(ok(await platform.graphql<{ partnerDuplicates: unknown[] }>(staff, DUPLICATES)).partnerDuplicates).toEqual([]);

    // Merging again is harmless: the job is done.
    const again = ok(await platform.graphql<{ mergePartners: PartnerOut }>(await adminA.token(), MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhusDuplicate })).mergePartners;
    expect(again.contacts).toEqual(merged.contacts);
    const sameIds = await platform.graphql(await adminA.token(), MERGE, { survivorId: ids.aarhus, duplicateId: ids.aarhus });
    expect(sameIds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateId' });

    const ties = await eventually(
      () => platform.graphql<{ myTiesByCountry: Array<{ country: string; partnerCount: number }> }>(staff, TIES),
      (response) => (response.data?.myTiesByCountry ?? []).some((tie) => tie.country === 'DK' && tie.partnerCount === 1),
      10_000,
    );
    expect(ties.value.data?.myTiesByCountry).toEqual([
      { country: 'CN', partnerCount: 1 },
      { country: 'DK', partnerCount: 1 },
    ]);

    const relationshipHistory = ok(await platform.graphql<History>(await viewerA.token(), HISTORY, { id: relationship.id })).recordHistory;
    expect(relationshipHistory.recordType).toBe('RELATIONSHIP');
    expect(relationshipHistory.entries[0].changes).toContainEqual({ field: 'partnerId', from: ids.aarhusDuplicate, to: ids.aarhus });
  });

  it('shows who changed what, newest first', async () => {
    const staff = await staffA.token();
    ok(await platform.graphql(staff, UPDATE, { id: ids.aarhus, input: { website: null, contacts: [{ name: 'Anne Jensen' }] } }));
    // Repeating what is stored changes nothing and records nothing.
    ok(await platform.graphql(staff, UPDATE, { id: ids.aarhus, input: { name: 'Aarhus' } }));
    const history = ok(await platform.graphql<History>(await viewerA.token(), HISTORY, { id: ids.aarhus })).recordHistory;
    expect(history).toMatchObject({ id: ids.aarhus, recordType: 'PARTNER' });
    expect(history.entries.map((e) => e.action)).toEqual(['updated', `merged ${ids.aarhusDuplicate}`, 'registered']);
    const [update, merge, registered] = history.entries;
    expect(update).toMatchObject({ by: staffA.id, byName: staffA.username });
    expect(update.changes.map((c) => c.field)).toEqual(['website', 'contacts']);
    expect(update.changes[0]).toEqual({ field: 'website', from: 'https://www.aarhus.dk', to: null });
    expect(JSON.parse(update.changes[1].to as string)).toEqual([{ email: null, name: 'Anne Jensen', notes: null, phone: null, role: null }]);
    expect(merge).toMatchObject({ by: adminA.id });
    expect(merge.changes.map((c) => c.field)).toEqual(['contacts']);
    expect(registered.changes).toContainEqual({ field: 'wikidataId', from: null, to: 'Q25319' });

    const dalian = ok(await platform.graphql<History>(staff, HISTORY, { id: ids.dalian })).recordHistory;
    expect(dalian.entries[0].changes).toEqual([
      { field: 'country', from: null, to: 'CN' },
      { field: 'notes', from: null, to: 'Port city' },
    ]);
    const unknown = await platform.graphql(staff, HISTORY, { id: 'no-such-record' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
