import { anActivity } from '../plans/capacity/plan-builders';
import type { PlanContent } from '../plans/plan-content';
import type { ReportInput } from './progress-report';

/**
 * A small calendar-year plan whose figures are worked out by hand in
 * progress-report.spec.ts, so the report's rules can be checked number by
 * number; the CSV and HTML specs render it too.
 *
 * Plan year 2027, EUR; budget own 10 000, external 5 000; 100 staff-days.
 * - webinar: quarterly, P1, 500 own and 2 staff-days each; done, actual 1 800 and 10 staff-days
 * - delegation: annual on 2027-05-10, P1 and P2, 3 000 own + 2 000 external, 10 staff-days; planned
 * - visit: one-off on 2027-02-01, no priority, 1 000 partner-covered, 3 staff-days; done, actual 1 200 and 4
 * - festival: one-off on 2027-08-01, P2, 4 000 own, 5 staff-days; postponed (costs nothing this year)
 * Decisions: one while drafting (2026-12-10), one on 2027-05-20.
 */
export function examplePlanContent(): PlanContent {
  return {
    year: 2027,
    currency: 'EUR',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    budgetLines: [
      { lineId: 'own', source: 'own', label: 'City budget', amount: 10_000, fundingReference: null },
      { lineId: 'grant', source: 'external', label: 'Engagement Global grant', amount: 5_000, fundingReference: null },
    ],
    staffDaysAvailable: 100,
    opportunisticAllowance: 2,
    occasions: [],
    activities: [
      anActivity({
        activityId: 'webinar',
        title: 'Partner webinar',
        type: 'online-event',
        country: null,
        city: null,
        frequency: 'quarterly',
        mode: 'virtual',
        priorityIds: ['p1'],
        costPerOccurrence: { own: 500, external: 0, partner: 0 },
        staffDaysPerOccurrence: 2,
        status: 'done',
        actualCost: 1_800,
        actualStaffDays: 10,
        outcomes: '120 attendees over the year',
      }),
      anActivity({
        activityId: 'delegation',
        title: 'Delegation to Aarhus',
        type: 'outbound-delegation',
        frequency: 'annual',
        priorityIds: ['p1', 'p2'],
        country: 'DK',
        city: 'Aarhus',
        windowStart: '2027-05-10',
        windowEnd: '2027-05-15',
        costPerOccurrence: { own: 3_000, external: 2_000, partner: 0 },
        staffDaysPerOccurrence: 10,
      }),
      anActivity({
        activityId: 'visit',
        title: 'Visit from Dalian',
        type: 'hosted-visit',
        frequency: 'one-off',
        priorityIds: [],
        country: 'CN',
        city: 'Dalian',
        windowStart: '2027-02-01',
        windowEnd: '2027-02-03',
        costPerOccurrence: { own: 0, external: 0, partner: 1_000 },
        staffDaysPerOccurrence: 3,
        status: 'done',
        actualCost: 1_200,
        actualStaffDays: 4,
      }),
      anActivity({
        activityId: 'festival',
        title: 'Hanse festival stand',
        type: 'cultural-event',
        frequency: 'one-off',
        country: null,
        city: null,
        priorityIds: ['p2'],
        windowStart: '2027-08-01',
        costPerOccurrence: { own: 4_000, external: 0, partner: 0 },
        staffDaysPerOccurrence: 5,
        status: 'postponed',
      }),
    ],
  };
}

export function exampleReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    jurisdictionName: 'Hanseatic City of Rostock',
    plan: {
      year: 2027,
      version: 2,
      status: 'active',
      content: examplePlanContent(),
      decisions: [
        {
          decisionId: 'd-draft',
          kind: 'reduce-frequency',
          activityId: 'webinar',
          summary: 'Webinar monthly → quarterly',
          rationale: 'Staff-days ran short',
          takenBy: 'rostock-admin',
          takenAt: new Date('2026-12-10T09:00:00Z'),
          costDelta: { own: -4_000, external: 0, partner: 0 },
          staffDaysDelta: -16,
        },
        {
          decisionId: 'd-may',
          kind: 'postpone',
          activityId: 'festival',
          summary: 'Festival stand postponed to 2028',
          rationale: 'The festival moved',
          takenBy: 'rostock-exec',
          takenAt: new Date('2027-05-20T14:30:00Z'),
          costDelta: { own: -4_000, external: 0, partner: 0 },
          staffDaysDelta: -5,
        },
      ],
      approvedAt: new Date('2027-01-15T10:00:00Z'),
      approvedBy: 'rostock-exec',
    },
    priorities: [
      {
        priorityId: 'p1',
        title: 'Baltic trade',
        status: 'active',
        kpis: [
          { kpiId: 'k1', name: 'Companies matched', unit: 'companies', baseline: 10, target: 30, current: 15 },
          { kpiId: 'k2', name: 'Export volume', unit: 'EUR m', baseline: 5, target: 8, current: null },
        ],
      },
      {
        priorityId: 'p2',
        title: 'Climate cities',
        status: 'active',
        kpis: [{ kpiId: 'k3', name: 'CO2 per head', unit: 't', baseline: 100, target: 50, current: 75 }],
      },
    ],
    period: null,
    generatedAt: new Date('2027-06-01T08:00:00Z'),
    ...overrides,
  };
}
