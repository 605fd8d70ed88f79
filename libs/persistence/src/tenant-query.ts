import type { QueryFilter } from 'mongoose';
import type { TenantScope } from './tenant-scope';

export interface TenantOwned {
  jurisdictionId: string;
}

declare const TENANT_QUERY: unique symbol;

/**
 * Tenancy in the types: every query a repository runs names the jurisdiction it
 * belongs to, and is made only by `tenantQuery` from a TenantScope (itself made
 * only from a verified identity or a consumed event). An object literal with a
 * `jurisdictionId` is not a TenantQuery, so no filter built by hand reaches a
 * repository's scoped methods.
 */
export type TenantQuery<T> = QueryFilter<T> & { jurisdictionId: string; readonly [TENANT_QUERY]: true };

export function tenantQuery<T>(scope: TenantScope, filter: QueryFilter<T> = {}): TenantQuery<T> {
  if (!scope.jurisdictionId) throw new Error('A tenant query needs a jurisdiction id');
  // The scope is applied last so that a filter can never widen it.
  return { ...filter, jurisdictionId: scope.jurisdictionId } as TenantQuery<T>;
}
