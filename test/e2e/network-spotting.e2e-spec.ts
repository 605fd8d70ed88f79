import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, JointEffortParticipantJoinedV1, OpportunityPublishedV1, PLATFORM_WIDE } from '@entente/contracts';
import { KafkaEventPublisher } from '@entente/messaging';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser } from '@entente/testing';
import { eventually, type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 11's spotting and joint efforts through the gateway with real
 * tokens: two members share priorities naming one country and the
 * coordinator sees the suggestion with its evidence, while a member that
 * did not share its priorities contributes nothing; a funding call that
 * allows joint bids adds a joint-bid suggestion; a common delegation states
 * its saving from the delegation costs members chose to share; a dismissal sticks while
 * the evidence is the same (even through a grant made again) and lifts when
 * it changes; a joint effort joined becomes one proposed activity in the
 * participant's plan, however often its event is delivered; the
 * seeking-partners board takes posts and answers from members only.
 */
describe('network: spotting joint opportunities and joint efforts through the gateway', () => {
  let platform: TestPlatform;
  const jurisdictions = testJurisdictions();
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  const YEAR = 2027;

  const SUGGESTIONS = `query($n: ID!, $d: Boolean) { networkSuggestions(networkId: $n, includeDismissed: $d) { id key kind score explanation deadline status members { jurisdictionId name } evidence { jurisdictionId kind recordId summary } dismissal { reason } } }`;
  const DISMISS = `mutation($id: ID!, $r: String!) { dismissSuggestion(id: $id, reason: $r) { id status dismissal { reason byUserId } } }`;
  const EFFORT = `id kind title status leadJurisdictionId timelineStart timelineEnd country participants { jurisdictionId name costShare joinedAt }`;

  type Suggestion = {
    id: string;
    key: string;
    kind: string;
    score: number;
    explanation: string;
    deadline: string | null;
    status: string;
    members: Array<{ jurisdictionId: string; name: string }>;
    evidence: Array<{ jurisdictionId: string | null; kind: string; recordId: string; summary: string }>;
    dismissal: { reason: string } | null;
  };
  type Effort = { id: string; status: string; leadJurisdictionId: string; participants: Array<{ jurisdictionId: string; costShare: number; joinedAt: string | null }> };
  type Err = NonNullable<GraphQLResponse['errors']>[number];

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }
  const codeOf = (response: GraphQLResponse<unknown>) => (response.errors as Err[] | undefined)?.[0]?.extensions?.['code'];

  async function onboard(j: TestJurisdiction, name: string): Promise<void> {
    ok(
      await platform.graphql(
        await platformAdmin.token(),
        `mutation($id: String!, $name: String!) { onboardJurisdiction(input: { id: $id, name: $name, level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
        { id: j.id, name },
      ),
    );
  }

  async function networkOf(name: string, members: TestJurisdiction[]): Promise<string> {
    const id = ok(await platform.graphql<{ createNetwork: { id: string } }>(await coordinator.token(), `mutation($name: String!) { createNetwork(input: { name: $name }) { id } }`, { name })).createNetwork.id;
    for (const member of members) {
      const token = await coordinator.token();
      const { value } = await eventually(() => platform.graphql(token, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: id, j: member.id }), (r) => !r.errors, 30_000);
      ok(value);
      ok(await platform.graphql(await member.token('jurisdiction-admin'), `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: id }));
    }
    return id;
  }

  /** Each jurisdiction's strategy goal, saved once (saving the strategy again would replace the goal its priorities serve). */
  const goals = new Map<string, string>();

  async function priority(j: TestJurisdiction, title: string, country: string, themes: string[] = []): Promise<string> {
    const staff = await j.token('staff');
    const goal =
      goals.get(j.id) ??
      ok(
        await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staff, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "Exports", statement: "Grow exports" }] }) { goals { goalId } } }`),
      ).saveStrategy.goals[0]?.goalId;
    goals.set(j.id, goal as string);
    return ok(
      await platform.graphql<{ setPriority: { priority: { id: string } } }>(
        staff,
        `mutation($g: ID!, $t: String!, $c: String!, $th: [String!]) { setPriority(input: { title: $t, goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: [$c], themes: $th }) { priority { id } } }`,
        { g: goal, t: title, c: country, th: themes },
      ),
    ).setPriority.priority.id;
  }

  /** The year's plan, once planning has the jurisdiction's profile (it answers CONFLICT until then). */
  async function createPlan(staff: string): Promise<void> {
    const { value: created } = await eventually(
      () => platform.graphql(staff, `mutation { createPlan(year: ${YEAR}, input: { staffDaysAvailable: 100 }) { version } }`),
      (r) => !r.errors || r.errors[0]?.extensions?.['code'] !== 'CONFLICT',
      20_000,
    );
    ok(created);
  }

  async function share(j: TestJurisdiction, networkId: string, scope: string): Promise<void> {
    ok(await platform.graphql(await j.token('jurisdiction-admin'), `mutation($n: ID!, $s: SharingScope!) { shareWithNetwork(input: { networkId: $n, scope: $s }) { id } }`, { n: networkId, s: scope }));
  }

  const suggestionsOf = async (token: string, networkId: string, includeDismissed = false): Promise<Suggestion[]> =>
    ok(await platform.graphql<{ networkSuggestions: Suggestion[] }>(token, SUGGESTIONS, { n: networkId, d: includeDismissed })).networkSuggestions;

  async function publish(events: ReadonlyArray<Parameters<KafkaEventPublisher['publish']>[0]>): Promise<void> {
    const kafka = new Kafka({ clientId: `network-spotting-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const publisher = new KafkaEventPublisher(producer);
      for (const event of events) await publisher.publish(event);
    } finally {
      await producer.disconnect();
    }
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-spotting' });
    [platformAdmin, coordinator] = await Promise.all([createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }), createTestUser({ jurisdiction: 'maryland', roles: ['regional-coordinator'] })]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    await Promise.all([platformAdmin, coordinator].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('suggests from what members shared only, explains it, keeps a dismissal until the evidence changes, and adds a joint bid when a call arrives', async () => {
    const rostock = jurisdictions.create('spot-rostock');
    const gdansk = jurisdictions.create('spot-gdansk');
    const riga = jurisdictions.create('spot-riga');
    await Promise.all([onboard(rostock, 'Rostock'), onboard(gdansk, 'Gdańsk'), onboard(riga, 'Riga')]);
    const networkId = await networkOf('Baltic spotting', [rostock, gdansk, riga]);

    const rostockPriority = await priority(rostock, 'Japanese offshore wind', 'JP', ['offshore-wind']);
    const gdanskPriority = await priority(gdansk, 'Ports of Japan', 'JP', ['offshore-wind']);
    // Riga names Japan too, with a title it never shares: it grants partners, not priorities.
    const rigaPriority = await priority(riga, 'Riga secret Japan plan', 'JP', ['offshore-wind']);
    await share(riga, networkId, 'PARTNERS');
    await share(rostock, networkId, 'PRIORITIES');
    await share(gdansk, networkId, 'PRIORITIES');

    const coordinatorToken = await coordinator.token();
    const market = (list: Suggestion[]) => list.find((s) => s.key === 'shared-market/JP');
    const { value: seen } = await eventually(
      () => suggestionsOf(coordinatorToken, networkId),
      (list) => market(list)?.members.length === 2,
      30_000,
    );
    const suggestion = market(seen) as Suggestion;
    expect(suggestion.kind).toBe('SHARED_REPRESENTATION');
    expect(suggestion.members.map((m) => m.name).sort()).toEqual(['Gdańsk', 'Rostock']);
    expect(suggestion.evidence.map((e) => [e.jurisdictionId, e.kind, e.recordId]).sort()).toEqual(
      [
        [gdansk.id, 'priority', gdanskPriority],
        [rostock.id, 'priority', rostockPriority],
      ].sort(),
    );
    expect(suggestion.explanation).toContain('Japanese offshore wind');
    expect(suggestion.explanation).toContain('JP');
    // Riga shared no priorities: nothing of it in any suggestion, for the coordinator or a member.
    const gdanskStaff = await gdansk.token('staff');
    for (const list of [seen, await suggestionsOf(gdanskStaff, networkId, true)]) {
      const text = JSON.stringify(list);
      expect(text).not.toContain(riga.id);
      expect(text).not.toContain(rigaPriority);
      expect(text).not.toContain('Riga secret');
    }
    expect(market(await suggestionsOf(gdanskStaff, networkId))?.id).toBe(suggestion.id);

    // The read is in the sharers' access logs.
    const log = ok(
      await platform.graphql<{ sharingAccessLog: { nodes: Array<{ view: string; readerUserId: string }> } }>(await rostock.token('jurisdiction-admin'), `query($n: ID) { sharingAccessLog(networkId: $n, first: 100) { nodes { view readerUserId } } }`, { n: networkId }),
    ).sharingAccessLog.nodes;
    expect(log.some((e) => e.view === 'SUGGESTIONS' && e.readerUserId === coordinator.id)).toBe(true);

    // A reason is required, named; a member the suggestion does not involve may not dismiss it.
    const rostockAdmin = await rostock.token('jurisdiction-admin');
    const blank = await platform.graphql(rostockAdmin, DISMISS, { id: suggestion.id, r: '  ' });
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect((blank.errors as Err[])[0]?.extensions?.['field']).toBe('reason');
    expect(codeOf(await platform.graphql(await riga.token('jurisdiction-admin'), DISMISS, { id: suggestion.id, r: 'not ours' }))).toBe('FORBIDDEN');

    const dismissed = ok(await platform.graphql<{ dismissSuggestion: Suggestion & { dismissal: { byUserId: string } } }>(rostockAdmin, DISMISS, { id: suggestion.id, r: 'We already share an office in Tokyo' })).dismissSuggestion;
    expect(dismissed).toMatchObject({ id: suggestion.id, status: 'DISMISSED', dismissal: { reason: 'We already share an office in Tokyo' } });
    expect(market(await suggestionsOf(coordinatorToken, networkId))).toBeUndefined();
    expect(market(await suggestionsOf(coordinatorToken, networkId, true))?.status).toBe('DISMISSED');

    // Sharing priorities again (a new grant, the copies made anew): the same evidence, so it stays dismissed.
    await share(gdansk, networkId, 'PRIORITIES');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(market(await suggestionsOf(coordinatorToken, networkId))).toBeUndefined();
    expect(market(await suggestionsOf(coordinatorToken, networkId, true))?.status).toBe('DISMISSED');

    // New evidence (another shared priority naming Japan): open again, the dismissal forgotten.
    const another = await priority(gdansk, 'Japanese hydrogen', 'JP');
    const { value: reopened } = await eventually(
      () => suggestionsOf(coordinatorToken, networkId),
      (list) => market(list)?.evidence.some((e) => e.recordId === another) === true,
      30_000,
    );
    expect(market(reopened)).toMatchObject({ status: 'OPEN', dismissal: null });

    // A funding call that allows joint bids and matches both shared priorities' themes.
    const opportunityId = `call-${randomUUID()}`;
    const closesAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
    await publish([
      createEvent(OpportunityPublishedV1, {
        source: 'funding',
        jurisdictionId: PLATFORM_WIDE,
        aggregateId: opportunityId,
        payload: {
          opportunityId,
          sourceId: 'test',
          sourceRecordId: opportunityId,
          version: 1,
          title: 'Offshore wind partnerships',
          reference: null,
          funder: 'Interreg Baltic Sea Region',
          funderType: 'eu',
          url: null,
          status: 'open',
          postedAt: null,
          closesAt,
          timeZone: 'Europe/Brussels',
          award: { floor: null, ceiling: null, total: null, currency: null },
          costSharing: null,
          eligibleApplicantTypes: [],
          eligibleCountries: [],
          themes: ['offshore-wind'],
          jointBidsAllowed: true,
        },
      }),
    ]);
    const { value: withBid } = await eventually(
      () => suggestionsOf(coordinatorToken, networkId),
      (list) => list.some((s) => s.key === `joint-bid/${opportunityId}`),
      30_000,
    );
    const bid = withBid.find((s) => s.key === `joint-bid/${opportunityId}`) as Suggestion;
    expect(bid.kind).toBe('JOINT_BID');
    expect(bid.deadline).toBe(closesAt);
    expect(bid.members.map((m) => m.jurisdictionId).sort()).toEqual([gdansk.id, rostock.id].sort());
    expect(JSON.stringify(bid)).not.toContain(riga.id);

    // Outsiders: a member of no network and another network's coordinator see nothing.
    const outsider = jurisdictions.create('spot-outsider');
    await onboard(outsider, 'Outsider');
    expect(codeOf(await platform.graphql(await outsider.token('staff'), SUGGESTIONS, { n: networkId }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(await outsider.token('jurisdiction-admin'), DISMISS, { id: suggestion.id, r: 'x' }))).toBe('NOT_FOUND');
  }, 240_000);

  it('states the saving of a common delegation from the costs members chose to share with their planned delegations', async () => {
    const bremen = jurisdictions.create('cost-bremen');
    const gdynia = jurisdictions.create('cost-gdynia');
    const klaipeda = jurisdictions.create('cost-klaipeda');
    await Promise.all([onboard(bremen, 'Bremen'), onboard(gdynia, 'Gdynia'), onboard(klaipeda, 'Klaipėda')]);
    const networkId = await networkOf('Baltic delegations', [bremen, gdynia, klaipeda]);
    const delegation = async (j: TestJurisdiction, title: string, windowStart: string, windowEnd: string, own: number, external: number): Promise<void> => {
      const staff = await j.token('staff');
      await createPlan(staff);
      const input = { title, type: 'OUTBOUND_DELEGATION', country: 'KR', city: 'Busan', windowStart, windowEnd, costPerOccurrence: { own, external }, staffDaysPerOccurrence: 6 };
      ok(await platform.graphql(staff, `mutation($i: ActivityInput!) { addActivity(year: ${YEAR}, input: $i) { version } }`, { i: input }));
    };
    // One occurrence each, every source together: Bremen 30 000 + 8 000, Gdynia 22 500, Klaipėda 41 000 (which it keeps to itself).
    await Promise.all([
      delegation(bremen, 'Busan port forum', `${YEAR}-04-12`, `${YEAR}-04-16`, 30000, 8000),
      delegation(gdynia, 'Korean shipyards', `${YEAR}-04-14`, `${YEAR}-04-18`, 22500, 0),
      delegation(klaipeda, 'Busan logistics', `${YEAR}-04-15`, `${YEAR}-04-17`, 41000, 0),
    ]);
    await share(bremen, networkId, 'PLANNED_ACTIVITIES');
    await share(gdynia, networkId, 'PLANNED_ACTIVITIES');
    ok(
      await platform.graphql(await klaipeda.token('jurisdiction-admin'), `mutation($n: ID!) { shareWithNetwork(input: { networkId: $n, scope: PLANNED_ACTIVITIES, fields: ["title", "type", "status", "country", "city", "windowStart", "windowEnd"] }) { id } }`, {
        n: networkId,
      }),
    );

    type Saving = { key: string; members: Array<{ name: string }>; estimatedSaving: { amount: number; currency: string } | null; explanation: string };
    const coordinatorToken = await coordinator.token();
    const read = async (): Promise<Saving | undefined> =>
      ok(
        await platform.graphql<{ networkSuggestions: Saving[] }>(coordinatorToken, `query($n: ID!) { networkSuggestions(networkId: $n) { key members { name } estimatedSaving { amount currency } explanation } }`, { n: networkId }),
      ).networkSuggestions.find((x) => x.key === 'common-delegation/KR');
    const { value: found } = await eventually(read, (x) => x?.members.length === 3 && x.estimatedSaving !== null, 30_000);
    // 30 % of (38 000 + 22 500 − 38 000): Klaipėda's cost is not shared, so it is no part of the estimate.
    expect(found?.estimatedSaving).toEqual({ amount: 6750, currency: 'EUR' });
    expect(found?.explanation).toContain('Estimated saving about 6750 EUR');
    expect(found?.explanation).toContain('1 member shared no cost');
    expect(found?.explanation).not.toContain('41000');

    // The shared data shows the cost where the grant allows it, and nothing of Klaipėda's.
    const shared = ok(
      await platform.graphql<{ networkSharedData: Array<{ name: string; activities: Array<{ costAmount: number | null; costCurrency: string | null }> }> }>(
        coordinatorToken,
        `query($n: ID!) { networkSharedData(networkId: $n) { name activities { costAmount costCurrency } } }`,
        { n: networkId },
      ),
    ).networkSharedData;
    expect(Object.fromEntries(shared.map((m) => [m.name, m.activities]))).toEqual({
      Bremen: [{ costAmount: 38000, costCurrency: 'EUR' }],
      Gdynia: [{ costAmount: 22500, costCurrency: 'EUR' }],
      Klaipėda: [{ costAmount: null, costCurrency: null }],
    });
  }, 240_000);

  it('turns a joining of a joint effort into one proposed activity in the participant’s plan, however often it is delivered', async () => {
    const lubeck = jurisdictions.create('je-lubeck');
    const tallinn = jurisdictions.create('je-tallinn');
    await Promise.all([onboard(lubeck, 'Lübeck'), onboard(tallinn, 'Tallinn')]);
    const networkId = await networkOf('Baltic efforts', [lubeck, tallinn]);
    const tallinnStaff = await tallinn.token('staff');
    await createPlan(tallinnStaff);

    const lubeckAdmin = await lubeck.token('jurisdiction-admin');
    const input = {
      networkId,
      kind: 'COMMON_DELEGATION',
      title: 'Delegation to Osaka',
      participants: [
        { jurisdictionId: lubeck.id, costShare: 60 },
        { jurisdictionId: tallinn.id, costShare: 40 },
      ],
      timelineStart: `${YEAR}-05-04`,
      timelineEnd: `${YEAR}-05-08`,
      country: 'JP',
    };
    const uneven = await platform.graphql(lubeckAdmin, `mutation($i: ProposeJointEffortInput!) { proposeJointEffort(input: $i) { id } }`, { i: { ...input, participants: [{ jurisdictionId: lubeck.id, costShare: 60 }, { jurisdictionId: tallinn.id, costShare: 30 }] } });
    expect(codeOf(uneven)).toBe('BAD_USER_INPUT');
    expect((uneven.errors as Err[])[0]?.extensions?.['field']).toBe('participants.0.costShare');

    const effort = ok(await platform.graphql<{ proposeJointEffort: Effort }>(lubeckAdmin, `mutation($i: ProposeJointEffortInput!) { proposeJointEffort(input: $i) { ${EFFORT} } }`, { i: input })).proposeJointEffort;
    expect(effort).toMatchObject({ status: 'PROPOSED', leadJurisdictionId: lubeck.id });
    expect(effort.participants.map((p) => [p.jurisdictionId, p.costShare, p.joinedAt !== null])).toEqual([
      [lubeck.id, 60, true],
      [tallinn.id, 40, false],
    ]);
    // Only a participant's admin joins; it cannot start before everyone joined.
    expect(codeOf(await platform.graphql(await tallinn.token('staff'), `mutation($e: ID!) { joinJointEffort(effortId: $e) { id } }`, { e: effort.id }))).toBe('FORBIDDEN');
    expect(codeOf(await platform.graphql(lubeckAdmin, `mutation($e: ID!) { moveJointEffort(effortId: $e, status: ACTIVE) { id } }`, { e: effort.id }))).toBe('CONFLICT');

    const tallinnAdmin = await tallinn.token('jurisdiction-admin');
    const joined = ok(await platform.graphql<{ joinJointEffort: Effort }>(tallinnAdmin, `mutation($e: ID!) { joinJointEffort(effortId: $e) { ${EFFORT} } }`, { e: effort.id })).joinJointEffort;
    expect(joined.participants.every((p) => p.joinedAt !== null)).toBe(true);
    // Joining again (a double click) changes nothing and announces nothing.
    ok(await platform.graphql(tallinnAdmin, `mutation($e: ID!) { joinJointEffort(effortId: $e) { id } }`, { e: effort.id }));

    type Activity = { id: string; title: string; type: string; country: string | null; windowStart: string | null; origin: { kind: string; reference: string } | null };
    const effortActivities = async (): Promise<Activity[]> =>
      ok(await platform.graphql<{ plan: { activities: Activity[] } }>(tallinnStaff, `{ plan(year: ${YEAR}) { activities { id title type country windowStart origin { kind reference } } } }`)).plan.activities.filter(
        (a) => a.origin?.kind === 'joint-effort' && a.origin.reference === effort.id,
      );
    const { value: proposed } = await eventually(effortActivities, (found) => found.length > 0, 30_000);
    expect(proposed).toEqual([{ id: expect.any(String), title: 'Delegation to Osaka (joint effort, our share 40 %)', type: 'OUTBOUND_DELEGATION', country: 'JP', windowStart: `${YEAR}-05-04`, origin: { kind: 'joint-effort', reference: effort.id } }]);

    // The joining delivered again: the same envelope twice, and the same joining in a new envelope.
    const payload = {
      effortId: effort.id,
      networkId,
      participantJurisdictionId: tallinn.id,
      kind: 'common-delegation' as const,
      title: 'Delegation to Osaka',
      costShare: 40,
      timeline: { start: `${YEAR}-05-04`, end: `${YEAR}-05-08` },
      country: 'JP',
      opportunityId: null,
      joinedAt: new Date().toISOString(),
    };
    const event = createEvent(JointEffortParticipantJoinedV1, { source: 'network', jurisdictionId: tallinn.id, aggregateId: effort.id, payload });
    await publish([event, event, createEvent(JointEffortParticipantJoinedV1, { source: 'network', jurisdictionId: tallinn.id, aggregateId: effort.id, payload })]);
    // One partition per effort, handled in order: a marker event after them shows they were handled.
    const marker = `${effort.id}-marker`;
    await publish([createEvent(JointEffortParticipantJoinedV1, { source: 'network', jurisdictionId: tallinn.id, aggregateId: effort.id, payload: { ...payload, effortId: marker, title: 'Marker' } })]);
    await eventually(
      async () => ok(await platform.graphql<{ plan: { activities: Activity[] } }>(tallinnStaff, `{ plan(year: ${YEAR}) { activities { origin { kind reference } } } }`)).plan.activities,
      (all) => all.some((a) => a.origin?.reference === marker),
      30_000,
    );
    expect(await effortActivities()).toEqual(proposed);

    // Once everyone joined it can start; the lead's admin moves it.
    const active = ok(await platform.graphql<{ moveJointEffort: Effort }>(lubeckAdmin, `mutation($e: ID!) { moveJointEffort(effortId: $e, status: FORMING) { status } }`, { e: effort.id })).moveJointEffort;
    expect(active.status).toBe('FORMING');
    const listed = ok(await platform.graphql<{ jointEfforts: Effort[] }>(await coordinator.token(), `query($n: ID!) { jointEfforts(networkId: $n) { id status } }`, { n: networkId })).jointEfforts;
    expect(listed).toEqual([{ id: effort.id, status: 'FORMING' }]);
  }, 240_000);

  it('keeps a seeking-partners board for members: they post and answer, the poster closes, outsiders see nothing', async () => {
    const kiel = jurisdictions.create('seek-kiel');
    const turku = jurisdictions.create('seek-turku');
    const outsider = jurisdictions.create('seek-outsider');
    await Promise.all([onboard(kiel, 'Kiel'), onboard(turku, 'Turku'), onboard(outsider, 'Elsewhere')]);
    const networkId = await networkOf('Baltic board', [kiel, turku]);
    const POST = `mutation($i: PostPartnerSearchInput!) { postPartnerSearch(input: $i) { id kind country status } }`;
    const BOARD = `query($n: ID!) { partnerSearches(networkId: $n) { id memberName kind country opportunityId description status answers { memberName message } } }`;
    const ANSWER = `mutation($id: ID!, $m: String!) { answerPartnerSearch(searchId: $id, message: $m) { id answers { memberName message } } }`;
    const kielStaff = await kiel.token('staff');

    const missing = await platform.graphql(kielStaff, POST, { i: { networkId, kind: 'PARTNER_CITY', description: 'A partner city' } });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect((missing.errors as Err[])[0]?.extensions?.['field']).toBe('country');
    const posted = ok(await platform.graphql<{ postPartnerSearch: { id: string } }>(kielStaff, POST, { i: { networkId, kind: 'PARTNER_CITY', country: 'pl', description: 'A Polish port city for a youth exchange' } })).postPartnerSearch;

    const turkuStaff = await turku.token('staff');
    ok(await platform.graphql(turkuStaff, ANSWER, { id: posted.id, m: 'Our twin Gdynia is looking too' }));
    expect(codeOf(await platform.graphql(kielStaff, ANSWER, { id: posted.id, m: 'myself' }))).toBe('FORBIDDEN');
    expect(codeOf(await platform.graphql(await outsider.token('staff'), ANSWER, { id: posted.id, m: 'me too' }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(await outsider.token('staff'), BOARD, { n: networkId }))).toBe('NOT_FOUND');

    const board = ok(await platform.graphql<{ partnerSearches: unknown[] }>(await coordinator.token(), BOARD, { n: networkId })).partnerSearches;
    expect(board).toEqual([
      {
        id: posted.id,
        memberName: 'Kiel',
        kind: 'PARTNER_CITY',
        country: 'PL',
        opportunityId: null,
        description: 'A Polish port city for a youth exchange',
        status: 'open',
        answers: [{ memberName: 'Turku', message: 'Our twin Gdynia is looking too' }],
      },
    ]);
    expect(codeOf(await platform.graphql(turkuStaff, `mutation($id: ID!) { closePartnerSearch(searchId: $id) { id } }`, { id: posted.id }))).toBe('FORBIDDEN');
    ok(await platform.graphql(kielStaff, `mutation($id: ID!) { closePartnerSearch(searchId: $id) { id status } }`, { id: posted.id }));
    expect(codeOf(await platform.graphql(turkuStaff, ANSWER, { id: posted.id, m: 'too late?' }))).toBe('CONFLICT');
  }, 180_000);
});
