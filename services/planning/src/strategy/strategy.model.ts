import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@entente/service-runtime';
import { DEFAULT_STAFF_FTE, GOAL_KINDS, GOVERNANCE_MODELS } from './strategy.rules';

export const LocalGoalKindValue = graphqlEnum('LocalGoalKind', GOAL_KINDS, 'One of the five local goals of the brief, or CUSTOM for a jurisdiction’s own');
export type LocalGoalKindValue = (typeof GOAL_KINDS)[number];

export const GovernanceModelValue = graphqlEnum('GovernanceModel', GOVERNANCE_MODELS, 'Who runs the strategy: a central office, an interdepartmental working group, or an external committee');
export type GovernanceModelValue = (typeof GOVERNANCE_MODELS)[number];

@ObjectType({ description: 'A local goal the strategy serves; every priority advances at least one' })
export class LocalGoal {
  @Field(() => ID)
  goalId!: string;

  @Field(() => LocalGoalKindValue)
  kind!: LocalGoalKindValue;

  @Field()
  title!: string;

  @Field({ description: 'What the jurisdiction means to achieve' })
  statement!: string;

  @Field(() => [String], { description: 'How progress is seen' })
  indicators!: string[];
}

@ObjectType()
export class ExecutiveSponsor {
  @Field()
  name!: string;

  @Field({ description: 'e.g. Mayor, Deputy Minister' })
  role!: string;
}

@ObjectType()
export class AdvisoryMember {
  @Field()
  name!: string;

  @Field()
  sector!: string;

  @Field(() => String, { nullable: true })
  organisation!: string | null;
}

@ObjectType()
export class AdvisoryMeeting {
  @Field(() => ID)
  meetingId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field()
  notes!: string;
}

@ObjectType({ description: 'A group whose advice shapes priorities (Calgary’s tariff advisory group of businesses)' })
export class AdvisoryGroup {
  @Field(() => ID)
  groupId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => [AdvisoryMember])
  members!: AdvisoryMember[];

  @Field(() => [AdvisoryMeeting], { description: 'Oldest first' })
  meetings!: AdvisoryMeeting[];
}

@ObjectType({ description: 'Limits on active priorities that replace the rule derived from staff FTE' })
export class PriorityCapLimits {
  @Field(() => Int, { description: 'Past this many active priorities, setting one more warns' })
  soft!: number;

  @Field(() => Int, { description: 'Past this many, setting one more is refused' })
  hard!: number;
}

@ObjectType({ description: 'Your jurisdiction’s international strategy: what it serves, who runs it and with how many people' })
export class Strategy {
  @Field(() => [LocalGoal])
  goals!: LocalGoal[];

  @Field(() => GovernanceModelValue, { nullable: true })
  governanceModel!: GovernanceModelValue | null;

  @Field(() => ExecutiveSponsor, { nullable: true })
  executiveSponsor!: ExecutiveSponsor | null;

  @Field(() => [AdvisoryGroup])
  advisoryGroups!: AdvisoryGroup[];

  @Field(() => String, { nullable: true, description: 'How the strategy lines up with national policy' })
  nationalPolicyAlignment!: string | null;

  @Field(() => Float, { description: `Staff full-time equivalents working on the strategy (${DEFAULT_STAFF_FTE} while not said); the cap on active priorities follows from it` })
  staffFte!: number;

  @Field({ description: `True while the strategy has not said its staff FTE and ${DEFAULT_STAFF_FTE} is assumed` })
  staffFteIsDefault!: boolean;

  @Field(() => PriorityCapLimits, { nullable: true, description: 'Set: these limits replace the rule derived from staff FTE' })
  priorityCapOverride!: PriorityCapLimits | null;

  @Field(() => Date, { nullable: true, description: 'Null until the strategy is first saved' })
  updatedAt!: Date | null;
}
