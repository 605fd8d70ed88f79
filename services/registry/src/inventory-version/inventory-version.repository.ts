import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError, TenantRepository, type TenantScope, tenantQuery, type TenantQuery, type WriteListener } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { KeptCountryTallies, countryPath, HEAD_SIZE, HeadChange, keptCountriesWith, TallyCells, TallyIncrement } from './kept-tallies';
import { INVENTORY_VERSION_MODEL, InventoryVersionRecord, InventoryVersionSchema, PendingWrite } from './inventory-version.schema';

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

/** An asset write whose tally changes ride along with it (see aroundTallied). */
export interface TalliedWrite {
  writeId: string;
  assetId: string;
  increments: TallyIncrement[];
  heads: HeadChange[];
}

/** What a view reads of the version document: its part of the tallies, and the writes pending. */
export interface TallyState<T> {
  stamp: string;
  /** Null until counted from scratch (or after something made the tallies untrustworthy). */
  tallies: T | null;
  pending: PendingWrite[];
  /** The countries whose profile tallies are kept (see builtOnly). */
  builtCountries: string[];
}

const NO_PENDING = { $or: [{ pending: { $exists: false } }, { pending: { $size: 0 } }] };
const UNTRUST = { tableOne: '', tableOneBuiltAt: '', countries: '', builtCountries: '' };

/**
 * A write's tally changes without those of countries whose profile tallies
 * are not kept: a country's tallies are kept from the first time its profile
 * is read, so the document holds only the countries people look at, and its
 * size (which every update of it costs) stays small. No country starts being
 * kept while a write is pending (storeCountry waits for none), so the set a
 * write's first bump saw still holds when it settles.
 */
export function builtOnly(write: Pick<TalliedWrite, 'increments' | 'heads'>, builtCountries: readonly string[]): Pick<TalliedWrite, 'increments' | 'heads'> {
  const kept = (path: string): boolean => !path.startsWith('countries.') || builtCountries.some((country) => path.startsWith(`${countryPath(country)}.`));
  return { increments: write.increments.filter((increment) => kept(increment.key)), heads: write.heads.filter((change) => kept(change.head)) };
}

/**
 * The inventory version of each jurisdiction: one small document, read by
 * every view (by its unique key) and bumped around every write of the
 * records the views show. It is the write listener of those repositories
 * (assets, partners, relationships, engagements), so no write path of theirs
 * can forget; one instance per process (ViewCacheModule provides it).
 */
@Injectable()
export class InventoryVersionRepository extends TenantRepository<InventoryVersionRecord> implements WriteListener<TalliedWrite> {
  private uniqueIndex?: Promise<void>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<InventoryVersionRecord>(INVENTORY_VERSION_MODEL, InventoryVersionSchema));
  }

  /** The jurisdiction's current stamp; null before its first write or after its erasure, when no view may be cached. */
  async current(scope: TenantScope): Promise<string | null> {
    const found = await this.findOne<{ stamp: string }>(tenantQuery<InventoryVersionRecord>(scope), { _id: 0, stamp: 1 });
    return found?.stamp ?? null;
  }

  /** Gives the jurisdiction a new stamp, creating its document on its first write. */
  async bump(scope: TenantScope): Promise<void> {
    await this.ensureUniqueIndex();
    await this.upsert(scope, this.newStamp());
  }

  /** The unique index must exist before the first upsert, or two first writes could make two documents. */
  private ensureUniqueIndex(): Promise<void> {
    this.uniqueIndex ??= this.ensureIndexes().catch((error: unknown) => {
      // Try again on the next write rather than refuse every write after one failure.
      this.uniqueIndex = undefined;
      throw error;
    });
    return this.uniqueIndex;
  }

  /**
   * Runs a write of the jurisdiction's records between two bumps (see
   * bracketWrite); an asset write that keeps the tallies (`tallied`) as
   * aroundTallied says.
   */
  around<R>(scope: TenantScope, tallied: TalliedWrite | undefined, write: () => Promise<R>): Promise<R> {
    if (tallied) return this.aroundTallied(scope, tallied, write) as Promise<R>;
    return bracketWrite(() => this.bump(scope), write);
  }

  /**
   * Runs an asset write between two bumps that also keep the tallies of the views.
   * The first bump records the write as pending, with its tally changes. The
   * write itself must put `tallied.writeId` in the asset's history, in the
   * same single-document write: that is how a reader tells whether a pending
   * write happened (see InventoryTallies). The second bump applies the
   * changes and retires the marker in one atomic update when the write
   * applied, or retires it alone when the write matched nothing (`write`
   * answered null). When the write failed, whether it applied is unknown:
   * the marker stays for readers to settle from the asset's history.
   */
  async aroundTallied<R>(scope: TenantScope, tallied: TalliedWrite, write: () => Promise<R | null>): Promise<R | null> {
    await this.ensureUniqueIndex();
    const pending: PendingWrite = { writeId: tallied.writeId, assetId: tallied.assetId, at: new Date(), increments: tallied.increments, heads: tallied.heads };
    const builtCountries = await this.markPending(scope, pending);
    const applied = { ...tallied, ...builtOnly(tallied, builtCountries) };
    let result: R | null;
    try {
      result = await write();
    } catch (error) {
      // A duplicate key is a write that certainly did not apply; any other failure may have.
      if (isDuplicateKeyError(error)) await this.settle(scope, { ...tallied, increments: [], heads: [] }, this.newStamp()).catch(() => undefined);
      else await this.bump(scope).catch(() => undefined);
      throw error;
    }
    const settled = await this.settle(scope, result === null ? { ...tallied, increments: [], heads: [] } : applied, this.newStamp());
    // No marker to settle: a reader settled it already (it saw the write), or gave the write up as
    // lost while it was still under way; in doubt the tallies are counted again.
    if (!settled && result !== null) await this.untrustTallies(scope, this.newStamp());
    else if (!settled) await this.bump(scope);
    return result;
  }

  /** The stamp, the Table 1 tallies and the pending asset writes; null before the jurisdiction's first write. */
  async tableOneState(scope: TenantScope): Promise<TallyState<TallyCells> | null> {
    const found = await this.findOne<Pick<InventoryVersionRecord, 'stamp' | 'tableOne' | 'tableOneBuiltAt' | 'pending' | 'builtCountries'>>(
      tenantQuery<InventoryVersionRecord>(scope),
      { _id: 0, stamp: 1, tableOne: 1, tableOneBuiltAt: 1, pending: 1, builtCountries: 1 },
    );
    if (!found) return null;
    return { stamp: found.stamp, tallies: found.tableOneBuiltAt ? (found.tableOne ?? {}) : null, pending: found.pending ?? [], builtCountries: found.builtCountries ?? [] };
  }

  /** The stamp, one country's profile tallies and the pending asset writes; null before the jurisdiction's first write. */
  async countryState(scope: TenantScope, country: string): Promise<TallyState<KeptCountryTallies> | null> {
    const found = await this.findOne<Pick<InventoryVersionRecord, 'stamp' | 'countries' | 'pending' | 'builtCountries'>>(tenantQuery<InventoryVersionRecord>(scope), {
      _id: 0,
      stamp: 1,
      pending: 1,
      builtCountries: 1,
      [countryPath(country)]: 1,
    });
    if (!found) return null;
    const builtCountries = found.builtCountries ?? [];
    const kept = found.countries?.[country];
    const tallies = kept?.builtAt && builtCountries.includes(country) ? { cells: kept.cells ?? {}, heads: kept.heads ?? {}, dirty: kept.dirty === true } : null;
    return { stamp: found.stamp, tallies, pending: found.pending ?? [], builtCountries };
  }

  /**
   * Retires a pending write's marker and applies its tally changes in the
   * same atomic update; false when the marker was already gone (someone else
   * settled it). `extra` may carry a new stamp.
   */
  async settle(scope: TenantScope, write: Pick<TalliedWrite, 'writeId' | 'increments' | 'heads'>, extra: Record<string, unknown> = {}): Promise<boolean> {
    const inc: Record<string, number> = { ...((extra['$inc'] as Record<string, number> | undefined) ?? {}) };
    for (const { key, n, sum } of write.increments) {
      inc[`${key}.n`] = (inc[`${key}.n`] ?? 0) + n;
      inc[`${key}.sum`] = (inc[`${key}.sum`] ?? 0) + sum;
    }
    const push: Record<string, unknown> = {};
    const pull: Record<string, unknown> = { pending: { writeId: write.writeId } };
    const set: Record<string, unknown> = { ...((extra['$set'] as Record<string, unknown> | undefined) ?? {}) };
    for (const change of write.heads) {
      // One write never both adds to and removes from the same head (tallyChanges leaves such a pair out).
      if (change.add) push[change.head] = { $each: [change.add], $sort: { oid: 1 }, $slice: HEAD_SIZE };
      if (change.remove !== undefined) {
        pull[change.head] = { id: change.remove };
        set[`${headOwner(change.head)}.dirty`] = true;
      }
    }
    const update: Record<string, unknown> = { ...extra, $pull: pull };
    if (Object.keys(set).length > 0) update['$set'] = set;
    if (Object.keys(inc).length > 0) update['$inc'] = inc;
    if (Object.keys(push).length > 0) update['$push'] = push;
    const result = await this.uncastUpdateOne(rawQuery(scope, { 'pending.writeId': write.writeId }), update);
    return result.matchedCount > 0;
  }

  /**
   * Gives up a pending write that never showed in its asset's history: the
   * marker goes and no tallies are trusted any more, so readers count them
   * again. Only while the marker is still there (atomic).
   */
  async abandon(scope: TenantScope, writeId: string): Promise<void> {
    const update: Record<string, unknown> = { $pull: { pending: { writeId } }, $unset: UNTRUST };
    await this.uncastUpdateOne(rawQuery(scope, { 'pending.writeId': writeId }), update);
  }

  /**
   * Stores Table 1 tallies counted from scratch, if nothing was written since
   * the count began: the stamp is still the one read before counting and no
   * write is pending (every write bumps the stamp and leaves a marker before
   * it writes). Otherwise it stores nothing and a later reader counts again.
   */
  async storeTableOne(scope: TenantScope, stampBeforeCount: string, cells: TallyCells): Promise<boolean> {
    const result = await this.uncastUpdateOne(rawQuery(scope, { stamp: stampBeforeCount, ...NO_PENDING }), {
      $set: { tableOne: cells, tableOneBuiltAt: new Date() },
    });
    return result.modifiedCount > 0;
  }

  /**
   * Stores one country's profile tallies counted from scratch, under the
   * same condition as storeTableOne, and only if the kept countries are still
   * those the reader saw (`keptBefore`): the country joins them, and the one
   * kept longest goes when there are more than MAX_KEPT_COUNTRIES.
   */
  async storeCountry(scope: TenantScope, stampBeforeCount: string, keptBefore: readonly string[], country: string, tallies: KeptCountryTallies): Promise<boolean> {
    const { kept, dropped } = keptCountriesWith(keptBefore, country);
    const sameKept = keptBefore.length === 0 ? { $or: [{ builtCountries: { $exists: false } }, { builtCountries: { $size: 0 } }] } : { builtCountries: [...keptBefore] };
    const update: Record<string, unknown> = { $set: { [countryPath(country)]: { ...tallies, builtAt: new Date() }, builtCountries: kept } };
    if (dropped.length > 0) update['$unset'] = Object.fromEntries(dropped.map((other) => [countryPath(other), '']));
    const result = await this.uncastUpdateOne(rawQuery(scope, { stamp: stampBeforeCount, $and: [NO_PENDING, sameKept] }), update);
    return result.modifiedCount > 0;
  }

  private async untrustTallies(scope: TenantScope, extra: Record<string, unknown>): Promise<void> {
    await this.uncastUpdateOne(rawQuery(scope), { ...extra, $unset: UNTRUST });
  }

  /** The first bump of a tallied write: a new stamp and the write's marker; answers the countries whose tallies are kept. */
  private async markPending(scope: TenantScope, pending: PendingWrite): Promise<string[]> {
    const update: Record<string, unknown> = { ...this.newStamp(), $push: { pending } };
    const before = (await upsertingOnce((upsert) =>
      this.uncastFindOneAndUpdate(rawQuery(scope), update, { upsert, returnDocument: 'before', projection: { _id: 0, builtCountries: 1 } }),
    )) as { builtCountries?: unknown } | null;
    return Array.isArray(before?.builtCountries) ? (before.builtCountries as string[]) : [];
  }

  private newStamp(): { $set: { stamp: string; changedAt: Date }; $inc: { bumps: number } } {
    return { $set: { stamp: randomUUID(), changedAt: new Date() }, $inc: { bumps: 1 } };
  }

  private async upsert(scope: TenantScope, update: Record<string, unknown>): Promise<void> {
    await upsertingOnce((upsert) => this.uncastUpdateOne(rawQuery(scope), update, { upsert }));
  }
}

/**
 * Runs an update that creates the document when it is missing. Two first
 * writes may race to create it; the one that loses gets a duplicate key (the
 * unique index) and updates the document the other created.
 */
async function upsertingOnce<T>(run: (upsert: boolean) => Promise<T>): Promise<T> {
  try {
    return await run(true);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return run(false);
  }
}

/** The country tallies a head belongs to: `countries.DK` of `countries.DK.heads.exports`. */
function headOwner(head: string): string {
  return head.slice(0, head.indexOf('.heads.'));
}

/** A tenant query for the driver's own calls, which the tallies use: mongoose would cast their encoded keys. */
function rawQuery(scope: TenantScope, filter: Record<string, unknown> = {}): TenantQuery<InventoryVersionRecord> {
  return tenantQuery<InventoryVersionRecord>(scope, filter);
}
