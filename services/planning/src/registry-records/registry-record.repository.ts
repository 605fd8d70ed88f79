import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import {
  REGISTRY_RECORD_MODEL,
  type RegistryRecordEntry,
  type RegistryRecordKind,
  RegistryRecordSchema,
  type RelationshipStatus,
  type RelationshipType,
} from './registry-record.schema';

/** No jurisdiction keeps more ties than this; the anniversary scan reads them all. */
export const RELATIONSHIP_SCAN_LIMIT = 20_000;

/** The statuses of a tie that still exists: a prospective one has not begun, an ended one is over. */
export const ONGOING_RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = ['active', 'dormant'];

export interface RelationshipState {
  relationshipId: string;
  partnerId: string;
  partnerName: string;
  type: RelationshipType;
  status: RelationshipStatus;
  since: string | null;
  until: string | null;
}

/**
 * Planning's copy of the registry's partners, relationships and assets.
 * Every write is keyed by (jurisdiction, kind, record id) and idempotent:
 * state is replaced only by an event newer than the one it holds
 * (`stateAt`), and the removed flag is only ever set, never cleared, so
 * neither a redelivered nor a late older event brings a merged partner or a
 * removed asset back.
 */
@Injectable()
export class RegistryRecordRepository extends TenantRepository<RegistryRecordEntry> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(
      (connection.models[REGISTRY_RECORD_MODEL] as Model<RegistryRecordEntry> | undefined) ??
        connection.model<RegistryRecordEntry>(REGISTRY_RECORD_MODEL, RegistryRecordSchema),
    );
  }

  /** Resolves once the unique key that makes the upserts idempotent exists (int-specs on a fresh database). */
  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  find(scope: TenantScope, kind: RegistryRecordKind, recordId: string): Promise<(RegistryRecordEntry & Stored) | null> {
    return this.findOne(tenantQuery<RegistryRecordEntry>(scope, { kind, recordId }));
  }

  /** A partner's name as of `at`; whether it was applied (false: this or a newer event's state is already here). */
  applyPartner(scope: TenantScope, partner: { partnerId: string; name: string }, at: Date): Promise<boolean> {
    return this.replaceIfNewer(scope, 'partner', partner.partnerId, at, { name: partner.name });
  }

  /** The merged partner is gone for good and points at its survivor; a row is made if planning never saw it. */
  async markMerged(scope: TenantScope, mergedPartnerId: string, survivorId: string, at: Date): Promise<void> {
    await this.updateOne(
      tenantQuery<RegistryRecordEntry>(scope, { kind: 'partner', recordId: mergedPartnerId }),
      { $set: { removed: true, mergedInto: survivorId }, $max: { stateAt: at } },
      { upsert: true },
    );
  }

  /** Relationships show their partner's current name: derived, so simply overwritten. */
  async renamePartnerOnRelationships(scope: TenantScope, partnerId: string, name: string): Promise<void> {
    await this.updateAll(tenantQuery<RegistryRecordEntry>(scope, { kind: 'relationship', partnerId }), { $set: { name } });
  }

  /** Every relationship of the merged partner is the survivor's now. Safe to repeat. */
  async movePartnerRelationships(scope: TenantScope, fromPartnerId: string, survivor: { partnerId: string; name: string }): Promise<void> {
    await this.updateAll(tenantQuery<RegistryRecordEntry>(scope, { kind: 'relationship', partnerId: fromPartnerId }), {
      $set: { partnerId: survivor.partnerId, name: survivor.name },
    });
  }

  applyRelationship(scope: TenantScope, relationship: RelationshipState, at: Date): Promise<boolean> {
    const { relationshipId, partnerId, partnerName, type, status, since, until } = relationship;
    return this.replaceIfNewer(scope, 'relationship', relationshipId, at, { name: partnerName, partnerId, relationshipType: type, status, since, until });
  }

  /** A status change of a relationship planning knows, if it is newer than what it holds (a redelivery is not); an until date given is kept. */
  async applyRelationshipStatus(scope: TenantScope, relationshipId: string, status: RelationshipStatus, until: string | null, at: Date): Promise<void> {
    await this.updateOne(tenantQuery<RegistryRecordEntry>(scope, { kind: 'relationship', recordId: relationshipId, stateAt: { $lt: at } }), {
      $set: { status, stateAt: at, ...(until !== null ? { until } : {}) },
    });
  }

  /** `name` is null for an internal asset: an update to internal makes planning forget the name it had. */
  applyAsset(scope: TenantScope, assetId: string, name: string | null, at: Date): Promise<boolean> {
    return this.replaceIfNewer(scope, 'asset', assetId, at, { name });
  }

  async markAssetRemoved(scope: TenantScope, assetId: string, at: Date): Promise<void> {
    await this.updateOne(tenantQuery<RegistryRecordEntry>(scope, { kind: 'asset', recordId: assetId }), { $set: { removed: true }, $max: { stateAt: at } }, { upsert: true });
  }

  /** The records of these ids that exist (not removed) in the jurisdiction, of any kind: the caller matches kinds. */
  existing(scope: TenantScope, recordIds: readonly string[]): Promise<RegistryRecordEntry[]> {
    return this.findMany(tenantQuery<RegistryRecordEntry>(scope, { recordId: { $in: [...recordIds] }, removed: false }), { limit: 0 });
  }

  /** Relationships that still exist (active or dormant) and have a since date: the ones with anniversaries. */
  ongoingRelationships(scope: TenantScope): Promise<RegistryRecordEntry[]> {
    return this.findMany(
      tenantQuery<RegistryRecordEntry>(scope, { kind: 'relationship', removed: false, status: { $in: [...ONGOING_RELATIONSHIP_STATUSES] }, since: { $ne: null } }),
      RELATIONSHIP_SCAN_LIMIT,
    );
  }

  /**
   * Replaces the state of one record when `at` is newer than the
   * state held, inserting the row when there is none. An existing row with
   * newer state does not match the filter, so the upsert tries to insert a
   * second row for the same key and the unique index refuses it: that
   * refusal is the "older event, nothing to do" answer.
   */
  private async replaceIfNewer(scope: TenantScope, kind: RegistryRecordKind, recordId: string, at: Date, state: Partial<RegistryRecordEntry>): Promise<boolean> {
    try {
      await this.updateOne(
        tenantQuery<RegistryRecordEntry>(scope, { kind, recordId, stateAt: { $lt: at } }),
        { $set: { ...state, stateAt: at }, $setOnInsert: { removed: false } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
