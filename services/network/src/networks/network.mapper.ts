import type { Network, NetworkMembership } from './network.model';
import type { MembershipRecord } from './network.schema';
import type { NetworkInReach, NetworkView } from './network.service';

export function toNetwork({ network, standing }: NetworkInReach, members: NetworkView['members'] = []): Network {
  return {
    id: network.networkId,
    name: network.name,
    description: network.description,
    coordinatorUserIds: [...network.coordinatorUserIds],
    myMembership: standing.membership,
    iCoordinate: standing.coordinator,
    members: members.map((m) => ({ ...m })),
    createdAt: network.createdAt,
  };
}

export function toNetworkView(view: NetworkView): Network {
  return toNetwork(view, view.members);
}

export function toMembership(record: MembershipRecord): NetworkMembership {
  const { networkId, jurisdictionId, status, invitedAt, joinedAt, leftAt } = record;
  return { networkId, jurisdictionId, status, invitedAt, joinedAt, leftAt };
}
