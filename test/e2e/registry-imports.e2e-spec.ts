import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { EventEnvelope, parseEvent, TOPICS } from '@entente/contracts';
import { createTestUser, deleteTestUser, testEndpoints, TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestJurisdiction, TestPlatform, testJurisdictions } from '../support';

const REPO_ROOT = join(__dirname, '..', '..');
const TWINNING = join(REPO_ROOT, '..', 'shared', 'data', 'wikidata-twinning');
const run = promisify(execFile);

/**
 * Imports through the gateway with real tokens: the platform-wide twinning
 * catalogue from the shared TSV pair, Rostock's ties from it (each tie once,
 * nothing new the second time), partners a twinning import named by their
 * Wikidata id renamed when the catalogue is loaded, CSV files that are refused
 * as a whole when a row is bad and applied as a whole when good, countries
 * read by name with a row whose country cannot be placed left out, roles and
 * tenancy of jobs, a job resumed after the registry is killed, and the CLI.
 */
describe('registry imports through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let scratch: string;

  const JOB = `id kind status summary progress { done total } report { row field reason } counts { created skipped } failure createdBy finishedAt`;
  const JOB_QUERY = `query($id: ID!) { importJob(id: $id) { ${JOB} } }`;
  const ENTITY = `mutation($json: String!) { importWikidataEntity(json: $json) { ${JOB} } }`;
  const LOAD = `mutation($relations: String!, $names: String!) { loadTwinningCatalogue(relations: $relations, names: $names) { ${JOB} } }`;
  const TIES = `mutation($wikidataId: String) { importTwinningTies(wikidataId: $wikidataId) { ${JOB} } }`;
  const PARTNERS_CSV = `mutation($csv: String!) { importPartnersCsv(csv: $csv) { ${JOB} } }`;
  const ASSETS_CSV = `mutation($csv: String!) { importAssetsCsv(csv: $csv) { ${JOB} } }`;
  const RELATIONSHIPS_CSV = `mutation($csv: String!) { importRelationshipsCsv(csv: $csv) { ${JOB} } }`;
  const PARTNERS = `query { partners(first: 100) { totalCount nodes { id name country wikidataId } } }`;
  const RELATIONSHIPS = `query { relationships(first: 100) { totalCount nodes { partnerId partnerName partnerCountry type status } } }`;
  const ASSETS = `query { assets(first: 100) { totalCount nodes { name category type countries } } }`;

  interface Job {
    id: string;
    kind: string;
    status: string;
    progress: { done: number; total: number };
    report: Array<{ row: number; field: string; reason: string }>;
    counts: { created: number; skipped: number };
    failure: string | null;
  }

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  async function start(token: string, mutation: string, variables: Record<string, unknown>): Promise<Job> {
    const data = ok(await platform.graphql<Record<string, Job>>(token, mutation, variables));
    return Object.values(data)[0] as Job;
  }

  async function finished(token: string, job: Job, timeoutMs = 60_000): Promise<Job> {
    const { value } = await eventually(
      async () => ok(await platform.graphql<{ importJob: Job }>(token, JOB_QUERY, { id: job.id })).importJob,
      (current) => current.status === 'SUCCEEDED' || current.status === 'FAILED',
      timeoutMs,
    );
    return value;
  }

  async function count(token: string, query: string, key: 'partners' | 'relationships' | 'assets'): Promise<number> {
    return ok(await platform.graphql<Record<string, { totalCount: number }>>(token, query))[key]?.totalCount ?? -1;
  }

  // Each test imports into a jurisdiction of its own: the counts it reads are of its own imports, in any order.
  const jurisdictions = testJurisdictions();
  const CATALOGUE = `{ twinningCatalogue { places ties directedEdges } }`;
  const sharedPair = () => ({ relations: readFileSync(join(TWINNING, 'relations.tsv'), 'utf8'), names: readFileSync(join(TWINNING, 'names.tsv'), 'utf8') });
  /**
   * The catalogue is platform-wide: a test that imports ties loads the shared
   * pair unless a catalogue is loaded already (the load test may have done it).
   */
  async function ensureCatalogue(): Promise<void> {
    const token = await platformAdmin.token();
    if (ok(await platform.graphql<{ twinningCatalogue: unknown }>(token, CATALOGUE)).twinningCatalogue) return;
    const job = await finished(token, await start(token, LOAD, sharedPair()), 90_000);
    expect(job.status).toBe('SUCCEEDED');
  }
  /** The answer to a ties import while no catalogue is loaded, asked before any test can load one. */
  let tiesBeforeAnyCatalogue: GraphQLResponse;

  /**
   * A city's entity JSON imported before any catalogue is loaded, in the
   * shape of Special:EntityData: its counterparts can be named only by their
   * Wikidata ids. Q1773 (Riga) and Q25319 (Aarhus) are in the shared
   * catalogue, Q999999999 is not.
   */
  const twin = (qid: string) => ({
    mainsnak: { snaktype: 'value', property: 'P190', datavalue: { value: { 'entity-type': 'item', id: qid }, type: 'wikibase-entityid' }, datatype: 'wikibase-item' },
    type: 'statement',
    rank: 'normal',
  });
  const ROSTOCK_ENTITY = JSON.stringify({ entities: { Q2861: { id: 'Q2861', type: 'item', claims: { P190: ['Q1773', 'Q25319', 'Q999999999'].map(twin) } } } });
  let namedBeforeCatalogue: { jurisdiction: TestJurisdiction; staff: TestUser; job: Job; names: Record<string, string> };

  beforeAll(async () => {
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
    scratch = mkdtempSync(join(tmpdir(), 'entente-imports-'));
    // A short lease so that the restart test does not wait 15 s for the killed runner's claim to lapse.
    platform = await startTestPlatform({ name: 'imports', appEnv: { registry: { IMPORT_LEASE_MS: '2000', IMPORT_POLL_INTERVAL_MS: '500' } } });
    tiesBeforeAnyCatalogue = await platform.graphql(await jurisdictions.create('imp').token('staff'), TIES, { wikidataId: 'Q2861' });

    // Before any test can load the catalogue: partners named by their Wikidata ids, one of which a person then renames.
    const jurisdiction = jurisdictions.create('imp-names');
    const staff = await jurisdiction.user('staff');
    const job = await finished(await staff.token(), await start(await staff.token(), ENTITY, { json: ROSTOCK_ENTITY }));
    const partners = ok(await platform.graphql<{ partners: { nodes: Array<{ id: string; name: string; wikidataId: string }> } }>(await staff.token(), PARTNERS)).partners.nodes;
    const aarhus = partners.find((partner) => partner.wikidataId === 'Q25319');
    if (aarhus) ok(await platform.graphql(await staff.token(), `mutation($id: ID!) { updatePartner(id: $id, input: { name: "Århus Kommune" }) { id } }`, { id: aarhus.id }));
    namedBeforeCatalogue = { jurisdiction, staff, job, names: Object.fromEntries(partners.map((partner) => [partner.wikidataId, partner.name])) };
  });

  afterAll(async () => {
    await platform?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
    await jurisdictions.deleteUsers();
  });

  it('refuses twinning ties before a catalogue is loaded, and the catalogue to anyone but a platform-admin', async () => {
    expect(tiesBeforeAnyCatalogue.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const byStaff = await platform.graphql(await jurisdictions.create('imp').token('staff'), LOAD, { relations: 'Q1\tQ2\n', names: 'Q1\tOne\n' });
    expect(byStaff.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('fails a catalogue with a bad line naming file and line, keeping none of it', async () => {
    const token = await platformAdmin.token();
    const before = ok(await platform.graphql<{ twinningCatalogue: unknown }>(token, CATALOGUE)).twinningCatalogue;
    const job = await finished(token, await start(token, LOAD, { relations: 'Q1\tQ2\nQ3\tBerlin\nQ4\tQ4\n', names: 'Q1\tOne\nnope\n' }));
    expect(job.status).toBe('FAILED');
    expect(job.report.map((r) => [r.field, r.row])).toEqual([
      ['relations.tsv', 2],
      ['relations.tsv', 3],
      ['names.tsv', 2],
    ]);
    // Whatever was loaded before (nothing, or the shared pair) is still what a reader sees.
    const catalogue = ok(await platform.graphql<{ twinningCatalogue: unknown }>(await jurisdictions.create('imp').token('staff'), CATALOGUE));
    expect(catalogue.twinningCatalogue).toEqual(before);
  });

  it('loads the shared TSV pair as the platform-wide catalogue, and resumes the load when the registry is killed midway', async () => {
    const token = await platformAdmin.token();
    const job = await start(token, LOAD, sharedPair());
    expect(job.status).toBe('QUEUED');

    // Killed while the job is still running (reading 34k lines and writing 10k places takes seconds): the restarted registry must finish it.
    const before = ok(await platform.graphql<{ importJob: Job }>(token, JOB_QUERY, { id: job.id })).importJob;
    await platform.kill('registry', 'SIGKILL');
    expect(['QUEUED', 'VALIDATING', 'APPLYING']).toContain(before.status);
    await platform.start('registry', { IMPORT_LEASE_MS: '2000', IMPORT_POLL_INTERVAL_MS: '500' });

    const done = await finished(await platformAdmin.token(), job, 90_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', counts: { created: 10_055, skipped: 4 }, progress: { done: 10_055, total: 10_055 } });
    const catalogue = ok(await platform.graphql<{ twinningCatalogue: { places: number; ties: number; directedEdges: number } }>(await platformAdmin.token(), CATALOGUE));
    expect(catalogue.twinningCatalogue).toEqual({ places: 10_055, ties: 17_401, directedEdges: 34_178 });
  });

  it("imports Rostock's ties as 16 partners of unknown country and 16 prospective sister-city relationships", async () => {
    await ensureCatalogue();
    const staffUser = await jurisdictions.create('imp').user('staff');
    const token = await staffUser.token();
    const job = await finished(token, await start(token, TIES, { wikidataId: 'Q2861' }));
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { created: 32, skipped: 0 }, progress: { done: 32, total: 32 } });
    // Each new partner is flagged for a person to give its country.
    expect(job.report.filter((r) => r.field === 'country')).toHaveLength(16);

    const partners = ok(await platform.graphql<{ partners: { totalCount: number; nodes: Array<{ id: string; name: string; country: string | null; wikidataId: string }> } }>(token, PARTNERS)).partners;
    expect(partners.totalCount).toBe(16);
    expect(new Set(partners.nodes.map((p) => p.wikidataId)).size).toBe(16);
    expect(partners.nodes.every((p) => p.country === null)).toBe(true);
    expect(partners.nodes).toContainEqual(expect.objectContaining({ name: 'Aarhus', wikidataId: 'Q25319' }));
    // The history says the partner came from an import, and who ran it.
    const aarhus = partners.nodes.find((p) => p.wikidataId === 'Q25319')!;
    const history = ok(await platform.graphql<{ recordHistory: { recordType: string; entries: Array<{ action: string; byName: string }> } }>(
      token,
      `query($id: ID!) { recordHistory(id: $id) { recordType entries { action byName } } }`,
      { id: aarhus.id },
    )).recordHistory;
    expect(history.entries).toEqual([{ action: 'imported', byName: staffUser.username }]);

    const relationships = ok(await platform.graphql<{ relationships: { totalCount: number; nodes: Array<{ partnerId: string; type: string; status: string }> } }>(token, RELATIONSHIPS)).relationships;
    expect(relationships.totalCount).toBe(16);
    expect(relationships.nodes.every((r) => r.type === 'SISTER_CITY' && r.status === 'PROSPECTIVE')).toBe(true);
    expect(new Set(relationships.nodes.map((r) => r.partnerId))).toEqual(new Set(partners.nodes.map((p) => p.id)));
  });

  it('names the partners a twinning import made before the catalogue was loaded once it is, as the system, and a second load changes nothing', async () => {
    const { jurisdiction, staff, job } = namedBeforeCatalogue;
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { created: 6 } });
    expect(namedBeforeCatalogue.names).toEqual({ Q1773: 'Q1773', Q25319: 'Q25319', Q999999999: 'Q999999999' });

    await ensureCatalogue();
    const token = await staff.token();
    type Named = { id: string; name: string; wikidataId: string };
    // A load another test started may still be naming partners when the catalogue is already in use.
    const { value: partners } = await eventually(
      async () => ok(await platform.graphql<{ partners: { nodes: Named[] } }>(token, PARTNERS)).partners.nodes,
      (nodes) => nodes.some((partner) => partner.name === 'Riga'),
      90_000,
    );
    expect(Object.fromEntries(partners.map((partner) => [partner.wikidataId, partner.name]))).toEqual({
      Q1773: 'Riga',
      // The person's name stays; a place the catalogue does not know keeps its id.
      Q25319: 'Århus Kommune',
      Q999999999: 'Q999999999',
    });
    const riga = partners.find((partner) => partner.wikidataId === 'Q1773')!;
    const HISTORY = `query($id: ID!) { recordHistory(id: $id) { entries { action by byName changes { field from to } } } }`;
    const history = async () => ok(await platform.graphql<{ recordHistory: { entries: Array<{ action: string; by: string; byName: string; changes: unknown[] }> } }>(token, HISTORY, { id: riga.id })).recordHistory.entries;
    const entries = await history();
    expect(entries).toEqual([
      { action: 'updated', by: 'system', byName: 'system (twinning catalogue)', changes: [{ field: 'name', from: 'Q1773', to: 'Riga' }] },
      { action: 'imported', by: staff.id, byName: staff.username, changes: expect.any(Array) },
    ]);

    // Announced like any change of a partner, so planning's and network's copies follow.
    const kafka = new Kafka({ clientId: `imports-reader-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: `imports-reader-${randomUUID()}` });
    const updates: EventEnvelope[] = [];
    await reader.connect();
    try {
      await reader.subscribe({ topics: [TOPICS.registryPartner], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const event = parseEvent(message.value);
          if (event.jurisdictionId === jurisdiction.id && event.type === 'registry.partner.updated' && event.aggregateId === riga.id) updates.push(event);
        },
      });
      const started = Date.now();
      while (updates.length === 0 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await reader.disconnect();
    }
    expect(updates.map((event) => event.payload)).toEqual([{ partner: expect.objectContaining({ partnerId: riga.id, name: 'Riga', country: null, wikidataId: 'Q1773' }), changedFields: ['name'] }]);

    // Loading the catalogue again (once no other load runs) renames nothing.
    const admin = await platformAdmin.token();
    await eventually(
      async () => ok(await platform.graphql<{ importJobs: { nodes: Array<{ status: string }> } }>(admin, '{ importJobs(first: 100) { nodes { status } } }')).importJobs.nodes,
      (nodes) => nodes.every((node) => node.status === 'SUCCEEDED' || node.status === 'FAILED'),
      90_000,
    );
    const again = await finished(admin, await start(admin, LOAD, sharedPair()), 90_000);
    expect(again.status).toBe('SUCCEEDED');
    expect(again.report).toContainEqual({ row: 0, field: '(partners)', reason: "0 partner(s) named by their Wikidata id in 0 jurisdiction(s) now have the catalogue's name" });
    expect(await history()).toHaveLength(2);
  });

  it('creates nothing new when the same ties are imported again', async () => {
    await ensureCatalogue();
    const token = await jurisdictions.create('imp').token('staff');
    expect(await finished(token, await start(token, TIES, { wikidataId: 'Q2861' }))).toMatchObject({ status: 'SUCCEEDED', counts: { created: 32, skipped: 0 } });
    const job = await finished(token, await start(token, TIES, { wikidataId: 'Q2861' }));
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { created: 0, skipped: 16 } });
    expect(job.report.every((r) => r.reason.startsWith('skipped (relationship-exists)'))).toBe(true);
    expect(await count(token, PARTNERS, 'partners')).toBe(16);
    expect(await count(token, RELATIONSHIPS, 'relationships')).toBe(16);
  });

  it('keeps jobs to their jurisdiction, and lets viewers read but not import', async () => {
    const a = jurisdictions.create('imp-a');
    const staffA = await a.token('staff');
    const job = await finished(staffA, await start(staffA, PARTNERS_CSV, { csv: 'name,kind,country\nOulu,city,FI\n' }));
    const staffB = await jurisdictions.create('imp-b').token('staff');
    const foreign = await platform.graphql(staffB, JOB_QUERY, { id: job.id });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const listed = ok(await platform.graphql<{ importJobs: { totalCount: number } }>(staffB, '{ importJobs { totalCount } }'));
    expect(listed.importJobs.totalCount).toBe(0);

    const viewer = await a.token('viewer');
    expect(ok(await platform.graphql<{ importJob: Job }>(viewer, JOB_QUERY, { id: job.id })).importJob.id).toBe(job.id);
    const byViewer = await platform.graphql(viewer, PARTNERS_CSV, { csv: 'name,kind,country\nTurku,city,FI\n' });
    expect(byViewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const badId = await platform.graphql(staffA, TIES, { wikidataId: 'Rostock' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'wikidataId' });
  });

  it('reports every bad row of a partners CSV and applies none of it; the corrected file applies all of it', async () => {
    const token = await jurisdictions.create('imp').token('staff');
    const bad = ['name,kind,country,wikidataId', 'Bergen,city,NO,Q26793', ',city,SE,', 'Gdańsk,town,PL,', 'Tartu,city,Livonia,', '"Kiel, Stadt",city,DE,Kiel'].join('\n');
    const failed = await finished(token, await start(token, PARTNERS_CSV, { csv: bad }));
    expect(failed.status).toBe('FAILED');
    expect(failed.report.map((r) => [r.row, r.field])).toEqual([
      [3, 'name'],
      [4, 'kind'],
      [5, 'country'],
      [6, 'wikidataId'],
    ]);
    expect(failed.failure).toContain('nothing was applied');
    expect(failed.counts.created).toBe(0);
    expect(await count(token, PARTNERS, 'partners')).toBe(0);

    const good = ['name,kind,country,wikidataId', 'Bergen,city,NO,Q26793', 'Malmö,city,SE,', 'Gdańsk,city,PL,', 'Tartu,city,EE,', '"Kiel, Stadt",city,DE,Q1707'].join('\n');
    const applied = await finished(token, await start(token, PARTNERS_CSV, { csv: good }));
    expect(applied).toMatchObject({ status: 'SUCCEEDED', counts: { created: 5, skipped: 0 }, report: [] });
    expect(await count(token, PARTNERS, 'partners')).toBe(5);
  });

  it('reads countries by name, reports a row whose country it cannot place, and imports the other rows', async () => {
    const token = await jurisdictions.create('imp').token('staff');
    const rows = ['name,kind,country', 'Groningen,city,the Netherlands', 'Oakland,city,USA', 'Dortmund,city,Deutschland', 'Poseidonis,city,Atlantis', 'Busan,city,"Korea, Republic of"'];
    const job = await finished(token, await start(token, PARTNERS_CSV, { csv: rows.join('\n') }));
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { created: 4, skipped: 1 }, failure: null });
    expect(job.report).toEqual([{ row: 5, field: 'country', reason: 'row left out: cannot place "Atlantis" as a country; use its English or German name or an ISO code such as NL' }]);
    const partners = ok(await platform.graphql<{ partners: { nodes: Array<{ name: string; country: string }> } }>(token, PARTNERS)).partners.nodes;
    expect(Object.fromEntries(partners.map((partner) => [partner.name, partner.country]))).toEqual({ Groningen: 'NL', Oakland: 'US', Dortmund: 'DE', Busan: 'KR' });

    // The file with its one row fixed imports that row; the others are already there.
    const fixed = await finished(token, await start(token, PARTNERS_CSV, { csv: rows.join('\n').replace('Atlantis', 'Greece') }));
    expect(fixed).toMatchObject({ status: 'SUCCEEDED', counts: { created: 1, skipped: 4 } });
    // A relationships file names its partners' countries the same way.
    const ties = await finished(token, await start(token, RELATIONSHIPS_CSV, { csv: 'type,partnerName,partnerCountry\nsister-city,Dortmund,Germany\nfriendship,Groningen,Niederlande\nmou,Oakland,Amerika\n' }));
    expect(ties).toMatchObject({ status: 'SUCCEEDED', counts: { created: 2, skipped: 1 } });
    expect(ties.report).toEqual([{ row: 4, field: 'partnerCountry', reason: expect.stringContaining('cannot place "Amerika"') }]);
  });

  it('imports relationships naming partners by Wikidata id or name and country, and assets, all or nothing', async () => {
    const token = await jurisdictions.create('imp').token('staff');
    // The partners the file names: one by its Wikidata id, one by name and country.
    const partners = await finished(token, await start(token, PARTNERS_CSV, { csv: 'name,kind,country,wikidataId\nAarhus,city,DK,Q25319\nBergen,city,NO,\n' }));
    expect(partners).toMatchObject({ status: 'SUCCEEDED', counts: { created: 2 } });
    const relationships = ['type,partnerWikidataId,partnerName,partnerCountry,status,since', 'friendship,Q25319,,,active,2001-05-01', 'mou,,Bergen,NO,,', 'mou,,Nowhere,NO,,'].join('\n');
    const refused = await finished(token, await start(token, RELATIONSHIPS_CSV, { csv: relationships }));
    expect(refused.status).toBe('FAILED');
    expect(refused.report).toEqual([{ row: 4, field: 'partnerName', reason: expect.stringContaining('no partner "Nowhere" in NO') }]);
    expect(await count(token, RELATIONSHIPS, 'relationships')).toBe(0);

    const applied = await finished(token, await start(token, RELATIONSHIPS_CSV, { csv: relationships.split('\n').slice(0, 3).join('\n') }));
    expect(applied).toMatchObject({ status: 'SUCCEEDED', counts: { created: 2, skipped: 0 } });
    expect(await count(token, RELATIONSHIPS, 'relationships')).toBe(2);

    const assets = ['name,category,type,countries,magnitudeValue,magnitudeUnit,magnitudeCurrency,asOf', 'Port of Rostock,economic-foundations,key-industry,,2500,jobs,,2024-01-01', 'Nordex,ECONOMIC_FOUNDATIONS,INBOUND_FDI,ES;DE,40000000,money,EUR,2024-06-30'].join('\n');
    const badAssets = `${assets}\nUniversity of Rostock,innovation-strengths,university,,10,EUR,,2024-01-01`;
    const assetsRefused = await finished(token, await start(token, ASSETS_CSV, { csv: badAssets }));
    expect(assetsRefused.report).toEqual([{ row: 4, field: 'magnitudeUnit', reason: expect.stringContaining('is a currency') }]);
    expect(await count(token, ASSETS, 'assets')).toBe(0);
    const assetsApplied = await finished(token, await start(token, ASSETS_CSV, { csv: assets }));
    expect(assetsApplied).toMatchObject({ status: 'SUCCEEDED', counts: { created: 2, skipped: 0 } });
    expect(await count(token, ASSETS, 'assets')).toBe(2);
  });

  it('answers a body over 16 MB with PAYLOAD_TOO_LARGE, and an over-long CSV naming the field', async () => {
    const token = await jurisdictions.create('imp').token('staff');
    const tooLarge = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PARTNERS_CSV, variables: { csv: 'x'.repeat(17 * 1024 * 1024) } }),
    });
    expect(tooLarge.status).toBe(413);
    const body = (await tooLarge.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0]?.message).toContain('16.0 MB');

    const longCsv = await platform.graphql(token, PARTNERS_CSV, { csv: `name,kind,country\n${'Riga,city,LV\n'.repeat(400_000)}` });
    expect(longCsv.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });

  it('runs through the CLI: progress lines, the report, and a non-zero exit with the problems of a bad file', async () => {
    const staff = await jurisdictions.create('imp').user('staff');
    const cli = join(REPO_ROOT, 'dist', 'tools', 'cli', 'src', 'cli.js');
    const args = ['--gateway', platform.gatewayUrl, '--keycloak', testEndpoints().keycloakUrl, '--user', staff.username, '--password', staff.password];
    const good = join(scratch, 'good.csv');
    writeFileSync(good, 'name,kind,country\nOulu,city,FI\nUmeå,city,SE\n');
    const success = await run(process.execPath, [cli, 'import', 'partners', good, ...args]);
    expect(success.stdout).toMatch(/^import job [0-9a-f-]+: partners CSV/m);
    expect(success.stdout).toContain('succeeded: 2 created, 0 skipped');

    const bad = join(scratch, 'bad.csv');
    writeFileSync(bad, 'name,kind,country\nOslo,city,NO\nLund,town,Sweden\n');
    const failure = await run(process.execPath, [cli, 'import', 'partners', bad, ...args]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain('row 3, kind: must be one of');
    expect(await count(await staff.token(), PARTNERS, 'partners')).toBe(2);
  });
});
