import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { TOPICS } from '../topics';
import { PartnerPublicStateSchema } from './partner-registered.v2';

/** Every field of a partner a person can change; the public ones are also in the partner's state. */
export const PARTNER_FIELD_NAMES = ['name', 'kind', 'country', 'wikidataId', 'website', 'notes', 'contacts'] as const;

/**
 * A partner changed. `changedFields` names every field that changed, internal
 * ones (contacts, notes, website) by name only; `partner` is the public state
 * after the change, so a consumer replaces what it holds. Keyed by partner id.
 */
export const PartnerUpdatedV1 = defineEvent({
  type: 'registry.partner.updated',
  version: 1,
  topic: TOPICS.registryPartner,
  schema: z.strictObject({
    partner: PartnerPublicStateSchema,
    changedFields: z.array(z.enum(PARTNER_FIELD_NAMES)).min(1),
  }),
});

/**
 * Two partners were the same counterpart: `mergedPartnerId` is gone and
 * everything that pointed at it now points at `survivor.partnerId`. The
 * survivor's state is after the merge (it may have gained a country or a
 * Wikidata id from the merged partner, named in `filledFields`). Keyed by the
 * survivor's id, so it follows the survivor's own events; a consumer that may
 * see the merged partner's older events later must not bring it back.
 */
export const PartnerMergedV1 = defineEvent({
  type: 'registry.partner.merged',
  version: 1,
  topic: TOPICS.registryPartner,
  schema: z.strictObject({
    survivor: PartnerPublicStateSchema,
    mergedPartnerId: z.string().min(1),
    filledFields: z.array(z.enum(PARTNER_FIELD_NAMES)),
    movedRelationshipIds: z.array(z.string().min(1)),
    movedEngagementIds: z.array(z.string().min(1)),
  }),
});

export type PartnerUpdatedV1Payload = z.output<typeof PartnerUpdatedV1.schema>;
export type PartnerMergedV1Payload = z.output<typeof PartnerMergedV1.schema>;
