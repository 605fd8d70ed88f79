import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { ApplicationAwardedV1, createEvent } from '@entente/contracts';
import { KafkaEventPublisher } from '@entente/messaging';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestJurisdiction, TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 10's pipeline through the gateway with real tokens: an application
 * moves interested → preparing → submitted → awarded, with the moves the
 * pipeline refuses named; the award becomes one external funding line of
 * the year's plan in planning, and stays one when its event is delivered
 * again (the same envelope twice, and the same award in a new envelope).
 */
describe('the funding pipeline through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  const jurisdictions = testJurisdictions();
  const YEAR = 2027;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  const APPLICATION_FIELDS = `id title funder stage deadline owner notes reason reasonNote amountRequested { amount currency } amountAwarded { amount currency } amountAwardedLocal awardedOn planYear`;
  type Application = { id: string; title: string; stage: string; amountAwarded: { amount: number; currency: string } | null; amountAwardedLocal: number | null; awardedOn: string | null };
  type Line = { id: string; source: string; label: string; amount: number; fundingReference: string | null };

  async function onboarded(prefix: string): Promise<TestJurisdiction> {
    const j = jurisdictions.create(prefix);
    ok(
      await platform.graphql(
        await platformAdmin.token(),
        `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Hanseatic City of ${prefix}", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
        { id: j.id },
      ),
    );
    return j;
  }

  /** Planning creates the plan once the onboarding event reached it. */
  async function createPlan(staff: string): Promise<void> {
    const { value } = await eventually(
      () => platform.graphql<{ createPlan: { version: number } }>(staff, `mutation { createPlan(year: ${YEAR}, input: { budgetLines: [{ source: OWN, label: "Council budget", amount: 40000 }], staffDaysAvailable: 100 }) { version } }`),
      (r) => r.data?.createPlan !== undefined || r.errors?.[0]?.extensions?.code !== 'CONFLICT',
      20_000,
    );
    ok(value);
  }

  async function add(staff: string, input: Record<string, unknown>): Promise<Application> {
    return ok(await platform.graphql<{ addFundingApplication: Application }>(staff, `mutation($input: FundingApplicationInput!) { addFundingApplication(input: $input) { ${APPLICATION_FIELDS} } }`, { input })).addFundingApplication;
  }

  function move(token: string, id: string, input: Record<string, unknown>): Promise<GraphQLResponse<{ moveFundingApplication: Application }>> {
    return platform.graphql<{ moveFundingApplication: Application }>(token, `mutation($id: ID!, $input: MoveFundingApplicationInput!) { moveFundingApplication(id: $id, input: $input) { ${APPLICATION_FIELDS} } }`, { id, input });
  }

  /** Funding moves an application once the onboarding event (currency, time zone) reached it. */
  async function moveWhenKnown(token: string, id: string, input: Record<string, unknown>): Promise<Application> {
    const { value } = await eventually(() => move(token, id, input), (r) => r.data?.moveFundingApplication !== undefined || !String(r.errors?.[0]?.message).includes('has not received'), 20_000);
    return ok(value).moveFundingApplication;
  }

  async function fundingLines(staff: string): Promise<Line[]> {
    return ok(await platform.graphql<{ plan: { budgetLines: Line[] } }>(staff, `{ plan(year: ${YEAR}) { budgetLines { id source label amount fundingReference } } }`)).plan.budgetLines.filter((l) => l.source === 'EXTERNAL');
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'funding-pipeline' });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
  });

  it('walks an application to an award that becomes one external funding line of the year’s plan, with its history', async () => {
    const rostock = await onboarded('pipeline');
    const staff = await rostock.token('staff');
    await createPlan(staff);
    const added = await add(staff, { title: 'Interreg Baltic Sea Region: small projects', funder: 'Interreg BSR', deadline: '2027-03-31T17:00:00+02:00', amountRequested: { amount: 50000, currency: 'eur' }, owner: 'Anke Berg' });
    expect(added).toMatchObject({ stage: 'INTERESTED', deadline: '2027-03-31T15:00:00.000Z', amountRequested: { amount: 50000, currency: 'EUR' } });

    await moveWhenKnown(staff, added.id, { stage: 'PREPARING' });
    const skipped = await move(staff, added.id, { stage: 'AWARDED', amountAwarded: { amount: 1, currency: 'EUR' } });
    expect(skipped.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(skipped.errors?.[0]?.message).toContain('can move to interested, submitted or not pursued, not awarded');
    expect(ok(await move(staff, added.id, { stage: 'SUBMITTED' })).moveFundingApplication.stage).toBe('SUBMITTED');
    const noAmount = await move(staff, added.id, { stage: 'AWARDED' });
    expect(noAmount.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountAwarded' });
    const foreign = await move(staff, added.id, { stage: 'AWARDED', amountAwarded: { amount: 45000, currency: 'USD' } });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountAwardedLocal' });

    const viewer = await rostock.token('viewer');
    const refused = await move(viewer, added.id, { stage: 'AWARDED', amountAwarded: { amount: 42000, currency: 'EUR' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const awarded = ok(await move(staff, added.id, { stage: 'AWARDED', amountAwarded: { amount: 42000, currency: 'EUR' }, awardedOn: '2027-04-20' })).moveFundingApplication;
    expect(awarded).toMatchObject({ stage: 'AWARDED', amountAwarded: { amount: 42000, currency: 'EUR' }, amountAwardedLocal: 42000, awardedOn: '2027-04-20' });
    const final = await move(staff, added.id, { stage: 'DECLINED' });
    expect(final.errors?.[0]?.message).toContain('which is final');

    const { value: lines } = await eventually(() => fundingLines(staff), (found) => found.length > 0, 20_000);
    expect(lines).toEqual([{ id: expect.any(String), source: 'EXTERNAL', label: 'Award: Interreg Baltic Sea Region: small projects – Interreg BSR', amount: 42000, fundingReference: `funding-application:${added.id}` }]);

    const read = ok(await platform.graphql<{ fundingApplication: Application & { history: Array<{ action: string; byName: string; changes: Array<{ field: string; from: string | null; to: string | null }> }> } }>(
      viewer,
      `query($id: ID!) { fundingApplication(id: $id) { stage history { action byName changes { field from to } } } }`,
      { id: added.id },
    )).fundingApplication;
    expect(read.history.map((h) => h.action)).toEqual(['moved to awarded', 'moved to submitted', 'moved to preparing', 'added']);
    expect(read.history[0]?.changes).toEqual(expect.arrayContaining([{ field: 'stage', from: 'submitted', to: 'awarded' }]));
  });

  it('adds one funding line when the award event is delivered twice, and again in a new envelope', async () => {
    const j = await onboarded('award-twice');
    const staff = await j.token('staff');
    await createPlan(staff);
    const applicationId = randomUUID();
    const payload = {
      applicationId,
      opportunityId: null,
      title: 'Embassy small grant',
      funder: 'Embassy of Finland',
      awardedOn: '2027-02-01',
      planYear: null,
      amount: 8000,
      currency: 'USD',
      amountLocal: 7400,
      localCurrency: 'EUR',
    };
    const kafka = new Kafka({ clientId: `funding-award-redelivery-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const publisher = new KafkaEventPublisher(producer);
      const event = createEvent(ApplicationAwardedV1, { source: 'funding', jurisdictionId: j.id, aggregateId: applicationId, payload });
      await publisher.publish(event);
      await publisher.publish(event);
      await publisher.publish(createEvent(ApplicationAwardedV1, { source: 'funding', jurisdictionId: j.id, aggregateId: applicationId, payload }));
    } finally {
      await producer.disconnect();
    }
    const { value: lines } = await eventually(() => fundingLines(staff), (found) => found.length > 0, 20_000);
    // The three deliveries are on one partition (keyed by the application), handled in order: by the time a line shows, give the others a moment.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await fundingLines(staff)).toEqual(lines);
    expect(lines).toEqual([{ id: expect.any(String), source: 'EXTERNAL', label: 'Award: Embassy small grant – Embassy of Finland (USD 8,000)', amount: 7400, fundingReference: `funding-application:${applicationId}` }]);
  });

  it('serves each user a calendar of the pipeline’s open deadlines behind a secret link that rotates and revokes', async () => {
    const j = await onboarded('calendar');
    const staff = await j.token('staff');
    const viewer = await j.token('viewer');
    const open = await add(staff, { title: 'Interreg; Baltic, Sea', deadline: '2027-03-31T17:00:00+02:00', funder: 'Interreg BSR' });
    const dropped = await add(staff, { title: 'Dropped call', deadline: '2027-04-30' });
    await moveWhenKnown(staff, dropped.id, { stage: 'NOT_PURSUED', reason: 'NO_STAFF_CAPACITY' });
    await add(staff, { title: 'No deadline yet' });

    type Link = { token: string; path: string };
    const LINK = `token path createdAt rotatedAt`;
    expect(ok(await platform.graphql<{ calendarFeed: null }>(viewer, `{ calendarFeed { createdAt } }`)).calendarFeed).toBeNull();
    const link = ok(await platform.graphql<{ createCalendarFeed: Link }>(viewer, `mutation { createCalendarFeed { ${LINK} } }`)).createCalendarFeed;
    expect(link.path).toBe(`/calendar/${link.token}.ics`);
    const again = await platform.graphql(viewer, `mutation { createCalendarFeed { token } }`);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const fundingUrl = `http://127.0.0.1:${platform.settings.ports.funding}`;
    const fetched = await fetch(fundingUrl + link.path);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await fetched.text();
    // RFC 5545: CRLF line ends, no line over 75 octets, continuation lines unfolded before reading.
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = body.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toEqual(expect.arrayContaining(['VERSION:2.0', `UID:application-${open.id}@funding.entente`, 'DTSTART:20270331T150000Z', 'SUMMARY:Deadline: Interreg\\; Baltic\\, Sea', 'TRIGGER:-P14D']));
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(body).not.toContain(dropped.id);
    // The same feed on the API's public origin: the gateway passes /calendar/<secret>.ics through without a token.
    const viaGateway = await fetch(new URL(platform.gatewayUrl).origin + link.path);
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await viaGateway.text()).split('\r\n').filter((line) => line.startsWith('UID:'))).toEqual([`UID:application-${open.id}@funding.entente`]);
    expect((await fetch(`${new URL(platform.gatewayUrl).origin}/calendar/not-a-secret.ics`)).status).toBe(404);
    expect(ok(await platform.graphql<{ calendarFeed: { lastFetchedAt: string | null } }>(viewer, `{ calendarFeed { lastFetchedAt } }`)).calendarFeed.lastFetchedAt).not.toBeNull();

    const rotated = ok(await platform.graphql<{ rotateCalendarFeed: Link }>(viewer, `mutation { rotateCalendarFeed { ${LINK} } }`)).rotateCalendarFeed;
    expect(rotated.token).not.toBe(link.token);
    expect((await fetch(fundingUrl + link.path)).status).toBe(404);
    expect((await fetch(fundingUrl + rotated.path)).status).toBe(200);
    expect((await fetch(`${fundingUrl}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect(ok(await platform.graphql<{ revokeCalendarFeed: boolean }>(viewer, `mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
    expect((await fetch(fundingUrl + rotated.path)).status).toBe(404);
    expect(ok(await platform.graphql<{ calendarFeed: null }>(viewer, `{ calendarFeed { createdAt } }`)).calendarFeed).toBeNull();
    // Rotating without a link makes one; another user's link is their own.
    const fresh = ok(await platform.graphql<{ rotateCalendarFeed: Link }>(viewer, `mutation { rotateCalendarFeed { ${LINK} } }`)).rotateCalendarFeed;
    const staffLink = ok(await platform.graphql<{ createCalendarFeed: Link }>(staff, `mutation { createCalendarFeed { ${LINK} } }`)).createCalendarFeed;
    expect(staffLink.token).not.toBe(fresh.token);
    expect(ok(await platform.graphql<{ revokeCalendarFeed: boolean }>(staff, `mutation { revokeCalendarFeed }`)).revokeCalendarFeed).toBe(true);
    expect((await fetch(fundingUrl + staffLink.path)).status).toBe(404);
    expect((await fetch(fundingUrl + fresh.path)).status).toBe(200);
  });

  it('matches a scouted call to the jurisdiction’s priority on theme and country, explained in one line', async () => {
    const j = await onboarded('matching');
    const staff = await j.token('staff');
    const recordId = `call-${randomUUID().slice(0, 8)}`;
    const closes = new Date(Date.now() + 21 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const csv = [
      'id,title,funder,status,closesAt,timeZone,applicantTypes,countries,themes,currency',
      `${recordId},Interreg South Baltic small projects,Interreg South Baltic,open,${closes},Europe/Berlin,local-governments;regional-governments,DE;DK;PL,regional-development,EUR`,
      `${recordId}-health,Health innovation vouchers,Health Fund,open,${closes},Europe/Berlin,local-governments,DE,health,EUR`,
      `${recordId}-us,US-only programme,US Agency,open,${closes},America/New_York,local-governments,US,regional-development,USD`,
    ].join('\n');
    const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calls.csv`;
      const admin = await platformAdmin.token();
      const source = ok(await platform.graphql<{ addFundingSource: { id: string } }>(admin, `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, { input: { name: `Calls ${recordId}`, kind: 'CSV', url } })).addFundingSource;
      ok(await platform.graphql(admin, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: source.id }));

      const goal = ok(
        await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(
          staff,
          `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Port economy", statement: "Exports of the port cluster" }], staffFte: 3 }) { goals { goalId } } }`,
        ),
      ).saveStrategy.goals[0]?.goalId;
      const priority = ok(
        await platform.graphql<{ setPriority: { priority: { id: string } } }>(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }`, {
          input: { title: 'Baltic trade', goalIds: [goal], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK'], themes: ['Regional development'] },
        }),
      ).setPriority.priority.id;

      type Match = { opportunityId: string; title: string; score: number; explanation: string; eligibility: string; priorityIds: string[] };
      const matches = async () =>
        ok(await platform.graphql<{ opportunityMatches: Match[] }>(await j.token('viewer'), `{ opportunityMatches(first: 100) { opportunityId title score explanation eligibility priorityIds } }`)).opportunityMatches.filter((m) =>
          m.opportunityId.endsWith(recordId) || m.opportunityId.includes(`${recordId}-`),
        );
      const { value } = await eventually(matches, (found) => found.length > 0, 45_000);
      expect(value).toEqual([
        {
          opportunityId: expect.stringMatching(new RegExp(`:${recordId}$`)),
          title: 'Interreg South Baltic small projects',
          score: 75,
          explanation: expect.stringMatching(/^matches priority 'Baltic trade' on theme regional development, country DK; eligible: local governments; closes in 2[12] days$/),
          eligibility: 'ELIGIBLE',
          priorityIds: [priority],
        },
      ]);
      const refused = await platform.graphql(staff, `{ opportunityMatches(first: 0) { score } }`);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    } finally {
      server.close();
    }
  });

  it('keeps each pipeline inside its jurisdiction and names the field a bad input got wrong', async () => {
    const a = await onboarded('pipeline-a');
    const b = await onboarded('pipeline-b');
    const staffA = await a.token('staff');
    const secret = await add(staffA, { title: 'Secret bid' });
    const staffB = await b.token('staff');
    expect((await platform.graphql(staffB, `query($id: ID!) { fundingApplication(id: $id) { id } }`, { id: secret.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(ok(await platform.graphql<{ fundingApplications: { totalCount: number } }>(staffB, `{ fundingApplications { totalCount } }`)).fundingApplications.totalCount).toBe(0);
    expect((await move(staffB, secret.id, { stage: 'PREPARING' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await platform.graphql(staffA, `mutation { addFundingApplication(input: { title: "x", deadline: "31.03.2027" }) { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    const dropped = await moveWhenKnown(staffA, secret.id, { stage: 'NOT_PURSUED', reason: 'NO_MATCH_FUNDS' });
    expect(dropped).toMatchObject({ stage: 'NOT_PURSUED', reason: 'NO_MATCH_FUNDS' });
    const listed = ok(await platform.graphql<{ fundingApplications: { nodes: Array<{ id: string }> } }>(await a.token('executive'), `{ fundingApplications(stage: NOT_PURSUED) { nodes { id } } }`));
    expect(listed.fundingApplications.nodes).toEqual([{ id: secret.id }]);
  });
});
