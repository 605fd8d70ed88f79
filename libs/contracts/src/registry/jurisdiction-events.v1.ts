import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { isIsoCurrencyCode } from '../reference/iso-currency-codes';
import { JURISDICTION_ID_PATTERN, JURISDICTION_LEVELS, JURISDICTION_STATUSES } from '../reference/jurisdiction-levels';
import { TOPICS } from '../topics';

/**
 * Jurisdiction lifecycle events (topic registry.jurisdiction.v1, keyed by the
 * jurisdiction id). Onboarded and updated carry the whole profile after the
 * change, so a consumer (planning's capacity, funding's eligibility,
 * network's members) replaces what it holds instead of patching it. Nothing
 * in a profile is internal: it is what the jurisdiction shows its networks.
 */
export const jurisdictionProfileSchema = z
  .object({
    jurisdictionId: z.string().regex(JURISDICTION_ID_PATTERN),
    name: z.string().trim().min(1).max(200),
    level: z.enum(JURISDICTION_LEVELS),
    country: z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR'),
    /** ISO 3166-2 subdivision code, e.g. DE-MV. */
    subdivision: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).nullable(),
    wikidataId: z.string().regex(/^Q[1-9]\d*$/).nullable(),
    /** IANA time zone, e.g. Europe/Berlin. */
    timeZone: z.string().min(1).max(64),
    /** ISO 4217 currency code. */
    currency: z.string().refine((code): boolean => isIsoCurrencyCode(code), 'must be an ISO 4217 code such as EUR'),
    /** First day of the fiscal year, `MM-DD`. */
    fiscalYearStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
    /** BCP 47 language tags, e.g. de, en-NZ, mi. */
    languages: z.array(z.string().min(2).max(35)).max(20),
    population: z.number().int().nonnegative().nullable(),
    status: z.enum(JURISDICTION_STATUSES),
  })
  .strict();

export const JurisdictionOnboardedV1 = defineEvent({
  type: 'registry.jurisdiction.onboarded',
  version: 1,
  topic: TOPICS.registryJurisdiction,
  schema: jurisdictionProfileSchema,
});

export const JurisdictionUpdatedV1 = defineEvent({
  type: 'registry.jurisdiction.updated',
  version: 1,
  topic: TOPICS.registryJurisdiction,
  schema: jurisdictionProfileSchema.extend({ changedFields: z.array(z.string()).min(1) }).strict(),
});

export const JurisdictionStatusChangedV1 = defineEvent({
  type: 'registry.jurisdiction.status-changed',
  version: 1,
  topic: TOPICS.registryJurisdiction,
  schema: z
    .object({
      jurisdictionId: z.string().regex(JURISDICTION_ID_PATTERN),
      from: z.enum(JURISDICTION_STATUSES),
      to: z.enum(JURISDICTION_STATUSES),
      reason: z.string().max(500).nullable(),
    })
    .strict(),
});

export type JurisdictionProfilePayload = z.output<typeof jurisdictionProfileSchema>;
export type JurisdictionOnboardedV1Payload = z.output<typeof JurisdictionOnboardedV1.schema>;
export type JurisdictionUpdatedV1Payload = z.output<typeof JurisdictionUpdatedV1.schema>;
export type JurisdictionStatusChangedV1Payload = z.output<typeof JurisdictionStatusChangedV1.schema>;
