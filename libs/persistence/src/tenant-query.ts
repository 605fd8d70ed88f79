import type { QueryFilter } from 'mongoose';

/**
 * Tenancy in the types: every query a repository runs names the jurisdiction it
 * belongs to. A filter without `jurisdictionId` does not compile, and the
 * jurisdiction comes from the authenticated identity, never from client input.
 */
export interface TenantScope {
  readonly jurisdictionId: string;
}

export interface TenantOwned {
  jurisdictionId: string;
}

export type TenantQuery<T> = QueryFilter<T> & { jurisdictionId: string };

export function tenantQuery<T>(scope: TenantScope, filter: QueryFilter<T> = {}): TenantQuery<T> {
  if (!scope.jurisdictionId) throw new Error('A tenant query needs a jurisdiction id');
  // The scope is applied last so that a filter can never widen it.
  return { ...filter, jurisdictionId: scope.jurisdictionId } as TenantQuery<T>;
}
