import { eventually, type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '../support';

/**
 * Strategy and priorities through the gateway with real Keycloak tokens: a
 * priority must advance a local goal of the strategy, the cap on active
 * priorities warns and then refuses with its reasons, evidence links are
 * checked against planning's copy of the registry (fed by Kafka) so another
 * jurisdiction's partner is refused exactly like a missing one, and a viewer
 * reads but does not write.
 */
describe('planning: strategy and priorities through the gateway', () => {
  let platform: TestPlatform;
  const jurisdictions = testJurisdictions();

  const SAVE_STRATEGY = `mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId kind title } staffFte staffFteIsDefault priorityCapOverride { soft hard } advisoryGroups { groupId name meetings { date notes } } } }`;
  const STRATEGY = `{ strategy { goals { goalId } governanceModel staffFte staffFteIsDefault priorityCapOverride { soft hard } updatedAt } }`;
  const SET = `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id title status goalIds evidence { kind recordId } } warnings } }`;
  const RETIRE = `mutation($id: ID!, $reason: String) { retirePriority(id: $id, reason: $reason) { id status retiredReason } }`;
  const CAP = `{ priorityCap { active soft hard staffFte rule overridden } }`;
  const LIST = `query($status: PriorityStatus) { priorities(status: $status) { totalCount nodes { id title status } } }`;
  const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
  const RECORD_MEETING = `mutation($groupId: ID!, $date: String!, $notes: String!) { recordAdvisoryMeeting(groupId: $groupId, date: $date, notes: $notes) { advisoryGroups { groupId meetings { date notes } } } }`;

  type Goal = { goalId: string; kind: string; title: string };
  type SetAnswer = { setPriority: { priority: { id: string; title: string; status: string; goalIds: string[] }; warnings: string[] } };
  type Error = NonNullable<GraphQLResponse['errors']>[number];

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  function refused(response: GraphQLResponse<unknown>): Error {
    expect(response.errors).toHaveLength(1);
    return (response.errors as Error[])[0] as Error;
  }

  const tradeGoal = { kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: 'Export growth', statement: 'Grow exports of local firms', indicators: ['Export value'] };

  /** A jurisdiction of its own with a strategy of one trade goal (and `extra` settings), and its staff's token. */
  async function withStrategy(prefix: string, extra: Record<string, unknown> = {}): Promise<{ j: TestJurisdiction; staff: string; goal: Goal }> {
    const j = jurisdictions.create(prefix);
    const staff = await j.token('staff');
    const saved = ok(await platform.graphql<{ saveStrategy: { goals: Goal[] } }>(staff, SAVE_STRATEGY, { input: { goals: [tradeGoal], ...extra } })).saveStrategy;
    return { j, staff, goal: saved.goals[0] as Goal };
  }

  const priority = (goalId: string, title: string, more: Record<string, unknown> = {}) => ({ title, goalIds: [goalId], focus: 'ECONOMIC_COMPLEMENTARITY', targetCountries: ['DK'], ...more });

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'planning-priorities' });
  });

  afterAll(async () => {
    await platform?.stop();
    await jurisdictions.deleteUsers();
  });

  it('reads an empty strategy with the default staff FTE before one is saved, and keeps advisory meetings', async () => {
    const j = jurisdictions.create('strategy');
    const staff = await j.token('staff');
    expect(ok(await platform.graphql(staff, STRATEGY)).strategy).toEqual({ goals: [], governanceModel: null, staffFte: 2, staffFteIsDefault: true, priorityCapOverride: null, updatedAt: null });

    const saved = ok(
      await platform.graphql<{ saveStrategy: { goals: Goal[]; advisoryGroups: Array<{ groupId: string }> } }>(staff, SAVE_STRATEGY, {
        input: { goals: [tradeGoal], governanceModel: 'EXTERNAL_COMMITTEE', advisoryGroups: [{ name: 'Tariff advisory group', members: [{ name: 'A. Chen', sector: 'Energy' }] }] },
      }),
    ).saveStrategy;
    const groupId = saved.advisoryGroups[0]?.groupId as string;
    ok(await platform.graphql(staff, RECORD_MEETING, { groupId, date: '2026-03-02', notes: 'Steel tariffs discussed' }));
    // Saved again without the meetings (a form that does not show them): they stay.
    const again = ok(
      await platform.graphql<{ saveStrategy: { advisoryGroups: Array<{ meetings: unknown[] }> } }>(staff, SAVE_STRATEGY, {
        input: { goals: [{ ...tradeGoal, goalId: saved.goals[0]?.goalId }], advisoryGroups: [{ groupId, name: 'Tariff advisory group' }] },
      }),
    ).saveStrategy;
    expect(again.advisoryGroups[0]?.meetings).toEqual([{ date: '2026-03-02', notes: 'Steel tariffs discussed' }]);
  });

  it('refuses a priority that advances no local goal, naming goalIds, and a goal removed while a priority advances it', async () => {
    const bare = jurisdictions.create('nogoal');
    const bareStaff = await bare.token('staff');
    const noStrategy = refused(await platform.graphql(bareStaff, SET, { input: { title: 'Wind', focus: 'CULTURAL_TIES' } }));
    expect(noStrategy.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goalIds' });
    expect(noStrategy.message).toContain('saveStrategy');

    const { staff, goal } = await withStrategy('goal');
    expect(refused(await platform.graphql(staff, SET, { input: priority(goal.goalId, 'Wind', { goalIds: [] }) })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goalIds' });
    expect(refused(await platform.graphql(staff, SET, { input: priority('not-a-goal', 'Wind') })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goalIds[0]' });

    const wind = ok(await platform.graphql<SetAnswer>(staff, SET, { input: priority(goal.goalId, 'Offshore wind') })).setPriority;
    expect(wind).toMatchObject({ priority: { title: 'Offshore wind', status: 'ACTIVE', goalIds: [goal.goalId] }, warnings: [] });
    const removing = refused(await platform.graphql(staff, SAVE_STRATEGY, { input: { goals: [{ kind: 'CUSTOM', title: 'Other', statement: 'Something else' }] } }));
    expect(removing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goals' });
    expect(removing.message).toContain('Offshore wind');
  });

  it('warns past the soft cap and refuses past the hard cap, saying why and what to retire', async () => {
    // 1 staff FTE: soft max(2, ceil(1.5)) = 2, hard 4.
    const { staff, goal } = await withStrategy('cap', { staffFte: 1 });
    const set = (title: string) => platform.graphql<SetAnswer>(staff, SET, { input: priority(goal.goalId, title) });
    const answers: SetAnswer['setPriority'][] = [];
    for (const title of ['Ports', 'Wind', 'Hydrogen', 'Tourism']) answers.push(ok(await set(title)).setPriority);
    expect(answers.map((a) => a.warnings.length)).toEqual([0, 0, 1, 1]);
    expect(answers[2]?.warnings[0]).toContain('3 active priorities is past the soft limit of 2');
    expect(ok(await platform.graphql(staff, CAP)).priorityCap).toEqual({ active: 4, soft: 2, hard: 4, staffFte: 1, rule: 'soft = max(2, ceil(1.5 × staff FTE)), hard = soft + 2', overridden: false });

    const refusal = refused(await set('Film'));
    expect(refusal.extensions?.code).toBe('CONFLICT');
    expect(refusal.message).toContain('4 are active');
    expect(refusal.message).toContain('1 staff FTE');
    expect(refusal.message).toContain('at most 4');
    expect(refusal.message).toContain('"Ports"');
    expect(ok(await platform.graphql<{ priorities: { totalCount: number } }>(staff, LIST, { status: 'ACTIVE' })).priorities.totalCount).toBe(4);

    // Retiring the first one named makes room.
    const first = answers[0]?.priority.id as string;
    expect(ok(await platform.graphql(staff, RETIRE, { id: first, reason: 'No capacity' })).retirePriority).toEqual({ id: first, status: 'RETIRED', retiredReason: 'No capacity' });
    expect(ok(await set('Film')).setPriority.warnings).toHaveLength(1);
  });

  it('takes the strategy’s own cap instead of the rule', async () => {
    const { staff, goal } = await withStrategy('override', { staffFte: 10, priorityCapOverride: { soft: 1, hard: 1 } });
    expect(ok(await platform.graphql<SetAnswer>(staff, SET, { input: priority(goal.goalId, 'Only one') })).setPriority.warnings).toEqual([]);
    const refusal = refused(await platform.graphql(staff, SET, { input: priority(goal.goalId, 'One too many') }));
    expect(refusal.extensions?.code).toBe('CONFLICT');
    expect(refusal.message).toContain('your strategy sets the cap itself: soft 1, hard 1');
  });

  it('refuses an evidence link to another jurisdiction’s partner exactly like one to a missing partner, and accepts its own', async () => {
    const mine = await withStrategy('evidence-a');
    const theirs = await withStrategy('evidence-b');
    const register = async (token: string, name: string) => ok(await platform.graphql<{ registerPartner: { id: string } }>(token, REGISTER, { input: { name, kind: 'CITY', country: 'DK' } })).registerPartner.id;
    const [myPartner, theirPartner] = [await register(mine.staff, 'Aarhus'), await register(theirs.staff, 'Aalborg')];
    const linking = (who: { staff: string; goal: Goal }, recordId: string, title: string) =>
      platform.graphql<SetAnswer>(who.staff, SET, { input: priority(who.goal.goalId, title, { evidence: [{ kind: 'PARTNER', recordId }] }) });

    // Each partner reaches planning through Kafka; its own jurisdiction can then link it.
    const arrived = (answer: GraphQLResponse<SetAnswer>) => answer.errors === undefined;
    const own = await eventually(() => linking(mine, myPartner, 'Danish ports'), arrived, 20_000);
    expect(ok(own.value).setPriority.priority).toMatchObject({ title: 'Danish ports', evidence: [{ kind: 'PARTNER', recordId: myPartner }] });
    expect(arrived((await eventually(() => linking(theirs, theirPartner, 'Their ports'), arrived, 20_000)).value)).toBe(true);

    const foreign = refused(await linking(mine, theirPartner, 'Borrowed evidence'));
    const missing = refused(await linking(mine, '00000000-0000-4000-8000-000000000000', 'No evidence'));
    expect(foreign.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence[0].recordId' });
    expect(missing.extensions).toMatchObject({ code: foreign.extensions?.code, field: foreign.extensions?.field });
    expect(foreign.message.replace(theirPartner, '<id>')).toBe(missing.message.replace('00000000-0000-4000-8000-000000000000', '<id>'));
    expect(foreign.message).not.toContain('Aalborg');
  });

  it('lets a viewer read the strategy and priorities but not write them (FORBIDDEN)', async () => {
    const { j, goal } = await withStrategy('viewer');
    const viewer = await j.token('viewer');
    expect(ok(await platform.graphql<{ strategy: { goals: Array<{ goalId: string }> } }>(viewer, STRATEGY)).strategy.goals).toEqual([{ goalId: goal.goalId }]);
    expect(ok(await platform.graphql<{ priorities: { totalCount: number } }>(viewer, LIST)).priorities.totalCount).toBe(0);
    expect(refused(await platform.graphql(viewer, SET, { input: priority(goal.goalId, 'Sneaky') })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await platform.graphql(viewer, SAVE_STRATEGY, { input: { goals: [] } })).extensions?.code).toBe('FORBIDDEN');
  });
});
