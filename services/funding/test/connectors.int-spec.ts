import type { ReadItem, SourceSettings } from '../src/connectors/connector';
import { Connectors } from '../src/connectors/connectors';
import { fetchSource, SourceReadError } from '../src/connectors/http/source-fetch';
import { SourceServer } from './support/source-server';

/**
 * The connectors' HTTP against a local server: retries with back-off on 503
 * and 429, a timeout, conditional requests, Simpler.Grants.gov's paging with
 * its API key, the EU portal's multipart search paged to totalResults.
 */
describe('connectors over HTTP', () => {
  const NOW = new Date('2026-12-01T12:00:00Z');
  const POLICY = { timeoutMs: 1000, retries: 2, backoffMs: 10, maxBackoffMs: 30, bodyTimeoutMs: 10_000 };
  let server: SourceServer;
  const connectors = new Connectors();

  const settings = (fields: Partial<SourceSettings> & Pick<SourceSettings, 'kind' | 'url'>): SourceSettings => ({
    sourceId: 'test',
    funder: null,
    funderType: null,
    currency: null,
    timeZone: null,
    countries: [],
    query: null,
    ...fields,
  });
  const readAll = async (items: AsyncIterable<ReadItem>): Promise<ReadItem[]> => {
    const all: ReadItem[] = [];
    for await (const item of items) all.push(item);
    return all;
  };

  beforeAll(async () => {
    server = await new SourceServer().start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('retries 503 and 429 with back-off, then reads; gives up naming the status', async () => {
    server.route('/flaky.xml', { body: '<rss/>', contentType: 'application/rss+xml', failFirst: [503, 429] });
    const answer = await fetchSource({ url: server.url('/flaky.xml') }, POLICY);
    expect(answer.response.status).toBe(200);
    expect(server.requestsTo('/flaky.xml')).toHaveLength(3);
    server.route('/down.xml', { body: '', failFirst: [503, 503, 503, 503] });
    await expect(fetchSource({ url: server.url('/down.xml') }, POLICY)).rejects.toThrow(/answered HTTP 503 .*after 3 attempts/);
    server.route('/gone.xml', { body: '', failFirst: [404] });
    await expect(fetchSource({ url: server.url('/gone.xml') }, POLICY)).rejects.toThrow(SourceReadError);
    expect(server.requestsTo('/gone.xml')).toHaveLength(1);
  });

  it('sends the validators it was given and reports 304 as not modified', async () => {
    server.route('/feed.xml', { body: '<rss version="2.0"><channel><title>T</title></channel></rss>', contentType: 'application/rss+xml', etag: true });
    const first = await connectors.of('feed').open({ source: settings({ kind: 'feed', url: server.url('/feed.xml') }), now: NOW, validators: null, apiKey: null, policy: POLICY });
    expect(first.notModified).toBe(false);
    const second = await connectors.of('feed').open({ source: settings({ kind: 'feed', url: server.url('/feed.xml') }), now: NOW, validators: first.validators, apiKey: null, policy: POLICY });
    expect(second.notModified).toBe(true);
    expect(await readAll(second.items)).toEqual([]);
  });

  it('pages Simpler.Grants.gov with the API key until total_pages', async () => {
    const opportunity = (id: number) => ({
      opportunity_id: id,
      opportunity_title: `Call ${id}`,
      opportunity_number: `N-${id}`,
      agency_name: 'Economic Development Administration',
      opportunity_status: id === 3 ? 'forecasted' : 'posted',
      summary: { summary_description: '<p>Grants</p>', close_date: '2027-02-01', post_date: '2026-11-01', award_ceiling: 100000, is_cost_sharing: false, applicant_types: ['city_or_township_governments'], funding_categories: ['community_development'] },
    });
    server.route('/v1/opportunities/search', {
      contentType: 'application/json',
      body: (request) => {
        if (request.headers['x-api-key'] !== 'key-123') return { status: 401, body: JSON.stringify({ message: 'bad key' }) };
        const page = (JSON.parse(request.body.toString()) as { pagination: { page_offset: number } }).pagination.page_offset;
        const data = page === 1 ? [opportunity(1), opportunity(2)] : page === 2 ? [opportunity(3), { opportunity_id: 4 }] : [];
        return { body: JSON.stringify({ data, pagination_info: { page_offset: page, page_size: 2, total_pages: 2, total_records: 4 } }) };
      },
    });
    const source = settings({ kind: 'simpler-grants-gov', url: server.url('/v1/opportunities/search') });
    const read = await connectors.of('simpler-grants-gov').open({ source, now: NOW, validators: null, apiKey: 'key-123', policy: POLICY });
    const items = await readAll(read.items);
    expect(items.map((item) => item.record?.sourceRecordId ?? item.problem?.reason)).toEqual(['1', '2', '3', 'has no opportunity_title']);
    expect(items[0]?.record?.content).toMatchObject({ status: 'open', eligibleApplicantTypes: ['city-or-township-governments'], themes: ['community-development'], award: { ceiling: 100000 } });
    expect(items[2]?.record?.content.status).toBe('forecasted');
    expect(server.requestsTo('/v1/opportunities/search')).toHaveLength(2);
    const wrongKey = await connectors.of('simpler-grants-gov').open({ source, now: NOW, validators: null, apiKey: 'nope', policy: POLICY });
    await expect(readAll(wrongKey.items)).rejects.toThrow(/answered HTTP 401/);
  });

  it('searches the EU portal with multipart parts, paged to totalResults', async () => {
    const result = (n: number, extra: Record<string, string[]> = {}) => ({
      reference: `ref-${n}`,
      url: `https://example.eu/topic-${n}`,
      summary: `Topic ${n}`,
      metadata: { identifier: [`HORIZON-CL${n}`], type: ['1'], status: ['31094502'], title: [`Cities for climate ${n}`], deadlineDate: ['2027-04-15T17:00:00.000+0200'], startDate: ['2026-10-01T00:00:00.000+0200'], typesOfAction: ['HORIZON-RIA'], keywords: ['Climate', 'Urban mobility'], budgetOverview: ['{"budgetTopicActionMap":{"1":[{"budgetYearMap":{"2027":12000000}}]}}'], ...extra },
    });
    server.route('/search-api/prod/rest/search', {
      contentType: 'application/json',
      body: (request) => {
        const page = Number(request.url.searchParams.get('pageNumber'));
        const multipart = String(request.headers['content-type']).startsWith('multipart/form-data') && request.body.toString().includes('name="query"');
        if (!multipart || request.url.searchParams.get('apiKey') !== 'SEDIA') return { status: 400, body: '{}' };
        const results = page === 1 ? Array.from({ length: 50 }, (_, i) => result(i + 1)) : [result(51), result(52, { type: ['0'] })];
        return { body: JSON.stringify({ totalResults: 52, pageNumber: page, pageSize: 50, results }) };
      },
    });
    const read = await connectors.of('eu-funding-tenders').open({ source: settings({ kind: 'eu-funding-tenders', url: server.url('/search-api/prod/rest/search'), countries: ['DE'] }), now: NOW, validators: null, apiKey: null, policy: POLICY });
    const items = await readAll(read.items);
    expect(items).toHaveLength(52);
    expect(items[51]?.problem?.reason).toBe('is of type 0 (a tender), not a grant');
    expect(items[0]?.record?.content).toMatchObject({ funderType: 'eu', status: 'open', jointBidsAllowed: true, themes: ['climate', 'urban-mobility'], award: { total: 12000000, currency: 'EUR' }, timeZone: 'Europe/Brussels', eligibleCountries: ['DE'] });
    expect(items[0]?.record?.content.closesAt?.toISOString()).toBe('2027-04-15T15:00:00.000Z');
    expect(server.requestsTo('/search-api/prod/rest/search')).toHaveLength(2);
  });
});
