import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@entente/service-runtime';

/** GraphQL names the kinds in upper case; the values are the contract's kinds. */
export enum PartnerKindValue {
  CITY = 'city',
  REGION = 'region',
  NATIONAL_BODY = 'national-body',
  EMBASSY_OR_CONSULATE = 'embassy-or-consulate',
  CHAMBER = 'chamber',
  UNIVERSITY = 'university',
  BUSINESS_ASSOCIATION = 'business-association',
  INTERNATIONAL_ORGANISATION = 'international-organisation',
  NETWORK = 'network',
}
registerEnumType(PartnerKindValue, { name: 'PartnerKind', description: 'What kind of foreign counterpart a partner is' });

@ObjectType({ description: 'A foreign counterpart of the jurisdiction: a city, region, embassy, chamber, university…' })
export class Partner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PartnerKindValue)
  kind!: PartnerKindValue;

  @Field({ description: 'ISO 3166-1 alpha-2 country code' })
  country!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class PartnerConnection extends Connection(Partner) {}
