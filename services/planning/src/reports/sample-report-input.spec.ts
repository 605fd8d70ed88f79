import { examplePlanContent } from './example-report-input';
import { buildProgressReport } from './progress-report';
import { sampleReportInput } from './sample-report-input';

describe('sampleReportInput', () => {
  const input = sampleReportInput(examplePlanContent());
  const byId = new Map(input.plan.content.activities.map((activity) => [activity.activityId, activity]));

  it('marks what ended before mid-year done, with actuals near its plan, and keeps actuals already known', () => {
    expect(byId.get('delegation')).toMatchObject({ status: 'done' });
    const actual = byId.get('delegation')?.actualCost ?? 0;
    expect(actual).toBeGreaterThanOrEqual(5_000 * 0.85);
    expect(actual).toBeLessThanOrEqual(5_000 * 1.15);
    expect(byId.get('visit')).toMatchObject({ status: 'done', actualCost: 1_200, actualStaffDays: 4 });
    expect(byId.get('festival')?.status).toBe('postponed');
  });

  it('gives each priority the activities name a title and KPIs, and some activities a decision', () => {
    expect(input.priorities.map((p) => [p.priorityId, p.title, p.kpis.length])).toEqual([
      ['p1', 'P1', 2],
      ['p2', 'P2', 2],
    ]);
    expect(input.plan.decisions.map((d) => d.activityId)).toEqual(['webinar']);
    expect(input.generatedAt.toISOString()).toBe('2027-07-01T08:00:00.000Z');
  });

  it('is the same for the same plan, and reports', () => {
    expect(sampleReportInput(examplePlanContent())).toEqual(input);
    expect(buildProgressReport(input).totals.actualCost).toBeGreaterThan(0);
  });
});
