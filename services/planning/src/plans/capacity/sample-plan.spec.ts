import { ACTIVITY_TYPES, FREQUENCIES, REMEDY_KINDS } from '../plan-content';
import { checkCapacity } from './capacity-check';
import { samplePlan, SAMPLE_PLAN_OVERRUN } from './sample-plan';

describe('samplePlan', () => {
  it('gives the same plan for the same count and year', () => {
    expect(samplePlan(120)).toEqual(samplePlan(120));
    expect(samplePlan(120, 2028).year).toBe(2028);
    expect(samplePlan(120, 2028).activities.every((a) => a.windowStart?.startsWith('2028-') && a.windowEnd?.startsWith('2028-'))).toBe(true);
  });

  it('holds the asked number of activities with distinct ids and a realistic mix', () => {
    const plan = samplePlan(500);
    expect(plan.activities).toHaveLength(500);
    expect(new Set(plan.activities.map((a) => a.activityId)).size).toBe(500);
    expect(new Set(plan.activities.map((a) => a.type))).toEqual(new Set(ACTIVITY_TYPES));
    expect(new Set(plan.activities.map((a) => a.frequency))).toEqual(new Set(FREQUENCIES));
    const opportunistic = plan.activities.filter((a) => a.priorityIds.length === 0).length;
    expect(opportunistic).toBeGreaterThan(0);
    expect(opportunistic).toBeLessThan(100);
  });

  it('is over budget and staff by about 15 %, with a remedy of every kind and no warnings', () => {
    for (const count of [60, 200, 500]) {
      const check = checkCapacity(samplePlan(count));
      const moneyOverrun = check.totals.plannedTotal / check.totals.availableTotal - 1;
      const staffOverrun = check.totals.staffDaysPlanned / check.totals.staffDaysAvailable - 1;
      expect(Math.abs(moneyOverrun - SAMPLE_PLAN_OVERRUN)).toBeLessThan(0.01);
      expect(Math.abs(staffOverrun - SAMPLE_PLAN_OVERRUN)).toBeLessThan(0.01);
      expect(check.fits).toBe(false);
      expect(check.warnings).toEqual([]);
      expect(new Set(check.remedies.map((r) => r.kind))).toEqual(new Set(REMEDY_KINDS));
    }
  });
});
