import { Schema } from 'mongoose';
import { NETWORK_MEMBERSHIP_STATUSES, type NetworkMembershipStatus } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';

/**
 * A network of jurisdictions. It belongs to no jurisdiction (a platform admin
 * or its coordinator made it, members come and go), so it carries no
 * jurisdiction id and is not a tenant record: what each member does in it
 * (its membership, its grants, the copies they cover) is that member's.
 */
export interface NetworkRecord {
  networkId: string;
  name: string;
  description: string | null;
  /**
   * Keycloak user ids of its coordinators. A coordinator is a person, not a
   * jurisdiction: the role regional-coordinator says someone may coordinate,
   * this list says which networks (a coordinator's home jurisdiction gains
   * nothing by it).
   */
  coordinatorUserIds: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const NETWORK_MODEL = 'Network';

export const NetworkSchema = new Schema<NetworkRecord>(
  {
    networkId: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    coordinatorUserIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'networks', versionKey: false },
);
NetworkSchema.index({ networkId: 1 }, { unique: true });
NetworkSchema.index({ coordinatorUserIds: 1 });

/** A jurisdiction's place in one network: the member's record (erased with it), with its events and history. */
export interface MembershipRecord {
  jurisdictionId: string;
  networkId: string;
  status: NetworkMembershipStatus;
  invitedBy: string;
  invitedAt: Date;
  joinedAt: Date | null;
  leftAt: Date | null;
  updatedAt: Date;
}

export const MEMBERSHIP_MODEL = 'NetworkMembership';

export const MembershipSchema = new Schema<MembershipRecord>(
  {
    jurisdictionId: { type: String, required: true },
    networkId: { type: String, required: true },
    status: { type: String, required: true, enum: NETWORK_MEMBERSHIP_STATUSES },
    invitedBy: { type: String, required: true },
    invitedAt: { type: Date, required: true },
    joinedAt: { type: Date, default: null },
    leftAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'network_memberships', versionKey: false },
);
MembershipSchema.index({ jurisdictionId: 1, networkId: 1 }, { unique: true });
MembershipSchema.index({ networkId: 1, status: 1 });
MembershipSchema.plugin(outboxPlugin);
MembershipSchema.plugin(historyPlugin);
