import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { JURISDICTION_ID_PATTERN } from '../reference/jurisdiction-levels';
import { TOPICS } from '../topics';

/** Where a jurisdiction stands in a network: invited, a member, or gone (left, or declined the invitation). */
export const NETWORK_MEMBERSHIP_STATUSES = ['invited', 'active', 'left'] as const;
export type NetworkMembershipStatus = (typeof NETWORK_MEMBERSHIP_STATUSES)[number];

/**
 * A jurisdiction's membership of one network as other services (and the
 * network service's own spotting) need it: which network, its name, the
 * status after the change and who made it. The envelope's jurisdiction is
 * the member's, so an offboarding erases it with the rest of its data; keyed
 * by network id, so one network's membership changes stay in order.
 */
export const NetworkMembershipStateV1Schema = z.strictObject({
  networkId: z.string().min(1),
  networkName: z.string().trim().min(1).max(200),
  memberJurisdictionId: z.string().regex(JURISDICTION_ID_PATTERN),
  status: z.enum(NETWORK_MEMBERSHIP_STATUSES),
  /** The Keycloak user id of whoever invited, accepted or left. */
  changedBy: z.string().min(1),
});

/** A coordinator or platform-admin invited the jurisdiction; nothing is shared until it accepts and grants. */
export const NetworkMemberInvitedV1 = defineEvent({ type: 'network.member.invited', version: 1, topic: TOPICS.networkMembership, schema: NetworkMembershipStateV1Schema });
/** The jurisdiction's admin accepted: it is a member and may share with the network. */
export const NetworkMemberJoinedV1 = defineEvent({ type: 'network.member.joined', version: 1, topic: TOPICS.networkMembership, schema: NetworkMembershipStateV1Schema });
/**
 * The jurisdiction left (or declined the invitation). Every grant it had made
 * to the network is revoked with it, and the copies those grants covered are gone.
 */
export const NetworkMemberLeftV1 = defineEvent({
  type: 'network.member.left',
  version: 1,
  topic: TOPICS.networkMembership,
  schema: NetworkMembershipStateV1Schema.extend({ revokedGrantIds: z.array(z.string().min(1)) }),
});

export type NetworkMembershipStateV1Payload = z.output<typeof NetworkMembershipStateV1Schema>;
export type NetworkMemberLeftV1Payload = z.output<typeof NetworkMemberLeftV1.schema>;
