import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@entente/service-runtime';

/** GraphQL names the types in upper case; the values are the rules' types. */
export enum RelationshipTypeValue {
  SISTER_CITY = 'sister-city',
  SISTER_STATE = 'sister-state',
  FRIENDSHIP = 'friendship',
  MOU = 'mou',
  TRADE_OFFICE = 'trade-office',
  INSTITUTIONAL_PARTNERSHIP = 'institutional-partnership',
  NETWORK_MEMBERSHIP = 'network-membership',
}
registerEnumType(RelationshipTypeValue, { name: 'RelationshipType', description: 'What kind of tie the jurisdiction keeps with a partner' });

export enum RelationshipStatusValue {
  PROSPECTIVE = 'prospective',
  ACTIVE = 'active',
  DORMANT = 'dormant',
  ENDED = 'ended',
}
registerEnumType(RelationshipStatusValue, {
  name: 'RelationshipStatus',
  description: 'prospective → active or ended; active → dormant or ended; dormant → active or ended; ended stays ended',
});

@ObjectType({ description: 'A tie between your jurisdiction and one of its partners' })
export class Relationship {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field({ description: 'The partner’s name when the relationship was recorded' })
  partnerName!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code of the partner; null while unknown (imported ties)' })
  partnerCountry!: string | null;

  @Field(() => RelationshipTypeValue)
  type!: RelationshipTypeValue;

  @Field(() => RelationshipStatusValue)
  status!: RelationshipStatusValue;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  since!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  until!: string | null;

  @Field(() => String, { nullable: true, description: 'The agreement or resolution the tie rests on' })
  formalBasis!: string | null;

  @Field(() => String, { nullable: true, description: 'The political term or administration the tie came from' })
  politicalCycle!: string | null;

  @Field(() => String, { nullable: true })
  politicalChampion!: string | null;

  @Field(() => String, { nullable: true })
  technicalOwner!: string | null;

  @Field(() => String, { nullable: true })
  leadDepartment!: string | null;

  @Field(() => [String], { description: 'Ids of linked priorities (planning owns them)' })
  priorityIds!: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the newest engagement logged with the partner' })
  lastEngagementAt!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class RelationshipConnection extends Connection(Relationship) {}
