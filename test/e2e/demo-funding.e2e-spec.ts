import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser, waitForMail } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestPlatform, testJurisdictions } from '@entente/e2e-support';
import { DEMO_JURISDICTIONS, DEMO_PLANS, DEMO_SEARCH, type DemoFileServer, seedDemoFunding, seedDemoStrategy, startDemoFileServer } from '@entente/platform';

/**
 * npm start's demo funding against the test platform: the three demo files
 * served over HTTP, the sources read from them, Rostock's demo priorities
 * matched by their calls, and the saved search's mail in the mail server
 * within a minute of seeding. Seeding again adds no source and no search.
 */
describe("npm start's demo funding", () => {
  let platform: TestPlatform;
  let files: DemoFileServer;
  let platformAdmin: TestUser;
  const jurisdictions = testJurisdictions();
  const dir = mkdtempSync(join(tmpdir(), 'entente-demo-files-'));

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'demo-funding' });
    files = await startDemoFileServer({ dir, port: 0, mailApiUrl: testEndpoints().mailApiUrl });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);

  afterAll(async () => {
    await files?.close();
    await platform?.stop();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
    await jurisdictions.deleteUsers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the three demo sources, matches them to Rostock’s priorities and mails its staff within a minute; again, it adds nothing', async () => {
    const rostock = jurisdictions.create('demo-rostock');
    // Rostock's profile under a jurisdiction of the test's own (its Wikidata id belongs to the demo's Rostock).
    const { id: _id, wikidataId: _wikidataId, ...profile } = DEMO_JURISDICTIONS.find((j) => j.id === 'rostock') as (typeof DEMO_JURISDICTIONS)[number];
    ok(await platform.graphql(await platformAdmin.token(), 'mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }', { input: { id: rostock.id, ...profile } }));
    const staff = await rostock.user('staff');
    await seedDemoStrategy(platform.gatewayUrl, await staff.token(), DEMO_PLANS.rostock as (typeof DEMO_PLANS)[string]);

    const prefix = `t${randomBytes(3).toString('hex')}-`;
    const options = {
      graphql: (token: string, query: string, variables?: Record<string, unknown>) => platform.graphql(token, query, variables),
      platformAdminToken: () => platformAdmin.token(),
      staffToken: () => staff.token(),
      filesUrl: files.url,
      idPrefix: prefix,
    };
    const started = Date.now();
    const seeded = await seedDemoFunding(options);
    expect(seeded.searchCreated).toBe(true);
    expect(seeded.addedSources).toEqual([`${prefix}demo-grants-gov`, `${prefix}demo-embassy-berlin`, `${prefix}demo-programmes`]);

    // Each source read from the file server: the extract's few hundred records, the feed's 4 items, the CSV's 6 rows.
    type Source = { id: string; lastRun: { status: string; counts: { read: number; new: number; skipped: number } } | null };
    const { value: sources } = await eventually(
      async () =>
        ok(await platform.graphql<{ fundingSources: { nodes: Source[] } }>(await platformAdmin.token(), '{ fundingSources(first: 100) { nodes { id lastRun { status counts { read new skipped } } } } }')).fundingSources.nodes.filter((source) =>
          source.id.startsWith(prefix),
        ),
      (found) => found.length === 3 && found.every((source) => source.lastRun?.status === 'SUCCEEDED'),
      60_000,
    );
    const counts = Object.fromEntries(sources.map((source) => [source.id.slice(prefix.length), source.lastRun?.counts]));
    expect(counts['demo-embassy-berlin']).toEqual({ read: 4, new: 4, skipped: 0 });
    expect(counts['demo-programmes']).toEqual({ read: 6, new: 6, skipped: 0 });
    expect(counts['demo-grants-gov']?.read).toBe(300);

    // Rostock's priorities (Baltic maritime trade, offshore wind, youth exchanges) find the feed's and the CSV's calls.
    type Match = { opportunityId: string; title: string; score: number; explanation: string };
    const { value: matches } = await eventually(
      async () =>
        ok(await platform.graphql<{ opportunityMatches: Match[] }>(await staff.token(), '{ opportunityMatches(first: 100) { opportunityId title score explanation } }')).opportunityMatches.filter((match) =>
          match.opportunityId.startsWith(prefix),
        ),
      (found) => found.length >= 5,
      30_000,
    );
    expect(matches.map((match) => match.title).sort()).toEqual([
      'Baltic Sea youth mobility fund',
      'German-American youth and school exchange small grants',
      'Offshore wind partnerships with Danish and Polish ports',
      'Small projects: green ports and short-sea shipping',
      'Transatlantic energy transition exchanges for port cities',
    ]);
    expect(matches.find((match) => match.title.startsWith('Small projects'))?.explanation).toMatch(/^matches priority 'Baltic maritime trade' on themes ports and shipping, country DK/);

    // The saved search's mail, within a minute of seeding.
    const address = `${staff.username}@test.entente.local`;
    const inbox = await waitForMail(address, (mails) => mails.some((mail) => mail.subject.includes('Small projects: green ports and short-sea shipping')), Math.max(1_000, 60_000 - (Date.now() - started)));
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(inbox.find((mail) => mail.subject.includes('Small projects'))?.text).toContain(`for "${DEMO_SEARCH.name}"`);
    // npm start prints the demo mailbox page: the same mail, readable, its HTML framed without scripts.
    const page = await fetch(`${files.url}/mail/${encodeURIComponent(address)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(`<h1>Mail to ${address}</h1>`);
    expect(html).toContain('Small projects: green ports and short-sea shipping');
    expect(html).toMatch(/<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" title="Body of “[^"]*Small projects[^"]*”" srcdoc="&lt;base target=&quot;_blank&quot;&gt;/);
    expect((await fetch(`${files.url}/mail/not-an-address`)).status).toBe(400);

    // Again, as a second npm start does: nothing added.
    const again = await seedDemoFunding(options);
    expect(again).toEqual({ addedSources: [], sources: seeded.sources, searchId: seeded.searchId, searchCreated: false });
    const searches = ok(await platform.graphql<{ savedSearches: { nodes: Array<{ name: string }> } }>(await staff.token(), '{ savedSearches(first: 100) { nodes { name } } }')).savedSearches.nodes;
    expect(searches.filter((search) => search.name === DEMO_SEARCH.name)).toHaveLength(1);
  }, 180_000);
});
