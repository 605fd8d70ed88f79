import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@entente/contracts';
import { testEndpoints } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestJurisdiction, TestPlatform, testJurisdictions } from '../support';

/**
 * Relationships and engagements through the gateway with real Keycloak
 * tokens: establishing, allowed and refused status changes, the last
 * engagement moving forward, dormancy, roles, and tenancy.
 */
describe('registry relationships and engagements through the gateway', () => {
  let platform: TestPlatform;

  const FIELDS = `id partnerId partnerName partnerCountry type status since until formalBasis politicalCycle politicalChampion technicalOwner leadDepartment priorityIds lastEngagementAt`;
  const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
  const ESTABLISH = `mutation($input: EstablishRelationshipInput!) { establishRelationship(input: $input) { ${FIELDS} } }`;
  const CHANGE = `mutation($id: ID!, $status: RelationshipStatus!, $reason: String) { changeRelationshipStatus(id: $id, status: $status, reason: $reason) { ${FIELDS} } }`;
  const LIST = `query($first: Int, $after: String, $status: RelationshipStatus) { relationships(first: $first, after: $after, status: $status) { totalCount nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
  const DORMANT = `query($first: Int, $after: String) { dormantRelationships(first: $first, after: $after) { totalCount nodes { id partnerName status } pageInfo { hasNextPage endCursor } } }`;
  const LOG = `mutation($input: LogEngagementInput!) { logEngagement(input: $input) { id date type partnerIds purpose outcomes nextSteps cost { amount currency } staffDays priorityIds } }`;
  const ENGAGEMENTS = `query($first: Int) { engagements(first: $first) { totalCount nodes { id date type partnerIds purpose } } }`;

  type Rel = { id: string; type: string; status: string; lastEngagementAt: string | null; partnerName: string; since: string | null; until: string | null };
  type RelList = { relationships: { totalCount: number; nodes: Rel[] } };
  type DormantList = { dormantRelationships: { totalCount: number; nodes: Array<{ id: string; partnerName: string }> } };

  const today = new Date().toISOString().slice(0, 10);
  const yearsAgo = (years: number): string => {
    const date = new Date();
    date.setUTCFullYear(date.getUTCFullYear() - years);
    return date.toISOString().slice(0, 10);
  };

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    expect(response.data).toBeTruthy();
    return response.data as T;
  }

  async function establish(token: string, input: Record<string, unknown>): Promise<Rel> {
    return ok(await platform.graphql<{ establishRelationship: Rel }>(token, ESTABLISH, { input })).establishRelationship;
  }

  // Each test makes a jurisdiction of its own with the partners and records it needs: it stands alone, in any order.
  const jurisdictions = testJurisdictions();
  type Partners = Record<'Aarhus' | 'Bremen' | 'Turku', string>;
  async function registerPartners(token: string): Promise<Partners> {
    const ids: Partial<Partners> = {};
    for (const [name, country] of [
      ['Aarhus', 'DK'],
      ['Bremen', 'DE'],
      ['Turku', 'FI'],
    ] as const) {
      ids[name] = ok(await platform.graphql<{ registerPartner: { id: string } }>(token, REGISTER, { input: { name, kind: 'CITY', country } })).registerPartner.id;
    }
    return ids as Partners;
  }
  /** A jurisdiction of its own with Aarhus, Bremen and Turku registered, and its staff's token. */
  async function withPartners(prefix = 'rel'): Promise<{ a: TestJurisdiction; staff: string; partnerIds: Partners }> {
    const a = jurisdictions.create(prefix);
    const staff = await a.token('staff');
    return { a, staff, partnerIds: await registerPartners(staff) };
  }

  const sisterCityWithEveryField = (partnerIds: Partners) => ({
    partnerId: partnerIds.Aarhus,
    type: 'SISTER_CITY',
    since: '2019-05-01',
    formalBasis: '  Council resolution   2019/42 ',
    politicalCycle: 'Mayor Schmidt 2019–2024',
    politicalChampion: 'Mayor Schmidt',
    technicalOwner: 'A. Jensen',
    leadDepartment: 'Economic Development',
    priorityIds: ['prio-1', 'prio-2'],
  });
  /** Turku's friendship: active, dormant, active again, then ended by the admin (four status changes). */
  async function friendshipThatEnded(a: TestJurisdiction, staff: string, partnerIds: Partners): Promise<Rel> {
    const relationship = await establish(staff, { partnerId: partnerIds.Turku, type: 'FRIENDSHIP', since: '2021-01-01' });
    for (const [status, reason] of [['ACTIVE', 'Agreement signed'], ['DORMANT'], ['ACTIVE']]) {
      ok(await platform.graphql(staff, CHANGE, { id: relationship.id, status, reason }));
    }
    return ok(await platform.graphql<{ changeRelationshipStatus: Rel }>(await a.token('jurisdiction-admin'), CHANGE, { id: relationship.id, status: 'ENDED', reason: 'Council decision' }))
      .changeRelationshipStatus;
  }
  /** Bremen's MOU, active and quiet for two years (dormant), and its trade office, active since today (not). */
  async function bremenQuietAndRecent(staff: string, partnerIds: Partners): Promise<Rel> {
    const quiet = await establish(staff, { partnerId: partnerIds.Bremen, type: 'MOU', status: 'ACTIVE', since: yearsAgo(2) });
    await establish(staff, { partnerId: partnerIds.Bremen, type: 'TRADE_OFFICE', status: 'ACTIVE', since: today });
    return quiet;
  }
  const mission = (partnerIds: Partners) => ({
    date: today,
    type: 'OUTBOUND_MISSION',
    partnerIds: [partnerIds.Bremen, partnerIds.Aarhus],
    purpose: 'Port logistics delegation',
    outcomes: 'Letter of intent',
    cost: { amount: 4200.5, currency: 'eur' },
    staffDays: 3.5,
    priorityIds: ['prio-1'],
  });
  /** An engagement logged late: dated a year back, older than the mission. */
  const lateLetter = (partnerIds: Partners) => ({ date: yearsAgo(1), type: 'CORRESPONDENCE', partnerIds: [partnerIds.Bremen], purpose: 'Letter' });

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'relationships' });
  });

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
  });

  it('establishes a relationship with every field, named after its partner, prospective by default', async () => {
    const { a, staff, partnerIds } = await withPartners();
    const relationship = await establish(staff, sisterCityWithEveryField(partnerIds));
    expect(relationship).toMatchObject({
      partnerId: partnerIds.Aarhus,
      partnerName: 'Aarhus',
      partnerCountry: 'DK',
      type: 'SISTER_CITY',
      status: 'PROSPECTIVE',
      since: '2019-05-01',
      until: null,
      formalBasis: 'Council resolution 2019/42',
      politicalCycle: 'Mayor Schmidt 2019–2024',
      politicalChampion: 'Mayor Schmidt',
      technicalOwner: 'A. Jensen',
      leadDepartment: 'Economic Development',
      priorityIds: ['prio-1', 'prio-2'],
      lastEngagementAt: null,
    });
    const listed = ok(await platform.graphql<RelList>(await a.token('viewer'), LIST, { first: 10 }));
    expect(listed.relationships.totalCount).toBe(1);
    expect(listed.relationships.nodes[0].id).toBe(relationship.id);
  });

  it('refuses a partner that does not exist, and a bad input, naming the field', async () => {
    const { staff: token, partnerIds } = await withPartners();
    const unknown = await platform.graphql(token, ESTABLISH, { input: { partnerId: 'no-such-partner', type: 'MOU' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    const badDates = await platform.graphql(token, ESTABLISH, { input: { partnerId: partnerIds.Bremen, type: 'MOU', since: '2020-02-30' } });
    expect(badDates.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
    const reversed = await platform.graphql(token, ESTABLISH, { input: { partnerId: partnerIds.Bremen, type: 'MOU', since: '2020-02-01', until: '2019-01-01' } });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    const listed = ok(await platform.graphql<RelList>(token, LIST, {}));
    expect(listed.relationships.totalCount).toBe(0);
  });

  it('changes status along allowed paths and refuses a forbidden one naming status', async () => {
    const { a, staff: token, partnerIds } = await withPartners();
    const relationship = await establish(token, { partnerId: partnerIds.Turku, type: 'FRIENDSHIP', since: '2021-01-01' });
    const change = async (status: string, reason?: string) =>
      platform.graphql<{ changeRelationshipStatus: Rel }>(token, CHANGE, { id: relationship.id, status, reason });

    expect(ok(await change('ACTIVE', 'Agreement signed')).changeRelationshipStatus.status).toBe('ACTIVE');
    expect(ok(await change('DORMANT')).changeRelationshipStatus.status).toBe('DORMANT');
    const refused = await change('PROSPECTIVE');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(refused.errors?.[0].message).toContain('from dormant a relationship can become active or ended');
    expect(ok(await change('ACTIVE')).changeRelationshipStatus.status).toBe('ACTIVE');

    // The admin may write too; ending without an until date records today.
    const ended = ok(await platform.graphql<{ changeRelationshipStatus: Rel }>(await a.token('jurisdiction-admin'), CHANGE, { id: relationship.id, status: 'ENDED', reason: 'Council decision' }));
    expect(ended.changeRelationshipStatus).toMatchObject({ status: 'ENDED', until: today });
    const reopened = await change('ACTIVE');
    expect(reopened.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });

    const endedList = ok(await platform.graphql<RelList>(token, LIST, { status: 'ENDED' }));
    expect(endedList.relationships.nodes.map((r) => r.id)).toEqual([relationship.id]);
    const missing = await platform.graphql(token, CHANGE, { id: 'no-such-relationship', status: 'ACTIVE' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports an active relationship quiet for more than 12 months as dormant until an engagement is logged', async () => {
    const { a, staff: token, partnerIds } = await withPartners();
    // Prospective, so never dormant: Aarhus's gets the mission's date, Turku's no engagement at all.
    await establish(token, sisterCityWithEveryField(partnerIds));
    await establish(token, { partnerId: partnerIds.Turku, type: 'FRIENDSHIP', since: '2021-01-01' });
    const quiet = await bremenQuietAndRecent(token, partnerIds);

    const before = ok(await platform.graphql<DormantList>(token, DORMANT, { first: 10 }));
    expect(before.dormantRelationships).toMatchObject({ totalCount: 1, nodes: [{ id: quiet.id, partnerName: 'Bremen' }] });

    const logged = ok(
      await platform.graphql<{ logEngagement: { id: string; date: string; partnerIds: string[]; cost: unknown; staffDays: number } }>(token, LOG, { input: mission(partnerIds) }),
    );
    expect(logged.logEngagement).toMatchObject({ date: today, partnerIds: [partnerIds.Bremen, partnerIds.Aarhus], cost: { amount: 4200.5, currency: 'EUR' }, staffDays: 3.5 });

    const relationships = ok(await platform.graphql<RelList>(token, LIST, { first: 100 }));
    const byPartner = (name: string) => relationships.relationships.nodes.filter((r) => r.partnerName === name);
    expect(byPartner('Bremen')).toHaveLength(2);
    expect(byPartner('Aarhus')).toHaveLength(1);
    for (const relationship of [...byPartner('Bremen'), ...byPartner('Aarhus')]) expect(relationship.lastEngagementAt).toBe(today);
    expect(byPartner('Turku')[0].lastEngagementAt).toBeNull();

    const after = ok(await platform.graphql<DormantList>(token, DORMANT, { first: 10 }));
    expect(after.dormantRelationships).toMatchObject({ totalCount: 0, nodes: [] });

    // An engagement logged late, older than the last one, does not move the date back.
    ok(await platform.graphql(token, LOG, { input: lateLetter(partnerIds) }));
    const still = ok(await platform.graphql<RelList>(token, LIST, { first: 100 }));
    expect(still.relationships.nodes.find((r) => r.id === quiet.id)?.lastEngagementAt).toBe(today);

    const engagements = ok(await platform.graphql<{ engagements: { totalCount: number } }>(await a.token('viewer'), ENGAGEMENTS, { first: 10 }));
    expect(engagements.engagements.totalCount).toBe(2);
  });

  it('refuses an engagement with a bad input or an unknown partner, naming the field', async () => {
    const { staff: token, partnerIds } = await withPartners();
    const future = await platform.graphql(token, LOG, { input: { date: '2999-01-01', type: 'EVENT', partnerIds: [partnerIds.Aarhus], purpose: 'x' } });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const unknown = await platform.graphql(token, LOG, { input: { date: today, type: 'EVENT', partnerIds: [partnerIds.Aarhus, 'nobody'], purpose: 'x' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerIds[1]' });
    const engagements = ok(await platform.graphql<{ engagements: { totalCount: number } }>(token, ENGAGEMENTS, {}));
    expect(engagements.engagements.totalCount).toBe(0);
  });

  it('lets a viewer read but not write', async () => {
    const { a, staff, partnerIds } = await withPartners();
    await establish(staff, sisterCityWithEveryField(partnerIds));
    const token = await a.token('viewer');
    const listed = ok(await platform.graphql<RelList>(token, LIST, { first: 100 }));
    const target = listed.relationships.nodes[0];
    const attempts = [
      await platform.graphql(token, ESTABLISH, { input: { partnerId: partnerIds.Aarhus, type: 'MOU' } }),
      await platform.graphql(token, CHANGE, { id: target.id, status: 'ACTIVE' }),
      await platform.graphql(token, LOG, { input: { date: today, type: 'EVENT', partnerIds: [partnerIds.Aarhus], purpose: 'x' } }),
    ];
    for (const denied of attempts) expect(denied.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const again = ok(await platform.graphql<RelList>(token, LIST, { first: 100 }));
    expect(again).toEqual(listed);
  });

  it('counts the relationships in the Table 1 relationships row, by type and by status', async () => {
    const { a, staff, partnerIds } = await withPartners();
    await establish(staff, sisterCityWithEveryField(partnerIds));
    await friendshipThatEnded(a, staff, partnerIds);
    await bremenQuietAndRecent(staff, partnerIds);
    const token = await a.token('viewer');
    const listed = ok(await platform.graphql<RelList>(token, LIST, { first: 100 })).relationships.nodes;
    expect(listed).toHaveLength(4);
    type Row = { category: string; count: number; byType: Array<{ type: string; count: number }>; byStatus: Array<{ status: string; count: number }> };
    const summary = ok(
      await platform.graphql<{ tableOneSummary: Row[] }>(token, `{ tableOneSummary { category count byType { type count } byStatus { status count } } }`),
    ).tableOneSummary;
    const row = summary.find((r) => r.category === 'EXISTING_INTERNATIONAL_RELATIONSHIPS');
    expect(row?.count).toBe(listed.length);
    const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.toLowerCase().replace(/_/g, '-')]: (acc[v.toLowerCase().replace(/_/g, '-')] ?? 0) + 1 }), {});
    const nonZero = <T extends { count: number }>(entries: T[]): T[] => entries.filter((entry) => entry.count > 0);
    expect(Object.fromEntries(nonZero(row?.byStatus ?? []).map((s) => [s.status, s.count]))).toEqual(tally(listed.map((r) => r.status)));
    expect(Object.fromEntries(nonZero(row?.byType ?? []).map((t) => [t.type, t.count]))).toEqual(tally(listed.map((r) => r.type)));
  });

  it('gathers everything tying the jurisdiction to one country in its country profile', async () => {
    const { a, staff: token, partnerIds } = await withPartners();
    await establish(token, sisterCityWithEveryField(partnerIds));
    await bremenQuietAndRecent(token, partnerIds);
    ok(await platform.graphql(token, LOG, { input: mission(partnerIds) }));
    ok(await platform.graphql(token, LOG, { input: lateLetter(partnerIds) }));
    const exportAsset = { name: 'Wind turbines to Denmark', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['DK'], confidentiality: 'PUBLIC' };
    ok(await platform.graphql(token, `mutation($input: AssetInput!) { recordAsset(input: $input) { id } }`, { input: exportAsset }));
    ok(await platform.graphql(token, `mutation($input: AssetInput!) { recordAsset(input: $input) { id } }`, { input: { ...exportAsset, name: 'Machinery to Finland', countries: ['FI'] } }));
    type Profile = {
      countryProfile: { country: string; exports: { count: number; assets: Array<{ name: string }> }; partners: Array<{ name: string }>; relationships: Array<{ partnerName: string }>; engagements: Array<{ partnerIds: string[] }> };
    };
    const PROFILE = `query($country: String!) { countryProfile(country: $country) { country exports { count assets { name } } partners { name } relationships { partnerName } engagements { partnerIds } } }`;
    const profile = ok(await platform.graphql<Profile>(await a.token('viewer'), PROFILE, { country: 'dk' })).countryProfile;
    expect(profile.country).toBe('DK');
    expect(profile.exports).toEqual({ count: 1, assets: [{ name: 'Wind turbines to Denmark' }] });
    expect(profile.partners.map((partner) => partner.name)).toEqual(['Aarhus']);
    // Aarhus's sister city, not Bremen's two; the mission with Aarhus, not the letter to Bremen.
    expect(profile.relationships.map((r) => r.partnerName)).toEqual(['Aarhus']);
    expect(profile.engagements).toEqual([{ partnerIds: [partnerIds.Bremen, partnerIds.Aarhus] }]);

    const bad = await platform.graphql(token, PROFILE, { country: 'Denmark' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    const other = ok(await platform.graphql<Profile>(await jurisdictions.create('rel-b').token('staff'), PROFILE, { country: 'DK' })).countryProfile;
    expect(other).toEqual({ country: 'DK', exports: { count: 0, assets: [] }, partners: [], relationships: [], engagements: [] });
  });

  it('shows another jurisdiction nothing and lets it change nothing of A', async () => {
    const { staff: tokenA, partnerIds } = await withPartners('rel-a');
    const aRelationship = await establish(tokenA, sisterCityWithEveryField(partnerIds));
    await bremenQuietAndRecent(tokenA, partnerIds);
    ok(await platform.graphql(tokenA, LOG, { input: mission(partnerIds) }));
    const snapshot = async () => ({
      relationships: ok(await platform.graphql<RelList>(tokenA, LIST, { first: 100 })),
      engagements: ok(await platform.graphql(tokenA, ENGAGEMENTS, { first: 100 })),
    });
    const before = await snapshot();

    const tokenB = await jurisdictions.create('rel-b').token('staff');
    expect(ok(await platform.graphql<RelList>(tokenB, LIST, { first: 100 })).relationships).toMatchObject({ totalCount: 0, nodes: [] });
    expect(ok(await platform.graphql<DormantList>(tokenB, DORMANT, { first: 100 })).dormantRelationships).toMatchObject({ totalCount: 0, nodes: [] });
    expect(ok(await platform.graphql<{ engagements: { totalCount: number } }>(tokenB, ENGAGEMENTS, { first: 100 })).engagements.totalCount).toBe(0);

    const establishOnA = await platform.graphql(tokenB, ESTABLISH, { input: { partnerId: partnerIds.Aarhus, type: 'MOU' } });
    expect(establishOnA.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    const changeA = await platform.graphql(tokenB, CHANGE, { id: aRelationship.id, status: 'ACTIVE' });
    expect(changeA.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const logOnA = await platform.graphql(tokenB, LOG, { input: { date: today, type: 'EVENT', partnerIds: [partnerIds.Aarhus], purpose: 'x' } });
    expect(logOnA.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerIds[0]' });

    expect(await snapshot()).toEqual(before);
    expect(ok(await platform.graphql<RelList>(tokenB, LIST, { first: 100 })).relationships.totalCount).toBe(0);
  });

  it('publishes established, status-changed and engagement-logged events with what network and planning need', async () => {
    // The writes of the tests above, in a jurisdiction of this test's own: 4 established, 4 status changes, 2 engagements.
    const { a, staff, partnerIds } = await withPartners();
    await establish(staff, sisterCityWithEveryField(partnerIds));
    await friendshipThatEnded(a, staff, partnerIds);
    await bremenQuietAndRecent(staff, partnerIds);
    ok(await platform.graphql(staff, LOG, { input: mission(partnerIds) }));
    ok(await platform.graphql(staff, LOG, { input: lateLetter(partnerIds) }));

    const kafka = new Kafka({ clientId: `relationships-reader-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: `relationships-reader-${randomUUID()}` });
    const seen: Array<{ key: string | null; event: { type: string; jurisdictionId: string; aggregateId: string; payload: Record<string, unknown> } }> = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [TOPICS.registryRelationship, TOPICS.registryEngagement], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const event = JSON.parse(message.value?.toString() ?? '{}');
          if (event.jurisdictionId === a.id) seen.push({ key: message.key?.toString() ?? null, event });
        },
      });
      const count = (type: string) => seen.filter((m) => m.event.type === type).length;
      await eventually(
        async () => seen.length,
        () => count('registry.relationship.established') >= 4 && count('registry.relationship.status-changed') >= 4 && count('registry.engagement.logged') >= 2,
        20_000,
      );
    } finally {
      await reader.disconnect();
    }
    expect(seen.filter((m) => m.event.type === 'registry.relationship.established')).toHaveLength(4);
    expect(seen.filter((m) => m.event.type === 'registry.relationship.status-changed')).toHaveLength(4);
    expect(seen.filter((m) => m.event.type === 'registry.engagement.logged')).toHaveLength(2);
    for (const { key, event } of seen) expect(key).toBe(event.aggregateId);

    const established = seen.find((m) => m.event.type === 'registry.relationship.established' && m.event.payload.partnerName === 'Aarhus');
    expect(established?.event.payload).toMatchObject({ partnerId: partnerIds.Aarhus, partnerCountry: 'DK', type: 'sister-city', status: 'prospective', priorityIds: ['prio-1', 'prio-2'] });
    const ended = seen.find((m) => m.event.type === 'registry.relationship.status-changed' && m.event.payload.to === 'ended');
    expect(ended?.event.payload).toMatchObject({ from: 'active', reason: 'Council decision', until: today, partnerId: partnerIds.Turku });
    const logged = seen.find((m) => m.event.type === 'registry.engagement.logged' && m.event.payload.type === 'outbound-mission');
    expect(logged?.event.payload).toMatchObject({
      date: today,
      partners: [
        { partnerId: partnerIds.Bremen, name: 'Bremen', country: 'DE' },
        { partnerId: partnerIds.Aarhus, name: 'Aarhus', country: 'DK' },
      ],
      cost: { amount: 4200.5, currency: 'EUR' },
      staffDays: 3.5,
      priorityIds: ['prio-1'],
    });
    expect((logged?.event.payload.relationshipUpdates as unknown[]).length).toBe(3);
  });
});
