import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, parseEvent, TOPICS } from '@entente/contracts';
import { GraphQLResponse, startTestPlatform, TestJurisdiction, TestPlatform, testJurisdictions } from '../support';

/**
 * Table 1 assets end to end: real Keycloak tokens through the gateway into the
 * registry; every category and type recorded, listed, updated and removed;
 * each role denial; another jurisdiction sees nothing and changes nothing.
 */
describe('registry assets through the gateway', () => {
  let platform: TestPlatform;

  const ASSET_FIELDS = `id name description category type countries sectors magnitude { value unit currency } sourceOrganisation asOf confidentiality`;
  const RECORD = `mutation RecordAsset($input: AssetInput!) { recordAsset(input: $input) { ${ASSET_FIELDS} } }`;
  const UPDATE = `mutation UpdateAsset($id: ID!, $input: AssetInput!) { updateAsset(id: $id, input: $input) { ${ASSET_FIELDS} } }`;
  const REMOVE = `mutation RemoveAsset($id: ID!) { removeAsset(id: $id) }`;
  const ASSETS = `query Assets($first: Int, $after: String, $category: AssetCategory) {
    assets(first: $first, after: $after, category: $category) { totalCount nodes { ${ASSET_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
  const TABLE_ONE = `query TableOne { tableOneSummary { category count keyFigures { unit currency total assets }
    byType { type count keyFigures { unit currency total assets } } byStatus { status count } } }`;

  interface MagnitudeInput {
    value: number;
    unit: string;
    currency?: string | null;
  }
  interface AssetInput {
    name: string;
    description?: string;
    category: string;
    type: string;
    countries?: string[];
    sectors?: string[];
    magnitude?: MagnitudeInput;
    sourceOrganisation?: string;
    asOf?: string;
    confidentiality?: string;
  }
  interface Asset {
    id: string;
    name: string;
    category: string;
    type: string;
    countries: string[];
    sectors: string[];
    magnitude: { value: number; unit: string; currency: string | null } | null;
    confidentiality: string;
  }
  interface KeyFigure {
    unit: string;
    currency: string | null;
    total: number;
    assets: number;
  }
  interface Row {
    category: string;
    count: number;
    keyFigures: KeyFigure[];
    byType: Array<{ type: string; count: number; keyFigures: KeyFigure[] }>;
    byStatus: Array<{ status: string; count: number }>;
  }
  type AssetsPage = { assets: { totalCount: number; nodes: Asset[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  /** Table 1 as the catalogue defines it: categories in order, each with its types in order (GraphQL enum names). */
  const CATALOGUE: Array<[string, string[]]> = [
    ['ECONOMIC_FOUNDATIONS', ['KEY_INDUSTRY', 'MAJOR_EMPLOYER', 'EXPORT_SECTOR', 'INBOUND_FDI', 'OUTBOUND_FDI']],
    ['CULTURAL_AND_COMMUNITY_CONNECTIONS', ['DIASPORA_COMMUNITY', 'IMMIGRANT_POPULATION', 'CULTURAL_TIE']],
    ['INNOVATION_STRENGTHS', ['UNIVERSITY', 'RESEARCH_CENTRE', 'CIVIC_OR_NONPROFIT_ORGANISATION']],
    ['EXISTING_INTERNATIONAL_RELATIONSHIPS', []],
    ['INSTITUTIONAL_CAPABILITIES', ['STAFF_FTE', 'INTERNATIONAL_AFFAIRS_BUDGET', 'PARTNER_ORGANISATION_RESOURCES']],
  ];
  const RELATIONSHIP_TYPES = ['sister-city', 'sister-state', 'friendship', 'mou', 'trade-office', 'institutional-partnership', 'network-membership'];
  const RELATIONSHIP_STATUSES = ['prospective', 'active', 'dormant', 'ended'];
  const kebab = (enumName: string): string => enumName.toLowerCase().replace(/_/g, '-');

  const AS_OF = '2025-06-30';
  const money = (value: number, currency: string): Pick<AssetInput, 'magnitude' | 'asOf'> => ({ magnitude: { value, unit: 'money', currency }, asOf: AS_OF });
  const figure = (value: number, unit: string): Pick<AssetInput, 'magnitude' | 'asOf'> => ({ magnitude: { value, unit }, asOf: AS_OF });

  /** Every type at least once, some twice, with figures in several units and currencies. */
  const INPUTS: AssetInput[] = [
    { name: 'Maritime logistics', category: 'ECONOMIC_FOUNDATIONS', type: 'KEY_INDUSTRY', sectors: ['Logistics', 'Shipping'], ...figure(4200, 'jobs'), confidentiality: 'PUBLIC' },
    { name: 'Shipyard', category: 'ECONOMIC_FOUNDATIONS', type: 'MAJOR_EMPLOYER', countries: ['no'], ...figure(1800, 'jobs'), sourceOrganisation: 'Employment agency' },
    { name: 'Wind turbine parts', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['DK', 'se'], ...money(2_500_000, 'EUR'), confidentiality: 'NETWORK' },
    { name: 'Food exports', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['US'], ...money(1_000_000, 'USD') },
    { name: 'Danish investment', category: 'ECONOMIC_FOUNDATIONS', type: 'INBOUND_FDI', countries: ['DK'], ...money(750_000, 'EUR') },
    { name: 'Baltic plants', category: 'ECONOMIC_FOUNDATIONS', type: 'OUTBOUND_FDI', countries: ['LV', 'LT'], ...money(300_000, 'EUR') },
    { name: 'Polish community', category: 'CULTURAL_AND_COMMUNITY_CONNECTIONS', type: 'DIASPORA_COMMUNITY', countries: ['PL'], ...figure(3500, 'people') },
    { name: 'Syrian residents', category: 'CULTURAL_AND_COMMUNITY_CONNECTIONS', type: 'IMMIGRANT_POPULATION', countries: ['SY'], ...figure(2100, 'people') },
    { name: 'Hanseatic heritage', category: 'CULTURAL_AND_COMMUNITY_CONNECTIONS', type: 'CULTURAL_TIE', countries: ['SE', 'EE'], description: 'Shared Hanseatic history' },
    { name: 'University of the coast', category: 'INNOVATION_STRENGTHS', type: 'UNIVERSITY', countries: ['CN'], ...figure(14_000, 'students') },
    { name: 'Marine research institute', category: 'INNOVATION_STRENGTHS', type: 'RESEARCH_CENTRE', sectors: ['Ocean science'] },
    { name: 'Refugee help association', category: 'INNOVATION_STRENGTHS', type: 'CIVIC_OR_NONPROFIT_ORGANISATION' },
    { name: 'International office', category: 'INSTITUTIONAL_CAPABILITIES', type: 'STAFF_FTE', ...figure(2, 'fte') },
    { name: 'International affairs budget', category: 'INSTITUTIONAL_CAPABILITIES', type: 'INTERNATIONAL_AFFAIRS_BUDGET', ...money(180_000, 'EUR') },
    { name: 'Chamber export desk', category: 'INSTITUTIONAL_CAPABILITIES', type: 'PARTNER_ORGANISATION_RESOURCES', ...figure(1.5, 'fte') },
  ];

  // Each test records what it reads into a jurisdiction of its own, so it stands alone and in any order.
  const jurisdictions = testJurisdictions();

  const expectCode = (response: GraphQLResponse<unknown>, code: string): void => {
    expect(response.errors?.[0].extensions).toMatchObject({ code });
  };
  const listAll = async (token: string, category?: string): Promise<AssetsPage['assets']> => {
    const response = await platform.graphql<AssetsPage>(token, ASSETS, { first: 100, category });
    expect(response.errors).toBeUndefined();
    return response.data!.assets;
  };
  const record = async (token: string, input: AssetInput): Promise<Asset> => {
    const response = await platform.graphql<{ recordAsset: Asset }>(token, RECORD, { input });
    expect(response.errors).toBeUndefined();
    return response.data!.recordAsset;
  };
  /** Every input of INPUTS recorded in order; their ids in the same order. */
  const recordAll = async (token: string): Promise<string[]> => {
    const ids: string[] = [];
    for (const input of INPUTS) ids.push((await record(token, input)).id);
    return ids;
  };
  /** The Food exports (INPUTS[3]) as updated by the tests that update it. */
  const FOOD_AND_DRINK: AssetInput = {
    name: 'Food and drink exports',
    category: 'ECONOMIC_FOUNDATIONS',
    type: 'EXPORT_SECTOR',
    countries: ['us', 'CA'],
    sectors: ['Food'],
    ...money(1_250_000, 'USD'),
    confidentiality: 'NETWORK',
  };
  /**
   * All of INPUTS recorded, the Food exports updated to FOOD_AND_DRINK and the
   * Refugee help association (INPUTS[11]) removed: what the jurisdiction then
   * holds, by id, and every recorded id in order.
   */
  const recordUpdateAndRemove = async (jurisdiction: TestJurisdiction): Promise<{ ids: string[]; current: Map<string, AssetInput> }> => {
    const ids = await recordAll(await jurisdiction.token('staff'));
    const current = new Map(ids.map((id, index) => [id, INPUTS[index]]));
    const updated = await platform.graphql(await jurisdiction.token('staff'), UPDATE, { id: ids[3], input: FOOD_AND_DRINK });
    expect(updated.errors).toBeUndefined();
    current.set(ids[3], FOOD_AND_DRINK);
    const removed = await platform.graphql(await jurisdiction.token('jurisdiction-admin'), REMOVE, { id: ids[11] });
    expect(removed.errors).toBeUndefined();
    current.delete(ids[11]);
    return { ids, current };
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'assets' });
  });

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
  });

  it('records assets of every category and type, normalising what was typed', async () => {
    const recordedTypes = new Set(INPUTS.map((input) => input.type));
    for (const [category, types] of CATALOGUE) {
      for (const type of types) expect(recordedTypes).toContain(type);
      if (types.length > 0) expect(INPUTS.some((input) => input.category === category)).toBe(true);
    }
    const a = jurisdictions.create('assets');
    const staffToken = await a.token('staff');
    const adminToken = await a.token('jurisdiction-admin');
    const recordedIds: string[] = [];
    for (const [index, input] of INPUTS.entries()) {
      // Staff records most; a jurisdiction-admin may record too.
      const asset = await record(index % 5 === 4 ? adminToken : staffToken, input);
      expect(asset).toMatchObject({
        name: input.name,
        category: input.category,
        type: input.type,
        countries: (input.countries ?? []).map((code) => code.toUpperCase()),
        sectors: input.sectors ?? [],
        magnitude: input.magnitude ? { value: input.magnitude.value, unit: input.magnitude.unit, currency: input.magnitude.currency ?? null } : null,
        confidentiality: input.confidentiality ?? 'INTERNAL',
      });
      recordedIds.push(asset.id);
    }
    expect(new Set(recordedIds).size).toBe(INPUTS.length);
  });

  it('pages the assets with cursors, oldest first, and filters them by category', async () => {
    const a = jurisdictions.create('assets');
    const recordedIds = await recordAll(await a.token('staff'));
    const token = await a.token('viewer');
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: GraphQLResponse<AssetsPage> = await platform.graphql<AssetsPage>(token, ASSETS, { first: 4, after });
      expect(response.errors).toBeUndefined();
      const page: AssetsPage['assets'] = response.data!.assets;
      expect(page.totalCount).toBe(INPUTS.length);
      expect(page.nodes.length).toBeLessThanOrEqual(4);
      seen.push(...page.nodes.map((asset) => asset.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(Math.ceil(INPUTS.length / 4));
    expect(seen).toEqual(recordedIds);

    for (const [category] of CATALOGUE) {
      const listed = await listAll(token, category);
      const expected = recordedIds.filter((_, index) => INPUTS[index].category === category);
      expect(listed.totalCount).toBe(expected.length);
      expect(listed.nodes.map((asset) => asset.id)).toEqual(expected);
    }
  });

  it('updates an asset with the same checks, and the list shows the change', async () => {
    const token = await jurisdictions.create('assets').token('staff');
    const { id } = await record(token, INPUTS[3]);
    const input = FOOD_AND_DRINK;
    const response = await platform.graphql<{ updateAsset: Asset }>(token, UPDATE, { id, input });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateAsset).toMatchObject({ id, name: 'Food and drink exports', countries: ['US', 'CA'], magnitude: { value: 1_250_000, currency: 'USD' } });

    const listed = await listAll(token);
    expect(listed.nodes.find((asset) => asset.id === id)).toMatchObject({ name: 'Food and drink exports', confidentiality: 'NETWORK' });

    // A type of another category is refused, naming the field, as on record.
    const bad = await platform.graphql(token, UPDATE, { id, input: { ...input, type: 'UNIVERSITY' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });

    const unknown = await platform.graphql(token, UPDATE, { id: '00000000-0000-4000-8000-000000000000', input });
    expectCode(unknown, 'NOT_FOUND');
  });

  it('lets a viewer read but not record, update or remove', async () => {
    const a = jurisdictions.create('assets');
    const { id } = await record(await a.token('staff'), INPUTS[0]);
    const token = await a.token('viewer');
    expectCode(await platform.graphql(token, RECORD, { input: INPUTS[0] }), 'FORBIDDEN');
    expectCode(await platform.graphql(token, UPDATE, { id, input: { ...INPUTS[0], name: 'Changed' } }), 'FORBIDDEN');
    expectCode(await platform.graphql(token, REMOVE, { id }), 'FORBIDDEN');
    const listed = await listAll(token);
    expect(listed.totalCount).toBe(1);
    expect(listed.nodes.find((asset) => asset.id === id)?.name).toBe(INPUTS[0].name);
  });

  it('lets staff not remove, and a jurisdiction-admin remove, an asset', async () => {
    const a = jurisdictions.create('assets');
    const staffToken = await a.token('staff');
    const kept = await record(staffToken, INPUTS[0]);
    const { id } = await record(staffToken, INPUTS[11]);
    expectCode(await platform.graphql(staffToken, REMOVE, { id }), 'FORBIDDEN');
    expect((await listAll(staffToken)).totalCount).toBe(2);

    const adminToken = await a.token('jurisdiction-admin');
    const removed = await platform.graphql<{ removeAsset: boolean }>(adminToken, REMOVE, { id });
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeAsset).toBe(true);

    const listed = await listAll(adminToken);
    expect(listed.totalCount).toBe(1);
    expect(listed.nodes.map((asset) => asset.id)).toEqual([kept.id]);
    // Gone means gone: a second removal and an update both find nothing.
    expectCode(await platform.graphql(adminToken, REMOVE, { id }), 'NOT_FOUND');
    expectCode(await platform.graphql(adminToken, UPDATE, { id, input: INPUTS[11] }), 'NOT_FOUND');
  });

  it('shows another jurisdiction none of A’s assets and lets it change none of them', async () => {
    const a = jurisdictions.create('assets-a');
    const staffA = await a.token('staff');
    const target = (await record(staffA, INPUTS[0])).id;
    await record(staffA, INPUTS[2]);
    const before = await listAll(staffA);
    const b = jurisdictions.create('assets-b');
    const staffToken = await b.token('staff');
    const adminToken = await b.token('jurisdiction-admin');

    const listed = await listAll(staffToken);
    expect(listed).toMatchObject({ totalCount: 0, nodes: [] });
    for (const [category] of CATALOGUE) expect((await listAll(staffToken, category)).totalCount).toBe(0);

    const table = await platform.graphql<{ tableOneSummary: Row[] }>(staffToken, TABLE_ONE);
    expect(table.errors).toBeUndefined();
    expect(table.data!.tableOneSummary.every((row) => row.count === 0 && row.keyFigures.length === 0)).toBe(true);

    const update = await platform.graphql(staffToken, UPDATE, { id: target, input: { ...INPUTS[0], name: 'Hijacked' } });
    expectCode(update, 'NOT_FOUND');
    const adminUpdate = await platform.graphql(adminToken, UPDATE, { id: target, input: { ...INPUTS[0], name: 'Hijacked' } });
    expectCode(adminUpdate, 'NOT_FOUND');
    const remove = await platform.graphql(adminToken, REMOVE, { id: target });
    expectCode(remove, 'NOT_FOUND');
    // The answer is the one an unknown id gets: nothing says the asset exists elsewhere.
    const unknown = await platform.graphql(adminToken, REMOVE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(remove.errors?.[0].message.replace(target, 'ID')).toBe(unknown.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', 'ID'));

    const after = await listAll(staffA);
    expect(after).toEqual(before);
    expect((await listAll(staffToken)).totalCount).toBe(0);
  });

  it('refuses a bad currency or country naming the field, and stores nothing', async () => {
    const token = await jurisdictions.create('assets').token('staff');
    const { id } = await record(token, INPUTS[0]);
    const badCurrency = await platform.graphql(token, RECORD, {
      input: { name: 'Bad money', category: 'INSTITUTIONAL_CAPABILITIES', type: 'INTERNATIONAL_AFFAIRS_BUDGET', ...money(1000, 'EURO') },
    });
    expect(badCurrency.status).toBe(200);
    expect(badCurrency.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'magnitude.currency' });

    const badCountry = await platform.graphql(token, RECORD, {
      input: { name: 'Bad country', category: 'ECONOMIC_FOUNDATIONS', type: 'INBOUND_FDI', countries: ['DK', 'Germany'], ...money(5, 'EUR') },
    });
    expect(badCountry.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countries[1]' });
    expect(badCountry.errors?.[0].message).toContain('ISO 3166-1 alpha-2');
    expect(JSON.stringify([badCurrency, badCountry])).not.toMatch(/at .*\.(js|ts):\d+/);

    const badUpdate = await platform.graphql(token, UPDATE, { id, input: { ...INPUTS[0], countries: ['ZZ'] } });
    expect(badUpdate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countries[0]' });

    const listed = await listAll(token);
    expect(listed.totalCount).toBe(1);
    expect(listed.nodes.find((asset) => asset.id === id)?.countries).toEqual([]);
  });

  it('summarises Table 1 with the counts and key figures of the recorded assets', async () => {
    const a = jurisdictions.create('assets');
    const { current } = await recordUpdateAndRemove(a);
    const sumFigures = (inputs: AssetInput[]): KeyFigure[] => {
      const totals = new Map<string, KeyFigure>();
      for (const { magnitude } of inputs) {
        if (!magnitude) continue;
        const currency = magnitude.currency ?? null;
        const key = `${magnitude.unit}|${currency ?? ''}`;
        const figure = totals.get(key) ?? { unit: magnitude.unit, currency, total: 0, assets: 0 };
        figure.total += magnitude.value;
        figure.assets += 1;
        totals.set(key, figure);
      }
      return [...totals.values()].sort((a, b) => (a.unit + '|' + (a.currency ?? '')).localeCompare(b.unit + '|' + (b.currency ?? '')));
    };
    const assets = [...current.values()];
    const expected: Row[] = CATALOGUE.map(([category, types]) => {
      if (category === 'EXISTING_INTERNATIONAL_RELATIONSHIPS') {
        // Counted from relationships; none are recorded here.
        return {
          category,
          count: 0,
          keyFigures: [],
          byType: RELATIONSHIP_TYPES.map((type) => ({ type, count: 0, keyFigures: [] })),
          byStatus: RELATIONSHIP_STATUSES.map((status) => ({ status, count: 0 })),
        };
      }
      const inCategory = assets.filter((asset) => asset.category === category);
      return {
        category,
        count: inCategory.length,
        keyFigures: sumFigures(inCategory),
        byType: types.map((type) => {
          const ofType = inCategory.filter((asset) => asset.type === type);
          return { type: kebab(type), count: ofType.length, keyFigures: sumFigures(ofType) };
        }),
        byStatus: [],
      };
    });

    for (const role of ['viewer', 'staff', 'jurisdiction-admin'] as const) {
      const response = await platform.graphql<{ tableOneSummary: Row[] }>(await a.token(role), TABLE_ONE);
      expect(response.errors).toBeUndefined();
      expect(response.data!.tableOneSummary).toEqual(expected);
    }
    // The figures that matter to a reader, spelled out once: euros and dollars never add up.
    const economic = expected[0];
    expect(economic.count).toBe(6);
    expect(economic.keyFigures).toEqual([
      { unit: 'jobs', currency: null, total: 6000, assets: 2 },
      { unit: 'money', currency: 'EUR', total: 3_550_000, assets: 3 },
      { unit: 'money', currency: 'USD', total: 1_250_000, assets: 1 },
    ]);
  });

  it('announces every change on registry.asset.v1, keyed by asset id, with no internal-only field of an internal asset', async () => {
    const a = jurisdictions.create('assets');
    const { ids: recordedIds, current } = await recordUpdateAndRemove(a);
    // A refused write announces nothing.
    expectCode(await platform.graphql(await a.token('staff'), RECORD, { input: { ...INPUTS[0], countries: ['ZZ'] } }), 'BAD_USER_INPUT');
    // 15 recorded, 1 updated, 1 removed.
    const expectedCount = INPUTS.length + 2;
    const kafka = new Kafka({ clientId: `assets-reader-${randomUUID()}`, brokers: (process.env.KAFKA_BROKERS ?? '').split(','), logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: `assets-reader-${randomUUID()}` });
    const events: Array<{ key: string | null; event: EventEnvelope }> = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [TOPICS.registryAsset], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const event = parseEvent(message.value);
          // The topic is shared by every test and run; only this test's jurisdiction counts.
          if (event.jurisdictionId === a.id) events.push({ key: message.key?.toString() ?? null, event });
        },
      });
      const started = Date.now();
      while (events.length < expectedCount && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await reader.disconnect();
    }

    expect(events).toHaveLength(expectedCount);
    const byType = (type: string) => events.filter(({ event }) => event.type === type);
    expect(byType('registry.asset.recorded')).toHaveLength(INPUTS.length);
    expect(byType('registry.asset.updated').map(({ event }) => event.aggregateId)).toEqual([recordedIds[3]]);
    expect(byType('registry.asset.removed').map(({ event }) => event.payload)).toEqual([
      { assetId: recordedIds[11], category: 'innovation-strengths', type: 'civic-or-nonprofit-organisation' },
    ]);
    const INTERNAL_ONLY = ['name', 'description', 'magnitude', 'sourceOrganisation', 'asOf'];
    for (const { key, event } of events) {
      expect(key).toBe(event.aggregateId);
      const payload = event.payload as Record<string, unknown>;
      expect(payload.assetId).toBe(event.aggregateId);
      if (event.type === 'registry.asset.removed') continue;
      const input = event.type === 'registry.asset.updated' ? current.get(event.aggregateId)! : INPUTS[recordedIds.indexOf(event.aggregateId)];
      expect(payload).toMatchObject({
        category: kebab(input.category),
        type: kebab(input.type),
        countries: (input.countries ?? []).map((code) => code.toUpperCase()),
        confidentiality: (input.confidentiality ?? 'INTERNAL').toLowerCase(),
      });
      if (payload.confidentiality === 'internal') {
        for (const field of INTERNAL_ONLY) expect(payload).not.toHaveProperty(field);
      } else {
        expect(payload).toMatchObject({ name: input.name, magnitude: input.magnitude ? { value: input.magnitude.value } : null });
      }
    }
    expect(events.filter(({ event }) => (event.payload as { confidentiality?: string }).confidentiality === 'internal').length).toBeGreaterThan(0);
  });

  it('shows each write in the very next Table 1 summary and country profile: a cached view is never stale', async () => {
    const PROFILE = `query Profile($country: String!) { countryProfile(country: $country, first: 100) { country exports { assets { id name } } } }`;
    const a = jurisdictions.create('assets');
    const staffToken = await a.token('staff');
    // Something in both views before the write: an export to Denmark and a key industry.
    await record(staffToken, INPUTS[2]);
    await record(staffToken, INPUTS[0]);
    const viewerToken = await a.token('viewer');
    const read = async (): Promise<{ economic: number; exports: string[] }> => {
      const table = await platform.graphql<{ tableOneSummary: Row[] }>(viewerToken, TABLE_ONE);
      const profile = await platform.graphql<{ countryProfile: { exports: { assets: Array<{ id: string }> } } }>(viewerToken, PROFILE, { country: 'DK' });
      expect(table.errors).toBeUndefined();
      expect(profile.errors).toBeUndefined();
      return {
        economic: table.data!.tableOneSummary.find((row) => row.category === 'ECONOMIC_FOUNDATIONS')!.count,
        exports: profile.data!.countryProfile.exports.assets.map((asset) => asset.id),
      };
    };
    // Twice, so that both views are cached before the write.
    const before = await read();
    expect(await read()).toEqual(before);
    expect(before.exports).toHaveLength(1);

    const input: AssetInput = { name: 'Offshore cables', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['DK'], ...money(400_000, 'EUR') };
    const { id } = await record(staffToken, input);
    const afterRecord = await read();
    expect(afterRecord.economic).toBe(before.economic + 1);
    expect(afterRecord.exports).toEqual([...before.exports, id]);

    const moved = await platform.graphql(staffToken, UPDATE, { id, input: { ...input, countries: ['SE'] } });
    expect(moved.errors).toBeUndefined();
    const afterUpdate = await read();
    expect(afterUpdate.exports).toEqual(before.exports);
    expect(afterUpdate.economic).toBe(before.economic + 1);

    const removed = await platform.graphql(await a.token('jurisdiction-admin'), REMOVE, { id });
    expect(removed.errors).toBeUndefined();
    expect((await read()).economic).toBe(before.economic);
  });

  it('shows each section of a country profile counted and summed, its first assets listed, and the rest a page at a time', async () => {
    type Section = { count: number; keyFigures: Array<{ unit: string; currency: string | null; total: number; assets: number }>; assets: Array<{ id: string }>; hasMore: boolean; endCursor: string | null };
    const SECTION = `count keyFigures { unit currency total assets } assets { id } hasMore endCursor`;
    const PROFILE = `query($first: Int) { countryProfile(country: "nz", first: $first) { country exports { ${SECTION} } culturalConnections { ${SECTION} } otherAssets { ${SECTION} } } }`;
    const PAGE = `query($after: String, $first: Int) { countryProfileAssets(country: "NZ", section: EXPORTS, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const a = jurisdictions.create('assets');
    const staff = await a.token('staff');
    const recordedIds: string[] = [];
    for (let i = 0; i < 13; i += 1) {
      const input: AssetInput = { name: `Dairy exports ${i + 1}`, category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['NZ'], ...money(1_000 * (i + 1), i % 2 === 0 ? 'NZD' : 'EUR') };
      const recorded = await platform.graphql<{ recordAsset: { id: string } }>(staff, RECORD, { input });
      expect(recorded.errors).toBeUndefined();
      recordedIds.push(recorded.data!.recordAsset.id);
    }
    const diaspora = await platform.graphql<{ recordAsset: { id: string } }>(staff, RECORD, {
      input: { name: 'New Zealanders in town', category: 'CULTURAL_AND_COMMUNITY_CONNECTIONS', type: 'DIASPORA_COMMUNITY', countries: ['NZ', 'AU'], ...figure(350, 'people') },
    });
    expect(diaspora.errors).toBeUndefined();

    const read = async (first?: number) => {
      const response = await platform.graphql<{ countryProfile: { country: string; exports: Section; culturalConnections: Section; otherAssets: Section } }>(await a.token('viewer'), PROFILE, { first });
      expect(response.errors).toBeUndefined();
      return response.data!.countryProfile;
    };
    const profile = await read();
    expect(profile.country).toBe('NZ');
    // 1+3+…+13 thousand NZD and 2+4+…+12 thousand EUR, never added together.
    expect(profile.exports).toMatchObject({
      count: 13,
      keyFigures: [
        { unit: 'money', currency: 'EUR', total: 42_000, assets: 6 },
        { unit: 'money', currency: 'NZD', total: 49_000, assets: 7 },
      ],
      hasMore: true,
    });
    expect(profile.exports.assets.map((asset) => asset.id)).toEqual(recordedIds.slice(0, 10));
    expect(profile.culturalConnections).toMatchObject({ count: 1, keyFigures: [{ unit: 'people', currency: null, total: 350, assets: 1 }], assets: [{ id: diaspora.data!.recordAsset.id }], hasMore: false });
    expect(profile.otherAssets).toMatchObject({ count: 0, keyFigures: [], assets: [], hasMore: false, endCursor: null });

    // The rest of the section from where the profile stopped.
    const rest = await platform.graphql<{ countryProfileAssets: { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean } } }>(await a.token('viewer'), PAGE, { after: profile.exports.endCursor });
    expect(rest.errors).toBeUndefined();
    expect(rest.data!.countryProfileAssets).toMatchObject({ totalCount: 13, pageInfo: { hasNextPage: false } });
    expect(rest.data!.countryProfileAssets.nodes.map((asset) => asset.id)).toEqual(recordedIds.slice(10));
    expect((await read(2)).exports.assets.map((asset) => asset.id)).toEqual(recordedIds.slice(0, 2));
    expect((await read(30)).exports.assets.map((asset) => asset.id)).toEqual(recordedIds);

    // Removing one of the first ten moves the eleventh up; moving one to Australia takes it out of New Zealand's profile.
    expect((await platform.graphql(await a.token('jurisdiction-admin'), REMOVE, { id: recordedIds[3] })).errors).toBeUndefined();
    const moved: AssetInput = { name: 'Dairy exports 1', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['AU'], ...money(1_000, 'NZD') };
    expect((await platform.graphql(staff, UPDATE, { id: recordedIds[0], input: moved })).errors).toBeUndefined();
    const after = await read();
    const left = recordedIds.filter((_, i) => i !== 3 && i !== 0);
    expect(after.exports).toMatchObject({ count: 11, hasMore: true });
    expect(after.exports.assets.map((asset) => asset.id)).toEqual(left.slice(0, 10));
    expect(after.exports.keyFigures).toEqual([
      { unit: 'money', currency: 'EUR', total: 38_000, assets: 5 },
      { unit: 'money', currency: 'NZD', total: 48_000, assets: 6 },
    ]);

    // Bad arguments are refused naming the field.
    const badFirst = await platform.graphql(await a.token('viewer'), PROFILE, { first: 0 });
    expect(badFirst.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badFirst.errors?.[0]?.extensions?.['field']).toBe('first');
    const badCursor = await platform.graphql(await a.token('viewer'), PAGE, { after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(badCursor.errors?.[0]?.extensions?.['field']).toBe('after');
  });
});
