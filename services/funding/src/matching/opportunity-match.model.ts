import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@entente/service-runtime';

export const MATCH_ELIGIBILITIES = ['eligible', 'unclear'] as const;
export const MatchEligibilityValue = graphqlEnum('MatchEligibility', MATCH_ELIGIBILITIES, 'eligible: the call names an applicant type your jurisdiction is; unclear: it does not say (check the call)');
export type MatchEligibilityValue = (typeof MATCH_ELIGIBILITIES)[number];

@ObjectType({ description: 'A funding opportunity matched to your jurisdiction’s eligibility and active priorities' })
export class OpportunityMatchView {
  @Field(() => ID) opportunityId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) funder!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field(() => Int, { description: '0–100: up to 90 for the best-fitting priority (themes 45–55, a target country 20, a sector 15), 10 more when eligibility is stated and met' }) score!: number;
  @Field({ description: 'Why, in one line: the priority and what it shares, eligibility, time left' }) explanation!: string;
  @Field(() => MatchEligibilityValue) eligibility!: MatchEligibilityValue;
  @Field(() => [ID], { description: 'The priorities it fits, best first' }) priorityIds!: string[];
}
