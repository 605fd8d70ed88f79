import { UseGuards } from '@nestjs/common';
import { Args, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { ChangePriorityInput, SetPriorityInput } from './dtos/priority.input';
import { toPriority, toPriorityCap, toPriorityConnection, toPriorityResult } from './priority.mapper';
import { Priority, PriorityCapView, PriorityConnection, PriorityResult, PriorityStatusValue } from './priority.model';
import { PriorityService } from './priority.service';

@Resolver(() => Priority)
@UseGuards(AuthenticatedGuard)
export class PriorityResolver {
  constructor(private readonly priorityService: PriorityService) {}

  @Query(() => PriorityConnection, { description: 'Your jurisdiction’s priorities, oldest first, optionally of one status.' })
  @Roles(...READER_ROLES)
  async priorities(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('status', { type: () => PriorityStatusValue, nullable: true }) status?: PriorityStatusValue | null,
  ): Promise<PriorityConnection> {
    return toPriorityConnection(await this.priorityService.list(identity, paging, status ?? undefined));
  }

  @Query(() => Priority)
  @Roles(...READER_ROLES)
  async priority(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<Priority> {
    return toPriority(await this.priorityService.get(identity, id));
  }

  @Query(() => PriorityCapView, { name: 'priorityCap', description: 'How many active priorities your strategy’s staff can carry, and how many are active.' })
  @Roles(...READER_ROLES)
  async priorityCap(@CurrentIdentity() identity: Identity): Promise<PriorityCapView> {
    return toPriorityCap(await this.priorityService.cap(identity));
  }

  @Mutation(() => PriorityResult, { description: 'Sets a new active priority advancing goals of your strategy; past the soft cap it warns, past the hard cap it is refused.' })
  @Roles(...WRITER_ROLES)
  async setPriority(@CurrentIdentity() identity: Identity, @Args('input') input: SetPriorityInput): Promise<PriorityResult> {
    return toPriorityResult(await this.priorityService.set(identity, input));
  }

  @Mutation(() => PriorityResult, { description: 'Changes what is given; status ACTIVE brings a retired priority back within the cap.' })
  @Roles(...WRITER_ROLES)
  async changePriority(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string, @Args('input') input: ChangePriorityInput): Promise<PriorityResult> {
    return toPriorityResult(await this.priorityService.change(identity, id, input));
  }

  @Mutation(() => Priority, { description: 'Reports the current value of one KPI of a priority.' })
  @Roles(...WRITER_ROLES)
  async recordKpiProgress(
    @CurrentIdentity() identity: Identity,
    @Args('priorityId', { type: () => ID }) priorityId: string,
    @Args('kpiId', { type: () => ID }) kpiId: string,
    @Args('current', { type: () => Float }) current: number,
  ): Promise<Priority> {
    return toPriority(await this.priorityService.recordKpiProgress(identity, priorityId, kpiId, current));
  }

  @Mutation(() => Priority, { description: 'Retires an active priority, with why; it stops counting against the cap.' })
  @Roles(...WRITER_ROLES)
  async retirePriority(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<Priority> {
    return toPriority(await this.priorityService.retire(identity, id, reason));
  }
}
