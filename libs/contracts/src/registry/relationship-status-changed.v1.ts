import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { TOPICS } from '../topics';
import { RELATIONSHIP_STATUS_VALUES, RELATIONSHIP_TYPE_VALUES } from './relationship-established.v1';

/**
 * A relationship moved along the allowed transitions (prospective → active,
 * active → dormant, …). Keyed by relationship id, on the same topic as
 * `established`, so a consumer sees one relationship's events in order.
 */
export const RelationshipStatusChangedV1 = defineEvent({
  type: 'registry.relationship.status-changed',
  version: 1,
  topic: TOPICS.registryRelationship,
  schema: z.object({
    relationshipId: z.string().min(1),
    partnerId: z.string().min(1),
    type: z.enum(RELATIONSHIP_TYPE_VALUES),
    from: z.enum(RELATIONSHIP_STATUS_VALUES),
    to: z.enum(RELATIONSHIP_STATUS_VALUES),
    reason: z.string().nullable(),
    /** YYYY-MM-DD; set when the change ended the relationship. */
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  }),
});

export type RelationshipStatusChangedV1Payload = z.output<typeof RelationshipStatusChangedV1.schema>;
