import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCurrencyCode } from '../reference/iso-currency-codes';
import { TOPICS } from '../topics';
import { ACTIVITY_CHANGE_SHAPE, ACTIVITY_REDUCTION_SHAPE, ActivityStateV1Schema } from './activity-events.v1';

/**
 * v2 of the activity events: the state carries what one occurrence of the
 * activity costs, all sources together (own budget, external funding and
 * what partners cover), in the plan's currency (the jurisdiction's). The
 * network keeps it so a member may share it (the `cost` field of its
 * planned-activities grant) and a common delegation can state its saving.
 * v1's payloads are strict, so a new field is breaking for their consumers,
 * hence a new version; v1 stays in the catalog so events already on the
 * topic still validate. Same topic, so one activity's events stay in order.
 */
export const ActivityStateV2Schema = ActivityStateV1Schema.extend({
  cost: z.strictObject({
    /** Whole units as people budget it (EUR 1 500, not cents), like the plan. */
    amount: z.number().finite().nonnegative(),
    currency: z.string().refine((code): boolean => isIsoCurrencyCode(code), 'must be an ISO 4217 code such as EUR'),
  }),
});

export const ActivityPlannedV2 = defineEvent({ type: 'planning.activity.planned', version: 2, topic: TOPICS.planningActivity, schema: ActivityStateV2Schema });

export const ActivityChangedV2 = defineEvent({ type: 'planning.activity.changed', version: 2, topic: TOPICS.planningActivity, schema: ActivityStateV2Schema.extend(ACTIVITY_CHANGE_SHAPE) });

export const ActivityCompletedV2 = defineEvent({ type: 'planning.activity.completed', version: 2, topic: TOPICS.planningActivity, schema: ActivityStateV2Schema });

export const ActivityReducedV2 = defineEvent({ type: 'planning.activity.reduced', version: 2, topic: TOPICS.planningActivity, schema: ActivityStateV2Schema.extend(ACTIVITY_REDUCTION_SHAPE) });

export type ActivityStateV2Payload = z.output<typeof ActivityStateV2Schema>;
export type ActivityCost = ActivityStateV2Payload['cost'];
