/** What a person may do in the console, from the realm roles in their token. The API decides; this only hides controls it would refuse. */
export type Capability = 'editPriorities' | 'applyRemedy' | 'submitPlan' | 'approvePlan' | 'editPipeline';

const ALLOWED: Record<Capability, readonly string[]> = {
  editPriorities: ['staff', 'jurisdiction-admin'],
  applyRemedy: ['staff', 'jurisdiction-admin', 'executive'],
  submitPlan: ['jurisdiction-admin'],
  approvePlan: ['executive'],
  editPipeline: ['staff', 'jurisdiction-admin'],
};

/** The roles of the platform, the ones the console shows; Keycloak adds its own (offline_access, …). */
export const PLATFORM_ROLES = ['platform-admin', 'jurisdiction-admin', 'executive', 'staff', 'viewer', 'regional-coordinator'] as const;

export function can(roles: readonly string[], capability: Capability): boolean {
  return ALLOWED[capability].some((role) => roles.includes(role));
}

export function platformRolesOf(roles: readonly string[]): string[] {
  return PLATFORM_ROLES.filter((role) => roles.includes(role));
}
