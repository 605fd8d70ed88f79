import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type Page, type PageArgs, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { SourceRecordKind } from '../source-records/source-record';
import type { SharedCopy, SharingScope } from './sharing-scopes';
import {
  ACCESS_LOG_MODEL,
  type AccessLogRecord,
  AccessLogSchema,
  GRANT_MODEL,
  type GrantRecord,
  GrantSchema,
  SHARED_RECORD_MODEL,
  type SharedRecordEntry,
  SharedRecordSchema,
} from './sharing.schema';

function modelOf<T>(connection: Connection, name: string, schema: import('mongoose').Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** A member's grants. A network's current grants span its members: `currentOfNetworkAcrossJurisdictions`. */
@Injectable()
export class GrantRepository extends TenantRepository<GrantRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(modelOf(connection, GRANT_MODEL, GrantSchema));
  }

  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  async create(grant: GrantRecord): Promise<GrantRecord> {
    return this.insert(grant);
  }

  get(scope: TenantScope, grantId: string): Promise<(GrantRecord & Stored) | null> {
    return this.findOne(tenantQuery<GrantRecord>(scope, { grantId }));
  }

  /** The jurisdiction's current grants, to one network or to all. */
  current(scope: TenantScope, networkId?: string): Promise<GrantRecord[]> {
    return this.findMany(tenantQuery<GrantRecord>(scope, networkId ? { networkId, revokedAt: null } : { revokedAt: null }), { limit: 0 });
  }

  /** Current and past grants, newest first. */
  list(scope: TenantScope, networkId?: string): Promise<GrantRecord[]> {
    return this.findMany(tenantQuery<GrantRecord>(scope, networkId ? { networkId } : {}), { limit: 0, sort: { grantedAt: -1 } });
  }

  /** Revokes a current grant; null when it was not current (revoked meanwhile). */
  revoke(scope: TenantScope, grantId: string, by: string, at: Date): Promise<(GrantRecord & Stored) | null> {
    return this.updateOne(tenantQuery<GrantRecord>(scope, { grantId, revokedAt: null }), { $set: { revokedAt: at, revokedBy: by } });
  }

  /**
   * Every member's current grants to a network: which copies a view may
   * show. Called only after NetworkAccess allowed the reader.
   */
  currentOfNetworkAcrossJurisdictions(networkId: string): Promise<Array<ScopedRecord<GrantRecord>>> {
    return this.findAcrossJurisdictions<GrantRecord>({ networkId, revokedAt: null }, { limit: 0 });
  }
}

/** What spotting (and anything else that follows a network's shared data) is told after each change of a copy. */
export interface SharedDataChange {
  networkId: string;
  jurisdictionId: string;
  kind: SourceRecordKind;
  recordId: string;
  /** The copy as the network sees it now; null when it is gone (revoked, left, removed, no longer shareable). */
  copy: SharedCopy | null;
}

/** The shared copies. Views read a network's copies across its members; everything else is per sharing jurisdiction. */
@Injectable()
export class SharedRecordRepository extends TenantRepository<SharedRecordEntry> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(modelOf(connection, SHARED_RECORD_MODEL, SharedRecordSchema));
  }

  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  async put(scope: TenantScope, networkId: string, grantId: string, scopeName: SharingScope, copy: SharedCopy, sourceStateAt: Date): Promise<void> {
    await this.updateOne(
      tenantQuery<SharedRecordEntry>(scope, { networkId, kind: copy.kind, recordId: copy.recordId }),
      { $set: { grantId, scope: scopeName, fields: copy.fields, sourceStateAt, projectedAt: new Date() } },
      { upsert: true },
    );
  }

  /** Removes one copy; whether there was one. */
  async drop(scope: TenantScope, networkId: string, kind: SourceRecordKind, recordId: string): Promise<boolean> {
    return (await this.deleteAll(tenantQuery<SharedRecordEntry>(scope, { networkId, kind, recordId }))) > 0;
  }

  /** The copies a grant covers (their ids, to tell listeners), then removes them. */
  async dropGrant(scope: TenantScope, grantId: string): Promise<Array<Pick<SharedRecordEntry, 'networkId' | 'kind' | 'recordId'>>> {
    const query = tenantQuery<SharedRecordEntry>(scope, { grantId });
    const gone = await this.findMany<SharedRecordEntry>(query, { limit: 0, projection: { networkId: 1, kind: 1, recordId: 1 } });
    await this.deleteAll(query);
    return gone;
  }

  /** The copies of one kind a jurisdiction shares with a network. */
  ofKind(scope: TenantScope, networkId: string, kind: SourceRecordKind): Promise<SharedRecordEntry[]> {
    return this.findMany(tenantQuery<SharedRecordEntry>(scope, { networkId, kind }), { limit: 0 });
  }

  /**
   * A network's copies, of every member, that current grants cover: the
   * read views are built from (after NetworkAccess allowed the reader).
   * Copies of a grant revoked a moment ago are not in `grantIds`, so a
   * projection racing the revocation can never show one.
   */
  ofNetworkAcrossJurisdictions(networkId: string, grantIds: readonly string[], kinds?: readonly SourceRecordKind[]): Promise<Array<ScopedRecord<SharedRecordEntry>>> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.findAcrossJurisdictions<SharedRecordEntry>(
      { networkId, grantId: { $in: [...grantIds] }, ...(kinds ? { kind: { $in: [...kinds] } } : {}) },
      { limit: 0, sort: { jurisdictionId: 1, kind: 1, recordId: 1 } },
    );
  }
}

@Injectable()
export class AccessLogRepository extends TenantRepository<AccessLogRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(modelOf(connection, ACCESS_LOG_MODEL, AccessLogSchema));
  }

  /** One entry in the sharing jurisdiction's log (its scope came with the copies read). */
  async record(scope: TenantScope, entry: Omit<AccessLogRecord, 'jurisdictionId'>): Promise<void> {
    await this.insert({ ...entry, jurisdictionId: scope.jurisdictionId });
  }

  list(scope: TenantScope, args: PageArgs, networkId?: string): Promise<Page<AccessLogRecord & Stored>> {
    return this.page(tenantQuery<AccessLogRecord>(scope, networkId ? { networkId } : {}), args);
  }
}
