import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDateMovedOf, SAMPLE_EXTRACT_TODAY, type SampleGrantRecord, steadyOpenRecordId, writeSampleExtractZip } from '../src/connectors/grants-gov/sample-extract';
import { newRun } from '../src/scouting/scouting.runner';
import { aSource, type ScoutingHarness, scoutingHarness } from './support/scouting-harness';
import { SourceServer } from './support/source-server';

/**
 * Scouting runs against the real MongoDB-wire server, reading sources served
 * by a local HTTP server: a generated Grants.gov extract ingested, ingested
 * again unchanged (nothing written, no event), and again with one record's
 * close date moved (exactly one changed event); one run across two runners
 * runs once; a run whose runner died is taken over; a source that times out
 * or answers HTML fails alone while a feed and a CSV are read.
 */
describe('scouting runs', () => {
  const NOW = new Date(SAMPLE_EXTRACT_TODAY.getTime());
  const RECORDS = 600;
  const SEED = 4242;
  let harness: ScoutingHarness;
  let server: SourceServer;
  let directory: string;

  const zipOf = async (name: string, edit?: (record: SampleGrantRecord) => SampleGrantRecord): Promise<Buffer> => {
    const path = join(directory, name);
    await writeSampleExtractZip(path, { records: RECORDS, seed: SEED, today: NOW, edit });
    return readFile(path);
  };

  const runOnce = async (sourceId: string) => {
    const run = newRun(randomUUID(), sourceId, 'manual', 'test', new Date());
    await harness.runs.queue(run);
    await harness.runner().drainOnce();
    const finished = await harness.runs.get(run.runId);
    if (!finished) throw new Error('the run vanished');
    return finished;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'funding-scouting-'));
    harness = await scoutingHarness(() => NOW);
    server = await new SourceServer().start();
  });

  afterAll(async () => {
    await server?.stop();
    await harness?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('ingests an extract; the same file again changes nothing and emits nothing; a moved close date emits exactly one changed event', async () => {
    const sourceId = `grants-${randomUUID().slice(0, 8)}`;
    let zip = await zipOf('first.zip');
    server.route(`/${sourceId}.zip`, { body: () => ({ body: zip }), contentType: 'application/zip' });
    await harness.sources.create(aSource({ sourceId, kind: 'grants-gov-extract', url: server.url(`/${sourceId}.zip`) }));

    const first = await runOnce(sourceId);
    expect(first).toMatchObject({ status: 'succeeded', failure: null });
    expect(first.counts.read).toBe(RECORDS);
    expect(first.counts.new).toBeGreaterThan(400);
    expect(first.counts.superseded).toBeGreaterThan(0);
    const afterFirst = await harness.events();
    const published = afterFirst.filter((event) => event.type === 'funding.opportunity.published');
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((event) => ['open', 'forecasted'].includes(String(event.payload['status'])))).toBe(true);
    const snapshot = await harness.connection.collection('opportunities').find({}, { projection: { _outbox: 0 } }).sort({ opportunityId: 1 }).toArray();

    const again = await runOnce(sourceId);
    expect(again).toMatchObject({ status: 'succeeded' });
    expect(again.counts).toMatchObject({ read: RECORDS, new: 0, changed: 0, errors: 0 });
    expect(again.counts.unchanged + again.counts.superseded).toBe(RECORDS);
    const afterAgain = await harness.events();
    expect(afterAgain.filter((event) => event.type.startsWith('funding.opportunity.'))).toHaveLength(afterFirst.filter((event) => event.type.startsWith('funding.opportunity.')).length);
    expect(await harness.connection.collection('opportunities').find({}, { projection: { _outbox: 0 } }).sort({ opportunityId: 1 }).toArray()).toEqual(snapshot);

    const moved = steadyOpenRecordId({ records: RECORDS, seed: SEED, today: NOW });
    zip = await zipOf('moved.zip', closeDateMovedOf(moved));
    const third = await runOnce(sourceId);
    expect(third.counts).toMatchObject({ new: 0, changed: 1, errors: 0 });
    const newEvents = (await harness.events()).slice(afterAgain.length).filter((event) => event.type.startsWith('funding.opportunity.'));
    expect(newEvents).toHaveLength(1);
    expect(newEvents[0]).toMatchObject({ type: 'funding.opportunity.changed', aggregateId: `${sourceId}:${moved}`, payload: { changedFields: ['closesAt'], version: 2 } });
    const opportunity = await harness.opportunities.get(`${sourceId}:${moved}`);
    expect(opportunity?.versions.map((version) => version.changes.map((change) => change.field))).toEqual([[], ['closesAt']]);
  });

  it('answers a conditional request: an unchanged source is not read again', async () => {
    const sourceId = `etag-${randomUUID().slice(0, 8)}`;
    const zip = await zipOf('etag.zip');
    server.route(`/${sourceId}.zip`, { body: zip, contentType: 'application/zip', etag: true });
    await harness.sources.create(aSource({ sourceId, kind: 'grants-gov-extract', url: server.url(`/${sourceId}.zip`) }));
    expect((await runOnce(sourceId)).status).toBe('succeeded');
    expect(await runOnce(sourceId)).toMatchObject({ status: 'not-modified', counts: { read: 0 } });
    expect(server.requestsTo(`/${sourceId}.zip`)[1]?.headers['if-none-match']).toMatch(/^"/);
  });

  it('runs a queued run once, however many runners look for it; a run whose runner died is taken over', async () => {
    const sourceId = `once-${randomUUID().slice(0, 8)}`;
    server.route(`/${sourceId}.csv`, { body: 'id,title,deadline,funder\na,Twinning grants,2027-06-30,Stiftung A\n', contentType: 'text/csv' });
    await harness.sources.create(aSource({ sourceId, kind: 'csv', url: server.url(`/${sourceId}.csv`), timeZone: 'Europe/Berlin', funderType: 'trust-or-foundation' }));
    const run = newRun(randomUUID(), sourceId, 'manual', 'test', new Date());
    await harness.runs.queue(run);
    await Promise.all([harness.runner().drainOnce(), harness.runner().drainOnce(), harness.runner().drainOnce()]);
    expect(await harness.runs.get(run.runId)).toMatchObject({ status: 'succeeded', attempts: 1, counts: { new: 1 } });
    expect(server.requestsTo(`/${sourceId}.csv`)).toHaveLength(1);
    expect((await harness.events()).filter((event) => event.type === 'funding.scouting-run.finished' && event.payload['runId'] === run.runId)).toHaveLength(1);

    const orphan = newRun(randomUUID(), sourceId, 'manual', 'test', new Date());
    await harness.runs.queue(orphan);
    // A runner claims it and dies without a heartbeat: its lease runs out, and another takes the run over.
    expect(await harness.runs.claimNext('dead-runner', 1)).toMatchObject({ runId: orphan.runId });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await harness.runner().drainOnce();
    expect(await harness.runs.get(orphan.runId)).toMatchObject({ status: 'succeeded', attempts: 2, counts: { new: 0, unchanged: 1 } });
  });

  it('reports a source that times out or answers HTML, without stopping the others', async () => {
    const tag = randomUUID().slice(0, 8);
    server
      .route(`/slow-${tag}.xml`, { body: '<rss/>', contentType: 'application/rss+xml', delayMs: 4000 })
      .route(`/login-${tag}.zip`, { body: '<!DOCTYPE html><html><body>Please sign in</body></html>', contentType: 'text/html; charset=utf-8' })
      .route(`/feed-${tag}.xml`, {
        contentType: 'application/rss+xml',
        body: '<rss version="2.0"><channel><title>Embassy</title><item><title>Small grants</title><guid>g1</guid><description>Up to €5,000. Deadline: 30 April 2027.</description></item><item><guid>no-title</guid></item></channel></rss>',
      })
      .route(`/list-${tag}.csv`, { contentType: 'text/csv', body: 'id,title,closesAt,currency\nx1,Partnership fund,2027-05-31,EUR\nx2,Bad date,31/05/2027,EUR\n' });
    const ids = { slow: `slow-${tag}`, login: `login-${tag}`, feed: `feed-${tag}`, list: `list-${tag}` };
    await harness.sources.create(aSource({ sourceId: ids.slow, kind: 'feed', url: server.url(`/slow-${tag}.xml`) }));
    await harness.sources.create(aSource({ sourceId: ids.login, kind: 'grants-gov-extract', url: server.url(`/login-${tag}.zip`) }));
    await harness.sources.create(aSource({ sourceId: ids.feed, kind: 'feed', url: server.url(`/feed-${tag}.xml`), funder: 'U.S. Embassy Berlin', funderType: 'embassy-or-high-commission', countries: ['DE'] }));
    await harness.sources.create(aSource({ sourceId: ids.list, kind: 'csv', url: server.url(`/list-${tag}.csv`), funder: 'Land MV', funderType: 'state' }));
    const runs = Object.fromEntries(Object.entries(ids).map(([key, sourceId]) => [key, newRun(randomUUID(), sourceId, 'manual', 'test', new Date())]));
    for (const run of Object.values(runs)) await harness.runs.queue(run);
    await harness.runner({ fetch: { timeoutMs: 300, retries: 1, backoffMs: 10, maxBackoffMs: 20, bodyTimeoutMs: 5000 } }).drainOnce();
    const result = async (key: string) => harness.runs.get(runs[key]!.runId);
    expect(await result('slow')).toMatchObject({ status: 'failed', failure: expect.stringContaining('no answer within 300 ms after 2 attempt(s)') });
    expect(await result('login')).toMatchObject({ status: 'failed', failure: expect.stringContaining('answered HTML where a zip file was expected') });
    expect(await result('feed')).toMatchObject({ status: 'succeeded', counts: { read: 2, new: 1, skipped: 1 }, problems: [{ record: 'no-title', reason: 'has no title' }] });
    expect(await result('list')).toMatchObject({ status: 'succeeded', counts: { read: 2, new: 1, skipped: 1 }, problems: [{ record: 'row 3 (x2)' }] });
    const feedItem = await harness.opportunities.get(`${ids.feed}:g1`);
    expect(feedItem).toMatchObject({ funderType: 'embassy-or-high-commission', award: { ceiling: 5000, currency: 'EUR' }, status: 'open' });
  });
});
