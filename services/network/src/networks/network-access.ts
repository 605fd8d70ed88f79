import type { Identity } from '@entente/auth';
import type { NetworkMembershipStatus } from '@entente/contracts';
import type { NetworkRecord } from './network.schema';

/**
 * Who may do what with one network, decided without I/O from the caller's
 * verified identity, the network and the caller's jurisdiction's membership:
 * - a coordinator is a user named on the network who holds the role
 *   regional-coordinator (taking the role away in Keycloak ends it);
 * - a member is a jurisdiction whose membership is active; its people see
 *   what the network's grants allow, its admin shares and leaves;
 * - a platform-admin manages networks (create, invite, name coordinators)
 *   but reads no member's shared data unless named a coordinator;
 * - anyone else learns nothing, not even that the network exists.
 */
export interface NetworkStanding {
  coordinator: boolean;
  platformAdmin: boolean;
  membership: NetworkMembershipStatus | null;
}

export function standingOf(identity: Identity, network: NetworkRecord, membership: NetworkMembershipStatus | null): NetworkStanding {
  return {
    coordinator: identity.roles.includes('regional-coordinator') && network.coordinatorUserIds.includes(identity.userId),
    platformAdmin: identity.roles.includes('platform-admin'),
    membership,
  };
}

/** May know the network exists and who is in it: its coordinators, its members and invitees, a platform-admin. */
export function canSeeNetwork(standing: NetworkStanding): boolean {
  return standing.coordinator || standing.platformAdmin || standing.membership === 'active' || standing.membership === 'invited';
}

/** May read what members share: its coordinators and its active members. */
export function canReadSharedData(standing: NetworkStanding): boolean {
  return standing.coordinator || standing.membership === 'active';
}

/** May invite members and name coordinators. */
export function canManage(standing: NetworkStanding): boolean {
  return standing.coordinator || standing.platformAdmin;
}
