import { Inject, Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { InventoryVersionRepository } from './inventory-version.repository';
import { ViewCache } from '@entente/persistence';

export const VIEW_CACHE = Symbol('VIEW_CACHE');

/**
 * The views' cache, made safe by the inventory version: each read first
 * looks up the jurisdiction's stamp (one lookup by unique key) and is served
 * from this process's cache only when the cached view was computed at that
 * same stamp. Every write bumps the stamp before and after it writes
 * (OutboxRepository), so a write is in the very next view read, in this
 * replica or any other: the stamp lives in MongoDB, the cache in each process.
 */
@Injectable()
export class CachedViews {
  constructor(
    private readonly versions: InventoryVersionRepository,
    @Inject(VIEW_CACHE) private readonly cache: ViewCache,
  ) {}

  /**
   * The view named `view` of the scope's jurisdiction (the name carries its
   * arguments, e.g. `country-profile:DK`). `weigh` says how many records the
   * answer holds, which is what the cache's size bound counts.
   */
  async read<T>(scope: TenantScope, view: string, compute: () => Promise<T>, weigh: (value: T) => number = () => 1): Promise<T> {
    if (!this.cache.enabled) return compute();
    const readAt = this.cache.clock();
    const stamp = await this.versions.current(scope);
    return this.cache.read(`${scope.jurisdictionId}\u0000${view}`, stamp === null ? null : { stamp, readAt }, compute, weigh);
  }
}
