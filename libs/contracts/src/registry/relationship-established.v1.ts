import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { TOPICS } from '../topics';

/** The kinds of tie a jurisdiction keeps with a partner (the registry's rules use the same list). */
export const RELATIONSHIP_TYPE_VALUES = [
  'sister-city',
  'sister-state',
  'friendship',
  'mou',
  'trade-office',
  'institutional-partnership',
  'network-membership',
] as const;

export const RELATIONSHIP_STATUS_VALUES = ['prospective', 'active', 'dormant', 'ended'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const RelationshipEstablishedV1Schema = z.object({
  relationshipId: z.string().min(1),
  partnerId: z.string().min(1),
  partnerName: z.string().min(1).max(300),
  partnerCountry: z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR'),
  type: z.enum(RELATIONSHIP_TYPE_VALUES),
  status: z.enum(RELATIONSHIP_STATUS_VALUES),
  since: isoDate.nullable(),
  until: isoDate.nullable(),
  formalBasis: z.string().nullable(),
  politicalCycle: z.string().nullable(),
  politicalChampion: z.string().nullable(),
  technicalOwner: z.string().nullable(),
  leadDepartment: z.string().nullable(),
  priorityIds: z.array(z.string().min(1)),
});

/**
 * A jurisdiction recorded a tie with one of its partners. Keyed by relationship
 * id. Carries the partner's name and country so that network (ties by country,
 * shared counterparts) and planning (linked priorities, political ownership)
 * need no call back to the registry.
 */
export const RelationshipEstablishedV1 = defineEvent({
  type: 'registry.relationship.established',
  version: 1,
  topic: TOPICS.registryRelationship,
  schema: RelationshipEstablishedV1Schema,
});

export type RelationshipEstablishedV1Payload = z.output<typeof RelationshipEstablishedV1.schema>;
