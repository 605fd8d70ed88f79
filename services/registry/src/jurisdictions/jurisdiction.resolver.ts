import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard } from '@entente/auth';
import { InviteUserInput, JurisdictionProfileInput, OnboardJurisdictionInput } from './dtos/jurisdiction.input';
import { Invitation, Jurisdiction, JurisdictionConnection, JurisdictionExport, JurisdictionStatusValue, OnboardingResult, PlatformUser, RoleValue } from './jurisdiction.model';
import { InvitedUser, JurisdictionService } from './jurisdiction.service';
import { UserAdminService } from './users/user-admin.service';
import type { DirectoryUser } from './users/user-directory.port';
import { toJurisdiction } from './jurisdiction.mapper';
import { PageArgsInput } from '@entente/service-runtime';

@Resolver(() => Jurisdiction)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class JurisdictionResolver {
  constructor(
    private readonly service: JurisdictionService,
    private readonly users: UserAdminService,
  ) {}

  @Mutation(() => OnboardingResult, { description: 'Platform-admins: creates a jurisdiction (status ONBOARDING) and invites its first jurisdiction-admin.' })
  @Roles('platform-admin')
  async onboardJurisdiction(@CurrentIdentity() identity: Identity, @Args('input') input: OnboardJurisdictionInput): Promise<OnboardingResult> {
    const { jurisdiction, firstAdmin } = await this.service.onboard(identity, input);
    return { jurisdiction: toJurisdiction(jurisdiction), firstAdmin: firstAdmin ? toInvitation(firstAdmin) : null };
  }

  @Query(() => Jurisdiction, { description: 'Your jurisdiction’s profile; platform-admins may name any jurisdiction.' })
  @Roles(...READER_ROLES)
  async jurisdiction(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID, nullable: true }) id?: string): Promise<Jurisdiction> {
    return toJurisdiction(await this.service.get(identity, id));
  }

  @Query(() => JurisdictionConnection, { description: 'Platform-admins: every jurisdiction, oldest first, optionally in one status.' })
  @Roles('platform-admin')
  async jurisdictions(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('status', { type: () => JurisdictionStatusValue, nullable: true }) status?: JurisdictionStatusValue,
  ): Promise<JurisdictionConnection> {
    const page = await this.service.list(identity, paging, status);
    return { ...page, nodes: page.nodes.map(toJurisdiction) };
  }

  @Mutation(() => Jurisdiction, { description: 'Changes the given profile fields of your jurisdiction (platform-admins: of the one named).' })
  @Roles('jurisdiction-admin')
  async updateJurisdictionProfile(
    @CurrentIdentity() identity: Identity,
    @Args('input') input: JurisdictionProfileInput,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ): Promise<Jurisdiction> {
    return toJurisdiction(await this.service.updateProfile(identity, id, input));
  }

  @Mutation(() => Jurisdiction, { description: 'Platform-admins: activates or suspends a jurisdiction (suspending disables its users until reactivated).' })
  @Roles('platform-admin')
  async changeJurisdictionStatus(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => JurisdictionStatusValue }) status: JurisdictionStatusValue,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<Jurisdiction> {
    return toJurisdiction(await this.service.changeStatus(identity, id, status, reason));
  }

  @Query(() => JurisdictionExport, { description: 'Jurisdiction-admins: your jurisdiction’s data as a JSON archive (platform-admins: any jurisdiction’s).' })
  @Roles('jurisdiction-admin')
  async jurisdictionExport(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID, nullable: true }) id?: string): Promise<JurisdictionExport> {
    const archive = await this.service.export(identity, id);
    return { jurisdictionId: archive.jurisdictionId, digest: archive.digest, exportedAt: new Date(archive.exportedAt), archive: JSON.stringify(archive) };
  }

  @Mutation(() => Jurisdiction, {
    description: 'Platform-admins: offboards a jurisdiction. Give the digest of a jurisdictionExport taken just before: its data is then deleted from every service.',
  })
  @Roles('platform-admin')
  async offboardJurisdiction(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('archiveDigest') archiveDigest: string,
  ): Promise<Jurisdiction> {
    return toJurisdiction(await this.service.offboard(identity, id, archiveDigest));
  }

  @Mutation(() => Invitation, { description: 'Jurisdiction-admins: creates a user of your jurisdiction with roles and a one-time password.' })
  @Roles('jurisdiction-admin')
  async inviteUser(@CurrentIdentity() identity: Identity, @Args('input') input: InviteUserInput): Promise<Invitation> {
    return toInvitation(await this.users.invite(identity, input));
  }

  @Query(() => [PlatformUser], { description: 'Jurisdiction-admins: the users of your jurisdiction (platform-admins: of the one named).' })
  @Roles('jurisdiction-admin')
  async jurisdictionUsers(
    @CurrentIdentity() identity: Identity,
    @Args('jurisdictionId', { type: () => ID, nullable: true }) jurisdictionId?: string,
  ): Promise<PlatformUser[]> {
    return (await this.users.list(identity, jurisdictionId)).map(toPlatformUser);
  }

  @Mutation(() => PlatformUser, { description: 'Jurisdiction-admins: disables a user of your jurisdiction; their next request is refused.' })
  @Roles('jurisdiction-admin')
  async deactivateUser(@CurrentIdentity() identity: Identity, @Args('userId', { type: () => ID }) userId: string): Promise<PlatformUser> {
    return toPlatformUser(await this.users.deactivate(identity, userId));
  }

  @Mutation(() => PlatformUser, { description: 'Jurisdiction-admins: enables a deactivated user of your jurisdiction again.' })
  @Roles('jurisdiction-admin')
  async reactivateUser(@CurrentIdentity() identity: Identity, @Args('userId', { type: () => ID }) userId: string): Promise<PlatformUser> {
    return toPlatformUser(await this.users.reactivate(identity, userId));
  }
}

function toPlatformUser(user: DirectoryUser): PlatformUser {
  return {
    id: user.userId,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    jurisdictionId: user.jurisdictionId,
    roles: user.roles as RoleValue[],
    enabled: user.enabled,
    createdAt: user.createdAt,
  };
}

function toInvitation(invited: InvitedUser): Invitation {
  return { user: toPlatformUser(invited.user), temporaryPassword: invited.temporaryPassword };
}
