import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { TOPICS } from '../topics';
import { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, FREQUENCIES } from './planning-vocabulary';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/**
 * An activity of an annual plan as other services need it: network spots
 * delegations to the same country in the same window, funding sees what
 * needs money. Cost and outcomes stay in planning (v2, activity-events.v2.ts,
 * adds the cost per occurrence). Every event carries the
 * whole state after the change; keyed by activity id (stable across plan
 * versions), so one activity's events stay in order.
 */
export const ActivityStateV1Schema = z.strictObject({
  activityId: z.string().min(1),
  year: z.number().int().min(2000).max(2200),
  planVersion: z.number().int().min(1),
  title: z.string().trim().min(1).max(200),
  type: z.enum(ACTIVITY_TYPES),
  mode: z.enum(ACTIVITY_MODES),
  frequency: z.enum(FREQUENCIES),
  occurrences: z.number().int().min(0).max(4),
  status: z.enum(ACTIVITY_STATUSES),
  country: z
    .string()
    .refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR')
    .nullable(),
  city: z.string().max(200).nullable(),
  windowStart: isoDate.nullable(),
  windowEnd: isoDate.nullable(),
  priorityIds: z.array(z.string().min(1)),
});

export const ActivityPlannedV1 = defineEvent({ type: 'planning.activity.planned', version: 1, topic: TOPICS.planningActivity, schema: ActivityStateV1Schema });

/** What a changed event adds to the state: the planned fields that changed (v1 and v2 alike). */
export const ACTIVITY_CHANGE_SHAPE = { changedFields: z.array(z.string().min(1)).min(1) };

export const ActivityChangedV1 = defineEvent({
  type: 'planning.activity.changed',
  version: 1,
  topic: TOPICS.planningActivity,
  schema: ActivityStateV1Schema.extend(ACTIVITY_CHANGE_SHAPE),
});

export const ActivityCompletedV1 = defineEvent({ type: 'planning.activity.completed', version: 1, topic: TOPICS.planningActivity, schema: ActivityStateV1Schema });

/** What a reduced event adds to the state: the remedy and why (v1 and v2 alike). */
export const ACTIVITY_REDUCTION_SHAPE = {
  remedy: z.enum(['external-funding', 'reduce-frequency', 'go-virtual', 'pr-only', 'joint-effort', 'postpone']),
  rationale: z.string().max(2000),
};

/** Reduced rather than cancelled (Rostock): it happens less often, in another mode, or later; `remedy` says which. */
export const ActivityReducedV1 = defineEvent({
  type: 'planning.activity.reduced',
  version: 1,
  topic: TOPICS.planningActivity,
  schema: ActivityStateV1Schema.extend(ACTIVITY_REDUCTION_SHAPE),
});

export type ActivityStateV1Payload = z.output<typeof ActivityStateV1Schema>;
