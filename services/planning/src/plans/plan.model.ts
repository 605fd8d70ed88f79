import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, FREQUENCIES, PLAN_STATUSES } from '@entente/contracts';
import { graphqlEnum } from '@entente/service-runtime';
import { FUNDING_SOURCES, IMPLEMENTER_KINDS, REMEDY_KINDS } from './plan-content';

export const ActivityTypeValue = graphqlEnum('ActivityType', ACTIVITY_TYPES, 'What kind of international activity');
export type ActivityTypeValue = (typeof ACTIVITY_TYPES)[number];
export const FrequencyValue = graphqlEnum('ActivityFrequency', FREQUENCIES, 'How often an activity happens: a quarterly one 4 times a plan year, annual and one-off once, biennial every second year');
export type FrequencyValue = (typeof FREQUENCIES)[number];
export const ActivityModeValue = graphqlEnum('ActivityMode', ACTIVITY_MODES, 'In person, online, both, or only a public statement');
export type ActivityModeValue = (typeof ACTIVITY_MODES)[number];
export const ActivityStatusValue = graphqlEnum('ActivityStatus', ACTIVITY_STATUSES, 'planned; reduced or postponed by a decision; confirmed, done or cancelled as it happens');
export type ActivityStatusValue = (typeof ACTIVITY_STATUSES)[number];
export const PlanStatusValue = graphqlEnum('PlanStatus', PLAN_STATUSES, 'draft → in review → approved → active → closed; an approved version replaced by a newer approval is superseded');
export type PlanStatusValue = (typeof PLAN_STATUSES)[number];
export const FundingSourceValue = graphqlEnum('FundingSource', FUNDING_SOURCES, 'Own budget, external funding (a grant), or covered by a partner');
export type FundingSourceValue = (typeof FUNDING_SOURCES)[number];
export const ImplementerKindValue = graphqlEnum('ImplementerKind', IMPLEMENTER_KINDS, 'Who carries out an activity with the jurisdiction');
export type ImplementerKindValue = (typeof IMPLEMENTER_KINDS)[number];
export const RemedyKindValue = graphqlEnum('RemedyKind', REMEDY_KINDS, 'What to do when a plan exceeds its budget or staff, in the order the brief recommends');
export type RemedyKindValue = (typeof REMEDY_KINDS)[number];

@ObjectType({ description: 'An amount by funding source, in the plan’s currency' })
export class CostBySourceView {
  @Field(() => Float) own!: number;
  @Field(() => Float) external!: number;
  @Field(() => Float) partner!: number;
  @Field(() => Float, { description: 'All sources together' }) total!: number;
}

@ObjectType()
export class BudgetLineView {
  @Field(() => ID) id!: string;
  @Field(() => FundingSourceValue) source!: FundingSourceValue;
  @Field() label!: string;
  @Field(() => Float) amount!: number;
  @Field(() => String, { nullable: true, description: 'The funding opportunity or application the money comes from' }) fundingReference!: string | null;
}

@ObjectType()
export class SpecialOccasionView {
  @Field(() => ID) id!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field() title!: string;
  @Field({ description: 'ANNIVERSARY: a round anniversary of a tie, found from the registry; ADDED: typed in' }) kind!: string;
  @Field(() => ID, { nullable: true }) relationshipId!: string | null;
}

@ObjectType()
export class ImplementerView {
  @Field() name!: string;
  @Field(() => ImplementerKindValue) kind!: ImplementerKindValue;
}

@ObjectType()
export class ActivityOriginView {
  @Field({ description: 'visit-request, joint-effort, copied or funding-award' }) kind!: string;
  @Field() reference!: string;
}

@ObjectType({ description: 'An activity of an annual plan' })
export class PlanActivity {
  @Field(() => ID, { description: 'Stable across the versions of the year' }) id!: string;
  @Field() title!: string;
  @Field(() => ActivityTypeValue) type!: ActivityTypeValue;
  @Field(() => [ID], { description: 'Empty: opportunistic (counted against the plan’s allowance)' }) priorityIds!: string[];
  @Field(() => [ID]) partnerIds!: string[];
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) windowStart!: string | null;
  @Field(() => String, { nullable: true }) windowEnd!: string | null;
  @Field(() => FrequencyValue) frequency!: FrequencyValue;
  @Field(() => Int, { nullable: true, description: 'For a biennial activity: a year it happens in' }) cycleYear!: number | null;
  @Field(() => Int, { description: 'How many times it happens in this plan year' }) occurrences!: number;
  @Field(() => ActivityModeValue) mode!: ActivityModeValue;
  @Field(() => CostBySourceView) costPerOccurrence!: CostBySourceView;
  @Field(() => CostBySourceView, { description: 'Cost in this plan year (per occurrence × occurrences)' }) plannedCost!: CostBySourceView;
  @Field(() => Float) staffDaysPerOccurrence!: number;
  @Field(() => Float) plannedStaffDays!: number;
  @Field(() => [ImplementerView]) implementers!: ImplementerView[];
  @Field(() => String, { nullable: true }) leadDepartment!: string | null;
  @Field(() => ActivityStatusValue) status!: ActivityStatusValue;
  @Field(() => String, { nullable: true }) outcomes!: string | null;
  @Field(() => Float, { nullable: true }) actualCost!: number | null;
  @Field(() => Float, { nullable: true }) actualStaffDays!: number | null;
  @Field({ description: 'A remedy proposed sharing it with other jurisdictions through a joint effort' }) jointEffortProposed!: boolean;
  @Field(() => ActivityOriginView, { nullable: true }) origin!: ActivityOriginView | null;
}

@ObjectType({ description: 'A decision on the plan (a remedy applied, a visit accepted or declined), with why and who' })
export class PlanDecision {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => ID, { nullable: true }) activityId!: string | null;
  @Field() summary!: string;
  @Field() rationale!: string;
  @Field() takenBy!: string;
  @Field() takenAt!: Date;
  @Field(() => CostBySourceView, { description: 'Change to the plan year’s cost (negative = saved)' }) costDelta!: CostBySourceView;
  @Field(() => Float) staffDaysDelta!: number;
}

@ObjectType({ description: 'One numbered version of a jurisdiction’s plan for one year' })
export class AnnualPlan {
  @Field(() => Int) year!: number;
  @Field(() => Int) version!: number;
  @Field(() => PlanStatusValue) status!: PlanStatusValue;
  @Field({ description: 'ISO 4217; every amount of the plan is in it' }) currency!: string;
  @Field({ description: 'First day of the plan year (the jurisdiction’s fiscal year)' }) periodStart!: string;
  @Field() periodEnd!: string;
  @Field(() => [BudgetLineView]) budgetLines!: BudgetLineView[];
  @Field(() => Float) staffDaysAvailable!: number;
  @Field(() => Int) opportunisticAllowance!: number;
  @Field(() => [SpecialOccasionView], { description: 'Round anniversaries of ties in the plan year, and occasions people added' }) occasions!: SpecialOccasionView[];
  @Field(() => [PlanActivity]) activities!: PlanActivity[];
  @Field(() => [PlanDecision]) decisions!: PlanDecision[];
  @Field(() => Int, { nullable: true }) basedOnVersion!: number | null;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the executive returned the version to draft' }) returnedReason!: string | null;
  @Field() updatedAt!: Date;
}

@ObjectType({ description: 'A plan year or version in a list' })
export class PlanSummary {
  @Field(() => Int) year!: number;
  @Field(() => Int) version!: number;
  @Field(() => PlanStatusValue) status!: PlanStatusValue;
  @Field(() => Int) activityCount!: number;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class CapacityTotalsView {
  @Field(() => CostBySourceView) planned!: CostBySourceView;
  @Field(() => CostBySourceView) available!: CostBySourceView;
  @Field(() => Float) staffDaysPlanned!: number;
  @Field(() => Float) staffDaysAvailable!: number;
}

@ObjectType()
export class OverageView {
  @Field({ description: 'own, external, partner or staff-days' }) source!: string;
  @Field(() => Float) by!: number;
}

@ObjectType({ description: 'One way to bring the plan back within budget and staff, with its exact effect' })
export class RemedyView {
  @Field(() => Int) rank!: number;
  @Field(() => RemedyKindValue) kind!: RemedyKindValue;
  @Field(() => ID) activityId!: string;
  @Field() activityTitle!: string;
  @Field() summary!: string;
  @Field(() => CostBySourceView) costDelta!: CostBySourceView;
  @Field(() => Float) staffDaysDelta!: number;
  @Field(() => CapacityTotalsView) totalsAfter!: CapacityTotalsView;
  @Field() fitsAfter!: boolean;
  @Field(() => [ID]) prioritiesTouched!: string[];
  @Field(() => [ID], { description: 'Priorities left with no activity this year if applied' }) lastOfPriorities!: string[];
  @Field(() => String, { nullable: true }) warning!: string | null;
}

@ObjectType({ description: 'A plan version’s totals against budget and staff, and what to do when it does not fit' })
export class CapacityCheckView {
  @Field(() => Int) year!: number;
  @Field() currency!: string;
  @Field(() => CapacityTotalsView) totals!: CapacityTotalsView;
  @Field(() => [OverageView]) overages!: OverageView[];
  @Field() fits!: boolean;
  @Field(() => [String]) warnings!: string[];
  @Field(() => [RemedyView], { description: 'Ranked in the brief’s order: external funding, reduce frequency, go virtual, PR only, joint effort, postpone' }) remedies!: RemedyView[];
}

@ObjectType()
export class FieldChangeView {
  @Field() field!: string;
  @Field() from!: string;
  @Field() to!: string;
}

@ObjectType()
export class PlanChangeView {
  @Field({ description: 'plan, budget-line, occasion or activity' }) target!: string;
  @Field({ description: 'added, removed or changed' }) change!: string;
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field() label!: string;
  @Field(() => [FieldChangeView]) fields!: FieldChangeView[];
  @Field() summary!: string;
}

@ObjectType()
export class PlanDiffView {
  @Field(() => Int) year!: number;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field(() => [PlanChangeView]) changes!: PlanChangeView[];
}

@ObjectType()
export class RemedyResult {
  @Field(() => AnnualPlan) plan!: AnnualPlan;
  @Field(() => PlanDecision) decision!: PlanDecision;
  @Field(() => CapacityCheckView, { description: 'The check after the remedy' }) check!: CapacityCheckView;
}
