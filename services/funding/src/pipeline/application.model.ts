import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { APPLICATION_STAGES, type ApplicationStage, NOT_PURSUED_REASONS, type NotPursuedReason } from './application-stages';

export const FundingApplicationStageValue = graphqlEnum(
  'FundingApplicationStage',
  APPLICATION_STAGES,
  'interested → preparing → submitted → awarded or declined; not pursued at any stage before a decision (awarded, declined and not pursued are final)',
);
export type FundingApplicationStageValue = ApplicationStage;

export const NotPursuedReasonValue = graphqlEnum('NotPursuedReason', NOT_PURSUED_REASONS, 'Why a call was not pursued');
export type NotPursuedReasonValue = NotPursuedReason;

@ObjectType({ description: 'An amount in the currency the funder states it in' })
export class FundingAmount {
  @Field(() => Float) amount!: number;
  @Field({ description: 'ISO 4217, e.g. EUR' }) currency!: string;
}

@InputType()
export class FundingAmountInput {
  @Field(() => Float, { description: 'Not negative' }) amount!: number;
  @Field({ description: 'ISO 4217, e.g. EUR' }) currency!: string;
}

@ObjectType({ description: 'One field a change touched (values as text; lists and amounts as JSON)' })
export class FundingApplicationFieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'Who changed what on an application, when' })
export class FundingApplicationChange {
  @Field() at!: Date;
  @Field({ description: 'Username at the time' }) byName!: string;
  @Field({ description: 'added, updated, moved to <stage>' }) action!: string;
  @Field(() => [FundingApplicationFieldChange]) changes!: FundingApplicationFieldChange[];
}

@ObjectType({ description: 'A funding application in your jurisdiction’s pipeline' })
export class FundingApplication {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The opportunity it answers, if taken from one' }) opportunityId!: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) funder!: string | null;
  @Field(() => FundingApplicationStageValue) stage!: FundingApplicationStageValue;
  @Field(() => String, { nullable: true, description: 'A day (YYYY-MM-DD) or an instant (ISO 8601, UTC)' }) deadline!: string | null;
  @Field(() => FundingAmount, { nullable: true }) amountRequested!: FundingAmount | null;
  @Field(() => FundingAmount, { nullable: true }) amountAwarded!: FundingAmount | null;
  @Field(() => Float, { nullable: true, description: 'The award in your jurisdiction’s currency, as the plan budgets it' }) amountAwardedLocal!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) awardedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'The plan year the award funds (null: the year it was awarded in)' }) planYear!: number | null;
  @Field(() => NotPursuedReasonValue, { nullable: true }) reason!: NotPursuedReasonValue | null;
  @Field(() => String, { nullable: true }) reasonNote!: string | null;
  @Field(() => String, { nullable: true, description: 'Who on staff carries it' }) owner!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field() stageChangedAt!: Date;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class FundingApplicationConnection extends Connection(FundingApplication) {}

@InputType({ description: 'A new application (it starts as interested)' })
export class FundingApplicationInput {
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) opportunityId?: string | null;
  @Field(() => String, { nullable: true }) funder?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, or a moment with its offset such as 2027-03-31T17:00:00-04:00' }) deadline?: string | null;
  @Field(() => FundingAmountInput, { nullable: true }) amountRequested?: FundingAmountInput | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType({ description: 'Fields to change; a field left out stays, null clears it (not the title)' })
export class FundingApplicationChangesInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ID, { nullable: true }) opportunityId?: string | null;
  @Field(() => String, { nullable: true }) funder?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, or a moment with its offset' }) deadline?: string | null;
  @Field(() => FundingAmountInput, { nullable: true }) amountRequested?: FundingAmountInput | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType({ description: 'A move to another stage with what it needs: an award its amount, not pursued its reason' })
export class MoveFundingApplicationInput {
  @Field(() => FundingApplicationStageValue) stage!: FundingApplicationStageValue;
  @Field(() => NotPursuedReasonValue, { nullable: true, description: 'Required for NOT_PURSUED' }) reason?: NotPursuedReasonValue | null;
  @Field(() => String, { nullable: true, description: 'Required for NOT_PURSUED with reason OTHER; optional otherwise' }) reasonNote?: string | null;
  @Field(() => FundingAmountInput, { nullable: true, description: 'Required for AWARDED' }) amountAwarded?: FundingAmountInput | null;
  @Field(() => Float, { nullable: true, description: 'AWARDED in a foreign currency: its value in your currency (required then)' }) amountAwardedLocal?: number | null;
  @Field(() => String, { nullable: true, description: 'AWARDED: YYYY-MM-DD (default today)' }) awardedOn?: string | null;
  @Field(() => Int, { nullable: true, description: 'AWARDED: the plan year it funds (default the year it is awarded in)' }) planYear?: number | null;
}
