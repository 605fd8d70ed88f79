import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { TOPICS } from '../topics';
import { LOCAL_GOAL_KINDS, PRIORITY_FOCI } from './planning-vocabulary';

const countryCode = z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR');
const word = z.string().trim().min(1).max(100);

/**
 * A priority as other services need it: where it points (countries, sectors,
 * themes) so funding can match calls to it and network can spot members with
 * the same target market. The statement, evidence and KPIs stay in planning.
 * Set and changed carry the whole state after the change; keyed by priority id.
 */
export const PriorityStateV1Schema = z.strictObject({
  priorityId: z.string().min(1),
  title: z.string().trim().min(1).max(200),
  focus: z.enum(PRIORITY_FOCI),
  /** The kinds of the local goals it advances (`custom` for a jurisdiction's own goals). */
  goalKinds: z.array(z.enum([...LOCAL_GOAL_KINDS, 'custom'])).min(1),
  countries: z.array(countryCode).max(50),
  sectors: z.array(word).max(30),
  themes: z.array(word).max(30),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17),
});

export const PrioritySetV1 = defineEvent({ type: 'planning.priority.set', version: 1, topic: TOPICS.planningPriority, schema: PriorityStateV1Schema });

export const PriorityChangedV1 = defineEvent({
  type: 'planning.priority.changed',
  version: 1,
  topic: TOPICS.planningPriority,
  schema: PriorityStateV1Schema.extend({ changedFields: z.array(z.string().min(1)).min(1) }),
});

/** The priority no longer steers anything; consumers drop what they matched to it. */
export const PriorityRetiredV1 = defineEvent({
  type: 'planning.priority.retired',
  version: 1,
  topic: TOPICS.planningPriority,
  schema: PriorityStateV1Schema.extend({ reason: z.string().max(2000).nullable() }),
});

export type PriorityStateV1Payload = z.output<typeof PriorityStateV1Schema>;
