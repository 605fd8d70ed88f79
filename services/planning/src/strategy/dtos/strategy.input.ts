import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { GovernanceModelValue, LocalGoalKindValue } from '../strategy.model';
import { STRATEGY_LIMITS } from '../strategy.rules';

@InputType()
export class LocalGoalInput {
  @Field(() => ID, { nullable: true, description: 'Keep a goal’s id to keep the goal (priorities point at it); left out, the goal gets a new one' })
  goalId?: string | null;

  @Field(() => LocalGoalKindValue)
  kind!: LocalGoalKindValue;

  @Field({ description: `Up to ${STRATEGY_LIMITS.title} characters` })
  title!: string;

  @Field({ description: `Up to ${STRATEGY_LIMITS.statement} characters` })
  statement!: string;

  @Field(() => [String], { nullable: true, description: `At most ${STRATEGY_LIMITS.indicators}, each up to ${STRATEGY_LIMITS.indicator} characters` })
  indicators?: string[] | null;
}

@InputType()
export class ExecutiveSponsorInput {
  @Field({ description: `Up to ${STRATEGY_LIMITS.name} characters` })
  name!: string;

  @Field({ description: `Up to ${STRATEGY_LIMITS.name} characters` })
  role!: string;
}

@InputType()
export class AdvisoryMemberInput {
  @Field({ description: `Up to ${STRATEGY_LIMITS.name} characters` })
  name!: string;

  @Field({ description: `Up to ${STRATEGY_LIMITS.shortText} characters` })
  sector!: string;

  @Field(() => String, { nullable: true, description: `Up to ${STRATEGY_LIMITS.name} characters` })
  organisation?: string | null;
}

@InputType()
export class AdvisoryMeetingInput {
  @Field(() => ID, { nullable: true })
  meetingId?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  date!: string;

  @Field({ description: `Up to ${STRATEGY_LIMITS.notes} characters` })
  notes!: string;
}

@InputType()
export class AdvisoryGroupInput {
  @Field(() => ID, { nullable: true, description: 'Keep a group’s id to keep the group and its meetings' })
  groupId?: string | null;

  @Field({ description: `Up to ${STRATEGY_LIMITS.name} characters` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${STRATEGY_LIMITS.statement} characters` })
  purpose?: string | null;

  @Field(() => [AdvisoryMemberInput], { nullable: true, description: `At most ${STRATEGY_LIMITS.members}` })
  members?: AdvisoryMemberInput[] | null;

  @Field(() => [AdvisoryMeetingInput], { nullable: true, description: `Left out: the group keeps the meetings it has. Given: they replace them (at most ${STRATEGY_LIMITS.meetings})` })
  meetings?: AdvisoryMeetingInput[] | null;
}

@InputType()
export class PriorityCapOverrideInput {
  @Field(() => Int, { description: `1 to ${STRATEGY_LIMITS.cap}` })
  soft!: number;

  @Field(() => Int, { description: `At least soft, at most ${STRATEGY_LIMITS.cap}` })
  hard!: number;
}

@InputType({ description: 'The whole strategy: what is left out is cleared' })
export class StrategyInput {
  @Field(() => [LocalGoalInput], { description: `At most ${STRATEGY_LIMITS.goals}` })
  goals!: LocalGoalInput[];

  @Field(() => GovernanceModelValue, { nullable: true })
  governanceModel?: GovernanceModelValue | null;

  @Field(() => ExecutiveSponsorInput, { nullable: true })
  executiveSponsor?: ExecutiveSponsorInput | null;

  @Field(() => [AdvisoryGroupInput], { nullable: true, description: `At most ${STRATEGY_LIMITS.advisoryGroups}` })
  advisoryGroups?: AdvisoryGroupInput[] | null;

  @Field(() => String, { nullable: true, description: `Up to ${STRATEGY_LIMITS.notes} characters` })
  nationalPolicyAlignment?: string | null;

  @Field(() => Float, { nullable: true, description: `0 to ${STRATEGY_LIMITS.staffFte}; left out, the default applies` })
  staffFte?: number | null;

  @Field(() => PriorityCapOverrideInput, { nullable: true, description: 'Replaces the cap derived from staff FTE' })
  priorityCapOverride?: PriorityCapOverrideInput | null;
}
