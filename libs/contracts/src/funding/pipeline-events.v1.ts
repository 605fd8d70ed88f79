import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCurrencyCode } from '../reference/iso-currency-codes';
import { TOPICS } from '../topics';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const currency = z.string().refine((code): boolean => isIsoCurrencyCode(code), 'must be an ISO 4217 code such as EUR');
const amount = z.number().finite().nonnegative();

/**
 * A funding application of a jurisdiction's pipeline was awarded. Planning
 * turns it into an external funding line of the plan of `planYear` (or of
 * the plan year `awardedOn` falls in), once per application however often
 * the event arrives: the application id is the key. `amountLocal` is the
 * award in the jurisdiction's own currency (`localCurrency`), what a plan
 * budgets in; `amount`/`currency` are as the funder awarded it. Keyed by
 * application id.
 */
export const ApplicationAwardedV1 = defineEvent({
  type: 'funding.application.awarded',
  version: 1,
  topic: TOPICS.fundingApplication,
  schema: z.strictObject({
    applicationId: z.string().min(1),
    /** The opportunity the application answers, when it was taken from one. */
    opportunityId: z.string().min(1).nullable(),
    title: z.string().trim().min(1).max(200),
    funder: z.string().trim().max(200).nullable(),
    awardedOn: isoDate,
    planYear: z.number().int().min(2000).max(2200).nullable(),
    amount,
    currency,
    amountLocal: amount,
    localCurrency: currency,
  }),
});

export type ApplicationAwardedV1Payload = z.output<typeof ApplicationAwardedV1.schema>;
