import { useSession } from '../session';

/** What the person may change in planning: staff and jurisdiction-admins draft (strategy, plan, visit requests). The API decides; this only hides what it would refuse. */
export function usePlanningRoles(): { mayEdit: boolean } {
  const roles = useSession().auth.person.roles;
  return { mayEdit: roles.includes('staff') || roles.includes('jurisdiction-admin') };
}
