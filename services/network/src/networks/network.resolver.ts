import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { CreateNetworkInput } from './dtos/network.input';
import { toMembership, toNetwork, toNetworkView } from './network.mapper';
import { Network, NetworkMembership } from './network.model';
import { NetworkService } from './network.service';

@Resolver(() => Network)
@UseGuards(AuthenticatedGuard)
export class NetworkResolver {
  constructor(private readonly service: NetworkService) {}

  @Query(() => [Network], { description: 'Networks your jurisdiction is in or invited to, and those you coordinate (a platform-admin: all)' })
  @Roles(...READER_ROLES)
  async networks(@CurrentIdentity() identity: Identity): Promise<Network[]> {
    return (await this.service.list(identity)).map((reach) => toNetwork(reach));
  }

  @Query(() => Network, { description: 'One network with its members; a network you are not in and do not coordinate is not found' })
  @Roles(...READER_ROLES)
  async network(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<Network> {
    return toNetworkView(await this.service.view(identity, id));
  }

  @Mutation(() => Network, { description: 'Creates a network: a platform-admin names its coordinators; a regional-coordinator creates one they run' })
  @Roles('regional-coordinator')
  async createNetwork(@CurrentIdentity() identity: Identity, @Args('input') input: CreateNetworkInput): Promise<Network> {
    const network = await this.service.create(identity, input);
    return toNetwork({ network, standing: { coordinator: network.coordinatorUserIds.includes(identity.userId) && identity.roles.includes('regional-coordinator'), platformAdmin: identity.roles.includes('platform-admin'), membership: null } });
  }

  @Mutation(() => Network, { description: 'Replaces the coordinators of a network you coordinate (or any, as a platform-admin)' })
  @Roles('regional-coordinator')
  async setNetworkCoordinators(
    @CurrentIdentity() identity: Identity,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('coordinatorUserIds', { type: () => [ID] }) coordinatorUserIds: string[],
  ): Promise<Network> {
    await this.service.setCoordinators(identity, networkId, coordinatorUserIds);
    return toNetworkView(await this.service.view(identity, networkId));
  }

  @Mutation(() => NetworkMembership, { description: 'Invites an onboarded jurisdiction into a network you coordinate; its jurisdiction-admin accepts' })
  @Roles('regional-coordinator')
  async inviteToNetwork(
    @CurrentIdentity() identity: Identity,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('jurisdictionId', { type: () => ID }) jurisdictionId: string,
  ): Promise<NetworkMembership> {
    return toMembership(await this.service.invite(identity, networkId, jurisdictionId));
  }

  @Mutation(() => NetworkMembership, { description: 'Your jurisdiction accepts an invitation and becomes a member' })
  @Roles('jurisdiction-admin')
  async acceptNetworkInvitation(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<NetworkMembership> {
    return toMembership(await this.service.accept(identity, networkId));
  }

  @Mutation(() => NetworkMembership, { description: 'Your jurisdiction leaves a network (or declines its invitation): every grant to it is revoked and its copies removed' })
  @Roles('jurisdiction-admin')
  async leaveNetwork(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<NetworkMembership> {
    return toMembership(await this.service.leave(identity, networkId));
  }
}
