import { Schema } from 'mongoose';
import { FUNDER_TYPES } from '../funders/funder-types';
import { SOURCE_KINDS } from '../opportunities/opportunity';
import type { SourceFields } from './source.rules';

/** A configured source of opportunities: platform-wide, managed by platform admins. */
export interface SourceRecord extends SourceFields {
  sourceId: string;
  enabled: boolean;
  /** When the schedule next asks for a run; null for on-demand sources and disabled ones. */
  nextRunAt: Date | null;
  /** What the source's last full answer said, for a conditional request next time. */
  validators: { etag: string | null; lastModified: string | null };
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

export const SOURCE_MODEL = 'FundingSource';

export const SourceSchema = new Schema<SourceRecord>(
  {
    sourceId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: SOURCE_KINDS },
    url: { type: String, required: true },
    scheduleMinutes: { type: Number, default: null },
    apiKeyRef: { type: String, default: null },
    funder: { type: String, default: null },
    funderType: { type: String, default: null, enum: [...FUNDER_TYPES.map((type) => type.kind), null] },
    currency: { type: String, default: null },
    timeZone: { type: String, default: null },
    countries: { type: [String], default: [] },
    query: { type: String, default: null },
    enabled: { type: Boolean, required: true },
    nextRunAt: { type: Date, default: null },
    validators: { etag: { type: String, default: null }, lastModified: { type: String, default: null } },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'funding_sources', versionKey: false, minimize: false },
);
SourceSchema.index({ sourceId: 1 }, { unique: true });
