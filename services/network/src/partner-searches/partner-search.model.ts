import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@entente/service-runtime';
import { DESCRIPTION_MAX, PARTNER_SEARCH_KINDS, type PartnerSearchKind } from './partner-search';

export const PartnerSearchKindValue = graphqlEnum('PartnerSearchKind', PARTNER_SEARCH_KINDS, 'PARTNER_CITY: a partner city in a country; CO_APPLICANT: a co-applicant for a funding call');
export type PartnerSearchKindValue = PartnerSearchKind;

@ObjectType({ description: 'Another member’s answer to a post' })
export class PartnerSearchAnswerView {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  memberName!: string;
  @Field()
  message!: string;
  @Field()
  at!: Date;
}

@ObjectType({ description: 'A member’s post on its network’s seeking-partners board' })
export class PartnerSearch {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  networkId!: string;
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  memberName!: string;
  @Field(() => PartnerSearchKindValue)
  kind!: PartnerSearchKindValue;
  @Field(() => String, { nullable: true })
  country!: string | null;
  @Field(() => ID, { nullable: true })
  opportunityId!: string | null;
  @Field()
  description!: string;
  @Field({ description: 'open or closed' })
  status!: string;
  @Field()
  postedAt!: Date;
  @Field(() => [PartnerSearchAnswerView])
  answers!: PartnerSearchAnswerView[];
}

@InputType({ description: 'What your jurisdiction looks for in a network' })
export class PostPartnerSearchInput {
  @Field(() => ID)
  networkId!: string;
  @Field(() => PartnerSearchKindValue)
  kind!: PartnerSearchKindValue;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; required for PARTNER_CITY' })
  country?: string | null;
  @Field(() => ID, { nullable: true, description: 'The funding call; required for CO_APPLICANT' })
  opportunityId?: string | null;
  @Field({ description: `Up to ${DESCRIPTION_MAX} characters` })
  description!: string;
}
