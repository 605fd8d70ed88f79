import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createEvent, RelationshipEstablishedV2 } from '@entente/contracts';
import { KafkaEventPublisher } from '@entente/messaging';
import { createTestUser, deleteTestUser, testEndpoints, type TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestJurisdiction, TestPlatform, testJurisdictions } from '../support';

/**
 * Issue 8's acceptance through the gateway with real tokens, as Rostock
 * would work: goals and three priorities, a plan over budget, the ranked
 * remedies, "reduce frequency" on an annual delegation makes it fit, the
 * executive approves version 1, a later edit makes version 2 a draft while
 * version 1 stays approved, the diff names the change, and the HTML report
 * holds its charts and totals. Also: a tie's 25th anniversary in the plan
 * year is a special occasion, and delivering its event twice changes nothing.
 */
describe('annual plans through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  const jurisdictions = testJurisdictions();
  const YEAR = 2027;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  const PLAN_FIELDS = `year version status currency periodStart periodEnd staffDaysAvailable
    budgetLines { id source label amount }
    occasions { id date title kind relationshipId }
    activities { id title type frequency cycleYear occurrences mode status priorityIds plannedCost { own total } plannedStaffDays }
    decisions { kind activityId summary rationale takenBy costDelta { own total } staffDaysDelta }
    approvedBy approvedAt basedOnVersion`;
  type Activity = { id: string; title: string; type: string; frequency: string; cycleYear: number | null; occurrences: number; status: string; plannedCost: { own: number; total: number } };
  type Plan = {
    year: number;
    version: number;
    status: string;
    currency: string;
    activities: Activity[];
    occasions: Array<{ date: string; title: string; kind: string; relationshipId: string | null }>;
    decisions: Array<{ kind: string; activityId: string; summary: string; rationale: string; takenBy: string; costDelta: { own: number } }>;
    approvedBy: string | null;
    basedOnVersion: number | null;
  };
  type Remedy = { rank: number; kind: string; activityId: string; summary: string; costDelta: { own: number }; fitsAfter: boolean; warning: string | null; lastOfPriorities: string[] };
  type Check = { fits: boolean; overages: Array<{ source: string; by: number }>; totals: { planned: { own: number }; available: { own: number } }; remedies: Remedy[] };
  const CHECK_FIELDS = `fits overages { source by } totals { planned { own total } available { own total } staffDaysPlanned staffDaysAvailable } remedies { rank kind activityId summary costDelta { own total } staffDaysDelta fitsAfter warning lastOfPriorities }`;

  /** A jurisdiction onboarded in the registry (planning learns its fiscal year and currency from the event) with a plan-ready strategy. */
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

  /** Goals and three priorities, as Rostock sets them; answers the priorities' ids. */
  async function strategyWithPriorities(staff: string): Promise<string[]> {
    const strategy = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string; kind: string }> } }>(
        staff,
        `mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId kind } } }`,
        {
          input: {
            goals: [
              { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Port and maritime economy', statement: 'Grow exports of the port cluster', indicators: ['export volume'] },
              { kind: 'SUSTAINABILITY', title: 'Climate-neutral by 2035', statement: 'Learn from partners on offshore wind', indicators: ['t CO2'] },
              { kind: 'SOCIAL_INCLUSION', title: 'Young people abroad', statement: 'Every pupil can take part in an exchange', indicators: ['pupils'] },
            ],
            governanceModel: 'CENTRAL_OFFICE',
            staffFte: 3,
          },
        },
      ),
    ).saveStrategy.goals;
    const ids: string[] = [];
    for (const [index, [title, countries]] of [
      ['Baltic maritime trade', ['DK', 'FI']],
      ['Offshore wind partnerships', ['DK']],
      ['Youth and school exchanges', ['LV', 'PL']],
    ].entries()) {
      const set = ok(
        await platform.graphql<{ setPriority: { priority: { id: string } } }>(staff, `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } warnings } }`, {
          input: { title, goalIds: [strategy[index]?.goalId], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: countries, sectors: ['maritime'], themes: ['ports'] },
        }),
      );
      ids.push(set.setPriority.priority.id);
    }
    return ids;
  }

  /** Planning creates the plan once the onboarding event reached it. */
  async function createPlan(staff: string, input: Record<string, unknown>): Promise<Plan> {
    const { value } = await eventually(
      () => platform.graphql<{ createPlan: Plan }>(staff, `mutation($input: PlanSettingsInput) { createPlan(year: ${YEAR}, input: $input) { ${PLAN_FIELDS} } }`, { input }),
      (r) => r.data?.createPlan !== undefined || r.errors?.[0]?.extensions?.code !== 'CONFLICT',
      20_000,
    );
    return ok(value).createPlan;
  }

  async function addActivity(staff: string, input: Record<string, unknown>): Promise<Plan> {
    return ok(await platform.graphql<{ addActivity: Plan }>(staff, `mutation($input: ActivityInput!) { addActivity(year: ${YEAR}, input: $input) { ${PLAN_FIELDS} } }`, { input })).addActivity;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'planning-plans' });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
  });

  it('walks Rostock’s plan from an over-budget draft to an approved version 1, a draft version 2, the diff and the HTML report', async () => {
    const rostock = await onboarded('rostock');
    const staff = await rostock.token('staff');
    const [trade, wind, youth] = await strategyWithPriorities(staff);

    const draft = await createPlan(staff, { budgetLines: [{ source: 'OWN', label: 'Council budget for international affairs', amount: 40000 }], staffDaysAvailable: 120 });
    expect(draft).toMatchObject({ year: YEAR, version: 1, status: 'DRAFT', currency: 'EUR' });
    await addActivity(staff, { title: 'Delegation to Aarhus for the harbour forum', type: 'OUTBOUND_DELEGATION', priorityIds: [trade], country: 'DK', city: 'Aarhus', frequency: 'ANNUAL', windowStart: '2027-05-03', windowEnd: '2027-05-06', costPerOccurrence: { own: 12000 }, staffDaysPerOccurrence: 10 });
    await addActivity(staff, { title: 'Offshore wind webinar series', type: 'ONLINE_EVENT', priorityIds: [wind], frequency: 'QUARTERLY', mode: 'VIRTUAL', costPerOccurrence: { own: 500 }, staffDaysPerOccurrence: 2 });
    await addActivity(staff, { title: 'Trade mission to Turku', type: 'TRADE_MISSION', priorityIds: [trade, wind], country: 'FI', costPerOccurrence: { own: 25000 }, staffDaysPerOccurrence: 15 });
    const full = await addActivity(staff, { title: 'Youth exchange with Riga', type: 'YOUTH_EXCHANGE', priorityIds: [youth], country: 'LV', frequency: 'ANNUAL', costPerOccurrence: { own: 8000 }, staffDaysPerOccurrence: 12 });
    expect(full.activities).toHaveLength(4);
    const delegation = full.activities.find((a) => a.type === 'OUTBOUND_DELEGATION') as Activity;
    const youthExchange = full.activities.find((a) => a.type === 'YOUTH_EXCHANGE') as Activity;

    // 12 000 + 4 × 500 + 25 000 + 8 000 = 47 000 against 40 000 of own budget.
    const check = ok(await platform.graphql<{ planCapacity: Check }>(staff, `{ planCapacity(year: ${YEAR}) { ${CHECK_FIELDS} } }`)).planCapacity;
    expect(check.fits).toBe(false);
    expect(check.overages).toEqual([{ source: 'own', by: 7000 }]);
    expect(check.totals.planned.own).toBe(47000);
    const kinds = check.remedies.map((r) => r.kind);
    expect(kinds.indexOf('REDUCE_FREQUENCY')).toBeLessThan(kinds.indexOf('POSTPONE'));
    expect(check.remedies.map((r) => r.rank)).toEqual(check.remedies.map((_r, index) => index + 1));
    const reduce = check.remedies.find((r) => r.kind === 'REDUCE_FREQUENCY' && r.activityId === delegation.id) as Remedy;
    expect(reduce).toMatchObject({ fitsAfter: true, costDelta: { own: -12000 } });
    expect(reduce.summary).toContain('annual to biennial');

    const applied = ok(
      await platform.graphql<{ applyRemedy: { plan: Plan; check: Check; decision: { kind: string; rationale: string; takenBy: string } } }>(
        staff,
        `mutation($input: ApplyRemedyInput!) { applyRemedy(year: ${YEAR}, input: $input) { plan { ${PLAN_FIELDS} } check { ${CHECK_FIELDS} } decision { kind rationale takenBy } } }`,
        { input: { kind: 'REDUCE_FREQUENCY', activityId: delegation.id, rationale: 'Aarhus hosts the forum every year; we attend every second year' } },
      ),
    ).applyRemedy;
    expect(applied.check.fits).toBe(true);
    expect(applied.plan.version).toBe(1);
    expect(applied.plan.activities.find((a) => a.id === delegation.id)).toMatchObject({ status: 'REDUCED', frequency: 'BIENNIAL', cycleYear: YEAR + 1, occurrences: 0 });
    expect(applied.decision).toMatchObject({ kind: 'reduce-frequency', rationale: 'Aarhus hosts the forum every year; we attend every second year' });
    expect(applied.plan.decisions).toHaveLength(1);

    // Staff draft, the jurisdiction-admin submits, only the executive approves.
    expect((await platform.graphql(staff, `mutation { submitPlan(year: ${YEAR}) { status } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await platform.graphql<{ submitPlan: Plan }>(await rostock.token('jurisdiction-admin'), `mutation { submitPlan(year: ${YEAR}) { status } }`)).submitPlan.status).toBe('IN_REVIEW');
    expect((await platform.graphql(staff, `mutation { approvePlan(year: ${YEAR}, version: 1) { status } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const editInReview = await platform.graphql(staff, `mutation($id: ID!) { updateActivity(year: ${YEAR}, activityId: $id, input: { costPerOccurrence: { own: 9000 } }) { version } }`, { id: youthExchange.id });
    expect(editInReview.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const executive = await rostock.user('executive');
    const approved = ok(await platform.graphql<{ approvePlan: Plan }>(await executive.token(), `mutation { approvePlan(year: ${YEAR}, version: 1) { ${PLAN_FIELDS} } }`)).approvePlan;
    expect(approved).toMatchObject({ version: 1, status: 'APPROVED' });
    expect(approved.approvedBy).toBeTruthy();

    // An edit after approval starts version 2 as a draft; version 1 stays as approved.
    const v2 = ok(
      await platform.graphql<{ updateActivity: Plan }>(staff, `mutation($id: ID!) { updateActivity(year: ${YEAR}, activityId: $id, input: { costPerOccurrence: { own: 9000 } }) { ${PLAN_FIELDS} } }`, { id: youthExchange.id }),
    ).updateActivity;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT', basedOnVersion: 1 });
    expect(v2.activities.find((a) => a.id === youthExchange.id)?.plannedCost.own).toBe(9000);
    const v1 = ok(await platform.graphql<{ plan: Plan }>(await rostock.token('viewer'), `{ plan(year: ${YEAR}, version: 1) { ${PLAN_FIELDS} } }`)).plan;
    expect(v1).toMatchObject({ version: 1, status: 'APPROVED' });
    expect(v1.activities.find((a) => a.id === youthExchange.id)?.plannedCost.own).toBe(8000);
    const versions = ok(await platform.graphql<{ planVersions: Array<{ version: number; status: string }> }>(staff, `{ planVersions(year: ${YEAR}) { version status } }`)).planVersions;
    expect(versions).toEqual([
      { version: 2, status: 'DRAFT' },
      { version: 1, status: 'APPROVED' },
    ]);

    const diff = ok(
      await platform.graphql<{ planDiff: { changes: Array<{ target: string; change: string; id: string; fields: Array<{ field: string; from: string; to: string }>; summary: string }> } }>(
        staff,
        `{ planDiff(year: ${YEAR}, fromVersion: 1, toVersion: 2) { changes { target change id label summary fields { field from to } } } }`,
      ),
    ).planDiff.changes;
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatchObject({ target: 'activity', change: 'changed', id: youthExchange.id });
    expect(diff[0]?.fields.map((f) => f.field)).toEqual(['costPerOccurrence']);
    expect(diff[0]?.summary).toContain('Youth exchange with Riga');

    // The council's report is of the version in force (1): self-contained HTML with the three charts and the totals.
    const report = ok(
      await platform.graphql<{ planReport: { filename: string; contentType: string; content: string } }>(staff, `{ planReport(year: ${YEAR}, format: HTML) { filename contentType content } }`),
    ).planReport;
    expect(report.contentType).toContain('text/html');
    expect(report.content.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(report.content.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(report.content).toContain('Hanseatic City of rostock');
    expect(report.content).toMatch(/40,000/);
    expect(report.content).toMatch(/35,000/);
    expect(report.content).not.toMatch(/<script|src="http|href="http/);
    const csv = ok(await platform.graphql<{ planReport: { content: string } }>(staff, `{ planReport(year: ${YEAR}, format: CSV) { content } }`)).planReport.content;
    expect(csv).toContain('Youth exchange with Riga');
  });

  it('scores Wales-style visit requests against the priorities and the plan left, accepts one into the plan and declines another with a reason', async () => {
    const wales = await onboarded('wales');
    const staff = await wales.token('staff');
    const [trade] = await strategyWithPriorities(staff);
    await createPlan(staff, { budgetLines: [{ source: 'OWN', label: 'Hosting budget', amount: 5000 }], staffDaysAvailable: 30 });
    const FIELDS = `id visitor country status score explanation priorityId activityId planYear declineReason`;
    type Visit = { id: string; status: string; score: number; explanation: string; priorityId: string | null; activityId: string | null; planYear: number | null; declineReason: string | null };
    const record = async (input: Record<string, unknown>) =>
      ok(await platform.graphql<{ recordVisitRequest: Visit }>(staff, `mutation($input: VisitRequestInput!) { recordVisitRequest(input: $input) { ${FIELDS} } }`, { input })).recordVisitRequest;

    const fits = await record({ visitor: 'Port of Aarhus delegation', country: 'DK', sector: 'maritime', purpose: 'Exchange on ports and logistics', dateStart: '2027-03-10', dateEnd: '2027-03-11', estimatedCost: 1500, estimatedStaffDays: 3 });
    expect(fits).toMatchObject({ status: 'RECEIVED', score: 100, priorityId: trade });
    expect(fits.explanation).toBe('Priority “Baltic maritime trade” targets DK and covers maritime and has the theme ports; the 2027 plan has €5,000 and 30 staff-days left, enough for hosting (€1,500 and 3 staff-days): 100/100.');
    const poor = await record({ visitor: 'Trade fair organiser', country: 'BR', purpose: 'Courtesy call', dateStart: '2027-04-01', estimatedCost: 9000 });
    expect(poor.score).toBe(20);
    expect(poor.explanation).toContain('No active priority targets this country, sector or purpose');

    const accepted = ok(await platform.graphql<{ acceptVisitRequest: Visit }>(staff, `mutation($id: ID!) { acceptVisitRequest(id: $id) { ${FIELDS} } }`, { id: fits.id })).acceptVisitRequest;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', planYear: YEAR });
    const plan = ok(await platform.graphql<{ plan: Plan }>(staff, `{ plan(year: ${YEAR}) { ${PLAN_FIELDS} } }`)).plan;
    expect(plan.activities.find((a) => a.id === accepted.activityId)).toMatchObject({ type: 'HOSTED_VISIT', title: 'Hosted visit: Port of Aarhus delegation', priorityIds: [trade], plannedCost: { own: 1500 } });

    const missingReason = await platform.graphql(staff, `mutation($id: ID!) { declineVisitRequest(id: $id, reason: " ") { id } }`, { id: poor.id });
    expect(missingReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const declined = ok(await platform.graphql<{ declineVisitRequest: Visit }>(staff, `mutation($id: ID!) { declineVisitRequest(id: $id, reason: "Not a priority market this year") { ${FIELDS} } }`, { id: poor.id })).declineVisitRequest;
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'Not a priority market this year', activityId: null });
    expect((await platform.graphql(staff, `mutation($id: ID!) { acceptVisitRequest(id: $id) { id } }`, { id: poor.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const viewer = await wales.token('viewer');
    expect((await platform.graphql(viewer, `mutation($id: ID!) { declineVisitRequest(id: $id, reason: "x") { id } }`, { id: fits.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records what happened to an activity without a new version and reports it by quarter', async () => {
    const j = await onboarded('maryland');
    const staff = await j.token('staff');
    await strategyWithPriorities(staff);
    await createPlan(staff, { budgetLines: [{ source: 'OWN', label: 'Office budget', amount: 20000 }], staffDaysAvailable: 40 });
    const plan = await addActivity(staff, { title: 'Subcabinet briefing', type: 'INFORMATIONAL_EVENT', frequency: 'ONE_OFF', mode: 'HYBRID', windowStart: '2027-02-10', windowEnd: '2027-02-10', costPerOccurrence: { own: 500 }, staffDaysPerOccurrence: 2 });
    const admin = await j.token('jurisdiction-admin');
    ok(await platform.graphql(admin, `mutation { submitPlan(year: ${YEAR}) { status } }`));
    ok(await platform.graphql(await j.token('executive'), `mutation { approvePlan(year: ${YEAR}, version: 1) { status } }`));
    ok(await platform.graphql(admin, `mutation { activatePlan(year: ${YEAR}) { status } }`));
    const done = ok(
      await platform.graphql<{ recordActivityProgress: Plan & { activities: Array<Activity & { outcomes: string | null }> } }>(
        staff,
        `mutation($id: ID!) { recordActivityProgress(year: ${YEAR}, activityId: $id, input: { status: DONE, outcomes: "Briefed 14 agencies", actualCost: 450, actualStaffDays: 2, doneOn: "2027-02-10" }) { version status activities { id status outcomes } } }`,
        { id: plan.activities[0]?.id },
      ),
    ).recordActivityProgress;
    expect(done).toMatchObject({ version: 1, status: 'ACTIVE', activities: [{ status: 'DONE', outcomes: 'Briefed 14 agencies' }] });
    const periods = ok(await platform.graphql<{ reportingPeriods: Array<{ key: string }> }>(staff, `{ reportingPeriods(year: ${YEAR}) { key } }`)).reportingPeriods;
    expect(periods.map((p) => p.key)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    const json = JSON.parse(ok(await platform.graphql<{ planReport: { content: string } }>(staff, `{ planReport(year: ${YEAR}, format: JSON, period: "2027-Q1") { content } }`)).planReport.content);
    expect(json.totals).toMatchObject({ plannedCost: 500, actualCost: 450, activities: 1 });
    const q2 = JSON.parse(ok(await platform.graphql<{ planReport: { content: string } }>(staff, `{ planReport(year: ${YEAR}, format: JSON, period: "2027-Q2") { content } }`)).planReport.content);
    expect(q2.totals).toMatchObject({ plannedCost: 0, actualCost: 0, actualCostToDate: 450 });
    const wrongPeriod = await platform.graphql(staff, `{ planReport(year: ${YEAR}, format: CSV, period: "2026-Q1") { content } }`);
    expect(wrongPeriod.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    const closed = ok(await platform.graphql<{ closePlan: { status: string } }>(admin, `mutation { closePlan(year: ${YEAR}) { status } }`)).closePlan;
    expect(closed.status).toBe('CLOSED');
  });

  it('finds a tie’s 25th anniversary in the plan year as a special occasion, once however often its event arrives', async () => {
    const j = await onboarded('jubilee');
    const staff = await j.token('staff');
    const partner = ok(await platform.graphql<{ registerPartner: { id: string } }>(staff, `mutation { registerPartner(input: { name: "Aarhus", kind: CITY, country: "DK" }) { id } }`)).registerPartner.id;
    const tie = ok(
      await platform.graphql<{ establishRelationship: { id: string } }>(staff, `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE, since: "2002-06-15" }) { id } }`, { p: partner }),
    ).establishRelationship.id;
    await createPlan(staff, { staffDaysAvailable: 20 });
    const occasions = async () => ok(await platform.graphql<{ plan: Plan }>(staff, `{ plan(year: ${YEAR}) { occasions { id date title kind relationshipId } } }`)).plan.occasions;
    const { value: found } = await eventually(occasions, (list) => list.some((o) => o.relationshipId === tie), 20_000);
    expect(found.filter((o) => o.relationshipId === tie)).toEqual([{ id: expect.any(String), date: '2027-06-15', title: '25 years of the tie with Aarhus', kind: 'anniversary', relationshipId: tie }]);

    // A second tie whose established event arrives twice (a redelivery, and the same facts in another envelope): one occasion.
    const kafka = new Kafka({ clientId: `planning-redelivery-${randomUUID()}`, brokers: testEndpoints().kafkaBrokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const relationshipId = randomUUID();
    const payload = { relationshipId, partnerId: partner, partnerName: 'Aarhus', partnerCountry: 'DK', type: 'friendship' as const, status: 'active' as const, since: '1977-09-01', until: null, formalBasis: null, politicalCycle: null, politicalChampion: null, technicalOwner: null, leadDepartment: null, priorityIds: [] };
    try {
      const publisher = new KafkaEventPublisher(producer);
      const event = createEvent(RelationshipEstablishedV2, { source: 'registry', jurisdictionId: j.id, aggregateId: relationshipId, payload });
      await publisher.publish(event);
      await publisher.publish(event);
      await publisher.publish(createEvent(RelationshipEstablishedV2, { source: 'registry', jurisdictionId: j.id, aggregateId: relationshipId, payload }));
    } finally {
      await producer.disconnect();
    }
    const { value: after } = await eventually(occasions, (list) => list.some((o) => o.relationshipId === relationshipId), 20_000);
    expect(after.filter((o) => o.relationshipId === relationshipId)).toEqual([{ id: expect.any(String), date: '2027-09-01', title: '50 years of the tie with Aarhus', kind: 'anniversary', relationshipId }]);
    expect(after.filter((o) => o.relationshipId === tie)).toHaveLength(1);
  });

  it('keeps every plan inside its jurisdiction', async () => {
    const a = await onboarded('plan-a');
    const b = await onboarded('plan-b');
    const staffA = await a.token('staff');
    await createPlan(staffA, { staffDaysAvailable: 10 });
    const withActivity = await addActivity(staffA, { title: 'Secret delegation', type: 'OUTBOUND_DELEGATION' });
    const staffB = await b.token('staff');
    expect((await platform.graphql(staffB, `{ plan(year: ${YEAR}) { version } }`)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(ok(await platform.graphql<{ plans: unknown[] }>(staffB, `{ plans { year } }`)).plans).toEqual([]);
    const takeover = await platform.graphql(staffB, `mutation($id: ID!) { updateActivity(year: ${YEAR}, activityId: $id, input: { title: "taken" }) { version } }`, { id: withActivity.activities[0]?.id });
    expect(takeover.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bad = await platform.graphql(staffA, `mutation { addActivity(year: ${YEAR}, input: { title: "x", type: WEBINAR }) { version } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const outside = await platform.graphql(staffA, `mutation { addActivity(year: ${YEAR}, input: { title: "x", type: ONLINE_EVENT, windowStart: "2028-02-01" }) { version } }`);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windowStart' });
  });
});
