import { Schema } from 'mongoose';
import { SOURCE_RECORD_KINDS, type SourceData, type SourceRecordKind } from './source-record';

/**
 * The network's read model of the records other services announce (registry
 * partners, relationships and assets; planning priorities and activities),
 * one row per (jurisdiction, kind, record id), kept whether or not anything is
 * shared. It is the jurisdiction's own data, seen by nobody: shared copies
 * are projected from it when a grant covers them (sharing/), and it is what
 * a grant back-fills from.
 */
export interface SourceRecordEntry {
  jurisdictionId: string;
  kind: SourceRecordKind;
  recordId: string;
  data: SourceData | null;
  removed: boolean;
  stateAt: Date;
  /** A partial change (a relationship's status) that arrived before the state it changes: applied when that state arrives, if newer. */
  pendingPatch?: Record<string, unknown> | null;
  pendingAt?: Date | null;
}

export const SOURCE_RECORD_MODEL = 'SourceRecord';

export const SourceRecordSchema = new Schema<SourceRecordEntry>(
  {
    jurisdictionId: { type: String, required: true },
    kind: { type: String, required: true, enum: SOURCE_RECORD_KINDS },
    recordId: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: null },
    removed: { type: Boolean, required: true, default: false },
    stateAt: { type: Date, required: true },
    pendingPatch: { type: Schema.Types.Mixed, default: null },
    pendingAt: { type: Date, default: null },
  },
  { collection: 'source_records', versionKey: false, minimize: false },
);
SourceRecordSchema.index({ jurisdictionId: 1, kind: 1, recordId: 1 }, { unique: true });
