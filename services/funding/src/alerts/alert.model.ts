import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { ALERT_KINDS, type AlertKind } from './alert-item.schema';

export const AlertKindValue = graphqlEnum('AlertKind', ALERT_KINDS, 'Why an alert was raised');
export type AlertKindValue = AlertKind;

@ObjectType({ description: 'The opportunity an alert is about, as it was when alerted' })
export class AlertedOpportunity {
  @Field(() => ID) opportunityId!: string;
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field() funder!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field() status!: string;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field({ description: 'IANA zone the deadline is stated in' }) timeZone!: string;
  @Field(() => Float, { nullable: true }) awardCeiling!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
}

@ObjectType({ description: 'One alert in your inbox' })
export class Alert {
  @Field(() => ID) id!: string;
  @Field(() => AlertKindValue) kind!: AlertKindValue;
  @Field(() => ID, { nullable: true, description: 'The saved search that raised it' }) searchId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The opportunity you follow that raised it (a change or a deadline reminder); its id is the opportunity’s' }) followedOpportunityId!: string | null;
  @Field({ description: 'The name of the search that raised it, or "Followed call"' }) sourceName!: string;
  @Field() summary!: string;
  @Field(() => AlertedOpportunity, { nullable: true }) opportunity!: AlertedOpportunity | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class AlertConnection extends Connection(Alert) {}
