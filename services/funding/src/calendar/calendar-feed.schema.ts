import { Schema } from 'mongoose';

/**
 * A user's calendar feed: the secret of its URL is never stored, only its
 * SHA-256 (the secret is 32 random bytes, so a plain hash cannot be
 * guessed back). One feed per user; revoking deletes it.
 */
export interface CalendarFeedRecord {
  jurisdictionId: string;
  userId: string;
  username: string;
  tokenHash: string;
  createdAt: Date;
  rotatedAt: Date;
  lastFetchedAt: Date | null;
}

export const CALENDAR_FEED_MODEL = 'CalendarFeed';

export const CalendarFeedSchema = new Schema<CalendarFeedRecord>(
  {
    jurisdictionId: { type: String, required: true },
    userId: { type: String, required: true },
    username: { type: String, required: true },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    rotatedAt: { type: Date, required: true },
    lastFetchedAt: { type: Date, default: null },
  },
  { collection: 'calendar_feeds', versionKey: false },
);
CalendarFeedSchema.index({ jurisdictionId: 1, userId: 1 }, { unique: true });
CalendarFeedSchema.index({ tokenHash: 1 }, { unique: true });
