import { ValidationError } from '@entente/errors';
import type { Activity, RemedyKind } from '../plan-content';
import { remedyFor } from './capacity-check';
import { round2 } from './capacity-rules';
import { anActivity, aPlan, budgetOf } from './plan-builders';

/** One activity in a plan with room to spare, unless a spec says otherwise. */
function remedyOn(kind: RemedyKind, activity: Activity, budget = budgetOf({ own: 1_000_000, external: 10_000, partner: 100_000 })) {
  return remedyFor(aPlan({ budgetLines: budget, staffDaysAvailable: 1000, activities: [activity] }), kind, activity.activityId);
}

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems[0];
  }
  throw new Error('expected a validation error');
}

describe('round2', () => {
  it('rounds half away from zero to cents and never gives -0', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(0.625)).toBe(0.63);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
    expect(Object.is(round2(-0), 0)).toBe(true);
  });
});

describe('external-funding', () => {
  it('moves own cost to the external lines up to their slack, per occurrence, leaving the total unchanged', () => {
    const activity = anActivity({ activityId: 'a', frequency: 'quarterly', costPerOccurrence: { own: 3000, external: 0, partner: 0 }, staffDaysPerOccurrence: 1 });
    const other = anActivity({ activityId: 'b', costPerOccurrence: { own: 0, external: 4000, partner: 0 } });
    const remedy = remedyFor(aPlan({ budgetLines: budgetOf({ own: 5000, external: 10_000 }), staffDaysAvailable: 10, activities: [activity, other] }), 'external-funding', 'a');
    expect(remedy.after.costPerOccurrence).toEqual({ own: 1500, external: 1500, partner: 0 });
    expect(remedy.costDelta).toEqual({ own: -6000, external: 6000, partner: 0 });
    expect(remedy.staffDaysDelta).toBe(0);
    expect(remedy.totalsAfter.planned).toEqual({ own: 6000, external: 10_000, partner: 0 });
    expect(remedy.totalsAfter.plannedTotal).toBe(16_000);
    expect(remedy.summary).toBe('Fund “Activity a” from the external funding lines instead of the own budget: moves €6,000.00 from own budget to external funding this year.');
  });

  it('moves all of the own cost when the slack is larger, and never more than the slack when it does not divide evenly', () => {
    const small = anActivity({ activityId: 'a', costPerOccurrence: { own: 800, external: 0, partner: 0 } });
    expect(remedyOn('external-funding', small).costDelta).toEqual({ own: -800, external: 800, partner: 0 });
    const quarterly = anActivity({ activityId: 'a', frequency: 'quarterly', costPerOccurrence: { own: 800, external: 0, partner: 0 } });
    const remedy = remedyOn('external-funding', quarterly, budgetOf({ own: 100, external: 1000.03 }));
    expect(remedy.after.costPerOccurrence.external).toBe(250);
    expect(remedy.costDelta.external).toBe(1000);
  });

  it('is refused, naming the kind, when the external lines are fully planned or the activity has no own cost', () => {
    const activity = anActivity({ activityId: 'a', costPerOccurrence: { own: 800, external: 0, partner: 0 } });
    expect(refusal(() => remedyOn('external-funding', activity, budgetOf({ own: 100 })))).toEqual({
      field: 'kind',
      message: 'external-funding does not apply to “Activity a”: the external funding lines are already fully planned; add an awarded line first',
    });
    expect(refusal(() => remedyOn('external-funding', anActivity({ activityId: 'a', costPerOccurrence: { own: 0, external: 0, partner: 500 } }))).field).toBe('kind');
  });
});

describe('reduce-frequency', () => {
  it('reduces a quarterly activity to annual: three occurrences fewer', () => {
    const activity = anActivity({ activityId: 'a', frequency: 'quarterly', costPerOccurrence: { own: 1000, external: 200, partner: 0 }, staffDaysPerOccurrence: 1.5 });
    const remedy = remedyOn('reduce-frequency', activity);
    expect(remedy.after).toMatchObject({ frequency: 'annual', status: 'reduced', cycleYear: null });
    expect(remedy.costDelta).toEqual({ own: -3000, external: -600, partner: 0 });
    expect(remedy.staffDaysDelta).toBe(-4.5);
    expect(remedy.summary).toBe('Reduce “Activity a” from quarterly to annual: saves €3,000.00 (own budget), €600.00 (external funding) and 4.5 staff-days this year.');
  });

  it('reduces an annual activity to biennial from next year: nothing this year, and reduced rather than cancelled', () => {
    const activity = anActivity({ activityId: 'a', title: 'Hanse Sail delegation to Aarhus', status: 'confirmed', costPerOccurrence: { own: 12_000, external: 0, partner: 0 }, staffDaysPerOccurrence: 8 });
    const remedy = remedyOn('reduce-frequency', activity);
    expect(remedy.after).toMatchObject({ frequency: 'biennial', cycleYear: 2028, status: 'reduced' });
    expect(remedy.costDelta).toEqual({ own: -12_000, external: 0, partner: 0 });
    expect(remedy.staffDaysDelta).toBe(-8);
    expect(remedy.summary).toBe('Reduce “Hanse Sail delegation to Aarhus” from annual to biennial: saves €12,000.00 (own budget) and 8 staff-days this year.');
  });

  it('is refused for one-off and biennial activities, naming the kind', () => {
    expect(refusal(() => remedyOn('reduce-frequency', anActivity({ activityId: 'a', frequency: 'one-off' })))).toEqual({
      field: 'kind',
      message: 'reduce-frequency does not apply to “Activity a”: a one-off activity cannot happen less often; postpone it or change its mode instead',
    });
    expect(refusal(() => remedyOn('reduce-frequency', anActivity({ activityId: 'a', frequency: 'biennial' }))).field).toBe('kind');
  });
});

describe('go-virtual', () => {
  it('keeps a tenth of each source and half the staff-days per occurrence, rounded to cents', () => {
    const activity = anActivity({ activityId: 'a', mode: 'hybrid', frequency: 'quarterly', costPerOccurrence: { own: 333.33, external: 2000, partner: 1000 }, staffDaysPerOccurrence: 1.25 });
    const remedy = remedyOn('go-virtual', activity);
    expect(remedy.after.mode).toBe('virtual');
    expect(remedy.after.costPerOccurrence).toEqual({ own: 33.33, external: 200, partner: 100 });
    expect(remedy.after.staffDaysPerOccurrence).toBe(0.63);
    expect(remedy.costDelta).toEqual({ own: -1200, external: -7200, partner: -3600 });
    expect(remedy.staffDaysDelta).toBe(-2.48);
    expect(remedy.summary).toBe('Hold “Activity a” online instead of hybrid: saves €1,200.00 (own budget), €7,200.00 (external funding), €3,600.00 (partner-covered) and 2.48 staff-days this year.');
  });

  it('is refused for types that cannot run online and for activities already online', () => {
    for (const type of ['hosted-visit', 'pr-statement', 'funding-application', 'online-event'] as const) {
      expect(refusal(() => remedyOn('go-virtual', anActivity({ activityId: 'a', type }))).field).toBe('kind');
    }
    expect(refusal(() => remedyOn('go-virtual', anActivity({ activityId: 'a', mode: 'virtual' }))).message).toContain('it is already virtual');
  });
});

describe('pr-only', () => {
  it('drops the cost and keeps at most half a staff-day per occurrence', () => {
    const activity = anActivity({ activityId: 'a', type: 'cultural-event', frequency: 'quarterly', costPerOccurrence: { own: 500, external: 0, partner: 250 }, staffDaysPerOccurrence: 2 });
    const remedy = remedyOn('pr-only', activity);
    expect(remedy.after).toMatchObject({ mode: 'pr-only', costPerOccurrence: { own: 0, external: 0, partner: 0 }, staffDaysPerOccurrence: 0.5 });
    expect(remedy.costDelta).toEqual({ own: -2000, external: 0, partner: -1000 });
    expect(remedy.staffDaysDelta).toBe(-6);
    expect(remedyOn('pr-only', anActivity({ activityId: 'b', staffDaysPerOccurrence: 0.25 })).after.staffDaysPerOccurrence).toBe(0.25);
  });

  it('is refused for funding applications and for what is PR only already', () => {
    expect(refusal(() => remedyOn('pr-only', anActivity({ activityId: 'a', type: 'funding-application' }))).field).toBe('kind');
    expect(refusal(() => remedyOn('pr-only', anActivity({ activityId: 'a', mode: 'pr-only' }))).field).toBe('kind');
  });
});

describe('joint-effort', () => {
  it('halves the own cost, takes three quarters of the staff-days and marks the proposal; other sources stay', () => {
    const activity = anActivity({ activityId: 'a', type: 'trade-mission', costPerOccurrence: { own: 10_000, external: 2000, partner: 0 }, staffDaysPerOccurrence: 8 });
    const remedy = remedyOn('joint-effort', activity);
    expect(remedy.after).toMatchObject({ jointEffortProposed: true, costPerOccurrence: { own: 5000, external: 2000, partner: 0 }, staffDaysPerOccurrence: 6 });
    expect(remedy.costDelta).toEqual({ own: -5000, external: 0, partner: 0 });
    expect(Object.is(remedy.costDelta.external, 0) && Object.is(remedy.costDelta.partner, 0)).toBe(true);
    expect(remedy.staffDaysDelta).toBe(-2);
  });

  it('is refused for types others cannot join and when a joint effort is already proposed', () => {
    expect(refusal(() => remedyOn('joint-effort', anActivity({ activityId: 'a', type: 'hosted-visit' }))).field).toBe('kind');
    expect(refusal(() => remedyOn('joint-effort', anActivity({ activityId: 'a', jointEffortProposed: true }))).message).toContain('already proposed');
  });
});

describe('postpone', () => {
  it('takes the whole year out and marks it postponed', () => {
    const activity = anActivity({ activityId: 'a', frequency: 'quarterly', costPerOccurrence: { own: 100, external: 50, partner: 25 }, staffDaysPerOccurrence: 1 });
    const remedy = remedyOn('postpone', activity);
    expect(remedy.after.status).toBe('postponed');
    expect(remedy.costDelta).toEqual({ own: -400, external: -200, partner: -100 });
    expect(remedy.staffDaysDelta).toBe(-4);
    expect(remedy.summary).toBe('Postpone “Activity a” beyond 2027: saves €400.00 (own budget), €200.00 (external funding), €100.00 (partner-covered) and 4 staff-days this year.');
  });
});

describe('remedyFor refuses, naming the field', () => {
  it('activityId for an unknown activity, one already done, or one that does not happen this year', () => {
    const plan = aPlan({ activities: [anActivity({ activityId: 'a' })] });
    expect(refusal(() => remedyFor(plan, 'postpone', 'nope'))).toEqual({ field: 'activityId', message: 'the 2027 plan has no activity "nope"' });
    expect(refusal(() => remedyOn('postpone', anActivity({ activityId: 'a', status: 'done' })))).toEqual({
      field: 'activityId',
      message: 'postpone does not apply to “Activity a”: it is done already, so changing it saves nothing',
    });
    expect(refusal(() => remedyOn('go-virtual', anActivity({ activityId: 'a', status: 'postponed' }))).message).toContain('it does not happen in 2027 (it is postponed)');
    expect(refusal(() => remedyOn('pr-only', anActivity({ activityId: 'a', frequency: 'biennial', cycleYear: 2026 }))).message).toContain('off its biennial cycle');
  });

  it('kind for a kind that is not a remedy', () => {
    const plan = aPlan({ activities: [anActivity({ activityId: 'a' })] });
    expect(refusal(() => remedyFor(plan, 'cancel' as RemedyKind, 'a'))).toEqual({ field: 'kind', message: 'must be one of external-funding, reduce-frequency, go-virtual, pr-only, joint-effort, postpone' });
  });
});
