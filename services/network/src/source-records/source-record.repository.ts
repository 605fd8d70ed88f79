import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { SourceData, SourceRecordKind, SourceRecordState } from './source-record';
import { SOURCE_RECORD_MODEL, type SourceRecordEntry, SourceRecordSchema } from './source-record.schema';

/**
 * Idempotent, order-tolerant writes of the read model: a state replaces the
 * one held only when its event is newer (`stateAt`), and `removed` is only
 * ever set, so neither a redelivered nor a late older event brings back a
 * merged partner, a removed asset or a retired priority.
 */
@Injectable()
export class SourceRecordRepository extends TenantRepository<SourceRecordEntry> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[SOURCE_RECORD_MODEL] as Model<SourceRecordEntry> | undefined) ?? connection.model<SourceRecordEntry>(SOURCE_RECORD_MODEL, SourceRecordSchema));
  }

  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  async get(scope: TenantScope, kind: SourceRecordKind, recordId: string): Promise<SourceRecordState | null> {
    const found = await this.findOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId }));
    return found ? stateOf(found) : null;
  }

  /** Every record of a kind the jurisdiction has (removed ones too: projection skips them). */
  async allOf(scope: TenantScope, kind: SourceRecordKind): Promise<SourceRecordState[]> {
    return (await this.findMany(tenantQuery<SourceRecordEntry>(scope, { kind, removed: false }), { limit: 0 })).map(stateOf);
  }

  /**
   * Replaces the record's state when `at` is newer than what is held; false
   * when it is not (the unique index refuses the upsert's second row).
   */
  async replaceIfNewer(scope: TenantScope, kind: SourceRecordKind, recordId: string, data: SourceData, at: Date): Promise<boolean> {
    try {
      await this.updateOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId, stateAt: { $lt: at } }), { $set: { data, stateAt: at }, $setOnInsert: { removed: false } }, { upsert: true });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Applies a partial change (a relationship's status) to a record held, if the change is newer. */
  async patchIfNewer(scope: TenantScope, kind: SourceRecordKind, recordId: string, patch: Record<string, unknown>, at: Date): Promise<boolean> {
    const set = Object.fromEntries(Object.entries(patch).map(([field, value]) => [`data.${field}`, value]));
    const saved = await this.updateOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId, stateAt: { $lt: at }, data: { $ne: null } }), { $set: { ...set, stateAt: at } });
    return saved !== null;
  }

  /**
   * Keeps a partial change whose record has no state yet (a status change
   * delivered before the relationship it changes), the newest one only; the
   * record row is made as a placeholder older than any event.
   */
  async holdPatch(scope: TenantScope, kind: SourceRecordKind, recordId: string, patch: Record<string, unknown>, at: Date): Promise<void> {
    try {
      await this.updateOne(
        tenantQuery<SourceRecordEntry>(scope, { kind, recordId, data: null, $or: [{ pendingAt: null }, { pendingAt: { $lt: at } }] }),
        { $set: { pendingPatch: patch, pendingAt: at }, $setOnInsert: { removed: false, stateAt: new Date(0) } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Applies a held partial change to the state that has arrived since (when the change is newer), then forgets it. */
  async applyHeldPatch(scope: TenantScope, kind: SourceRecordKind, recordId: string): Promise<void> {
    const held = await this.findOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId, data: { $ne: null }, pendingAt: { $ne: null } }));
    if (!held?.pendingPatch || !held.pendingAt) return;
    await this.patchIfNewer(scope, kind, recordId, held.pendingPatch, held.pendingAt);
    await this.updateOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId, pendingAt: held.pendingAt }), { $set: { pendingPatch: null, pendingAt: null } });
  }

  /** Gone for good (merged away, removed, retired); a tombstone is made if the record was never seen. */
  async markRemoved(scope: TenantScope, kind: SourceRecordKind, recordId: string, at: Date): Promise<void> {
    await this.updateOne(tenantQuery<SourceRecordEntry>(scope, { kind, recordId }), { $set: { removed: true }, $max: { stateAt: at }, $setOnInsert: { data: null } }, { upsert: true });
  }
}

function stateOf(entry: SourceRecordEntry): SourceRecordState {
  return { kind: entry.kind, recordId: entry.recordId, data: entry.data ?? null, removed: entry.removed, stateAt: entry.stateAt };
}
