import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { ENGAGEMENT_TYPES } from './engagement.rules';

export const EngagementTypeValue = graphqlEnum('EngagementType', ENGAGEMENT_TYPES, 'What kind of contact with partners an engagement was');
export type EngagementTypeValue = (typeof ENGAGEMENT_TYPES)[number];

@ObjectType({ description: 'An amount of money in an ISO 4217 currency' })
export class Money {
  @Field(() => Float)
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. EUR' })
  currency!: string;
}

@ObjectType({ description: 'A visit, mission, meeting or other contact with one or more partners' })
export class Engagement {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field(() => EngagementTypeValue)
  type!: EngagementTypeValue;

  @Field(() => [ID])
  partnerIds!: string[];

  @Field()
  purpose!: string;

  @Field(() => String, { nullable: true })
  outcomes!: string | null;

  @Field(() => String, { nullable: true })
  nextSteps!: string | null;

  @Field(() => Money, { nullable: true })
  cost!: Money | null;

  @Field(() => Float, { nullable: true })
  staffDays!: number | null;

  @Field(() => [String], { description: 'Ids of linked priorities (planning owns them)' })
  priorityIds!: string[];

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class EngagementConnection extends Connection(Engagement) {}
