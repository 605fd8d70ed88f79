import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { StrategyInput } from './dtos/strategy.input';
import { toStrategy } from './strategy.mapper';
import { Strategy } from './strategy.model';
import { StrategyService } from './strategy.service';

@Resolver(() => Strategy)
@UseGuards(AuthenticatedGuard)
export class StrategyResolver {
  constructor(private readonly strategyService: StrategyService) {}

  @Query(() => Strategy, { description: 'Your jurisdiction’s strategy; empty (with the default staff FTE) until first saved.' })
  @Roles(...READER_ROLES)
  async strategy(@CurrentIdentity() identity: Identity): Promise<Strategy> {
    return toStrategy(await this.strategyService.read(identity));
  }

  @Mutation(() => Strategy, { description: 'Replaces the whole strategy. A goal that an active priority advances cannot be removed.' })
  @Roles(...WRITER_ROLES)
  async saveStrategy(@CurrentIdentity() identity: Identity, @Args('input') input: StrategyInput): Promise<Strategy> {
    return toStrategy(await this.strategyService.save(identity, input));
  }

  @Mutation(() => Strategy, { description: 'Adds a meeting, with its notes, to an advisory group of the strategy.' })
  @Roles(...WRITER_ROLES)
  async recordAdvisoryMeeting(
    @CurrentIdentity() identity: Identity,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('date') date: string,
    @Args('notes') notes: string,
  ): Promise<Strategy> {
    return toStrategy(await this.strategyService.recordAdvisoryMeeting(identity, groupId, { date, notes }));
  }
}
