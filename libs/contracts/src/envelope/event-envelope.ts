import { z } from 'zod';

/**
 * The one envelope every event travels in. The payload is validated separately
 * against the schema of the event's (type, version), so the envelope schema can
 * be shared by every event.
 */
export const EventEnvelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must be a dotted lower-case name such as registry.partner.registered'),
  version: z.number().int().positive(),
  source: z.string().min(1),
  jurisdictionId: z.string().min(1),
  aggregateId: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  payload: z.unknown(),
});

/** An envelope whose payload has been validated as `P`. */
export type EventEnvelope<P = unknown> = Omit<z.infer<typeof EventEnvelopeSchema>, 'payload'> & { payload: P };
