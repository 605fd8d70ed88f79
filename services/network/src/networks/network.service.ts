import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { NetworkMemberInvitedV1, NetworkMemberJoinedV1, NetworkMemberLeftV1, type NetworkMembershipStatus } from '@entente/contracts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@entente/errors';
import { type Change, eventDraft, scopeOf, type TenantScope } from '@entente/persistence';
import { canManage, canSeeNetwork, type NetworkStanding, standingOf } from './network-access';
import { type NetworkInput, parseCoordinators, parseNetwork } from './network.rules';
import type { MembershipRecord, NetworkRecord } from './network.schema';
import { JurisdictionLookup } from './jurisdiction-lookup';
import { MembershipListeners } from './membership-listeners';
import { MembershipRepository } from './membership.repository';
import { NetworkRepository } from './network.repository';

/** A network as its reader may see it: the network, its members by name, and the reader's standing. */
export interface NetworkView {
  network: NetworkRecord;
  members: Array<{ jurisdictionId: string; name: string; status: NetworkMembershipStatus; joinedAt: Date | null }>;
  standing: NetworkStanding;
}

/** A network the caller may read, with the caller's standing in it. */
export interface NetworkInReach {
  network: NetworkRecord;
  standing: NetworkStanding;
}

@Injectable()
export class NetworkService {
  constructor(
    private readonly networks: NetworkRepository,
    private readonly memberships: MembershipRepository,
    private readonly jurisdictions: JurisdictionLookup,
    private readonly listeners: MembershipListeners,
  ) {}

  /**
   * A platform-admin creates a network and names its coordinators; a
   * regional-coordinator creates one they run (named its coordinator).
   */
  async create(identity: Identity, input: NetworkInput): Promise<NetworkRecord> {
    const content = parseNetwork(input);
    const isAdmin = identity.roles.includes('platform-admin');
    const coordinators = isAdmin ? content.coordinatorUserIds : [...new Set([identity.userId, ...content.coordinatorUserIds])];
    const now = new Date();
    return this.networks.create({ networkId: randomUUID(), ...content, coordinatorUserIds: coordinators, createdBy: identity.userId, createdAt: now, updatedAt: now });
  }

  async setCoordinators(identity: Identity, networkId: string, userIds: unknown): Promise<NetworkRecord> {
    const coordinators = parseCoordinators(userIds);
    const { standing } = await this.reach(identity, networkId);
    if (!canManage(standing)) throw new ForbiddenError(`only the network's coordinators or a platform-admin name its coordinators`);
    return (await this.networks.setCoordinators(networkId, coordinators, new Date())) as NetworkRecord;
  }

  /** Invites a jurisdiction (again, after it left); it becomes a member when its admin accepts. */
  async invite(identity: Identity, networkId: string, jurisdictionId: string): Promise<MembershipRecord> {
    const { network, standing } = await this.reach(identity, networkId);
    if (!canManage(standing)) throw new ForbiddenError(`only the network's coordinators or a platform-admin invite members`);
    if (!(await this.jurisdictions.existsAcrossJurisdictionsWithId(jurisdictionId))) {
      throw ValidationError.forField('jurisdictionId', `no jurisdiction ${JSON.stringify(jurisdictionId.slice(0, 63))} is onboarded on the platform`);
    }
    const now = new Date();
    const payload = (status: NetworkMembershipStatus) => ({ networkId, networkName: network.name, memberJurisdictionId: jurisdictionId, status, changedBy: identity.userId });
    const existing = await this.memberships.findAcrossJurisdictionsFor(networkId, jurisdictionId);
    if (!existing) {
      const membership: MembershipRecord = { jurisdictionId, networkId, status: 'invited', invitedBy: identity.userId, invitedAt: now, joinedAt: null, leftAt: null, updatedAt: now };
      return this.memberships.create(membership, [eventDraft(NetworkMemberInvitedV1, { aggregateId: networkId, payload: payload('invited') })], changeBy(identity, 'invited', now));
    }
    const { scope, record } = existing;
    if (record.status !== 'left') throw new ConflictError(`${jurisdictionId} is already ${record.status === 'active' ? 'a member' : 'invited'}`);
    const saved = await this.memberships.update(
      scope,
      record,
      { status: 'invited', invitedBy: identity.userId, invitedAt: now, joinedAt: null, leftAt: null },
      [eventDraft(NetworkMemberInvitedV1, { aggregateId: networkId, payload: payload('invited') })],
      changeBy(identity, 'invited', now),
    );
    if (!saved) throw changedMeanwhile(networkId);
    return saved;
  }

  /** The jurisdiction's admin accepts an invitation. */
  async accept(identity: Identity, networkId: string): Promise<MembershipRecord> {
    const scope = scopeOf(identity);
    const { network, membership } = await this.ownMembership(scope, networkId);
    if (membership.status !== 'invited') throw new ConflictError(membership.status === 'active' ? 'your jurisdiction is already a member' : 'your jurisdiction left this network; a coordinator can invite it again');
    const now = new Date();
    const event = eventDraft(NetworkMemberJoinedV1, {
      aggregateId: networkId,
      payload: { networkId, networkName: network.name, memberJurisdictionId: scope.jurisdictionId, status: 'active', changedBy: identity.userId },
    });
    const saved = await this.memberships.update(scope, membership, { status: 'active', joinedAt: now }, [event], changeBy(identity, 'joined', now));
    if (!saved) throw changedMeanwhile(networkId);
    return saved;
  }

  /** The jurisdiction's admin leaves (or declines): its grants are revoked and their copies gone before the membership ends. */
  async leave(identity: Identity, networkId: string): Promise<MembershipRecord> {
    const scope = scopeOf(identity);
    const { network, membership } = await this.ownMembership(scope, networkId);
    if (membership.status === 'left') throw new ConflictError('your jurisdiction has already left this network');
    const revokedGrantIds = await this.listeners.beforeLeaving(scope, networkId, identity.userId);
    const now = new Date();
    const event = eventDraft(NetworkMemberLeftV1, {
      aggregateId: networkId,
      payload: { networkId, networkName: network.name, memberJurisdictionId: scope.jurisdictionId, status: 'left', changedBy: identity.userId, revokedGrantIds },
    });
    const saved = await this.memberships.update(scope, membership, { status: 'left', leftAt: now }, [event], changeBy(identity, 'left', now));
    if (!saved) throw changedMeanwhile(networkId);
    return saved;
  }

  /** The networks the caller may see: its jurisdiction's (invited or member), those it coordinates; every one for a platform-admin. */
  async list(identity: Identity): Promise<NetworkInReach[]> {
    const own = await this.memberships.ofJurisdiction(scopeOf(identity));
    const statusOf = new Map(own.map((m) => [m.networkId, m.status]));
    const found = identity.roles.includes('platform-admin')
      ? await this.networks.all()
      : [...(await this.networks.byIds(own.filter((m) => m.status !== 'left').map((m) => m.networkId))), ...(await this.networks.coordinatedBy(identity.userId))];
    const unique = [...new Map(found.map((n) => [n.networkId, n])).values()];
    return unique
      .map((network) => ({ network, standing: standingOf(identity, network, statusOf.get(network.networkId) ?? null) }))
      .filter(({ standing }) => canSeeNetwork(standing));
  }

  async view(identity: Identity, networkId: string): Promise<NetworkView> {
    const { network, standing } = await this.reach(identity, networkId);
    if (!canSeeNetwork(standing)) throw new NotFoundError('Network', networkId);
    const members = (await this.memberships.ofNetworkAcrossJurisdictions(networkId, ['invited', 'active'])).map(({ record }) => record);
    const names = await this.jurisdictions.namesAcrossJurisdictions(members.map((m) => m.jurisdictionId));
    return {
      network,
      standing,
      members: members.map((m) => ({ jurisdictionId: m.jurisdictionId, name: names.get(m.jurisdictionId) ?? m.jurisdictionId, status: m.status, joinedAt: m.joinedAt })),
    };
  }

  /**
   * The network and the caller's standing in it. A network the caller may
   * not see answers exactly like one that does not exist.
   */
  async reach(identity: Identity, networkId: string): Promise<NetworkInReach> {
    const network = await this.networks.get(networkId);
    if (!network) throw new NotFoundError('Network', networkId);
    const membership = await this.memberships.get(scopeOf(identity), networkId);
    const standing = standingOf(identity, network, membership?.status ?? null);
    if (!canSeeNetwork(standing)) throw new NotFoundError('Network', networkId);
    return { network, standing };
  }

  /** The caller's jurisdiction's membership of a network it may see. */
  async ownMembership(scope: TenantScope, networkId: string): Promise<{ network: NetworkRecord; membership: MembershipRecord }> {
    const [network, membership] = await Promise.all([this.networks.get(networkId), this.memberships.get(scope, networkId)]);
    if (!network || !membership) throw new NotFoundError('Network', networkId);
    return { network, membership };
  }

  /** The active members of a network (their ids), for views built across them. */
  async activeMemberIds(networkId: string): Promise<string[]> {
    return (await this.memberships.ofNetworkAcrossJurisdictions(networkId, ['active'])).map(({ record }) => record.jurisdictionId);
  }

  memberNames(jurisdictionIds: readonly string[]): Promise<Map<string, string>> {
    return this.jurisdictions.namesAcrossJurisdictions(jurisdictionIds);
  }

  /** The profiles (name, level, country) members show their networks, for spotting. */
  memberProfiles(jurisdictionIds: readonly string[]): ReturnType<JurisdictionLookup['profilesAcrossJurisdictions']> {
    return this.jurisdictions.profilesAcrossJurisdictions(jurisdictionIds);
  }

  /** Every network's id, for what the service itself builds per network at start-up (no reader involved). */
  async allNetworkIds(): Promise<string[]> {
    return (await this.networks.all()).map((n) => n.networkId);
  }
}

function changeBy(identity: Identity, action: string, at: Date): Change {
  return { actor: identity, action, at };
}

function changedMeanwhile(networkId: string): ConflictError {
  return new ConflictError(`the membership of network ${networkId} was changed by someone else meanwhile; reload and try again`);
}
