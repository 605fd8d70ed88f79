/** Roles the platform knows; any other realm role in a token is ignored. */
export const PLATFORM_ROLES = [
  'platform-admin',
  'jurisdiction-admin',
  'executive',
  'staff',
  'viewer',
  'regional-coordinator',
] as const;

export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Every role of a jurisdiction that may read its records. */
export const READER_ROLES = ['viewer', 'staff', 'executive', 'jurisdiction-admin', 'regional-coordinator'] as const satisfies readonly PlatformRole[];
/** The roles of a jurisdiction that record and change its records (jurisdiction-admin also merges and deletes). */
export const WRITER_ROLES = ['staff', 'jurisdiction-admin'] as const satisfies readonly PlatformRole[];

export function isPlatformRole(value: unknown): value is PlatformRole {
  return typeof value === 'string' && (PLATFORM_ROLES as readonly string[]).includes(value);
}

/** Who is calling, as proven by a verified access token. Never built from client-set headers. */
export interface Identity {
  /** Keycloak user id (`sub`). */
  readonly userId: string;
  /** `preferred_username`; falls back to the user id when the realm does not map it. */
  readonly username: string;
  /** The jurisdiction the user acts for (claim `jurisdiction`). */
  readonly jurisdictionId: string;
  readonly roles: readonly PlatformRole[];
  /** The user's verified email address (claims `email` + `email_verified`), when the token carries one. */
  readonly email?: string;
}

/** platform-admin satisfies every role check; otherwise any one of `required` suffices. */
export function hasAnyRole(identity: Identity, required: readonly PlatformRole[]): boolean {
  if (identity.roles.includes('platform-admin')) return true;
  if (required.length === 0) return true;
  return required.some((role) => identity.roles.includes(role));
}
