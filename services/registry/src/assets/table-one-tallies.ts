import { Inject, Injectable, Optional } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { InventoryVersionRepository } from '../inventory-version/inventory-version.repository';
import type { PendingWrite } from '../inventory-version/inventory-version.schema';
import type { AssetTally } from '../views/table-one';
import { applyIncrements, cellsOf, talliesOf } from './asset-tallies';
import { AssetRepository } from './asset.repository';

/** When a reader settles a pending write itself rather than leave it to its writer. */
export interface PendingWriteAges {
  /** A write seen in its asset's history but still pending this long: its writer died before settling it. */
  settleAfterMs: number;
  /** A write still not in its asset's history this long: it never applied (or its outcome was lost). */
  abandonAfterMs: number;
}

export const DEFAULT_PENDING_WRITE_AGES: PendingWriteAges = { settleAfterMs: 10_000, abandonAfterMs: 5 * 60_000 };

/** Overrides DEFAULT_PENDING_WRITE_AGES (tests that cannot wait minutes). */
export const PENDING_WRITE_AGES = Symbol('PENDING_WRITE_AGES');

/**
 * The Table 1 tallies of a jurisdiction's live assets, read from its
 * inventory version document instead of counted from every asset: the kept
 * tallies plus the increments of the writes still pending that have
 * happened (their id is in their asset's history). Tallies that are not
 * trusted (never counted yet, or given up on) are counted from scratch and
 * stored when no write began meanwhile.
 *
 * Readers also clean up after writers that died: a write that happened but
 * was never settled is settled once it is `settleAfterMs` old (younger, its
 * writer is probably about to); a write that never showed is given up once
 * `abandonAfterMs` old, and the tallies are counted again, since a write
 * that late could still land.
 */
@Injectable()
export class TableOneTallies {
  private readonly ages: PendingWriteAges;

  constructor(
    private readonly assets: AssetRepository,
    private readonly versions: InventoryVersionRepository,
    @Optional() @Inject(PENDING_WRITE_AGES) ages?: PendingWriteAges,
  ) {
    this.ages = ages ?? DEFAULT_PENDING_WRITE_AGES;
  }

  async current(scope: TenantScope): Promise<AssetTally[]> {
    const state = await this.versions.tallyState(scope);
    // No version document: no write since tallies came in (or ever); count, and keep nothing.
    if (state === null) return talliesOf(cellsOf(await this.assets.tallies(scope)));
    if (state.cells === null) {
      const counted = cellsOf(await this.assets.tallies(scope));
      if (state.pending.length === 0) await this.versions.storeCounted(scope, state.stamp, counted);
      else await Promise.all(state.pending.map((write) => this.happened(scope, write)));
      return talliesOf(counted);
    }
    let cells = state.cells;
    for (const write of state.pending) {
      if (await this.happened(scope, write)) cells = applyIncrements(cells, write.increments);
    }
    return talliesOf(cells);
  }

  /** Whether a pending write happened; settles or abandons it when its writer is past doing so. */
  private async happened(scope: TenantScope, write: PendingWrite): Promise<boolean> {
    const age = Date.now() - new Date(write.at).getTime();
    if (await this.assets.hasWrite(scope, write.assetId, write.writeId)) {
      if (age >= this.ages.settleAfterMs) await this.versions.settle(scope, write.writeId, write.increments);
      return true;
    }
    if (age >= this.ages.abandonAfterMs) await this.versions.abandon(scope, write.writeId);
    return false;
  }
}
