import { ActivityChangedV2, ActivityPlannedV2 } from '@entente/contracts';
import { activityState } from './activity-state';
import { aPlan, anActivity } from './capacity/plan-builders';

describe('activity state (the payload of planning.activity.* v2)', () => {
  const plan = aPlan({ year: 2027, currency: 'NZD' });

  it('carries the cost of one occurrence from every source together, in the plan’s currency', () => {
    const delegation = anActivity({
      activityId: 'act-tokyo',
      type: 'outbound-delegation',
      country: 'JP',
      frequency: 'quarterly',
      costPerOccurrence: { own: 18000, external: 6500, partner: 1500 },
    });
    const state = activityState(delegation, plan, 3);
    expect(state).toMatchObject({ activityId: 'act-tokyo', year: 2027, planVersion: 3, occurrences: 4, cost: { amount: 26000, currency: 'NZD' } });
    expect(ActivityPlannedV2.schema.parse(state)).toEqual(state);
    expect(ActivityChangedV2.schema.parse({ ...state, changedFields: ['costPerOccurrence'] }).cost).toEqual({ amount: 26000, currency: 'NZD' });
  });

  it('states a cost of nothing as 0, and a postponed activity’s cost per occurrence though it happens 0 times this year', () => {
    expect(activityState(anActivity({ activityId: 'act-webinar', mode: 'virtual', costPerOccurrence: { own: 0, external: 0, partner: 0 } }), plan, 1).cost).toEqual({ amount: 0, currency: 'NZD' });
    const postponed = activityState(anActivity({ activityId: 'act-later', status: 'postponed', costPerOccurrence: { own: 9000, external: 0, partner: 0 } }), plan, 1);
    expect(postponed).toMatchObject({ occurrences: 0, cost: { amount: 9000, currency: 'NZD' } });
  });
});
