import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@entente/service-runtime';
import { OpportunityView } from '../opportunities/opportunity.model';

@ObjectType({ description: 'Where a followed call’s changes and reminders go (every alert is in your inbox too)' })
export class FollowChannels {
  @Field({ description: 'Live on the alertReceived subscription' }) inApp!: boolean;
  @Field({ description: 'By mail to your verified address' }) email!: boolean;
  @Field(() => String, { nullable: true, description: 'The address mail goes to' }) emailTo!: string | null;
}

@ObjectType({ description: 'An opportunity you follow: its changes are alerted, and you are reminded before it closes' })
export class FollowedOpportunity {
  @Field(() => ID) opportunityId!: string;
  @Field(() => OpportunityView, { nullable: true, description: 'The opportunity as it is now' }) opportunity!: OpportunityView | null;
  @Field({ description: 'Its title when last heard of' }) title!: string;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field(() => [Int], { description: 'Reminders, in days before closing, largest first' }) reminderDays!: number[];
  @Field(() => FollowChannels) channels!: FollowChannels;
  @Field({ description: 'IANA zone your reminders phrase dates in' }) timeZone!: string;
  @Field(() => Date, { nullable: true, description: 'When the next reminder goes out; null when none is left' }) nextReminderAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'How many days before closing the next reminder is' }) nextReminderDaysBefore!: number | null;
  @Field() followedAt!: Date;
}

@ObjectType()
export class FollowedOpportunityConnection extends Connection(FollowedOpportunity) {}

@InputType({ description: 'Where a followed call’s alerts go; left out: in the app, and by mail when your account has an address' })
export class FollowChannelsInput {
  @Field(() => Boolean, { nullable: true }) inApp?: boolean | null;
  @Field(() => Boolean, { nullable: true }) email?: boolean | null;
}

@InputType({ description: 'What to change of a follow; a field left out stays as it is' })
export class FollowInput {
  @Field(() => [Int], { nullable: true, description: 'Days before closing, each from 1 to 365 and once; [] for no reminders' }) reminderDays?: number[] | null;
  @Field(() => FollowChannelsInput, { nullable: true }) channels?: FollowChannelsInput | null;
  @Field(() => String, { nullable: true, description: 'IANA zone your reminders phrase dates in' }) timeZone?: string | null;
}
