import { anActivity } from '../plans/capacity/plan-builders';
import { examplePlanContent, exampleReportInput } from './example-report-input';
import { buildProgressReport, type ProgressReport } from './progress-report';
import { periodByKey } from './reporting-periods';

const quarter = (key: string) => periodByKey('2027-01-01', '2027-12-31', key);
const statusMap = (counts: ProgressReport['activitiesByStatus']) => Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [c.status, c.count]));

describe('buildProgressReport over the whole plan year', () => {
  const report = buildProgressReport(exampleReportInput());

  it('heads the report with the plan and its approval', () => {
    expect(report).toMatchObject({
      jurisdictionName: 'Hanseatic City of Rostock',
      year: 2027,
      version: 2,
      status: 'active',
      currency: 'EUR',
      approvedAt: '2027-01-15T10:00:00.000Z',
      approvedBy: 'rostock-exec',
      wholeYear: true,
      period: { key: '2027', start: '2027-01-01', end: '2027-12-31' },
      generatedAt: '2027-06-01T08:00:00.000Z',
    });
  });

  it('sets spend and staff-days against the plan and the budget by source', () => {
    expect(report.totals).toEqual({
      budgetAvailable: 15_000,
      plannedCost: 8_000,
      actualCost: 3_000,
      plannedCostToDate: 8_000,
      actualCostToDate: 3_000,
      staffDaysAvailable: 100,
      plannedStaffDays: 21,
      actualStaffDays: 14,
      activities: 4,
      decisions: 2,
    });
    expect(report.budget).toEqual([
      { source: 'own', available: 10_000, planned: 5_000, actual: 1_800, plannedToDate: 5_000, actualToDate: 1_800 },
      { source: 'external', available: 5_000, planned: 2_000, actual: 0, plannedToDate: 2_000, actualToDate: 0 },
      { source: 'partner', available: 0, planned: 1_000, actual: 1_200, plannedToDate: 1_000, actualToDate: 1_200 },
    ]);
    expect(report.staffDays).toEqual({ available: 100, planned: 21, actual: 14, plannedToDate: 21, actualToDate: 14 });
  });

  it('lists activities by status, a postponed one with nothing planned this year', () => {
    expect(statusMap(report.activitiesByStatus)).toEqual({ planned: 1, done: 2, postponed: 1 });
    expect(report.activitiesByStatus.map((c) => c.status)).toEqual(['planned', 'confirmed', 'done', 'reduced', 'postponed', 'cancelled']);
    expect(report.activities.map((a) => a.activityId)).toEqual(['delegation', 'webinar', 'visit', 'festival']);
    expect(report.activities.find((a) => a.activityId === 'festival')).toMatchObject({ occurrences: 0, plannedCost: 0, actualCost: null, priorityTitles: ['Climate cities'] });
    expect(report.activities.find((a) => a.activityId === 'webinar')).toMatchObject({ occurrences: 4, plannedCost: 2_000, plannedStaffDays: 8, actualCost: 1_800, actualStaffDays: 10 });
  });

  it('counts activities per priority, opportunistic ones apart, with KPI progress and outcomes', () => {
    const [trade, climate] = report.priorities;
    expect(trade).toMatchObject({ priorityId: 'p1', activities: 2, plannedCost: 7_000, actualCost: 1_800 });
    expect(statusMap(trade?.byStatus ?? [])).toEqual({ planned: 1, done: 1 });
    expect(trade?.kpis.map((k) => k.progressPercent)).toEqual([25, null]);
    expect(trade?.outcomes).toEqual([{ activityId: 'webinar', title: 'Partner webinar', status: 'done', outcomes: '120 attendees over the year' }]);
    expect(climate).toMatchObject({ activities: 2, plannedCost: 5_000, actualCost: 0, outcomes: [] });
    expect(statusMap(climate?.byStatus ?? [])).toEqual({ planned: 1, postponed: 1 });
    // A falling target (less CO2): halfway from 100 to 50 at 75.
    expect(climate?.kpis[0]?.progressPercent).toBe(50);
    expect(report.opportunistic).toMatchObject({ activities: 1, planActivities: 1, allowance: 2 });
    expect(statusMap(report.opportunistic.byStatus)).toEqual({ done: 1 });
  });

  it('lists every decision with its rationale, who took it and the activity it touched', () => {
    expect(report.decisions.map((d) => d.decisionId)).toEqual(['d-draft', 'd-may']);
    expect(report.decisions[1]).toEqual({
      decisionId: 'd-may',
      kind: 'postpone',
      activityId: 'festival',
      activityTitle: 'Hanse festival stand',
      summary: 'Festival stand postponed to 2028',
      rationale: 'The festival moved',
      takenBy: 'rostock-exec',
      takenAt: '2027-05-20T14:30:00.000Z',
      costDelta: { own: -4_000, external: 0, partner: 0 },
      costDeltaTotal: -4_000,
      staffDaysDelta: -5,
    });
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('buildProgressReport over one quarter', () => {
  it('places one occurrence of a quarterly activity in each quarter, others on their window start, and spreads actuals likewise', () => {
    const q1 = buildProgressReport(exampleReportInput({ period: quarter('2027-Q1') }));
    expect(q1.wholeYear).toBe(false);
    expect(q1.activities.map((a) => a.activityId)).toEqual(['webinar', 'visit']);
    expect(q1.activities[0]).toMatchObject({ occurrences: 1, plannedCost: 500, plannedStaffDays: 2, actualCost: 450, actualStaffDays: 2.5 });
    expect(q1.totals).toMatchObject({ plannedCost: 1_500, actualCost: 1_650, plannedStaffDays: 5, actualStaffDays: 6.5, activities: 2 });

    const q2 = buildProgressReport(exampleReportInput({ period: quarter('2027-Q2') }));
    expect(q2.activities.map((a) => a.activityId)).toEqual(['delegation', 'webinar']);
    expect(q2.totals).toMatchObject({ plannedCost: 5_500, actualCost: 450, plannedCostToDate: 7_000, actualCostToDate: 2_100, budgetAvailable: 15_000 });
    expect(q2.budget.find((row) => row.source === 'external')).toMatchObject({ planned: 2_000, plannedToDate: 2_000 });
  });

  it('puts a postponed activity in the quarter of its window start', () => {
    const q3 = buildProgressReport(exampleReportInput({ period: quarter('2027-Q3') }));
    expect(q3.activities.map((a) => a.activityId)).toEqual(['webinar', 'festival']);
    expect(statusMap(q3.priorities[1]?.byStatus ?? [])).toEqual({ postponed: 1 });
  });

  it('reports decisions taken while drafting in the first quarter and each later one in its own', () => {
    const decisionsOf = (key: string) => buildProgressReport(exampleReportInput({ period: quarter(key) })).decisions.map((d) => d.decisionId);
    expect(decisionsOf('2027-Q1')).toEqual(['d-draft']);
    expect(decisionsOf('2027-Q2')).toEqual(['d-may']);
    expect(decisionsOf('2027-Q3')).toEqual([]);
  });

  it('adds up the quarters to the year', () => {
    const year = buildProgressReport(exampleReportInput());
    const quarters = ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((key) => buildProgressReport(exampleReportInput({ period: quarter(key) })));
    const sum = (pick: (r: ProgressReport) => number) => quarters.reduce((total, r) => total + pick(r), 0);
    expect(sum((r) => r.totals.plannedCost)).toBe(year.totals.plannedCost);
    expect(sum((r) => r.totals.actualCost)).toBe(year.totals.actualCost);
    expect(sum((r) => r.totals.plannedStaffDays)).toBe(year.totals.plannedStaffDays);
    expect(sum((r) => r.totals.actualStaffDays)).toBe(year.totals.actualStaffDays);
    expect(sum((r) => r.totals.decisions)).toBe(year.totals.decisions);
    expect(quarters[3]?.totals.plannedCostToDate).toBe(year.totals.plannedCost);
  });
});

describe('buildProgressReport actual cost by source', () => {
  it('splits an actual figure across sources as the activity’s plan splits its cost, and to the own budget when it planned none', () => {
    const content = examplePlanContent();
    content.activities = [
      anActivity({ activityId: 'shared', title: 'Shared', costPerOccurrence: { own: 300, external: 100, partner: 0 }, status: 'done', actualCost: 800 }),
      anActivity({ activityId: 'free', title: 'Unplanned cost', status: 'done', actualCost: 50 }),
      anActivity({ activityId: 'open', title: 'Not done yet', costPerOccurrence: { own: 100, external: 0, partner: 0 }, status: 'confirmed', actualCost: 99 }),
    ];
    const input = exampleReportInput();
    const report = buildProgressReport({ ...input, plan: { ...input.plan, content } });
    expect(report.budget.map((row) => [row.source, row.actual])).toEqual([
      ['own', 650],
      ['external', 200],
      ['partner', 0],
    ]);
    expect(report.activities.find((a) => a.activityId === 'open')?.actualCost).toBeNull();
  });
});
