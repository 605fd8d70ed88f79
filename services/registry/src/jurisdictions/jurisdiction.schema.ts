import { Schema } from 'mongoose';
import type { JurisdictionStatus } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { JURISDICTION_PROFILE_FIELDS } from '@entente/service-runtime';
import type { JurisdictionProfile } from './jurisdiction.rules';

/** A tenant of the platform as stored: its own record carries its own id as jurisdictionId. */
export interface JurisdictionRecord extends JurisdictionProfile {
  jurisdictionId: string;
  status: JurisdictionStatus;
  statusReason: string | null;
  /** Users a suspension disabled, to re-enable on reactivation (not those disabled on purpose before). */
  suspendedUserIds?: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const JURISDICTION_MODEL = 'Jurisdiction';

export const JurisdictionSchema = new Schema<JurisdictionRecord>(
  {
    ...JURISDICTION_PROFILE_FIELDS,
    statusReason: { type: String, default: null },
    suspendedUserIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'jurisdictions', versionKey: false },
);
JurisdictionSchema.index({ jurisdictionId: 1 }, { unique: true });
JurisdictionSchema.plugin(outboxPlugin);
JurisdictionSchema.plugin(historyPlugin);
