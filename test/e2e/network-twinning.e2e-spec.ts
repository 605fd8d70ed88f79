import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '../support';

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
const TWINNING = join(DATA, 'wikidata-twinning');

/** Three real Eurocities members, tied to each other and to several of the same cities in the shared twinning data. */
const MEMBERS = [
  { name: 'Reykjavik', wikidataId: 'Q1764', country: 'IS', timeZone: 'Atlantic/Reykjavik', currency: 'ISK', language: 'is' },
  { name: 'Helsinki', wikidataId: 'Q1757', country: 'FI', timeZone: 'Europe/Helsinki', currency: 'EUR', language: 'fi' },
  { name: 'Copenhagen', wikidataId: 'Q1748', country: 'DK', timeZone: 'Europe/Copenhagen', currency: 'DKK', language: 'da' },
];

/**
 * What the shared data implies for a network of these members: every place
 * two or more of them are tied to (ties are undirected: a P190 edge either
 * way), except the members themselves — a tie between two members of the
 * network is no foreign city to engage together.
 */
function expectedPlaces(): Map<string, string[]> {
  const members = new Set(MEMBERS.map((m) => m.wikidataId));
  const tiedTo = new Map<string, Set<string>>();
  for (const line of readFileSync(join(TWINNING, 'relations.tsv'), 'utf8').split('\n')) {
    const [a, b] = line.trim().split('\t');
    if (!a || !b || a === b) continue;
    for (const [member, place] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!members.has(member) || members.has(place)) continue;
      const set = tiedTo.get(place) ?? new Set<string>();
      set.add(member);
      tiedTo.set(place, set);
    }
  }
  return new Map([...tiedTo].filter(([, set]) => set.size >= 2).map(([place, set]) => [place, [...set].sort()]));
}

/**
 * Issue 11: importing the shared Wikidata twinning ties for several members
 * surfaces the shared-foreign-city suggestions the data implies. The
 * imported partners carry the counterpart's Wikidata id and no country, so
 * spotting finds a city by its Wikidata id.
 */
describe('network: twinning ties imported from Wikidata become coordinated-engagement suggestions', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  const jurisdictions = testJurisdictions();

  const JOB = `id status counts { created skipped } failure`;
  type Job = { id: string; status: string; counts: { created: number; skipped: number }; failure: string | null };
  type Suggestion = { key: string; kind: string; explanation: string; members: Array<{ jurisdictionId: string }>; evidence: Array<{ jurisdictionId: string | null; kind: string }> };

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  async function finished(token: string, job: Job): Promise<Job> {
    const { value } = await eventually(
      async () => ok(await platform.graphql<{ importJob: Job }>(token, `query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: job.id })).importJob,
      (current) => current.status === 'SUCCEEDED' || current.status === 'FAILED',
      120_000,
    );
    return value;
  }

  /**
   * The catalogue is platform-wide: loaded from the shared pair unless a spec
   * of this run loaded that pair already. Another spec on the same platform
   * (the fuzz) loads a two-place catalogue of its own, so any catalogue is not
   * enough: it must hold every place the shared names file names.
   */
  async function ensureCatalogue(): Promise<void> {
    const token = await platformAdmin.token();
    const relations = readFileSync(join(TWINNING, 'relations.tsv'), 'utf8');
    const names = readFileSync(join(TWINNING, 'names.tsv'), 'utf8');
    const sharedPlaces = names.split('\n').filter((line) => line.trim() !== '').length;
    const current = ok(await platform.graphql<{ twinningCatalogue: { places: number } | null }>(token, `{ twinningCatalogue { places } }`)).twinningCatalogue;
    if (current?.places === sharedPlaces) return;
    const started = ok(await platform.graphql<{ loadTwinningCatalogue: Job }>(token, `mutation($r: String!, $n: String!) { loadTwinningCatalogue(relations: $r, names: $n) { ${JOB} } }`, { r: relations, n: names })).loadTwinningCatalogue;
    expect((await finished(token, started)).status).toBe('SUCCEEDED');
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-twinning' });
    [platformAdmin, coordinator] = await Promise.all([createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }), createTestUser({ jurisdiction: 'nordic-office', roles: ['regional-coordinator'] })]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    await Promise.all([platformAdmin, coordinator].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('suggests engaging each city two or more members are twinned with, by its Wikidata id, and none of the members themselves', async () => {
    await ensureCatalogue();
    const expected = expectedPlaces();
    // The data this test rests on: six places, each shared by two or three of the members.
    expect(expected.size).toBeGreaterThanOrEqual(5);

    const members: Array<TestJurisdiction & (typeof MEMBERS)[number]> = [];
    for (const member of MEMBERS) {
      const j = jurisdictions.create(member.name.toLowerCase());
      ok(
        await platform.graphql(
          await platformAdmin.token(),
          `mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }`,
          { input: { id: j.id, name: member.name, level: 'CITY', country: member.country, wikidataId: member.wikidataId, timeZone: member.timeZone, currency: member.currency, fiscalYearStart: '01-01', languages: [member.language] } },
        ),
      );
      members.push({ ...j, ...member });
    }
    const byPlace = new Map(members.map((m) => [m.wikidataId, m.id]));

    // Each member imports its own ties: partners named by Wikidata id with no country, and sister-city relationships.
    for (const member of members) {
      const token = await member.token('staff');
      const job = ok(await platform.graphql<{ importTwinningTies: Job }>(token, `mutation($q: String) { importTwinningTies(wikidataId: $q) { ${JOB} } }`, { q: member.wikidataId })).importTwinningTies;
      const done = await finished(token, job);
      expect(done).toMatchObject({ status: 'SUCCEEDED', failure: null });
      // Each of these members has ties in the shared data; none imported means the catalogue in use is not the shared one.
      expect(done.counts.created).toBeGreaterThan(0);
    }

    const networkId = ok(await platform.graphql<{ createNetwork: { id: string } }>(await coordinator.token(), `mutation { createNetwork(input: { name: "Nordic capitals (twinning)" }) { id } }`)).createNetwork.id;
    for (const member of members) {
      const token = await coordinator.token();
      ok((await eventually(() => platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: networkId, j: member.id }), (r) => !r.errors, 90_000)).value);
      const admin = await member.token('jurisdiction-admin');
      ok(await platform.graphql(admin, `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: networkId }));
      for (const scope of ['PARTNERS', 'RELATIONSHIPS']) ok(await platform.graphql(admin, `mutation($n: ID!, $s: SharingScope!) { shareWithNetwork(input: { networkId: $n, scope: $s }) { id } }`, { n: networkId, s: scope }));
    }

    const SUGGESTIONS = `query($n: ID!) { networkSuggestions(networkId: $n) { key kind explanation members { jurisdictionId } evidence { jurisdictionId kind } } }`;
    const engagementKeys = [...expected.keys()].map((place) => `engagement-city/*/${place}`).sort();
    const { value: suggestions } = await eventually(
      async () => ok(await platform.graphql<{ networkSuggestions: Suggestion[] }>(await coordinator.token(), SUGGESTIONS, { n: networkId })).networkSuggestions,
      (found) =>
        found
          .filter((s) => s.key.startsWith('engagement-city/'))
          .map((s) => s.key)
          .sort()
          .join() === engagementKeys.join(),
      60_000,
    );
    const cities = suggestions.filter((s) => s.key.startsWith('engagement-city/'));
    expect(cities.map((s) => s.key).sort()).toEqual(engagementKeys);
    for (const suggestion of cities) {
      const place = suggestion.key.split('/')[2] as string;
      expect(suggestion.kind).toBe('COORDINATED_ENGAGEMENT');
      // The members the data ties to the place, each cited by its shared partner.
      expect(suggestion.members.map((m) => m.jurisdictionId).sort()).toEqual((expected.get(place) as string[]).map((q) => byPlace.get(q)).sort());
      expect(suggestion.evidence.every((e) => e.kind === 'partner')).toBe(true);
      expect(suggestion.explanation).toContain(`Wikidata ${place}; no member recorded its country`);
    }
    // The members are tied to each other too, but a member of the network is no foreign city to engage together.
    for (const member of members) expect(suggestions.some((s) => s.key === `engagement-city/*/${member.wikidataId}`)).toBe(false);
    // The partners have no country, so no country-wide engagement is suggested from them.
    expect(suggestions.filter((s) => s.key.startsWith('engagement-country/'))).toEqual([]);
  });
});
