import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { killServer, startInfrastructureDetailed } from '@entente/local-infra';
import { createTestUser, deleteTestUser, readInbox, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 10's recovery line: the funding service killed by SIGKILL in the
 * middle of a scouting run, and again in the middle of sending, then
 * started again; and the Kafka broker killed in the middle of a run and
 * brought back on its data as `npm run infra -- up` does. Each time every
 * matching call reaches each of two instant searches exactly once in the
 * app, by mail (counted in GreenMail by Message-ID) and by signed webhook
 * (counted by the Entente-Delivery key of the POSTs the receiver answered).
 * The source is a Simpler.Grants.gov search API served here, which can hold
 * a page so that a run is stopped half-way (its first 500 records stored,
 * their alerts going out) at the moment of the kill.
 */
describe('funding recovers from SIGKILL and from a broker crash', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let webhook: Server;
  let brokerDown = false;
  const jurisdictions = testJurisdictions();

  const RECORDS = 1500;
  const PAGE = 300;
  /** Every 50th record is a call the searches look for: 30 calls, 10 of them in the first batch of 500. */
  const MATCH_EVERY = 50;
  const SEARCHES = 2;
  const CLOSES = new Date(Date.now() + 120 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  // ---- the webhook receiver: verifies each signature and answers 204, or holds one POST unanswered ----
  type Post = { path: string; key: string; signed: boolean; at: number; outcome: 'accepted' | 'held' | 'aborted' };
  const posts: Post[] = [];
  const secrets = new Map<string, string>();
  let hold: { prefix: string; after: number; seen: number; resolve: (post: Post) => void } | null = null;

  function receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', secrets.get(path) ?? '').update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['entente-signature'] ?? ''));
      const post: Post = { path, key: String(req.headers['entente-delivery']), signed: given.length === expected.length && timingSafeEqual(given, expected), at: Date.now(), outcome: 'held' };
      posts.push(post);
      if (hold && path.startsWith(hold.prefix) && ++hold.seen > hold.after) {
        // Never answered: the sender dies waiting, so this POST was not accepted.
        const { resolve } = hold;
        hold = null;
        res.on('close', () => {
          if (!res.writableFinished) post.outcome = 'aborted';
        });
        resolve(post);
        return;
      }
      res.on('finish', () => (post.outcome = 'accepted'));
      res.writeHead(204).end();
    });
  }

  // ---- the source: a Simpler.Grants.gov search API whose pages can be held ----
  interface Source {
    url: string;
    /** Resolves when the held page is asked for. */
    reached: Promise<void>;
    /** Answers the held page (and every later request) at once. */
    release(): void;
    close(): Promise<void>;
  }

  async function serveSource(prefix: string, word: string, holdPage: number | null): Promise<Source> {
    const record = (i: number) => ({
      opportunity_id: `${prefix}-${String(i).padStart(5, '0')}`,
      opportunity_number: `REC-${i}`,
      opportunity_title: i % MATCH_EVERY === 0 ? `Coastal ${word} programme ${i}` : `Rural roads programme ${i}`,
      agency_name: 'Department of Recovery',
      opportunity_status: 'posted',
      summary: { close_date: CLOSES, post_date: '2026-11-02', award_ceiling: 50_000, applicant_types: ['city_or_township_governments'], funding_categories: ['community_development'] },
    });
    let released = holdPage === null;
    let reach!: () => void;
    const reached = new Promise<void>((resolve) => (reach = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const page = Number((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { pagination: { page_offset: number } }).pagination.page_offset);
        const answer = () => {
          const data = Array.from({ length: Math.max(0, Math.min(PAGE, RECORDS - (page - 1) * PAGE)) }, (_, n) => record((page - 1) * PAGE + n + 1));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, pagination_info: { total_pages: Math.ceil(RECORDS / PAGE), page_offset: page } }));
        };
        if (page === holdPage && !released) {
          reach();
          void gate.then(() => (res.destroyed ? undefined : answer()));
        } else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/opportunities/search`,
      reached,
      release: () => {
        released = true;
        open();
      },
      close: async () => {
        open();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  // ---- one case: a user with two instant searches (app, mail, webhook) for a word of its own ----
  interface Case {
    word: string;
    token: () => Promise<string>;
    address: string;
    hookPrefix: string;
    expected: number;
  }

  async function newCase(label: string): Promise<Case> {
    const jurisdiction = jurisdictions.create(`recovery-${label}`);
    const staff = await jurisdiction.user('staff');
    const token = await staff.token();
    const word = `${label}${randomBytes(3).toString('hex')}`;
    const hookPrefix = `/hooks/${word}/`;
    const port = (webhook.address() as AddressInfo).port;
    for (let n = 1; n <= SEARCHES; n += 1) {
      const secret = `whsec-${randomBytes(12).toString('hex')}`;
      secrets.set(`${hookPrefix}${n}`, secret);
      ok(
        await platform.graphql(token, `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { search { id } } }`, {
          input: { name: `${word} ${n}`, criteria: { keywords: [word] }, cadence: { kind: 'INSTANT' }, channels: { inApp: true, email: true, webhook: { url: `http://127.0.0.1:${port}${hookPrefix}${n}`, secret } } },
        }),
      );
    }
    // The evaluator reads saved searches at most 2 s old.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    return { word, token: () => staff.token(), address: `${staff.username}@test.entente.local`, hookPrefix, expected: (RECORDS / MATCH_EVERY) * SEARCHES };
  }

  async function startRun(label: string, source: Source): Promise<string> {
    const admin = await platformAdmin.token();
    const added = ok(
      await platform.graphql<{ addFundingSource: { id: string } }>(admin, `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, {
        input: { name: `Recovery ${label} ${randomBytes(3).toString('hex')}`, kind: 'SIMPLER_GRANTS_GOV', url: source.url, apiKeyRef: 'RECOVERY_E2E_API_KEY' },
      }),
    ).addFundingSource;
    return ok(await platform.graphql<{ runFundingSource: { id: string } }>(admin, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: added.id })).runFundingSource.id;
  }

  /** Starts a run and waits until it is half-way: the first 500 records stored, their first alerts out, the next page held. */
  async function heldHalfWay(label: string, c: Case, source: Source): Promise<string> {
    const runId = await startRun(label, source);
    await source.reached;
    await eventually(() => tally(c), (t) => t.mails + t.accepted > 0, 30_000);
    return runId;
  }

  type Run = { status: string; attempts: number; counts: { read: number; new: number; unchanged: number; errors: number } };
  async function run(runId: string): Promise<Run | null> {
    const response = await platform
      .graphql<{ scoutingRun: Run }>(await platformAdmin.token(), `query($id: ID!) { scoutingRun(id: $id) { status attempts counts { read new unchanged errors } } }`, { id: runId })
      .catch(() => null);
    return response?.data?.scoutingRun ?? null;
  }

  /** What one case's user has received on each channel, with every key that arrived more than once. */
  interface Tally {
    mails: number;
    mailIds: number;
    mailRepeats: string[];
    accepted: number;
    acceptedKeys: number;
    acceptedRepeats: string[];
    unsigned: number;
    inApp: number;
    inAppDistinct: number;
  }

  function repeats(keys: string[]): string[] {
    const seen = new Map<string, number>();
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
  }

  async function tally(c: Case): Promise<Tally> {
    const mails = (await readInbox(c.address)).filter((mail) => mail.subject.includes(c.word));
    const mine = posts.filter((post) => post.path.startsWith(c.hookPrefix));
    const accepted = mine.filter((post) => post.outcome === 'accepted').map((post) => post.key);
    const alerts = await platform
      .graphql<{ alerts: { nodes: Array<{ searchId: string; opportunity: { opportunityId: string; version: number } }> } }>(await c.token(), `{ alerts(first: 100) { nodes { searchId opportunity { opportunityId version } } } }`)
      .then((response) => response.data?.alerts.nodes ?? [])
      .catch(() => []);
    return {
      mails: mails.length,
      mailIds: new Set(mails.map((mail) => mail.messageId)).size,
      mailRepeats: repeats(mails.map((mail) => mail.messageId)),
      accepted: accepted.length,
      acceptedKeys: new Set(accepted).size,
      acceptedRepeats: repeats(accepted),
      unsigned: mine.filter((post) => !post.signed).length,
      inApp: alerts.length,
      inAppDistinct: new Set(alerts.map((alert) => `${alert.searchId}:${alert.opportunity.opportunityId}:v${alert.opportunity.version}`)).size,
    };
  }

  const complete = (c: Case) => (t: Tally) => t.mailIds >= c.expected && t.acceptedKeys >= c.expected && t.inAppDistinct >= c.expected;

  /** Waits for every expected alert on every channel, then a little longer for any repeat, and answers what arrived. */
  async function allArrived(c: Case, timeoutMs: number): Promise<{ tally: Tally; elapsedMs: number }> {
    const { value, elapsedMs } = await eventually(() => tally(c), complete(c), timeoutMs);
    expect({ mailIds: value.mailIds, acceptedKeys: value.acceptedKeys, inAppDistinct: value.inAppDistinct }).toEqual({ mailIds: c.expected, acceptedKeys: c.expected, inAppDistinct: c.expected });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return { tally: await tally(c), elapsedMs };
  }

  async function brokerBack(): Promise<void> {
    // The worker's KAFKA_BROKERS (set by the global setup) would make the launcher treat the broker as external.
    const brokers = process.env.KAFKA_BROKERS;
    delete process.env.KAFKA_BROKERS;
    try {
      await startInfrastructureDetailed({ profile: 'test', servers: ['kafka'], keepData: true });
      brokerDown = false;
    } finally {
      process.env.KAFKA_BROKERS = brokers;
    }
  }

  beforeAll(async () => {
    webhook = createServer(receive);
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    platform = await startTestPlatform({
      name: 'funding-recovery',
      own: true,
      // A crashed runner's run is taken over after 6 s rather than 30, a delivery held by the killed sender after 15 s rather than 60; the source's key is a test value.
      appEnv: { funding: { SCOUTING_LEASE_MS: '6000', SCOUTING_POLL_INTERVAL_MS: '1000', ALERT_DELIVERY_LEASE_MS: '15000', RECOVERY_E2E_API_KEY: 'recovery-e2e-key' } },
    });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);

  afterAll(async () => {
    // Never leave the shared test broker down for the next spec.
    if (brokerDown) await brokerBack().catch(() => undefined);
    await platform?.stop();
    await new Promise((resolve) => webhook?.close(resolve));
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
  }, 120_000);

  it('finishes a run whose service was killed half-way, and alerts each call once per search', async () => {
    const c = await newCase('fjord');
    const source = await serveSource('kill-run', c.word, 3);
    try {
      const runId = await heldHalfWay('kill-run', c, source);
      await platform.kill('funding', 'SIGKILL');
      source.release();
      await platform.start('funding');

      const { value: finished } = await eventually(() => run(runId), (r) => r?.status === 'SUCCEEDED' || r?.status === 'FAILED', 90_000);
      // Taken over by the new runner and read again from the start: what the first stored is unchanged.
      expect(finished).toMatchObject({ status: 'SUCCEEDED', attempts: 2, counts: { read: RECORDS, errors: 0 } });
      expect((finished as Run).counts.unchanged).toBeGreaterThanOrEqual(500);
      expect((finished as Run).counts.new + (finished as Run).counts.unchanged).toBe(RECORDS);

      const { tally: t } = await allArrived(c, 120_000);
      // The dispatcher sends one delivery at a time: only the one in flight at the kill may go twice, with its own key.
      expect(t.mailRepeats.length + t.acceptedRepeats.length).toBeLessThanOrEqual(1);
      expect(t).toMatchObject({ inApp: c.expected, unsigned: 0 });
      process.stdout.write(`funding-recovery, killed mid-run: ${JSON.stringify(t)}\n`);
    } finally {
      await source.close();
    }
  }, 300_000);

  it('sends after a restart what was queued or in flight when the service was killed mid-send, each key accepted once', async () => {
    const c = await newCase('skerry');
    const source = await serveSource('kill-send', c.word, null);
    const held = new Promise<Post>((resolve) => (hold = { prefix: c.hookPrefix, after: 5, seen: 0, resolve }));
    try {
      await startRun('kill-send', source);
      // The sixth POST is held unanswered; the service dies while it waits, with more alerts queued behind it.
      const post = await held;
      const before = await tally(c);
      expect(before.accepted).toBe(5);
      await platform.kill('funding', 'SIGKILL');
      await platform.start('funding');

      // The held delivery's lease (15 s here) has to run out before it is sent again.
      const { tally: t, elapsedMs } = await allArrived(c, 150_000);
      expect(post.outcome).toBe('aborted');
      // Mail is exact here (no mail was in flight while the webhook was held), and each webhook key was accepted once:
      // the only key POSTed twice is the held one, sent again with the same Entente-Delivery key.
      expect(t).toMatchObject({ mails: c.expected, mailIds: c.expected, mailRepeats: [], accepted: c.expected, acceptedRepeats: [], inApp: c.expected, unsigned: 0 });
      const received = posts.filter((p) => p.path.startsWith(c.hookPrefix));
      expect(repeats(received.map((p) => p.key))).toEqual([post.key]);
      process.stdout.write(`funding-recovery, killed mid-send: all delivered ${(elapsedMs / 1000).toFixed(1)} s after the restart; ${JSON.stringify(t)}\n`);
    } finally {
      hold = null;
      await source.close();
    }
  }, 300_000);

  it('catches up once the Kafka broker, killed mid-run, is back: every alert once', async () => {
    const c = await newCase('haff');
    const source = await serveSource('kill-broker', c.word, 3);
    try {
      const runId = await heldHalfWay('kill-broker', c, source);
      brokerDown = true;
      if (!(await killServer('test', 'kafka'))) throw new Error('this spec kills the local test broker; none of ours is running (an external KAFKA_BROKERS?)');
      const killedAt = Date.now();
      source.release();
      // The run goes on without the broker: its records and their events are stored, the events wait in the outbox.
      const { value: finished } = await eventually(() => run(runId), (r) => r?.status === 'SUCCEEDED' || r?.status === 'FAILED', 60_000);
      expect(finished).toMatchObject({ status: 'SUCCEEDED', counts: { read: RECORDS, errors: 0 } });
      const during = await tally(c);

      await brokerBack();
      const backAt = Date.now();
      const { tally: t, elapsedMs } = await allArrived(c, 240_000);
      const after = posts.filter((p) => p.path.startsWith(c.hookPrefix) && p.at >= backAt).map((p) => p.at - backAt);
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      expect(t).toMatchObject({ mails: c.expected, mailIds: c.expected, accepted: c.expected, acceptedKeys: c.expected, inApp: c.expected, unsigned: 0 });
      process.stdout.write(
        `funding-recovery, broker killed mid-run: down ${seconds(backAt - killedAt)}, the run finished meanwhile; ${during.mailIds} of ${c.expected} mails had arrived by then; ` +
          `once the broker was back, the first webhook POST at +${seconds(Math.min(...after))}, the last at +${seconds(Math.max(...after))}, every alert on every channel seen at +${seconds(elapsedMs)}; ${JSON.stringify(t)}\n`,
      );
    } finally {
      if (brokerDown) await brokerBack();
      await source.close();
    }
  }, 420_000);
});
