import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '@entente/service-runtime';
import { SUGGESTION_KINDS, type SuggestionKind } from './suggestion';

export const SuggestionKindValue = graphqlEnum('SuggestionKind', SUGGESTION_KINDS, 'What a suggestion proposes members do together');
export type SuggestionKindValue = SuggestionKind;

export const SuggestionStatusValue = graphqlEnum('SuggestionStatus', ['open', 'dismissed'] as const, 'Open, or dismissed until its evidence changes');
export type SuggestionStatusValue = 'open' | 'dismissed';

@ObjectType({ description: 'A member a suggestion involves' })
export class SuggestionMember {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  name!: string;
}

@ObjectType({ description: 'One shared record (or the funding call) a suggestion rests on; only what its member shared with the network' })
export class SuggestionEvidence {
  @Field(() => ID, { nullable: true, description: 'The member whose shared record it is; null for a funding call' })
  jurisdictionId!: string | null;
  @Field({ description: 'partner, relationship, priority, activity, asset or call' })
  kind!: string;
  @Field(() => ID)
  recordId!: string;
  @Field()
  summary!: string;
}

@ObjectType({ description: 'An estimated saving in one currency' })
export class SuggestionSaving {
  @Field(() => Float)
  amount!: number;
  @Field()
  currency!: string;
}

@ObjectType({ description: 'Why a suggestion was dismissed, by whom, when' })
export class SuggestionDismissal {
  @Field()
  reason!: string;
  @Field(() => ID)
  byUserId!: string;
  @Field()
  at!: Date;
}

@ObjectType({ description: 'A joint opportunity spotted in what members shared with a network, explained' })
export class NetworkSuggestion {
  @Field(() => ID, { description: 'Stable while its subject is the same (network, rule and subject)' })
  id!: string;
  @Field(() => ID)
  networkId!: string;
  @Field({ description: 'The rule and subject, e.g. shared-market/JP' })
  key!: string;
  @Field(() => SuggestionKindValue)
  kind!: SuggestionKindValue;
  @Field(() => Float, { description: '0 to 100' })
  score!: number;
  @Field()
  scoreBasis!: string;
  @Field(() => [SuggestionMember])
  members!: SuggestionMember[];
  @Field(() => [SuggestionEvidence])
  evidence!: SuggestionEvidence[];
  @Field()
  explanation!: string;
  @Field(() => String, { nullable: true, description: 'For a joint bid: when the call closes' })
  deadline!: string | null;
  @Field(() => String, { nullable: true, description: 'For a common delegation: the window all share (YYYY-MM-DD)' })
  windowStart!: string | null;
  @Field(() => String, { nullable: true })
  windowEnd!: string | null;
  @Field(() => SuggestionSaving, { nullable: true })
  estimatedSaving!: SuggestionSaving | null;
  @Field(() => [String])
  sectors!: string[];
  @Field(() => SuggestionStatusValue)
  status!: SuggestionStatusValue;
  @Field(() => SuggestionDismissal, { nullable: true })
  dismissal!: SuggestionDismissal | null;
}
