import { Schema } from 'mongoose';
import { SOURCE_RECORD_KINDS, type SourceRecordKind } from '../source-records/source-record';
import { SHARING_SCOPES, type SharingScope } from './sharing-scopes';

/**
 * A member's grant of one scope to one network: dated, revocable, never
 * edited (sharing the scope again supersedes it with a new grant). The
 * sharing jurisdiction's record.
 */
export interface GrantRecord {
  jurisdictionId: string;
  grantId: string;
  networkId: string;
  scope: SharingScope;
  fields: string[];
  assetCategories: string[] | null;
  grantedBy: string;
  grantedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export const GRANT_MODEL = 'SharingGrant';

export const GrantSchema = new Schema<GrantRecord>(
  {
    jurisdictionId: { type: String, required: true },
    grantId: { type: String, required: true },
    networkId: { type: String, required: true },
    scope: { type: String, required: true, enum: SHARING_SCOPES },
    fields: { type: [String], default: [] },
    assetCategories: { type: [String], default: null },
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
  },
  { collection: 'sharing_grants', versionKey: false },
);
GrantSchema.index({ jurisdictionId: 1, grantId: 1 }, { unique: true });
GrantSchema.index({ networkId: 1, revokedAt: 1 });

/**
 * A copy of one record a current grant covers, as the network sees it (only
 * the allowed fields). The sharing jurisdiction's record: erased with it, and
 * removed the moment its grant is revoked. One per (jurisdiction, network,
 * kind, record), so spotting reads a network's copies with one query and
 * sees each change as one upsert or delete (SharedDataListener).
 */
export interface SharedRecordEntry {
  jurisdictionId: string;
  networkId: string;
  grantId: string;
  scope: SharingScope;
  kind: SourceRecordKind;
  recordId: string;
  fields: Record<string, unknown>;
  sourceStateAt: Date;
  projectedAt: Date;
}

export const SHARED_RECORD_MODEL = 'SharedRecord';

export const SharedRecordSchema = new Schema<SharedRecordEntry>(
  {
    jurisdictionId: { type: String, required: true },
    networkId: { type: String, required: true },
    grantId: { type: String, required: true },
    scope: { type: String, required: true, enum: SHARING_SCOPES },
    kind: { type: String, required: true, enum: SOURCE_RECORD_KINDS },
    recordId: { type: String, required: true },
    fields: { type: Schema.Types.Mixed, default: {} },
    sourceStateAt: { type: Date, required: true },
    projectedAt: { type: Date, required: true },
  },
  { collection: 'shared_records', versionKey: false, minimize: false },
);
SharedRecordSchema.index({ jurisdictionId: 1, networkId: 1, kind: 1, recordId: 1 }, { unique: true });
SharedRecordSchema.index({ networkId: 1, grantId: 1 });

/** One read of a member's shared data: whose (the sharing jurisdiction's record), by whom, through which network, what, when. */
export interface AccessLogRecord {
  jurisdictionId: string;
  networkId: string;
  readerUserId: string;
  readerUsername: string;
  readerJurisdictionId: string;
  /** Which view was read: shared-data, heat-map, delegation-calendar. */
  view: string;
  scopes: SharingScope[];
  recordCount: number;
  at: Date;
}

export const ACCESS_LOG_MODEL = 'SharingAccessLog';

export const AccessLogSchema = new Schema<AccessLogRecord>(
  {
    jurisdictionId: { type: String, required: true },
    networkId: { type: String, required: true },
    readerUserId: { type: String, required: true },
    readerUsername: { type: String, required: true },
    readerJurisdictionId: { type: String, required: true },
    view: { type: String, required: true },
    scopes: { type: [String], default: [] },
    recordCount: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'sharing_access_log', versionKey: false },
);
AccessLogSchema.index({ jurisdictionId: 1, at: -1 });
