import { useSession } from '../session';

/** What the person may do in networks. The API decides; this only hides what it would refuse. */
export function useNetworkRoles(): { jurisdictionAdmin: boolean; writer: boolean; mayCreate: boolean; platformAdmin: boolean } {
  const roles = useSession().auth.person.roles;
  return {
    // Accepting, leaving, sharing and revoking are the member's jurisdiction-admin's; so are proposing, joining and leaving joint efforts.
    jurisdictionAdmin: roles.includes('jurisdiction-admin'),
    // A member's staff and admin post on the seeking-partners board, answer and close.
    writer: roles.includes('staff') || roles.includes('jurisdiction-admin'),
    mayCreate: roles.includes('platform-admin') || roles.includes('regional-coordinator'),
    platformAdmin: roles.includes('platform-admin'),
  };
}

/** Who steers a joint effort (moves it along, invites another member, changes the cost shares): a coordinator of its network, or the lead's jurisdiction-admin. */
export function steersEffort(effort: { leadJurisdictionId: string }, who: { coordinator: boolean; memberAdmin: boolean; jurisdictionId: string }): boolean {
  return who.coordinator || (who.memberAdmin && effort.leadJurisdictionId === who.jurisdictionId);
}
