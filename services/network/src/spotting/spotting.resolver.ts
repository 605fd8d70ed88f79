import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { toSuggestion } from './spotting.mapper';
import { NetworkSuggestion } from './spotting.model';
import { SpottingService } from './spotting.service';

@Resolver(() => NetworkSuggestion)
@UseGuards(AuthenticatedGuard)
export class SpottingResolver {
  constructor(private readonly spotting: SpottingService) {}

  @Query(() => [NetworkSuggestion], {
    description: 'Joint opportunities spotted in what members shared with a network (its coordinators and active members), open ones by score; each read is in the sharers’ access logs',
  })
  @Roles(...READER_ROLES)
  async networkSuggestions(
    @CurrentIdentity() identity: Identity,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('includeDismissed', { type: () => Boolean, nullable: true, defaultValue: false }) includeDismissed: boolean,
  ): Promise<NetworkSuggestion[]> {
    const read = await this.spotting.read(identity, networkId, includeDismissed);
    return read.suggestions.map((s) => toSuggestion(s, read.names));
  }

  @Mutation(() => NetworkSuggestion, { description: 'Dismisses a suggestion with a reason (a coordinator, or the admin of a member it involves); it is not suggested again until its evidence changes' })
  @Roles('jurisdiction-admin', 'regional-coordinator')
  async dismissSuggestion(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<NetworkSuggestion> {
    const read = await this.spotting.dismiss(identity, id, reason);
    return toSuggestion(read.suggestions[0] as NonNullable<(typeof read.suggestions)[0]>, read.names);
  }
}
