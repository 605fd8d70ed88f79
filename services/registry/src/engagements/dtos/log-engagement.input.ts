import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { EngagementTypeValue } from '../engagement.model';
import { ENGAGEMENT_MAX_PARTNERS, ENGAGEMENT_MAX_PRIORITIES, ENGAGEMENT_TEXT_MAX_LENGTH } from '../engagement.rules';

@InputType()
export class MoneyInput {
  @Field(() => Float, { description: 'Not negative' })
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. EUR' })
  currency!: string;
}

@InputType()
export class LogEngagementInput {
  @Field({ description: 'YYYY-MM-DD, not in the future' })
  date!: string;

  @Field(() => EngagementTypeValue)
  type!: EngagementTypeValue;

  @Field(() => [ID], { description: `Partners of your jurisdiction, 1 to ${ENGAGEMENT_MAX_PARTNERS}` })
  partnerIds!: string[];

  @Field({ description: `Up to ${ENGAGEMENT_TEXT_MAX_LENGTH} characters` })
  purpose!: string;

  @Field(() => String, { nullable: true, description: `Up to ${ENGAGEMENT_TEXT_MAX_LENGTH} characters` })
  outcomes?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${ENGAGEMENT_TEXT_MAX_LENGTH} characters` })
  nextSteps?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  cost?: MoneyInput | null;

  @Field(() => Float, { nullable: true, description: 'Staff time in days, at most one decimal place' })
  staffDays?: number | null;

  @Field(() => [String], { nullable: true, description: `Ids of planning’s priorities, at most ${ENGAGEMENT_MAX_PRIORITIES}` })
  priorityIds?: string[] | null;
}
