import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { z } from 'zod';
import { TOPICS } from '../topics';
import { RelationshipEstablishedV1Schema } from './relationship-established.v1';

/**
 * v2 of registry.relationship.established: the partner's country may be
 * unknown (null), as it is for ties imported from Wikidata twinning data
 * until a person gives it (partners may have no country since partner
 * registered v2). Breaking for v1 consumers, hence a new version; v1 stays in
 * the catalog so events already on the topic still validate.
 */
export const RelationshipEstablishedV2 = defineEvent({
  type: 'registry.relationship.established',
  version: 2,
  topic: TOPICS.registryRelationship,
  schema: RelationshipEstablishedV1Schema.extend({
    partnerCountry: z
      .string()
      .refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR')
      .nullable(),
  }),
});

export type RelationshipEstablishedV2Payload = z.output<typeof RelationshipEstablishedV2.schema>;
