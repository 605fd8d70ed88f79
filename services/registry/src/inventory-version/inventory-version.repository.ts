import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { TallyCells, TallyIncrement } from '../assets/asset-tallies';
import { INVENTORY_VERSION_MODEL, InventoryVersionRecord, InventoryVersionSchema, PendingWrite } from './inventory-version.schema';

const DUPLICATE_KEY = 11000;

/**
 * Runs `write` between two bumps of the inventory version. The first retires
 * the stamp that views being computed right now have read, so whatever they
 * cache is never served again. The second retires the stamp that views
 * computed while the write was under way have read (they may or may not have
 * seen it): once the write returns, no view read is served an answer from
 * before it. The second bump is made even when the write fails, since a
 * failed write may still have been applied (a lost acknowledgement); the
 * write's own error is the one reported.
 */
export async function bracketWrite<R>(bump: () => Promise<void>, write: () => Promise<R>): Promise<R> {
  await bump();
  let result: R;
  try {
    result = await write();
  } catch (error) {
    await bump().catch(() => undefined);
    throw error;
  }
  await bump();
  return result;
}

/** An asset write whose Table 1 tally increments ride along with it (see aroundTallied). */
export interface TalliedWrite {
  writeId: string;
  assetId: string;
  increments: TallyIncrement[];
}

/** What the Table 1 summary reads of the version document. */
export interface TallyState {
  stamp: string;
  /** Null until the tallies have been counted from scratch (or after something made them untrustworthy). */
  cells: TallyCells | null;
  pending: PendingWrite[];
}

/**
 * The inventory version of each jurisdiction: one small document, read by
 * every view (by its unique key) and bumped around every registry record
 * write (OutboxRepository does it, so no write path can forget).
 */
@Injectable()
export class InventoryVersionRepository extends TenantRepository<InventoryVersionRecord> {
  private uniqueIndex?: Promise<void>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<InventoryVersionRecord>(INVENTORY_VERSION_MODEL, InventoryVersionSchema));
  }

  /** The jurisdiction's current stamp; null before its first write or after its erasure, when no view may be cached. */
  async current(scope: TenantScope): Promise<string | null> {
    const found = await this.model.findOne(tenantQuery<InventoryVersionRecord>(scope), { _id: 0, stamp: 1 }).lean<{ stamp: string }>().exec();
    return found?.stamp ?? null;
  }

  /** Gives the jurisdiction a new stamp, creating its document on its first write. */
  async bump(scope: TenantScope): Promise<void> {
    await this.ensureUniqueIndex();
    await this.upsert(scope, this.newStamp());
  }

  /** The unique index must exist before the first upsert, or two first writes could make two documents. */
  private ensureUniqueIndex(): Promise<void> {
    this.uniqueIndex ??= this.model.createIndexes().catch((error: unknown) => {
      // Try again on the next write rather than refuse every write after one failure.
      this.uniqueIndex = undefined;
      throw error;
    });
    return this.uniqueIndex;
  }

  /** Runs a write of the jurisdiction's records between two bumps (see bracketWrite). */
  around<R>(scope: TenantScope, write: () => Promise<R>): Promise<R> {
    return bracketWrite(() => this.bump(scope), write);
  }

  /**
   * Runs an asset write between two bumps that also keep the Table 1 tallies.
   * The first bump records the write as pending, with its increments. The
   * write itself must put `tallied.writeId` in the asset's history, in the
   * same single-document write: that is how a reader tells whether a pending
   * write happened (see AssetTallies). The second bump applies the
   * increments and retires the marker in one atomic update when the write
   * applied, or retires it alone when the write matched nothing (`write`
   * answered null). When the write failed, whether it applied is unknown:
   * the marker stays for readers to settle from the asset's history.
   */
  async aroundTallied<R>(scope: TenantScope, tallied: TalliedWrite, write: () => Promise<R | null>): Promise<R | null> {
    await this.ensureUniqueIndex();
    const pending: PendingWrite = { writeId: tallied.writeId, assetId: tallied.assetId, at: new Date(), increments: tallied.increments };
    await this.upsert(scope, { ...this.newStamp(), $push: { pending } });
    let result: R | null;
    try {
      result = await write();
    } catch (error) {
      // A duplicate key is a write that certainly did not apply; any other failure may have.
      if ((error as { code?: unknown } | null)?.code === DUPLICATE_KEY) await this.settle(scope, tallied.writeId, [], this.newStamp()).catch(() => undefined);
      else await this.bump(scope).catch(() => undefined);
      throw error;
    }
    const settled = await this.settle(scope, tallied.writeId, result === null ? [] : tallied.increments, this.newStamp());
    // No marker to settle: a reader settled it already (it saw the write), or gave the write up as
    // lost while it was still under way; in doubt the tallies are counted again.
    if (!settled && result !== null) await this.untrustTallies(scope, this.newStamp());
    else if (!settled) await this.bump(scope);
    return result;
  }

  /** The stamp, the Table 1 tallies and the pending asset writes; null before the jurisdiction's first write. */
  async tallyState(scope: TenantScope): Promise<TallyState | null> {
    const found = await this.model
      .findOne(tenantQuery<InventoryVersionRecord>(scope), { _id: 0, stamp: 1, tableOne: 1, tableOneBuiltAt: 1, pending: 1 })
      .lean<Pick<InventoryVersionRecord, 'stamp' | 'tableOne' | 'tableOneBuiltAt' | 'pending'>>()
      .exec();
    if (!found) return null;
    return { stamp: found.stamp, cells: found.tableOneBuiltAt ? (found.tableOne ?? {}) : null, pending: found.pending ?? [] };
  }

  /**
   * Retires a pending write's marker and applies `increments` in the same
   * atomic update; false when the marker was already gone (someone else
   * settled it). `extra` may carry a new stamp.
   */
  async settle(scope: TenantScope, writeId: string, increments: readonly TallyIncrement[], extra: Record<string, unknown> = {}): Promise<boolean> {
    const inc: Record<string, number> = {};
    for (const { key, n, sum } of increments) {
      inc[`tableOne.${key}.n`] = (inc[`tableOne.${key}.n`] ?? 0) + n;
      inc[`tableOne.${key}.sum`] = (inc[`tableOne.${key}.sum`] ?? 0) + sum;
    }
    const update: Record<string, unknown> = { ...extra, $pull: { pending: { writeId } } };
    if (Object.keys(inc).length > 0) update['$inc'] = { ...inc, ...((extra['$inc'] as Record<string, number> | undefined) ?? {}) };
    const result = await this.model.collection.updateOne(rawQuery(scope, { 'pending.writeId': writeId }), update);
    return result.matchedCount > 0;
  }

  /**
   * Gives up a pending write that never showed in its asset's history: the
   * marker goes and the tallies are no longer trusted, so the next reader
   * counts them again. Only while the marker is still there (atomic).
   */
  async abandon(scope: TenantScope, writeId: string): Promise<void> {
    const update: Record<string, unknown> = { $pull: { pending: { writeId } }, $unset: { tableOne: '', tableOneBuiltAt: '' } };
    await this.model.collection.updateOne(rawQuery(scope, { 'pending.writeId': writeId }), update);
  }

  /**
   * Stores tallies counted from scratch, if nothing was written since the
   * count began: the stamp is still the one read before counting and no write
   * is pending (every write bumps the stamp and leaves a marker before it
   * writes). Otherwise it stores nothing and the next reader counts again.
   */
  async storeCounted(scope: TenantScope, stampBeforeCount: string, cells: TallyCells): Promise<boolean> {
    const result = await this.model.collection.updateOne(rawQuery(scope, { stamp: stampBeforeCount, $or: [{ pending: { $exists: false } }, { pending: { $size: 0 } }] }), {
      $set: { tableOne: cells, tableOneBuiltAt: new Date() },
    });
    return result.modifiedCount > 0;
  }

  private async untrustTallies(scope: TenantScope, extra: Record<string, unknown>): Promise<void> {
    await this.model.collection.updateOne(rawQuery(scope), { ...extra, $unset: { tableOne: '', tableOneBuiltAt: '' } });
  }

  private newStamp(): { $set: { stamp: string; changedAt: Date }; $inc: { bumps: number } } {
    return { $set: { stamp: randomUUID(), changedAt: new Date() }, $inc: { bumps: 1 } };
  }

  private async upsert(scope: TenantScope, update: Record<string, unknown>): Promise<void> {
    const query = rawQuery(scope);
    try {
      await this.model.collection.updateOne(query, update, { upsert: true });
    } catch (error) {
      // Two first writes raced to create the document and the other one won: update it.
      if ((error as { code?: unknown } | null)?.code !== DUPLICATE_KEY) throw error;
      await this.model.collection.updateOne(query, update);
    }
  }
}

/** A tenant query for the driver's own calls, which the tallies use: mongoose would cast their encoded keys. */
function rawQuery(scope: TenantScope, filter: Record<string, unknown> = {}): Record<string, unknown> {
  return tenantQuery<InventoryVersionRecord>(scope, filter) as Record<string, unknown>;
}
