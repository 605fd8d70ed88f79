import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { PARTNER_KINDS } from '../reference/partner-kinds';
import { isWikidataId } from '../reference/wikidata-id';
import { TOPICS } from '../topics';

/**
 * What other services may know of a partner: its identity, kind, country and
 * Wikidata id. Contacts, notes and the website stay in the registry (contacts
 * are personal data), so the state is strict: a payload carrying any other
 * field fails validation on produce and is never written.
 */
export const PartnerPublicStateSchema = z.strictObject({
  partnerId: z.string().min(1),
  name: z.string().trim().min(1).max(300),
  kind: z.enum(PARTNER_KINDS),
  /** ISO 3166-1 alpha-2, or null while nobody has said which country (imported ties). */
  country: z
    .string()
    .refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR')
    .nullable(),
  wikidataId: z
    .string()
    .refine((id): boolean => isWikidataId(id), 'must be a Wikidata item id such as Q64')
    .nullable(),
});

/**
 * v2 of registry.partner.registered: the country may be unknown (null) and
 * the Wikidata id travels with the partner. Breaking for v1 consumers (a null
 * country), hence a new version; v1 stays in the catalog so events already on
 * the topic still validate. It shares the topic with v1, `updated` and
 * `merged`, keyed by partner id, so one partner's events stay in order.
 */
export const PartnerRegisteredV2 = defineEvent({
  type: 'registry.partner.registered',
  version: 2,
  topic: TOPICS.registryPartner,
  schema: PartnerPublicStateSchema,
});

export type PartnerPublicState = z.output<typeof PartnerPublicStateSchema>;
export type PartnerRegisteredV2Payload = PartnerPublicState;
