import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ACTIVITY_MAX_IMPLEMENTERS, ACTIVITY_MAX_PARTNERS, ACTIVITY_MAX_PRIORITIES, ACTIVITY_TITLE_MAX } from '../activity.rules';
import { ActivityModeValue, ActivityTypeValue, FrequencyValue, FundingSourceValue, ImplementerKindValue, RemedyKindValue } from '../plan.model';
import { BUDGET_LINES_MAX, OPPORTUNISTIC_ALLOWANCE_MAX } from '../plan-settings.rules';
import { PROGRESS_STATUSES } from '../plan.schema';
import { graphqlEnum } from '@entente/service-runtime';

export const ProgressStatusValue = graphqlEnum('ActivityProgressStatus', PROGRESS_STATUSES, 'What happened to a planned activity');
export type ProgressStatusValue = (typeof PROGRESS_STATUSES)[number];

@InputType()
export class CostBySourceInput {
  @Field(() => Float, { nullable: true }) own?: number | null;
  @Field(() => Float, { nullable: true }) external?: number | null;
  @Field(() => Float, { nullable: true }) partner?: number | null;
}

@InputType()
export class BudgetLineInput {
  @Field(() => ID, { nullable: true, description: 'Keep a line’s id to change it; leave it out for a new line' }) lineId?: string | null;
  @Field(() => FundingSourceValue) source!: FundingSourceValue;
  @Field() label!: string;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true }) fundingReference?: string | null;
}

@InputType({ description: 'Leave a field out to keep it' })
export class PlanSettingsInput {
  @Field(() => [BudgetLineInput], { nullable: true, description: `Replaces the budget lines (at most ${BUDGET_LINES_MAX})` }) budgetLines?: BudgetLineInput[] | null;
  @Field(() => Float, { nullable: true }) staffDaysAvailable?: number | null;
  @Field(() => Int, { nullable: true, description: `Activities with no priority allowed before a warning, 0–${OPPORTUNISTIC_ALLOWANCE_MAX}` }) opportunisticAllowance?: number | null;
}

@InputType()
export class FundingLineInput {
  @Field() label!: string;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true, description: 'The opportunity or application the money comes from' }) fundingReference?: string | null;
}

@InputType()
export class ImplementerInput {
  @Field() name!: string;
  @Field(() => ImplementerKindValue, { nullable: true }) kind?: ImplementerKindValue | null;
}

@InputType({ description: 'An activity; when changing one, leave a field out to keep it and send null to clear it' })
export class ActivityInput {
  @Field(() => String, { nullable: true, description: `Required for a new activity; up to ${ACTIVITY_TITLE_MAX} characters` }) title?: string | null;
  @Field(() => ActivityTypeValue, { nullable: true, description: 'Required for a new activity' }) type?: ActivityTypeValue | null;
  @Field(() => [ID], { nullable: true, description: `Active priorities it serves (at most ${ACTIVITY_MAX_PRIORITIES}); none = opportunistic` }) priorityIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: `Partners involved (at most ${ACTIVITY_MAX_PARTNERS})` }) partnerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' }) country?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD within the plan year' }) windowStart?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD within the plan year' }) windowEnd?: string | null;
  @Field(() => FrequencyValue, { nullable: true, description: 'Default ONE_OFF' }) frequency?: FrequencyValue | null;
  @Field(() => Int, { nullable: true, description: 'For BIENNIAL: a year it happens in (default: the plan year)' }) cycleYear?: number | null;
  @Field(() => ActivityModeValue, { nullable: true, description: 'Default IN_PERSON' }) mode?: ActivityModeValue | null;
  @Field(() => CostBySourceInput, { nullable: true, description: 'Cost of one occurrence by source' }) costPerOccurrence?: CostBySourceInput | null;
  @Field(() => Float, { nullable: true }) staffDaysPerOccurrence?: number | null;
  @Field(() => [ImplementerInput], { nullable: true, description: `External implementers (at most ${ACTIVITY_MAX_IMPLEMENTERS})` }) implementers?: ImplementerInput[] | null;
  @Field(() => String, { nullable: true }) leadDepartment?: string | null;
}

@InputType()
export class ApplyRemedyInput {
  @Field(() => RemedyKindValue) kind!: RemedyKindValue;
  @Field(() => ID) activityId!: string;
  @Field({ description: 'Why — kept with the decision' }) rationale!: string;
}

@InputType({ description: 'What happened to an activity; leave a field out to keep it' })
export class ActivityProgressInput {
  @Field(() => ProgressStatusValue, { nullable: true }) status?: ProgressStatusValue | null;
  @Field(() => String, { nullable: true }) outcomes?: string | null;
  @Field(() => Float, { nullable: true, description: 'What it really cost, all sources' }) actualCost?: number | null;
  @Field(() => Float, { nullable: true }) actualStaffDays?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD it took place (default: the end of its window)' }) doneOn?: string | null;
}

@InputType()
export class OccasionInput {
  @Field({ description: 'YYYY-MM-DD within the plan year' }) date!: string;
  @Field() title!: string;
}
