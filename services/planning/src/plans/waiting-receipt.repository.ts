import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';

/** What a receipt of something sent to go into a plan holds besides its own key and fields. */
export interface WaitingReceipt {
  jurisdictionId: string;
  status: 'applied' | 'waiting';
  note: string | null;
  /** Tries so far (the first delivery is 1). */
  attempts?: number;
  /** When a waiting one is tried again; null once applied. */
  nextAttemptAt?: Date | null;
}

/**
 * Planning's receipts of what other services send into a plan (an award's
 * funding line, a joint effort's proposed activity), one per (jurisdiction,
 * `key`): the latest state of each, the waiting ones due again found across
 * jurisdictions, and an applied receipt never turned back into a waiting
 * one (the unique index on jurisdiction and key makes that hold between
 * replicas too).
 */
export abstract class WaitingReceiptRepository<T extends WaitingReceipt, K extends keyof T & string> extends TenantRepository<T> {
  protected constructor(
    model: Model<T>,
    private readonly key: K,
    /** Only waiting receipts that also match this are tried again. */
    private readonly retriable: QueryFilter<T> = {},
  ) {
    super(model);
  }

  /** Resolves once the indexes exist (the unique one keeps an applied receipt applied). */
  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  find(scope: TenantScope, id: T[K]): Promise<(T & Stored) | null> {
    return this.findOne(tenantQuery<T>(scope, { [this.key]: id } as QueryFilter<T>));
  }

  /** Waiting receipts of every jurisdiction due to be tried again, soonest due first (one with no next attempt, from before retries, is due); each with its scope. */
  dueWaiting(now: Date, limit: number): Promise<Array<ScopedRecord<T & Stored>>> {
    return this.findAcrossJurisdictions<T & Stored>({ ...this.retriable, status: 'waiting', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] } as QueryFilter<T>, { sort: { nextAttemptAt: 1 }, limit });
  }

  /** Records what became of it; an applied receipt is never turned back into a waiting one. */
  async record(scope: TenantScope, receipt: Omit<T, 'jurisdictionId'>): Promise<void> {
    const { [this.key]: id, ...state } = receipt as Omit<T, 'jurisdictionId'> & Record<K, T[K]>;
    const update = { $set: state } as UpdateQuery<T>;
    if (receipt.status === 'waiting') {
      await this.updateOne(tenantQuery<T>(scope, { [this.key]: id, status: 'waiting' } as QueryFilter<T>), update, { upsert: true }).catch((error: unknown) => {
        // An applied receipt exists: the upsert's insert hits the unique key, and applied stays applied.
        if (!isDuplicateKeyError(error)) throw error;
      });
      return;
    }
    await this.updateOne(tenantQuery<T>(scope, { [this.key]: id } as QueryFilter<T>), update, { upsert: true });
  }
}
