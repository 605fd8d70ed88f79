import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@entente/service-runtime';

export enum EngagementTypeValue {
  INBOUND_VISIT = 'inbound-visit',
  OUTBOUND_MISSION = 'outbound-mission',
  VIRTUAL_MEETING = 'virtual-meeting',
  EVENT = 'event',
  AGREEMENT_SIGNED = 'agreement-signed',
  CORRESPONDENCE = 'correspondence',
}
registerEnumType(EngagementTypeValue, { name: 'EngagementType', description: 'What kind of contact with partners an engagement was' });

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
