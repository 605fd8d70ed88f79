import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { TITLE_MAX } from '../joint-effort';
import { JointEffortKindValue } from '../joint-effort.model';

@InputType({ description: 'A participant’s share of an effort’s cost' })
export class CostShareInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => Float, { description: 'Percent, at most two decimals; all shares of an effort sum to exactly 100' })
  costShare!: number;
}

@InputType({ description: 'A joint effort proposed by hand; your jurisdiction is its lead (and one of the participants)' })
export class ProposeJointEffortInput {
  @Field(() => ID)
  networkId!: string;

  @Field(() => JointEffortKindValue)
  kind!: JointEffortKindValue;

  @Field({ description: `Up to ${TITLE_MAX} characters` })
  title!: string;

  @Field(() => [CostShareInput], { description: 'Active members of the network, yours among them, with shares summing to 100' })
  participants!: CostShareInput[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  timelineStart?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the start' })
  timelineEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country it targets' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'The funding call of a joint bid' })
  opportunityId?: string | null;
}
