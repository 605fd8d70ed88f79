import { Inject, Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@entente/errors';
import { JurisdictionRepository } from '../jurisdiction.repository';
import { checkGrantableRoles, InviteeInput, parseInvitee } from '../jurisdiction.rules';
import type { InvitedUser } from '../jurisdiction.service';
import { JurisdictionService } from '../jurisdiction.service';
import { USER_DIRECTORY, type DirectoryUser, type UserDirectory } from './user-directory.port';

/**
 * A jurisdiction's users, kept in the realm: a jurisdiction-admin invites,
 * lists, deactivates and reactivates the users of their own jurisdiction; a
 * platform-admin may act for any jurisdiction by naming it. A user of another
 * jurisdiction is reported as not found, never as someone else's.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    private readonly jurisdictionService: JurisdictionService,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  async invite(identity: Identity, input: InviteeInput & { roles: readonly string[]; jurisdictionId?: string | null }): Promise<InvitedUser> {
    const jurisdictionId = this.jurisdictionService.targetOf(identity, input.jurisdictionId, 'jurisdictionId');
    const invitee = parseInvitee(input);
    const roles = checkGrantableRoles(identity.roles, input.roles);
    const jurisdiction = await this.jurisdictions.find(this.jurisdictionService.scopeOfTarget(identity, jurisdictionId));
    if (!jurisdiction) {
      throw ValidationError.forField('jurisdictionId', `${jurisdictionId} is not onboarded on the platform; a platform-admin onboards it first`);
    }
    if (jurisdiction.status === 'offboarded' || jurisdiction.status === 'suspended') {
      throw new ForbiddenError(`${jurisdictionId} is ${jurisdiction.status}; no users can be invited`);
    }
    return this.directory.invite({ jurisdictionId, ...invitee, roles });
  }

  list(identity: Identity, jurisdictionId?: string | null): Promise<DirectoryUser[]> {
    return this.directory.listByJurisdiction(this.jurisdictionService.targetOf(identity, jurisdictionId, 'jurisdictionId'));
  }

  /** Disables the user and ends their sessions: their next request is refused at the gateway. */
  async deactivate(identity: Identity, userId: string): Promise<DirectoryUser> {
    const user = await this.ownUser(identity, userId);
    if (user.userId === identity.userId) throw ValidationError.forField('userId', 'you cannot deactivate yourself; ask another jurisdiction-admin');
    await this.directory.setEnabled(user.userId, false);
    return { ...user, enabled: false };
  }

  async reactivate(identity: Identity, userId: string): Promise<DirectoryUser> {
    const user = await this.ownUser(identity, userId);
    const jurisdiction = user.jurisdictionId ? await this.jurisdictions.find(this.jurisdictionService.scopeOfTarget(identity, user.jurisdictionId)) : null;
    if (jurisdiction && jurisdiction.status !== 'active' && jurisdiction.status !== 'onboarding') {
      throw new ForbiddenError(`${jurisdiction.jurisdictionId} is ${jurisdiction.status}; its users cannot be reactivated`);
    }
    await this.directory.setEnabled(user.userId, true);
    return { ...user, enabled: true };
  }

  private async ownUser(identity: Identity, userId: string): Promise<DirectoryUser> {
    const id = typeof userId === 'string' ? userId.trim() : '';
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw ValidationError.forField('userId', 'is not a user id');
    const user = await this.directory.find(id);
    const allowed = user !== null && (identity.roles.includes('platform-admin') || user.jurisdictionId === identity.jurisdictionId);
    if (!user || !allowed) throw new NotFoundError('User', id);
    // Nobody administers a platform-admin through a jurisdiction's user list.
    if (user.roles.includes('platform-admin') && !identity.roles.includes('platform-admin')) throw new NotFoundError('User', id);
    return user;
  }
}
