import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES } from './relationship.rules';

/** GraphQL names the types in upper case; the values are the rules' types. */
export const RelationshipTypeValue = graphqlEnum('RelationshipType', RELATIONSHIP_TYPES, 'What kind of tie the jurisdiction keeps with a partner');
export type RelationshipTypeValue = (typeof RELATIONSHIP_TYPES)[number];

export const RelationshipStatusValue = graphqlEnum('RelationshipStatus', RELATIONSHIP_STATUSES, 'prospective → active or ended; active → dormant or ended; dormant → active or ended; ended stays ended');
export type RelationshipStatusValue = (typeof RELATIONSHIP_STATUSES)[number];

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
