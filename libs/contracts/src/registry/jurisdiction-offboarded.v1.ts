import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { TOPICS } from '../topics';

/**
 * A jurisdiction has left the platform: every service deletes (or anonymises)
 * what it holds for that jurisdiction when it consumes this.
 */
export const JurisdictionOffboardedV1 = defineEvent({
  type: 'registry.jurisdiction.offboarded',
  version: 1,
  topic: TOPICS.registryJurisdiction,
  schema: z.object({
    jurisdictionId: z.string().min(1),
  }),
});

export type JurisdictionOffboardedV1Payload = z.output<typeof JurisdictionOffboardedV1.schema>;
