import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@entente/service-runtime';
import { JOINT_EFFORT_KINDS, JOINT_EFFORT_STATUSES, type JointEffortKind, type JointEffortStatus } from './joint-effort';

export const JointEffortKindValue = graphqlEnum('JointEffortKind', JOINT_EFFORT_KINDS, 'What members of a network do together');
export type JointEffortKindValue = JointEffortKind;

export const JointEffortStatusValue = graphqlEnum('JointEffortStatus', JOINT_EFFORT_STATUSES, 'proposed → forming → active → completed, or withdrawn before completion');
export type JointEffortStatusValue = JointEffortStatus;

@ObjectType({ description: 'A member taking part in a joint effort, with its cost share' })
export class JointEffortParticipant {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  name!: string;
  @Field(() => Float, { description: 'Percent of the effort’s cost' })
  costShare!: number;
  @Field(() => Date, { nullable: true, description: 'Null while named but not joined' })
  joinedAt!: Date | null;
}

@ObjectType({ description: 'Members of a network doing something together' })
export class JointEffort {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  networkId!: string;
  @Field(() => JointEffortKindValue)
  kind!: JointEffortKindValue;
  @Field()
  title!: string;
  @Field(() => ID)
  leadJurisdictionId!: string;
  @Field(() => [JointEffortParticipant])
  participants!: JointEffortParticipant[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  timelineStart!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  timelineEnd!: string | null;
  @Field(() => JointEffortStatusValue)
  status!: JointEffortStatusValue;
  @Field(() => String, { nullable: true })
  country!: string | null;
  @Field(() => ID, { nullable: true })
  opportunityId!: string | null;
  @Field(() => String, { nullable: true, description: 'The key of the suggestion it was proposed from' })
  fromSuggestionKey!: string | null;
  @Field()
  createdAt!: Date;
  @Field()
  updatedAt!: Date;
}
