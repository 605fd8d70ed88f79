import { Schema } from 'mongoose';
import type { Cadence } from './cadence';
import type { Channels } from './saved-search.rules';
import type { SearchCriteria } from './search-criteria';

/**
 * One user's saved search. Owner-scoped on top of the tenant scope: every
 * read and write names the jurisdiction and the user, so nobody sees or
 * changes another user's searches, channels or webhook secrets.
 */
export interface SavedSearchRecord {
  jurisdictionId: string;
  searchId: string;
  ownerId: string;
  ownerUsername: string;
  /** The verified address alerts are mailed to, taken from the owner's token when saved. */
  ownerEmail: string | null;
  name: string;
  criteria: SearchCriteria;
  cadence: Cadence;
  channels: Channels;
  /** Webhook POSTs that failed in a row; at the configured limit the webhook is disabled and the owner told. */
  webhookFailures: number;
  webhookDisabledAt: Date | null;
  webhookDisabledReason: string | null;
  /** No alert is recorded until then. */
  snoozedUntil: Date | null;
  /** Set by the email's unsubscribe link: the search sends nothing until its owner saves it again. */
  unsubscribedAt: Date | null;
  /** The next digest's time (daily and weekly searches). */
  nextDigestAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const SAVED_SEARCH_MODEL = 'SavedSearch';

const plain = { _id: false } as const;

export const SavedSearchSchema = new Schema<SavedSearchRecord>(
  {
    jurisdictionId: { type: String, required: true },
    searchId: { type: String, required: true },
    ownerId: { type: String, required: true },
    ownerUsername: { type: String, required: true },
    ownerEmail: { type: String, default: null },
    name: { type: String, required: true },
    criteria: { type: Schema.Types.Mixed, required: true },
    cadence: {
      type: new Schema({ kind: { type: String, required: true }, hour: { type: Number, required: true }, weekday: { type: Number, default: null }, timeZone: { type: String, required: true } }, plain),
      required: true,
    },
    channels: {
      type: new Schema(
        {
          inApp: { type: Boolean, required: true },
          email: { type: Boolean, required: true },
          webhook: { type: new Schema({ url: { type: String, required: true }, secret: { type: String, required: true } }, plain), default: null },
        },
        plain,
      ),
      required: true,
    },
    webhookFailures: { type: Number, default: 0 },
    webhookDisabledAt: { type: Date, default: null },
    webhookDisabledReason: { type: String, default: null },
    snoozedUntil: { type: Date, default: null },
    unsubscribedAt: { type: Date, default: null },
    nextDigestAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'saved_searches', versionKey: false, minimize: false },
);
SavedSearchSchema.index({ jurisdictionId: 1, searchId: 1 }, { unique: true });
SavedSearchSchema.index({ jurisdictionId: 1, ownerId: 1 });
SavedSearchSchema.index({ nextDigestAt: 1 });
