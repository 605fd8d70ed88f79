import { ValidationError } from '@entente/errors';
import { changedFields, hasKpiProgress, parseNewPriority, parsePriorityChange } from './priority.rules';

function problemsOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).problems];
  }
  throw new Error('expected a validation error');
}

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const wind = {
  title: ' Offshore wind partnerships ',
  goalIds: ['g-1'],
  focus: 'economic-complementarity',
  targetCountries: ['dk', 'DE', 'DK'],
  sectors: ['Wind energy', 'wind ENERGY', 'Ports'],
  themes: ['offshore wind'],
  evidence: [{ kind: 'partner', recordId: 'p-1' }, { kind: 'partner', recordId: 'p-1' }],
  kpis: [{ name: 'Joint projects', unit: 'projects', baseline: 0, target: 3 }],
  sdgs: [13, 7, 7],
};

describe('a priority', () => {
  it('is normalised: codes upper-case and once, words once whatever their case, links once, SDGs sorted', () => {
    expect(parseNewPriority(wind, ['g-1'], ids())).toEqual({
      title: 'Offshore wind partnerships',
      description: null,
      goalIds: ['g-1'],
      focus: 'economic-complementarity',
      targetCountries: ['DK', 'DE'],
      sectors: ['Wind energy', 'Ports'],
      themes: ['offshore wind'],
      evidence: [{ kind: 'partner', recordId: 'p-1' }],
      kpis: [{ kpiId: 'new-1', name: 'Joint projects', unit: 'projects', baseline: 0, target: 3, current: null }],
      sdgs: [7, 13],
    });
  });

  it('is refused without a local goal, naming goalIds and saying what to do', () => {
    const [problem] = problemsOf(() => parseNewPriority({ ...wind, goalIds: [] }, ['g-1']));
    expect(problem).toEqual({ field: 'goalIds', message: expect.stringContaining('at least one local goal') });
    expect(problemsOf(() => parseNewPriority({ ...wind, goalIds: null }, []))[0]?.message).toContain('saveStrategy');
  });

  it('is refused with a goal that is not the strategy’s, naming its index', () => {
    expect(problemsOf(() => parseNewPriority({ ...wind, goalIds: ['g-1', 'g-elsewhere'] }, ['g-1'])).map((p) => p.field)).toEqual(['goalIds[1]']);
  });

  it('reports every bad field at once', () => {
    expect(
      problemsOf(() =>
        parseNewPriority(
          { title: '', goalIds: ['g-1'], focus: 'vibes', targetCountries: ['Denmark'], evidence: [{ kind: 'engagement', recordId: 'e-1' }], kpis: [{ name: 'K', unit: 'u', baseline: Number.NaN, target: 1 }], sdgs: [18] },
          ['g-1'],
        ),
      ).map((p) => p.field),
    ).toEqual(['title', 'focus', 'targetCountries[0]', 'evidence[0].kind', 'kpis[0].baseline', 'sdgs[0]']);
  });

  describe('changed', () => {
    const before = parseNewPriority({ ...wind, kpis: [{ kpiId: 'k-1', name: 'Joint projects', unit: 'projects', baseline: 0, target: 3, current: 1 }] }, ['g-1']);

    it('keeps what is left out and names what changed', () => {
      const { content, reactivate } = parsePriorityChange({ title: 'Wind', themes: ['hydrogen'] }, before, ['g-1']);
      expect(content).toEqual({ ...before, title: 'Wind', themes: ['hydrogen'] });
      expect(reactivate).toBe(false);
      expect(changedFields(before, content)).toEqual(['title', 'themes']);
    });

    it('keeps a KPI’s reported value when the KPI is given again without one', () => {
      const { content } = parsePriorityChange({ kpis: [{ kpiId: 'k-1', name: 'Joint projects', unit: 'projects', baseline: 0, target: 5 }] }, before, ['g-1']);
      expect(content.kpis).toEqual([{ kpiId: 'k-1', name: 'Joint projects', unit: 'projects', baseline: 0, target: 5, current: 1 }]);
    });

    it('checks the goals only when they change or the priority comes back', () => {
      expect(parsePriorityChange({ title: 'Wind' }, before, []).content.title).toBe('Wind');
      expect(problemsOf(() => parsePriorityChange({ status: 'active' }, before, [])).map((p) => p.field)).toEqual(['goalIds[0]']);
      expect(problemsOf(() => parsePriorityChange({ goalIds: [] }, before, ['g-1'])).map((p) => p.field)).toEqual(['goalIds']);
    });

    it('brings a priority back with status active, and sends retiring to retirePriority', () => {
      expect(parsePriorityChange({ status: 'active' }, before, ['g-1']).reactivate).toBe(true);
      expect(problemsOf(() => parsePriorityChange({ status: 'retired' }, before, ['g-1']))[0]?.message).toContain('retirePriority');
    });
  });

  it('shows KPI progress once a value moved off its baseline', () => {
    const kpi = { kpiId: 'k', name: 'n', unit: 'u', baseline: 2, target: 5 };
    expect(hasKpiProgress([{ ...kpi, current: null }])).toBe(false);
    expect(hasKpiProgress([{ ...kpi, current: 2 }])).toBe(false);
    expect(hasKpiProgress([{ ...kpi, current: 3 }, { ...kpi, current: null }])).toBe(true);
  });
});
