import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { PARTNER_KINDS } from '../reference/partner-kinds';
import { TOPICS } from '../topics';

export const PartnerRegisteredV1 = defineEvent({
  type: 'registry.partner.registered',
  version: 1,
  topic: TOPICS.registryPartner,
  schema: z.object({
    partnerId: z.string().min(1),
    name: z.string().trim().min(1).max(300),
    kind: z.enum(PARTNER_KINDS),
    country: z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR'),
  }),
});

export type PartnerRegisteredV1Payload = z.output<typeof PartnerRegisteredV1.schema>;
