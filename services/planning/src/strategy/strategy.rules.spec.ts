import { ValidationError } from '@entente/errors';
import { DEFAULT_STAFF_FTE, effectiveStaffFte, emptyStrategy, parseMeeting, parseStrategy, type StrategyContent } from './strategy.rules';

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => p.field);
  }
  throw new Error('expected a validation error');
}

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const calgary = {
  goals: [
    { kind: 'economic-development-and-trade', title: 'Export growth', statement: 'Grow exports of local firms', indicators: ['Export value', ' Firms exporting '] },
    { goalId: 'g-own', kind: 'custom', title: 'Energy transition know-how', statement: 'Share what the region learned' },
  ],
  governanceModel: 'external-committee',
  executiveSponsor: { name: 'J. Gondek', role: 'Mayor' },
  advisoryGroups: [{ name: 'Tariff advisory group', purpose: 'Advise on US tariffs', members: [{ name: 'A. Chen', sector: 'Energy', organisation: 'Prairie Power' }] }],
  staffFte: 3.5,
  priorityCapOverride: { soft: 4, hard: 6 },
};

describe('a strategy', () => {
  it('keeps what is given, trimmed, and gives goals and groups without an id a new one', () => {
    const previous: StrategyContent = { ...emptyStrategy(), goals: [{ goalId: 'g-own', kind: 'custom', title: 'Old title', statement: 'Old', indicators: [] }] };
    const strategy = parseStrategy(calgary, previous, ids());
    expect(strategy.goals.map((g) => [g.goalId, g.kind, g.indicators])).toEqual([
      ['id-1', 'economic-development-and-trade', ['Export value', 'Firms exporting']],
      ['g-own', 'custom', []],
    ]);
    expect(strategy.advisoryGroups[0]).toMatchObject({ groupId: 'id-2', name: 'Tariff advisory group', members: [{ name: 'A. Chen', sector: 'Energy', organisation: 'Prairie Power' }], meetings: [] });
    expect(strategy).toMatchObject({ governanceModel: 'external-committee', executiveSponsor: { name: 'J. Gondek', role: 'Mayor' }, staffFte: 3.5, priorityCapOverride: { soft: 4, hard: 6 } });
  });

  it('assumes the default staff FTE while the strategy does not say', () => {
    expect(effectiveStaffFte(emptyStrategy())).toBe(DEFAULT_STAFF_FTE);
    expect(effectiveStaffFte(parseStrategy({ goals: [], staffFte: 0.5 }, emptyStrategy()))).toBe(0.5);
  });

  it('keeps a group’s meetings when it is saved without them, and replaces them when given', () => {
    const previous: StrategyContent = { ...emptyStrategy(), advisoryGroups: [{ groupId: 'grp', name: 'Old', purpose: null, members: [], meetings: [{ meetingId: 'm-1', date: '2026-03-01', notes: 'Steel tariffs' }] }] };
    expect(parseStrategy({ goals: [], advisoryGroups: [{ groupId: 'grp', name: 'Renamed' }] }, previous).advisoryGroups[0]?.meetings).toHaveLength(1);
    expect(parseStrategy({ goals: [], advisoryGroups: [{ groupId: 'grp', name: 'Renamed', meetings: [] }] }, previous).advisoryGroups[0]?.meetings).toEqual([]);
  });

  it('refuses an id the strategy does not have instead of taking it for a new goal or group', () => {
    expect(
      fieldsOf(() => parseStrategy({ goals: [{ goalId: 'someone-elses', kind: 'custom', title: 'A', statement: 'a' }], advisoryGroups: [{ groupId: 'nope', name: 'G' }] }, emptyStrategy())),
    ).toEqual(['goals[0].goalId', 'advisoryGroups[0].groupId']);
  });

  it('reports every bad field at once, by its path', () => {
    const withSame: StrategyContent = { ...emptyStrategy(), goals: [{ goalId: 'same', kind: 'custom', title: 'A', statement: 'a', indicators: [] }] };
    expect(
      fieldsOf(() =>
        parseStrategy(
          {
            goals: [{ kind: 'world-peace', title: ' ', statement: 'x' }, { goalId: 'same', kind: 'custom', title: 'A', statement: 'a' }, { goalId: 'same', kind: 'custom', title: 'B', statement: 'b' }],
            governanceModel: 'monarchy',
            executiveSponsor: { name: 'Someone' },
            advisoryGroups: [{ name: 'G', members: [{ name: 'M' }], meetings: [{ date: '2026-02-30', notes: 'n' }] }],
            staffFte: -1,
          },
          withSame,
        ),
      ),
    ).toEqual([
      'goals[0].kind',
      'goals[0].title',
      'goals[2].goalId',
      'governanceModel',
      'executiveSponsor.role',
      'advisoryGroups[0].meetings[0].date',
      'advisoryGroups[0].members[0].sector',
      'staffFte',
    ]);
  });

  it.each([
    [{ soft: 0, hard: 2 }, ['priorityCapOverride.soft']],
    [{ soft: 3, hard: 2 }, ['priorityCapOverride.hard']],
    [{ soft: 1.5, hard: 2 }, ['priorityCapOverride.soft']],
    [{ soft: 2 }, ['priorityCapOverride.hard']],
  ])('refuses a cap override %j: hard ≥ soft ≥ 1, whole numbers', (override, fields) => {
    expect(fieldsOf(() => parseStrategy({ goals: [], priorityCapOverride: override }, emptyStrategy()))).toEqual(fields);
  });

  it('accepts an override whose two limits are equal', () => {
    expect(parseStrategy({ goals: [], priorityCapOverride: { soft: 1, hard: 1 } }, emptyStrategy()).priorityCapOverride).toEqual({ soft: 1, hard: 1 });
  });

  it('records a meeting with a real date and notes, naming what is wrong otherwise', () => {
    expect(parseMeeting({ date: '2026-05-04', notes: ' Tariff update ' }, () => 'm-9')).toEqual({ meetingId: 'm-9', date: '2026-05-04', notes: 'Tariff update' });
    expect(fieldsOf(() => parseMeeting({ date: '04/05/2026', notes: '' }))).toEqual(['date', 'notes']);
  });
});
