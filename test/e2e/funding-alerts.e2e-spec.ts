import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { createEvent, OpportunityPublishedV1, type OpportunityStateV1, PLATFORM_WIDE } from '@entente/contracts';
import { KafkaEventPublisher } from '@entente/messaging';
import { readInbox, type ReceivedMail, testEndpoints, waitForMail } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 10's alerts through the gateway with real tokens: a staff user
 * saves an instant search (in-app, email, webhook), a daily one (email) and
 * a second instant one (email); a matching opportunity (its
 * funding.opportunity.published event, as scouting emits it) arrives by
 * mail (read back from the running SMTP server), by a signed webhook POST
 * (verified here) and on the alertReceived subscription through the
 * gateway; the event delivered again alerts nobody twice; the daily digest
 * holds it once; the first mail's unsubscribe link stops that search and
 * only that one.
 */
describe('funding alerts through the gateway', () => {
  let platform: TestPlatform;
  let producer: Producer;
  let webhook: Server;
  const posts: Array<{ body: string; signature: string | undefined; delivery: string | undefined }> = [];
  const jurisdictions = testJurisdictions();
  const WEBHOOK_SECRET = `whsec-${randomBytes(12).toString('hex')}`;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  function opportunity(id: string, title: string): OpportunityStateV1 {
    return {
      opportunityId: `e2e-feed:${id}`,
      sourceId: 'e2e-feed',
      sourceRecordId: id,
      version: 1,
      title,
      reference: null,
      funder: 'Nordic Council of Ministers',
      funderType: 'international-organisation',
      url: `https://example.org/calls/${id}`,
      status: 'open',
      postedAt: '2026-11-20T09:00:00.000Z',
      closesAt: '2027-03-01T16:00:00.000Z',
      timeZone: 'Europe/Copenhagen',
      award: { floor: null, ceiling: 80000, total: null, currency: 'EUR' },
      costSharing: null,
      eligibleApplicantTypes: ['local-governments'],
      eligibleCountries: [],
      themes: ['regional-development'],
      jointBidsAllowed: true,
    };
  }

  async function publish(state: OpportunityStateV1, times = 1): Promise<void> {
    const publisher = new KafkaEventPublisher(producer);
    const event = createEvent(OpportunityPublishedV1, { source: 'funding', jurisdictionId: PLATFORM_WIDE, aggregateId: state.opportunityId, payload: state });
    for (let i = 0; i < times; i += 1) await publisher.publish(event);
  }

  /** The alertReceived subscription through the gateway, over SSE; collects what arrives until closed. */
  async function subscribe(token: string): Promise<{ events: Array<{ title: string; sourceName: string }>; close(): void }> {
    const controller = new AbortController();
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { alertReceived { id kind sourceName summary opportunity { title version } } }' }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events: Array<{ title: string; sourceName: string }> = [];
    void (async () => {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (!data) continue;
          const payload = JSON.parse(data) as { data?: { alertReceived?: { sourceName: string; opportunity: { title: string } } } };
          const alert = payload.data?.alertReceived;
          if (alert) events.push({ title: alert.opportunity.title, sourceName: alert.sourceName });
        }
      }
    })().catch(() => undefined);
    return { events, close: () => controller.abort() };
  }

  const SEARCH = `search { id name nextDigestAt channels { inApp email emailTo webhook { url consecutiveFailures disabledAt } } }`;
  type Saved = { saveSearch: { notice: string; search: { id: string; name: string; channels: { emailTo: string | null } } } };

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'funding-alerts' });
    const kafka = new Kafka({ clientId: `funding-alerts-e2e-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    webhook = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        posts.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['entente-signature'] as string | undefined, delivery: req.headers['entente-delivery'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  }, 240_000);

  afterAll(async () => {
    await producer?.disconnect();
    await new Promise((resolve) => webhook?.close(resolve));
    await platform?.stop();
    await jurisdictions.deleteUsers();
  });

  it('alerts by mail, signed webhook and subscription once each, digests daily, and unsubscribes one search by its link', async () => {
    const rostock = jurisdictions.create('alerts');
    const staff = await rostock.user('staff');
    const token = await staff.token();
    const address = `${staff.username}@test.entente.local`;
    const word = `kelp${randomBytes(3).toString('hex')}`;
    const other = `dune${randomBytes(3).toString('hex')}`;
    const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/entente`;

    const save = async (input: Record<string, unknown>) => ok(await platform.graphql<Saved>(token, `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { notice ${SEARCH} } }`, { input })).saveSearch;
    const instant = await save({ name: 'Kelp now', criteria: { keywords: [word] }, cadence: { kind: 'INSTANT' }, channels: { inApp: true, email: true, webhook: { url: webhookUrl, secret: WEBHOOK_SECRET } } });
    expect(instant.notice).toContain(`This search will send you alerts in the app, by email to ${address} and by a signed POST to 127.0.0.1`);
    expect(instant.search.channels.emailTo).toBe(address);
    const daily = await save({ name: 'Kelp daily', criteria: { keywords: [word] }, cadence: { kind: 'DAILY', hour: 8, timeZone: 'Europe/Berlin' }, channels: { email: true } });
    expect(daily.notice).toContain('once a day at 08:00 (Europe/Berlin)');
    const second = await save({ name: 'Dunes now', criteria: { keywords: [other] }, cadence: { kind: 'INSTANT' }, channels: { email: true } });
    const bad = await platform.graphql(token, `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { notice } }`, { input: { name: 'x', cadence: { kind: 'WEEKLY', weekday: 8 }, channels: { email: true } } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cadence.weekday' });
    // Searches are their owner's: a colleague of the same jurisdiction neither sees nor changes them.
    const colleague = await rostock.token('viewer');
    expect(ok(await platform.graphql<{ savedSearches: { totalCount: number } }>(colleague, `{ savedSearches { totalCount } }`)).savedSearches.totalCount).toBe(0);
    expect((await platform.graphql(colleague, `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, { id: instant.search.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const live = await subscribe(token);
    try {
      // The evaluator reads saved searches at most 2 s old; the call arrives after that.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const first = opportunity(randomUUID(), `Coastal ${word} and ${other} partnerships`);
      await publish(first, 2);

      const mails = await waitForMail(address, (inbox) => inbox.filter((mail) => mail.subject.includes(first.title)).length >= 2);
      const kelpMail = mails.find((mail) => mail.text.includes('for "Kelp now"')) as ReceivedMail;
      expect(kelpMail.subject).toBe(`New funding call: ${first.title}`);
      expect(kelpMail.text).toContain('closes 1 Mar 2027, 17:00 (Europe/Copenhagen)');
      expect(kelpMail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mails.some((mail) => mail.text.includes('for "Dunes now"'))).toBe(true);

      const { value: received } = await eventually(() => Promise.resolve(posts.length), (count) => count >= 1, 60_000);
      expect(received).toBe(1);
      const post = posts[0] as (typeof posts)[number];
      const { createHmac } = await import('node:crypto');
      expect(post.signature).toBe(`sha256=${createHmac('sha256', WEBHOOK_SECRET).update(post.body).digest('hex')}`);
      expect(JSON.parse(post.body)).toMatchObject({ search: { id: instant.search.id, name: 'Kelp now' }, alerts: [{ kind: 'new-match', opportunity: { title: first.title, version: 1 } }] });

      await eventually(() => Promise.resolve(live.events.length), (count) => count >= 1, 60_000);
      expect(live.events).toEqual([{ title: first.title, sourceName: 'Kelp now' }]);

      // The same call again, in a new envelope: nobody is alerted twice.
      await publish(first);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await readInbox(address)).filter((mail) => mail.subject.includes(first.title))).toHaveLength(2);
      expect(posts).toHaveLength(1);
      expect(live.events).toHaveLength(1);

      const held = ok(await platform.graphql<{ sendSearchDigestNow: number }>(token, `mutation($id: ID!) { sendSearchDigestNow(id: $id) }`, { id: daily.search.id })).sendSearchDigestNow;
      expect(held).toBe(1);
      const digest = (await waitForMail(address, (inbox) => inbox.some((mail) => mail.subject.includes('(daily digest)')))).find((mail) => mail.subject.includes('(daily digest)')) as ReceivedMail;
      expect(digest.subject).toBe('1 funding call for "Kelp daily" (daily digest)');
      expect(digest.text.split(first.title)).toHaveLength(2);

      // The first mail's link, opened without signing in, stops "Kelp now" only.
      const link = /Stop this search's alerts \(no sign-in needed; your other searches keep going\): (\S+)/.exec(kelpMail.text)?.[1] as string;
      expect(link.startsWith(`http://127.0.0.1:${platform.settings.ports.gateway}/alerts/unsubscribe?token=`)).toBe(true);
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Your saved search “Kelp now” will send no more alerts');
      const forged = await fetch(link.replace(/token=([^.]+)\./, (_m, body: string) => `token=${body}x.`));
      expect(forged.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 2_500));

      const next = opportunity(randomUUID(), `Dune ${other} and ${word} restoration`);
      await publish(next);
      await waitForMail(address, (inbox) => inbox.some((mail) => mail.subject.includes(next.title) && mail.text.includes('for "Dunes now"')));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await readInbox(address)).filter((mail) => mail.subject.includes(next.title))).toHaveLength(1);
      expect(posts).toHaveLength(1);
      const searches = ok(await platform.graphql<{ savedSearches: { nodes: Array<{ name: string; unsubscribedAt: string | null }> } }>(token, `{ savedSearches { nodes { name unsubscribedAt } } }`)).savedSearches.nodes;
      expect(searches.filter((search) => search.unsubscribedAt !== null).map((search) => search.name)).toEqual(['Kelp now']);
      // The daily search still collects the new call for its next digest.
      const inbox = ok(await platform.graphql<{ alerts: { nodes: Array<{ sourceName: string; opportunity: { title: string } }> } }>(token, `{ alerts(first: 100) { nodes { sourceName opportunity { title } } } }`)).alerts.nodes;
      expect(inbox.filter((alert) => alert.opportunity.title === next.title).map((alert) => alert.sourceName).sort()).toEqual(['Dunes now', 'Kelp daily']);
      expect(second.search.name).toBe('Dunes now');
    } finally {
      live.close();
    }
  });
});
