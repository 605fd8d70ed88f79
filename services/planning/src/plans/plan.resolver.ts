import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { ActivityInput, ActivityProgressInput, ApplyRemedyInput, FundingLineInput, OccasionInput, PlanSettingsInput } from './dtos/plan.inputs';
import { toAnnualPlan, toCapacityCheck, toDecision, toSummary } from './plan.mapper';
import { AnnualPlan, CapacityCheckView, PlanDiffView, PlanSummary, RemedyResult } from './plan.model';
import { PlanService } from './plan.service';
import { scopeOf } from '@entente/persistence';

/** Staff draft; the jurisdiction-admin submits and puts in force; the executive approves; viewers read. */
@Resolver(() => AnnualPlan)
export class PlanResolver {
  constructor(private readonly planService: PlanService) {}

  @Query(() => [PlanSummary], { description: 'Your plan years, newest first, each with its latest version' })
  @Roles(...READER_ROLES)
  async plans(@CurrentIdentity() identity: Identity): Promise<PlanSummary[]> {
    return (await this.planService.years(identity)).map(toSummary);
  }

  @Query(() => [PlanSummary], { description: 'Every version of a plan year, newest first' })
  @Roles(...READER_ROLES)
  async planVersions(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number): Promise<PlanSummary[]> {
    return (await this.planService.versions(identity, year)).map(toSummary);
  }

  @Query(() => AnnualPlan, { description: 'A version of a plan year (default: the latest)' })
  @Roles(...READER_ROLES)
  async plan(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.view(identity, year, version));
  }

  @Query(() => CapacityCheckView, { description: 'The plan version’s cost and staff-days against what is available, with ranked remedies when over' })
  @Roles(...READER_ROLES)
  async planCapacity(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<CapacityCheckView> {
    return toCapacityCheck(await this.planService.capacity(identity, year, version));
  }

  @Query(() => PlanDiffView, { description: 'What changed between two versions of a plan year' })
  @Roles(...READER_ROLES)
  async planDiff(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ): Promise<PlanDiffView> {
    return { year, fromVersion, toVersion, changes: await this.planService.diff(identity, year, fromVersion, toVersion) };
  }

  @Mutation(() => AnnualPlan, { description: 'Starts the plan for a year (version 1, a draft) in your fiscal year and currency' })
  @Roles(...WRITER_ROLES)
  async createPlan(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('input', { type: () => PlanSettingsInput, nullable: true }) input?: PlanSettingsInput | null,
  ): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.create(identity, year, input ?? {}));
  }

  @Mutation(() => AnnualPlan, { description: 'Drafts next year’s plan from this year’s: recurring activities at their frequency, postponed ones, own and partner budget' })
  @Roles(...WRITER_ROLES)
  async copyPlanToNextYear(@CurrentIdentity() identity: Identity, @Args('fromYear', { type: () => Int }) fromYear: number): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.copyToNextYear(identity, fromYear));
  }

  @Mutation(() => AnnualPlan, { description: 'Budget lines, staff-days, opportunistic allowance; after approval this starts the next draft version' })
  @Roles(...WRITER_ROLES)
  async updatePlanSettings(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('input') input: PlanSettingsInput): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.updateSettings(identity, year, input));
  }

  @Mutation(() => AnnualPlan, { description: 'Adds an external funding line (e.g. an awarded grant) to the plan' })
  @Roles(...WRITER_ROLES)
  async addFundingLine(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('input') input: FundingLineInput): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.addFundingLine(scopeOf(identity), identity, year, input));
  }

  @Mutation(() => AnnualPlan)
  @Roles(...WRITER_ROLES)
  async addActivity(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('input') input: ActivityInput): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.addActivity(identity, year, input));
  }

  @Mutation(() => AnnualPlan)
  @Roles(...WRITER_ROLES)
  async updateActivity(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('activityId', { type: () => ID }) activityId: string,
    @Args('input') input: ActivityInput,
  ): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.updateActivity(identity, year, activityId, input));
  }

  @Mutation(() => AnnualPlan)
  @Roles(...WRITER_ROLES)
  async removeActivity(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('activityId', { type: () => ID }) activityId: string): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.removeActivity(identity, year, activityId));
  }

  @Mutation(() => AnnualPlan, { description: 'Records what happened: confirmed, done (with outcomes and actuals) or cancelled; not an edit of the approved plan' })
  @Roles(...WRITER_ROLES)
  async recordActivityProgress(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('activityId', { type: () => ID }) activityId: string,
    @Args('input') input: ActivityProgressInput,
  ): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.recordProgress(identity, year, activityId, input));
  }

  @Mutation(() => AnnualPlan)
  @Roles(...WRITER_ROLES)
  async addOccasion(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('input') input: OccasionInput): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.addOccasion(identity, year, input));
  }

  @Mutation(() => AnnualPlan)
  @Roles(...WRITER_ROLES)
  async removeOccasion(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('occasionId', { type: () => ID }) occasionId: string): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.removeOccasion(identity, year, occasionId));
  }

  @Mutation(() => RemedyResult, { description: 'Applies a remedy of the capacity check to an activity and records the decision with its rationale' })
  @Roles('staff', 'jurisdiction-admin', 'executive')
  async applyRemedy(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('input') input: ApplyRemedyInput): Promise<RemedyResult> {
    const applied = await this.planService.applyRemedy(identity, year, input);
    return { plan: toAnnualPlan(applied.view), decision: toDecision(applied.decision), check: toCapacityCheck(applied.check) };
  }

  @Mutation(() => AnnualPlan, { description: 'Puts the draft before the executive (jurisdiction-admin)' })
  @Roles('jurisdiction-admin')
  async submitPlan(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.submit(identity, year));
  }

  @Mutation(() => AnnualPlan, { description: 'Sends the version in review back to draft, saying why (executive)' })
  @Roles('executive')
  async returnPlanToDraft(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('reason') reason: string): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.returnToDraft(identity, year, reason));
  }

  @Mutation(() => AnnualPlan, { description: 'Signs off a numbered version in review; it never changes again (executive)' })
  @Roles('executive')
  async approvePlan(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number, @Args('version', { type: () => Int }) version: number): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.approve(identity, year, version));
  }

  @Mutation(() => AnnualPlan, { description: 'The approved plan is now being carried out (jurisdiction-admin)' })
  @Roles('jurisdiction-admin')
  async activatePlan(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.activate(identity, year));
  }

  @Mutation(() => AnnualPlan, { description: 'Closes the plan year (jurisdiction-admin)' })
  @Roles('jurisdiction-admin')
  async closePlan(@CurrentIdentity() identity: Identity, @Args('year', { type: () => Int }) year: number): Promise<AnnualPlan> {
    return toAnnualPlan(await this.planService.close(identity, year));
  }
}
