import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { EngagementTypeValue } from '../engagement.model';

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

  @Field(() => [ID], { description: 'Partners of your jurisdiction, 1 to 50' })
  partnerIds!: string[];

  @Field({ description: 'Up to 2000 characters' })
  purpose!: string;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters' })
  outcomes?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters' })
  nextSteps?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  cost?: MoneyInput | null;

  @Field(() => Float, { nullable: true, description: 'Staff time in days, at most one decimal place' })
  staffDays?: number | null;

  @Field(() => [String], { nullable: true, description: 'Ids of planning’s priorities, at most 50' })
  priorityIds?: string[] | null;
}
