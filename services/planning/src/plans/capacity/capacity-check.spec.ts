import { ValidationError } from '@entente/errors';
import type { PlanContent } from '../plan-content';
import { REMEDY_KINDS } from '../plan-content';
import { checkCapacity, remedyFor } from './capacity-check';
import { anActivity, aPlan, budgetOf } from './plan-builders';
import { samplePlan } from './sample-plan';

describe('checkCapacity totals', () => {
  it('counts each activity by its occurrences in the plan year and compares with the budget lines and staff', () => {
    const plan = aPlan({
      budgetLines: [...budgetOf({ own: 20_000, external: 5000 }), { lineId: 'own-2', source: 'own', label: 'Mayor’s fund', amount: 2500, fundingReference: null }],
      staffDaysAvailable: 30,
      activities: [
        anActivity({ activityId: 'quarterly', frequency: 'quarterly', costPerOccurrence: { own: 1000, external: 250, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'annual', costPerOccurrence: { own: 3000, external: 0, partner: 0 }, staffDaysPerOccurrence: 2.5 }),
        anActivity({ activityId: 'on-cycle', frequency: 'biennial', cycleYear: 2025, costPerOccurrence: { own: 100, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'off-cycle', frequency: 'biennial', cycleYear: 2028, costPerOccurrence: { own: 9999, external: 0, partner: 0 }, staffDaysPerOccurrence: 9 }),
        anActivity({ activityId: 'postponed', status: 'postponed', costPerOccurrence: { own: 9999, external: 0, partner: 0 }, staffDaysPerOccurrence: 9 }),
        anActivity({ activityId: 'cancelled', status: 'cancelled', costPerOccurrence: { own: 9999, external: 0, partner: 0 }, staffDaysPerOccurrence: 9 }),
      ],
    });
    const check = checkCapacity(plan);
    expect(check.totals).toEqual({
      planned: { own: 7100, external: 1000, partner: 0 },
      plannedTotal: 8100,
      available: { own: 22_500, external: 5000, partner: 0 },
      availableTotal: 27_500,
      staffDaysPlanned: 7.5,
      staffDaysAvailable: 30,
    });
    expect(check).toMatchObject({ year: 2027, currency: 'EUR', overages: [], fits: true, remedies: [], warnings: [] });
  });

  it('is over on each source and on staff-days separately: partner-covered costs need a partner line', () => {
    const plan = aPlan({
      budgetLines: budgetOf({ own: 10_000, external: 50_000 }),
      staffDaysAvailable: 5,
      activities: [anActivity({ activityId: 'a', costPerOccurrence: { own: 9000, external: 0, partner: 1200.5 }, staffDaysPerOccurrence: 6.25 })],
    });
    const check = checkCapacity(plan);
    expect(check.fits).toBe(false);
    expect(check.overages).toEqual([
      { source: 'partner', by: 1200.5 },
      { source: 'staff-days', by: 1.25 },
    ]);
  });

  it('refuses a remediesPerKind that is not a whole number, naming it', () => {
    expect(() => checkCapacity(aPlan(), { remediesPerKind: -1 })).toThrow(ValidationError);
    expect(() => checkCapacity(aPlan(), { remediesPerKind: 1.5 })).toThrow('remediesPerKind: must be a whole number, 0 or more');
  });
});

describe('checkCapacity warnings', () => {
  it('warns when this year’s opportunistic activities pass the allowance, not counting those that do not happen', () => {
    const opportunistic = (activityId: string, status: 'planned' | 'postponed' = 'planned') => anActivity({ activityId, priorityIds: [], status });
    const plan = aPlan({ opportunisticAllowance: 1, activities: [opportunistic('a'), opportunistic('b'), opportunistic('c', 'postponed'), anActivity({ activityId: 'd' })] });
    expect(checkCapacity(plan).warnings).toEqual(['2 opportunistic activities (serving no priority) happen in 2027, more than the plan’s allowance of 1.']);
    expect(checkCapacity({ ...plan, opportunisticAllowance: 2 }).warnings).toEqual([]);
  });

  it('warns about an activity whose window leaves the plan period', () => {
    const plan = aPlan({
      activities: [
        anActivity({ activityId: 'a', title: 'Christmas market in Aarhus', windowStart: '2027-12-01', windowEnd: '2028-01-06' }),
        anActivity({ activityId: 'b', windowStart: '2027-03-01', windowEnd: '2027-03-31' }),
      ],
    });
    expect(checkCapacity(plan).warnings).toEqual(['“Christmas market in Aarhus” has its window (2027-12-01 to 2028-01-06) outside the plan period 2027-01-01 to 2027-12-31.']);
  });
});

describe('checkCapacity remedies', () => {
  /** Own budget over by 1,000; staff fits. */
  function overOnOwn(): PlanContent {
    return aPlan({
      budgetLines: budgetOf({ own: 20_000 }),
      staffDaysAvailable: 100,
      activities: [
        anActivity({ activityId: 'big', title: 'Big delegation', costPerOccurrence: { own: 8000, external: 0, partner: 0 }, staffDaysPerOccurrence: 5 }),
        anActivity({ activityId: 'small-b', title: 'B small delegation', costPerOccurrence: { own: 600, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'small-a', title: 'A small delegation', costPerOccurrence: { own: 600, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'mid', title: 'Mid mission', type: 'trade-mission', costPerOccurrence: { own: 11_800, external: 0, partner: 0 }, staffDaysPerOccurrence: 2 }),
        anActivity({ activityId: 'free', title: 'Staff-only visit', type: 'hosted-visit', staffDaysPerOccurrence: 3 }),
      ],
    });
  }

  it('lists none for a plan that fits', () => {
    const plan = overOnOwn();
    expect(checkCapacity({ ...plan, budgetLines: budgetOf({ own: 21_000 }) })).toMatchObject({ fits: true, overages: [], remedies: [] });
  });

  it('ranks by kind in the brief’s order, then fits-alone first, then the largest saving, then title, ranks 1-based over the list', () => {
    const check = checkCapacity(overOnOwn());
    expect(check.overages).toEqual([{ source: 'own', by: 1000 }]);
    expect(check.remedies.map((r) => r.rank)).toEqual(check.remedies.map((_, i) => i + 1));
    const kinds = check.remedies.map((r) => r.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => REMEDY_KINDS.indexOf(a) - REMEDY_KINDS.indexOf(b)));
    const postpones = check.remedies.filter((r) => r.kind === 'postpone');
    // Mid and Big fit alone (saving 11,800 and 8,000); the small ones save 600 each, tied, so by title. The staff-only visit saves no money: not listed.
    expect(postpones.map((r) => [r.activityId, r.fitsAfter])).toEqual([
      ['mid', true],
      ['big', true],
      ['small-a', false],
      ['small-b', false],
    ]);
    expect(check.remedies.some((r) => r.activityId === 'free')).toBe(false);
    // No external lines: no external funding. Joint effort halves own cost: 5,900 and 4,000 fit, 300 does not.
    expect(kinds).not.toContain('external-funding');
    expect(check.remedies.filter((r) => r.kind === 'joint-effort').map((r) => [r.activityId, r.fitsAfter])).toEqual([
      ['mid', true],
      ['big', true],
      ['small-a', false],
      ['small-b', false],
    ]);
  });

  it('keeps at most remediesPerKind of each kind, the best ones', () => {
    const check = checkCapacity(overOnOwn(), { remediesPerKind: 1 });
    expect(check.remedies.map((r) => [r.rank, r.kind, r.activityId])).toEqual([
      [1, 'reduce-frequency', 'mid'],
      [2, 'go-virtual', 'mid'],
      [3, 'pr-only', 'mid'],
      [4, 'joint-effort', 'mid'],
      [5, 'postpone', 'mid'],
    ]);
    expect(checkCapacity(overOnOwn(), { remediesPerKind: 0 }).remedies).toEqual([]);
  });

  it('lists external funding first when own is over and external lines have slack', () => {
    const plan = { ...overOnOwn(), budgetLines: budgetOf({ own: 20_000, external: 700 }) };
    const first = checkCapacity(plan).remedies[0];
    // Big and Mid both move 700 (all the slack); equal savings go by title.
    expect(first).toMatchObject({ rank: 1, kind: 'external-funding', activityId: 'big', costDelta: { own: -700, external: 700, partner: 0 }, fitsAfter: false });
    expect(first.totalsAfter.planned).toEqual({ own: 20_300, external: 700, partner: 0 });
  });

  it('weighs money and staff-days by how much of each overage a remedy closes', () => {
    const plan = aPlan({
      budgetLines: budgetOf({ own: 10_000 }),
      staffDaysAvailable: 10,
      activities: [
        // Over by 1,000 and 10 staff-days. Postponing "money" closes the money overage (ten times over) and a tenth of the staff one;
        // "people" closes all of the staff overage and half the money one, which is more of what is over.
        anActivity({ activityId: 'money', title: 'Money', costPerOccurrence: { own: 10_500, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'people', title: 'People', costPerOccurrence: { own: 500, external: 0, partner: 0 }, staffDaysPerOccurrence: 19 }),
      ],
    });
    const postpones = checkCapacity(plan).remedies.filter((r) => r.kind === 'postpone');
    expect(postpones.map((r) => r.activityId)).toEqual(['people', 'money']);
  });

  it('gives totals after that equal a fresh check of the plan with the remedy applied', () => {
    const plan = samplePlan(80);
    const check = checkCapacity(plan);
    expect(new Set(check.remedies.map((r) => r.kind))).toEqual(new Set(REMEDY_KINDS));
    for (const remedy of check.remedies) {
      const applied = { ...plan, activities: plan.activities.map((a) => (a.activityId === remedy.activityId ? remedy.after : a)) };
      const fresh = checkCapacity(applied, { remediesPerKind: 0 });
      expect(remedy.totalsAfter).toEqual(fresh.totals);
      expect(remedy.fitsAfter).toBe(fresh.fits);
      expect(remedy).toEqual({ ...remedyFor(plan, remedy.kind, remedy.activityId), rank: remedy.rank });
    }
  });
});

describe('the last activity of a priority', () => {
  const plan = aPlan({
    budgetLines: budgetOf({ own: 1000 }),
    staffDaysAvailable: 100,
    activities: [
      anActivity({ activityId: 'youth', title: 'Youth exchange with Riga', type: 'youth-exchange', priorityIds: ['priority-youth', 'priority-trade'], costPerOccurrence: { own: 2000, external: 0, partner: 0 } }),
      anActivity({ activityId: 'trade', title: 'Trade mission to Turku', type: 'trade-mission', priorityIds: ['priority-trade'], costPerOccurrence: { own: 500, external: 0, partner: 0 } }),
      anActivity({ activityId: 'old-youth', priorityIds: ['priority-youth'], status: 'cancelled', costPerOccurrence: { own: 500, external: 0, partner: 0 } }),
    ],
  });

  it('is named with a warning when a remedy leaves the priority with nothing this year', () => {
    const postpone = checkCapacity(plan).remedies.find((r) => r.kind === 'postpone' && r.activityId === 'youth');
    expect(postpone).toMatchObject({
      prioritiesTouched: ['priority-youth', 'priority-trade'],
      lastOfPriorities: ['priority-youth'],
      warning: '“Youth exchange with Riga” is the last activity of priority priority-youth in 2027; applying this leaves it with no activity this year.',
    });
    expect(remedyFor(plan, 'reduce-frequency', 'youth').lastOfPriorities).toEqual(['priority-youth']);
  });

  it('names the priority by its title when the titles are given', () => {
    const titles = new Map([['priority-youth', 'Youth and school exchanges']]);
    expect(remedyFor(plan, 'postpone', 'youth', { priorityTitles: titles }).warning).toBe(
      '“Youth exchange with Riga” is the last activity of priority “Youth and school exchanges” in 2027; applying this leaves it with no activity this year.',
    );
    expect(checkCapacity(plan, { priorityTitles: titles }).remedies.find((r) => r.kind === 'postpone' && r.activityId === 'youth')?.warning).toContain('“Youth and school exchanges”');
  });

  it('is not named when the activity still happens this year or another activity serves the priority', () => {
    expect(remedyFor(plan, 'go-virtual', 'youth')).toMatchObject({ lastOfPriorities: [], warning: null });
    expect(remedyFor(plan, 'postpone', 'trade')).toMatchObject({ prioritiesTouched: ['priority-trade'], lastOfPriorities: [], warning: null });
  });
});

describe('a Rostock-like plan', () => {
  it('is over budget, and reducing its annual delegation to biennial makes it fit', () => {
    const plan = aPlan({
      budgetLines: budgetOf({ own: 48_000, external: 15_000, partner: 4000 }),
      staffDaysAvailable: 60,
      activities: [
        anActivity({ activityId: 'hanse-sail', title: 'Hanse Sail delegation to Aarhus', priorityIds: ['priority-maritime'], costPerOccurrence: { own: 12_000, external: 0, partner: 0 }, staffDaysPerOccurrence: 8 }),
        anActivity({ activityId: 'maritime-webinar', title: 'Port logistics webinar', type: 'online-event', mode: 'virtual', frequency: 'quarterly', priorityIds: ['priority-maritime'], costPerOccurrence: { own: 500, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 }),
        anActivity({ activityId: 'youth-riga', title: 'Youth exchange with Riga', type: 'youth-exchange', priorityIds: ['priority-youth'], costPerOccurrence: { own: 6000, external: 15_000, partner: 0 }, staffDaysPerOccurrence: 10 }),
        anActivity({ activityId: 'dalian', title: 'Trade mission to Dalian', type: 'trade-mission', frequency: 'biennial', cycleYear: 2027, priorityIds: ['priority-trade'], costPerOccurrence: { own: 25_000, external: 0, partner: 4000 }, staffDaysPerOccurrence: 12 }),
        anActivity({ activityId: 'europe-week', title: 'Europe Week statement', type: 'pr-statement', mode: 'pr-only', frequency: 'one-off', priorityIds: [], staffDaysPerOccurrence: 0.5 }),
        anActivity({ activityId: 'turku', title: 'Turku visit to Rostock', type: 'hosted-visit', frequency: 'one-off', priorityIds: ['priority-trade'], costPerOccurrence: { own: 3000, external: 0, partner: 0 }, staffDaysPerOccurrence: 4 }),
      ],
    });
    const check = checkCapacity(plan);
    expect(check.totals.planned).toEqual({ own: 48_000, external: 15_000, partner: 4000 });
    expect(check.overages).toEqual([]);

    const overBudget = { ...plan, budgetLines: budgetOf({ own: 40_000, external: 15_000, partner: 4000 }) };
    const over = checkCapacity(overBudget);
    expect(over).toMatchObject({ fits: false, overages: [{ source: 'own', by: 8000 }] });
    expect(over.remedies[0].kind).toBe('reduce-frequency');
    const reduce = over.remedies.find((r) => r.kind === 'reduce-frequency' && r.activityId === 'hanse-sail');
    expect(reduce).toMatchObject({
      fitsAfter: true,
      costDelta: { own: -12_000, external: 0, partner: 0 },
      staffDaysDelta: -8,
      prioritiesTouched: ['priority-maritime'],
      lastOfPriorities: [],
      warning: null,
      summary: 'Reduce “Hanse Sail delegation to Aarhus” from annual to biennial: saves €12,000.00 (own budget) and 8 staff-days this year.',
      after: { frequency: 'biennial', cycleYear: 2028, status: 'reduced' },
    });

    const applied = { ...overBudget, activities: overBudget.activities.map((a) => (a.activityId === 'hanse-sail' ? reduce!.after : a)) };
    expect(checkCapacity(applied)).toMatchObject({ fits: true, remedies: [] });
    // Reduced, not cancelled: it comes back in 2028.
    expect(checkCapacity({ ...applied, year: 2028 }).totals.planned.own).toBeGreaterThan(0);
  });
});
