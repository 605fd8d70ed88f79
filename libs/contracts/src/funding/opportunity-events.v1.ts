import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { isIsoCurrencyCode } from '../reference/iso-currency-codes';
import { TOPICS } from '../topics';
import { APPLICANT_TYPES, FUNDER_KINDS, OPPORTUNITY_STATUSES } from './opportunity-vocabulary';

const instant = z.iso.datetime({ offset: true });
const amount = z.number().finite().nonnegative().nullable();

/**
 * An opportunity as other services need it to match and alert: what it is,
 * who funds it, who may apply, when it closes, how much. The description
 * stays in funding (it can be long); `opportunityId` is the key to ask for it.
 * Every opportunity event carries the whole state after what happened, keyed
 * by opportunity id, in the envelope of jurisdiction PLATFORM_WIDE.
 */
export const OpportunityStateV1Schema = z.strictObject({
  opportunityId: z.string().min(1),
  sourceId: z.string().min(1),
  sourceRecordId: z.string().min(1),
  /** The platform's version of the record: 1 when first seen, one more each time its content changed. */
  version: z.number().int().positive(),
  title: z.string().min(1).max(500),
  reference: z.string().max(200).nullable(),
  funder: z.string().min(1).max(300),
  funderType: z.enum(FUNDER_KINDS),
  url: z.string().max(2000).nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  postedAt: instant.nullable(),
  closesAt: instant.nullable(),
  timeZone: z.string().min(1),
  award: z.strictObject({
    floor: amount,
    ceiling: amount,
    total: amount,
    currency: z.string().refine((code): boolean => isIsoCurrencyCode(code), 'must be an ISO 4217 code such as EUR').nullable(),
  }),
  costSharing: z.boolean().nullable(),
  eligibleApplicantTypes: z.array(z.enum(APPLICANT_TYPES)),
  eligibleCountries: z.array(z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR')),
  themes: z.array(z.string().min(1).max(60)),
  jointBidsAllowed: z.boolean().nullable(),
});
export type OpportunityStateV1 = z.output<typeof OpportunityStateV1Schema>;

/** A forecasted or open opportunity seen for the first time (closed and archived ones found in a first load are stored without an event: nobody can apply to them). */
export const OpportunityPublishedV1 = defineEvent({ type: 'funding.opportunity.published', version: 1, topic: TOPICS.fundingOpportunity, schema: OpportunityStateV1Schema });

/** One new version of a record: every field that changed, named once, in one event. */
export const OpportunityChangedV1 = defineEvent({
  type: 'funding.opportunity.changed',
  version: 1,
  topic: TOPICS.fundingOpportunity,
  schema: OpportunityStateV1Schema.extend({ changedFields: z.array(z.string().min(1)).min(1) }),
});

/** A forecast became an open call. */
export const OpportunityOpenedV1 = defineEvent({ type: 'funding.opportunity.opened', version: 1, topic: TOPICS.fundingOpportunity, schema: OpportunityStateV1Schema });

/** An open call's deadline is near (once per deadline: a moved deadline may warn again). */
export const OpportunityClosingSoonV1 = defineEvent({
  type: 'funding.opportunity.closing-soon',
  version: 1,
  topic: TOPICS.fundingOpportunity,
  schema: OpportunityStateV1Schema.extend({ daysLeft: z.number().int().nonnegative() }),
});

/** An open (or forecast) call closed: its deadline passed or its source says so. */
export const OpportunityClosedV1 = defineEvent({ type: 'funding.opportunity.closed', version: 1, topic: TOPICS.fundingOpportunity, schema: OpportunityStateV1Schema });

export type OpportunityChangedV1Payload = z.output<typeof OpportunityChangedV1.schema>;
export type OpportunityClosingSoonV1Payload = z.output<typeof OpportunityClosingSoonV1.schema>;
