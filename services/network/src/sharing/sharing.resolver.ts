import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { SharingTermsInput, ShareWithNetworkInput } from './dtos/sharing.input';
import { toAccessEntry, toCalendarEntry, toGrant, toHeatCell, toMemberSharedData } from './sharing.mapper';
import { MemberSharedData, NetworkCalendarEntry, NetworkHeatCell, SharingAccessConnection, SharingGrant } from './sharing.model';
import { SharingService } from './sharing.service';
import { ViewsService } from './views.service';

@Resolver(() => SharingGrant)
@UseGuards(AuthenticatedGuard)
export class SharingResolver {
  constructor(
    private readonly sharing: SharingService,
    private readonly views: ViewsService,
  ) {}

  @Mutation(() => SharingGrant, { description: 'Shares one scope with a network your jurisdiction is a member of (replacing a current grant of that scope); copies are made at once' })
  @Roles('jurisdiction-admin')
  async shareWithNetwork(@CurrentIdentity() identity: Identity, @Args('input') input: ShareWithNetworkInput): Promise<SharingGrant> {
    return toGrant(await this.sharing.share(identity, input));
  }

  @Mutation(() => SharingGrant, { description: 'Revokes a grant: its copies are gone from every view when this returns' })
  @Roles('jurisdiction-admin')
  async revokeSharing(@CurrentIdentity() identity: Identity, @Args('grantId', { type: () => ID }) grantId: string): Promise<SharingGrant> {
    return toGrant(await this.sharing.revoke(identity, grantId));
  }

  @Query(() => [SharingGrant], { description: 'Your jurisdiction’s grants, current and revoked, newest first' })
  @Roles(...READER_ROLES)
  async sharingGrants(
    @CurrentIdentity() identity: Identity,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string | null,
  ): Promise<SharingGrant[]> {
    return (await this.sharing.grantsOf(identity, networkId)).map(toGrant);
  }

  @Query(() => MemberSharedData, { description: 'Exactly what a network sees of your jurisdiction: under your current grants, or under the grants given (to try before sharing)' })
  @Roles(...READER_ROLES)
  async sharingPreview(
    @CurrentIdentity() identity: Identity,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('grants', { type: () => [SharingTermsInput], nullable: true }) grants?: SharingTermsInput[] | null,
  ): Promise<MemberSharedData> {
    const share = await this.sharing.preview(identity, networkId, grants);
    return toMemberSharedData(share, identity.jurisdictionId, share.scopes);
  }

  @Query(() => [MemberSharedData], { description: 'What the members of a network share with it (members and its coordinators); each read is in the sharers’ access logs' })
  @Roles(...READER_ROLES)
  async networkSharedData(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<MemberSharedData[]> {
    const read = await this.views.sharedData(identity, networkId);
    return read.result.map((member) => toMemberSharedData(member, read.names.get(member.jurisdictionId) ?? member.jurisdictionId, read.scopes.get(member.jurisdictionId) ?? []));
  }

  @Query(() => [NetworkHeatCell], { description: 'Members × target countries from what members shared (for the coordinator’s heat map)' })
  @Roles(...READER_ROLES)
  async networkHeatMap(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<NetworkHeatCell[]> {
    const read = await this.views.heatMap(identity, networkId);
    return read.result.map((cell) => toHeatCell(cell, read.names));
  }

  @Query(() => [NetworkCalendarEntry], { description: 'Shared planned delegations and hosted visits of the members, by window' })
  @Roles(...READER_ROLES)
  async networkDelegationCalendar(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<NetworkCalendarEntry[]> {
    const read = await this.views.delegationCalendar(identity, networkId);
    return read.result.map((entry) => toCalendarEntry(entry, read.names));
  }

  @Query(() => SharingAccessConnection, { description: 'Who read your jurisdiction’s shared data, through which network, what and when (oldest first)' })
  @Roles(...READER_ROLES)
  async sharingAccessLog(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('networkId', { type: () => ID, nullable: true }) networkId?: string | null,
  ): Promise<SharingAccessConnection> {
    const page = await this.views.accessLog(identity, paging, networkId);
    return { ...page, nodes: page.nodes.map(toAccessEntry) };
  }
}
