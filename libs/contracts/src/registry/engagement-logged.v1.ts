import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { TOPICS } from '../topics';

export const ENGAGEMENT_TYPE_VALUES = [
  'inbound-visit',
  'outbound-mission',
  'virtual-meeting',
  'event',
  'agreement-signed',
  'correspondence',
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/**
 * A jurisdiction logged an engagement (visit, mission, meeting…) with one or
 * more of its partners. Keyed by engagement id. Names the partners with their
 * countries (network), the linked priorities, cost and staff-days (planning's
 * actuals), and which relationships' last engagement it moved forward, so a
 * read model of relationships stays current without a separate event.
 */
export const EngagementLoggedV1 = defineEvent({
  type: 'registry.engagement.logged',
  version: 1,
  topic: TOPICS.registryEngagement,
  schema: z.object({
    engagementId: z.string().min(1),
    date: isoDate,
    type: z.enum(ENGAGEMENT_TYPE_VALUES),
    partners: z
      .array(
        z.object({
          partnerId: z.string().min(1),
          name: z.string().min(1).max(300),
          country: z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR'),
        }),
      )
      .min(1),
    purpose: z.string().min(1),
    outcomes: z.string().nullable(),
    nextSteps: z.string().nullable(),
    cost: z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }).nullable(),
    staffDays: z.number().nonnegative().nullable(),
    priorityIds: z.array(z.string().min(1)),
    relationshipUpdates: z.array(z.object({ relationshipId: z.string().min(1), lastEngagementAt: isoDate })),
  }),
});

export type EngagementLoggedV1Payload = z.output<typeof EngagementLoggedV1.schema>;
