import { DEMO_JURISDICTIONS } from './demo-data';
import { demoEffort } from './demo-network';

describe("the demo network's joint effort", () => {
  it('lies inside the plan year the demo gives each participant, so joining lands in that plan', () => {
    const year = 2027;
    const effort = demoEffort(year);
    for (const participant of Object.keys(effort.shares)) {
      const fiscalYearStart = DEMO_JURISDICTIONS.find((j) => j.id === participant)?.fiscalYearStart;
      expect(fiscalYearStart).toMatch(/^\d\d-\d\d$/);
      // Plan year N runs from N-<fiscal year start> to the day before (N+1)-<fiscal year start>.
      expect(effort.timelineStart! >= `${year}-${fiscalYearStart}`).toBe(true);
      expect(effort.timelineEnd! < `${year + 1}-${fiscalYearStart}`).toBe(true);
    }
    expect(Object.values(effort.shares).reduce((sum, share) => sum + share, 0)).toBe(100);
    expect(Object.keys(effort.shares)).toContain(effort.lead);
  });
});
