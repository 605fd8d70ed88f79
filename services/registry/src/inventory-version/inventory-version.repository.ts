import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { INVENTORY_VERSION_MODEL, InventoryVersionRecord, InventoryVersionSchema } from './inventory-version.schema';

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
    const query = tenantQuery<InventoryVersionRecord>(scope);
    const update = { $set: { stamp: randomUUID(), changedAt: new Date() }, $inc: { bumps: 1 } };
    try {
      await this.model.updateOne(query, update, { upsert: true }).exec();
    } catch (error) {
      // Two first writes raced to create the document and the other one won: update it.
      if ((error as { code?: unknown } | null)?.code !== DUPLICATE_KEY) throw error;
      await this.model.updateOne(query, update).exec();
    }
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
}
