import { useSession } from '../session';

/** What the person may change in the registry. The API decides (writes: staff and admins; remove and merge: admins); this only hides what it would refuse. */
export function useRegistryRoles(): { mayEdit: boolean; mayRemove: boolean; mayMerge: boolean } {
  const roles = useSession().auth.person.roles;
  const admin = roles.includes('jurisdiction-admin');
  return { mayEdit: admin || roles.includes('staff'), mayRemove: admin, mayMerge: admin };
}
