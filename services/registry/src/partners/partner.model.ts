import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { PARTNER_KINDS } from '@entente/contracts';

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

@ObjectType({ description: 'A person at a partner the office deals with (kept in the registry, never sent to other services)' })
export class PartnerContact {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType({ description: 'A foreign counterpart of the jurisdiction: a city, region, embassy, chamber, university…' })
export class Partner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartnerKindValue)
  kind!: PartnerKindValue;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code; null while unknown (see needsCountry)' })
  country!: string | null;

  @Field({ description: 'True while nobody has given the partner’s country (e.g. imported from Wikidata ties)' })
  needsCountry!: boolean;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, such as Q25319' })
  wikidataId!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [PartnerContact])
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
