import { copyForNextYear } from './plan-copy';
import { diffPlans } from './plan-diff';
import { aPlan, anActivity } from './capacity/plan-builders';
import type { Activity, PlanContent } from './plan-content';

/** An annual delegation as these specs know it; each test states what differs. */
function activity(id: string, fields: Partial<Activity> = {}): Activity {
  return anActivity({
    activityId: id,
    priorityIds: ['p1'],
    windowStart: '2027-05-01',
    windowEnd: '2027-05-04',
    costPerOccurrence: { own: 12000, external: 0, partner: 0 },
    staffDaysPerOccurrence: 8,
    ...fields,
  });
}

function plan(activities: Activity[], fields: Partial<PlanContent> = {}): PlanContent {
  return aPlan({
    budgetLines: [
      { lineId: 'own', source: 'own', label: 'Council budget', amount: 50000, fundingReference: null },
      { lineId: 'eu', source: 'external', label: 'Interreg', amount: 10000, fundingReference: 'grant-1' },
    ],
    staffDaysAvailable: 120,
    opportunisticAllowance: 2,
    activities,
    ...fields,
  });
}

describe('plan diff', () => {
  it('names the activity and the fields a version changed', () => {
    const v1 = plan([activity('a'), activity('b')]);
    const v2 = plan([activity('a', { frequency: 'biennial', cycleYear: 2028, status: 'reduced' }), activity('c')], { staffDaysAvailable: 100 });
    const changes = diffPlans(v1, v2);
    expect(changes.map((c) => `${c.target}:${c.change}:${c.id ?? ''}`)).toEqual(['plan:changed:', 'activity:changed:a', 'activity:added:c', 'activity:removed:b']);
    expect(changes[1]?.fields).toEqual([
      { field: 'frequency', from: 'annual', to: 'biennial' },
      { field: 'cycleYear', from: '—', to: '2028' },
      { field: 'status', from: 'planned', to: 'reduced' },
    ]);
    expect(changes[1]?.summary).toBe('Activity “Activity a”: frequency annual → biennial; cycleYear — → 2028; status planned → reduced.');
    expect(changes[0]?.summary).toBe('Plan: staffDaysAvailable 120 → 100.');
  });

  it('finds nothing between a version and itself', () => {
    const v1 = plan([activity('a')]);
    expect(diffPlans(v1, structuredClone(v1))).toEqual([]);
  });
});

describe('copying a plan to next year', () => {
  it('carries recurring and postponed activities at their frequency, a year on, and leaves grants behind', () => {
    let n = 0;
    const next = copyForNextYear(
      plan([
        activity('annual'),
        activity('once', { frequency: 'one-off' }),
        activity('later', { frequency: 'one-off', status: 'postponed' }),
        activity('every-other', { frequency: 'biennial', cycleYear: 2028, status: 'reduced', outcomes: 'good', actualCost: 100 }),
      ]),
      { periodStart: '2028-01-01', periodEnd: '2028-12-31' },
      () => `new-${++n}`,
    );
    expect(next.year).toBe(2028);
    expect(next.budgetLines.map((l) => l.label)).toEqual(['Council budget']);
    expect(next.activities.map((a) => [a.title, a.activityId, a.status, a.windowStart, a.frequency, a.cycleYear, a.origin?.reference])).toEqual([
      ['Activity annual', 'new-2', 'planned', '2028-05-01', 'annual', null, '2027/annual'],
      ['Activity later', 'new-3', 'planned', '2028-05-01', 'one-off', null, '2027/later'],
      ['Activity every-other', 'new-4', 'planned', '2028-05-01', 'biennial', 2028, '2027/every-other'],
    ]);
    expect(next.activities[2]).toMatchObject({ outcomes: null, actualCost: null });
  });
});
