import type { Identity } from '@entente/auth';
import type { EventEnvelope } from '@entente/contracts';

declare const TENANT_SCOPE: unique symbol;

/**
 * The jurisdiction a repository call acts for. Branded: it is made only by
 * the functions below, from a verified identity or from a consumed event's
 * envelope, never from a plain `{ jurisdictionId }` that any object (client
 * input included) would satisfy. Every way to make one is in this file.
 */
export type TenantScope = { readonly jurisdictionId: string } & { readonly [TENANT_SCOPE]: true };

function mint(jurisdictionId: string): TenantScope {
  if (typeof jurisdictionId !== 'string' || jurisdictionId.length === 0) throw new Error('A tenant scope needs a jurisdiction id');
  return Object.freeze({ jurisdictionId }) as TenantScope;
}

/** The caller's own jurisdiction, from the identity its verified token proves. */
export function scopeOf(identity: Pick<Identity, 'jurisdictionId' | 'userId' | 'roles'>): TenantScope {
  return mint(identity.jurisdictionId);
}

/** The jurisdiction a consumed event belongs to: what a projection or handler of it may touch. */
export function scopeOfEvent(event: Pick<EventEnvelope, 'jurisdictionId' | 'eventId'>): TenantScope {
  return mint(event.jurisdictionId);
}

/**
 * Another jurisdiction's scope for a platform-admin (onboarding, export,
 * offboarding act on the jurisdiction named, not the admin's own); anyone
 * else is refused.
 */
export function scopeForPlatformAdmin(identity: Pick<Identity, 'roles'>, jurisdictionId: string): TenantScope {
  if (!identity.roles.includes('platform-admin')) throw new Error('Only a platform-admin acts for another jurisdiction');
  return mint(jurisdictionId);
}

/**
 * For TenantRepository's reads across jurisdictions only: a record found by
 * such a read carries the scope it belongs to, so that what follows (the
 * import runner working a claimed job) is scoped again. Not exported from the library.
 */
export function scopeOfStoredRecord(record: { jurisdictionId: string }): TenantScope {
  return mint(record.jurisdictionId);
}
