import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { PARTNER_KINDS } from '@entente/contracts';
import {
  CONTACT_PHONE_MAX_LENGTH,
  CONTACT_TEXT_MAX_LENGTH,
  PARTNER_MAX_CONTACTS,
  PARTNER_NAME_MAX_LENGTH,
  PARTNER_NOTES_MAX_LENGTH,
  PARTNER_WEBSITE_MAX_LENGTH,
  PHONE_FORMAT,
} from './partner.rules';

/** GraphQL names the kinds in upper case; the values are the contract's kinds. */
export const PartnerKindValue = graphqlEnum('PartnerKind', PARTNER_KINDS, 'What kind of foreign counterpart a partner is');
export type PartnerKindValue = (typeof PARTNER_KINDS)[number];

export enum DuplicateReasonValue {
  SAME_WIKIDATA_ID = 'same-wikidata-id',
  SAME_NAME_AND_COUNTRY = 'same-name-and-country',
  SAME_NAME_COUNTRY_UNKNOWN = 'same-name-country-unknown',
}
registerEnumType(DuplicateReasonValue, {
  name: 'DuplicateReason',
  description: 'Why two partners look like one counterpart: the same Wikidata id, or the same name (ignoring case, accents, punctuation and spacing) in the same country',
});

/**
 * The GraphQL shapes of a partner. The inputs (dtos/) are picked from these
 * classes, so a field is declared once, with its description and limits, for
 * reading and writing alike.
 */
@ObjectType({ description: 'A person at a partner the office deals with (kept in the registry, never sent to other services)' })
@InputType('PartnerContactInput', { description: 'A person at the partner' })
export class PartnerContact {
  @Field({ description: `Up to ${CONTACT_TEXT_MAX_LENGTH} characters` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${CONTACT_TEXT_MAX_LENGTH} characters` })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'An e-mail address' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: `As written, up to ${CONTACT_PHONE_MAX_LENGTH} characters: ${PHONE_FORMAT}, such as +45 89 40 20 00 or +1 (410) 555-0100` })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${PARTNER_NOTES_MAX_LENGTH} characters` })
  notes!: string | null;
}

@ObjectType({ description: 'A foreign counterpart of the jurisdiction: a city, region, embassy, chamber, university…' })
export class Partner {
  @Field(() => ID)
  id!: string;

  @Field({ description: `The partner’s name, up to ${PARTNER_NAME_MAX_LENGTH} characters` })
  name!: string;

  @Field(() => PartnerKindValue)
  kind!: PartnerKindValue;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, such as DK or NZ; null while unknown (see needsCountry)' })
  country!: string | null;

  @Field({ description: 'True while nobody has given the partner’s country (e.g. imported from Wikidata ties)' })
  needsCountry!: boolean;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, such as Q25319' })
  wikidataId!: string | null;

  @Field(() => String, { nullable: true, description: `An http(s) address, up to ${PARTNER_WEBSITE_MAX_LENGTH} characters` })
  website!: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${PARTNER_NOTES_MAX_LENGTH} characters` })
  notes!: string | null;

  @Field(() => [PartnerContact], { description: `At most ${PARTNER_MAX_CONTACTS}` })
  contacts!: PartnerContact[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'Another partner of yours that looks like the same counterpart' })
export class LikelyDuplicate {
  @Field(() => Partner)
  partner!: Partner;

  @Field(() => DuplicateReasonValue)
  reason!: DuplicateReasonValue;
}

@ObjectType({ description: 'Partners that look like one counterpart, for one reason; merge them with mergePartners' })
export class PartnerDuplicateGroup {
  @Field(() => DuplicateReasonValue)
  reason!: DuplicateReasonValue;

  @Field({ description: 'What they share: the Wikidata id, or the normalised name and the country' })
  key!: string;

  @Field(() => [Partner], { description: 'Oldest first' })
  partners!: Partner[];
}

@ObjectType()
export class PartnerConnection extends Connection(Partner) {}
