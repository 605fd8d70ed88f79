import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { TOPICS } from '../topics';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const amount = z.number().finite().nonnegative();

/**
 * A plan version changed state. Every event names the plan year, the version
 * and its totals against what is available, so a reader (network's
 * coordinator view, a report) needs no call back. Keyed by `<year>` of the
 * jurisdiction's plan.
 */
export const PlanVersionStateV1Schema = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  version: z.number().int().min(1),
  periodStart: isoDate,
  periodEnd: isoDate,
  currency: z.string().regex(/^[A-Z]{3}$/),
  activityCount: z.number().int().nonnegative(),
  plannedCost: amount,
  availableBudget: amount,
  plannedStaffDays: amount,
  availableStaffDays: amount,
});

export const PlanSubmittedV1 = defineEvent({ type: 'planning.plan.submitted', version: 1, topic: TOPICS.planningPlan, schema: PlanVersionStateV1Schema });

export const PlanApprovedV1 = defineEvent({
  type: 'planning.plan.approved',
  version: 1,
  topic: TOPICS.planningPlan,
  schema: PlanVersionStateV1Schema.extend({ approvedBy: z.string().min(1) }),
});

export const PlanClosedV1 = defineEvent({ type: 'planning.plan.closed', version: 1, topic: TOPICS.planningPlan, schema: PlanVersionStateV1Schema });
