import { Schema } from 'mongoose';
import type { FollowChannels } from './follow.rules';

/**
 * One user's follow of one opportunity. Owner-scoped on top of the tenant
 * scope like saved searches: every read and write names the jurisdiction
 * and the user. It keeps a copy of what its reminders hang on (the call's
 * deadline, status and version as last heard) and the reminder schedule:
 * `nextReminderAt` is the moment the scheduler waits for (null: none left).
 */
export interface FollowRecord {
  jurisdictionId: string;
  followId: string;
  ownerId: string;
  ownerUsername: string;
  /** The verified address mail goes to, from the owner's token when followed or updated. */
  ownerEmail: string | null;
  opportunityId: string;
  title: string;
  reminderDays: number[];
  channels: FollowChannels;
  /** The zone dates are phrased in for this user. */
  timeZone: string;
  closesAt: Date | null;
  status: string;
  /** The opportunity's version when followed: changes after it are alerted. */
  followedVersion: number;
  /** The version last heard of (an older event changes nothing). */
  opportunityVersion: number;
  /** Reminder moments before this were never promised (followed, reminder days changed or deadline moved then). */
  armedAt: Date;
  nextReminderAt: Date | null;
  nextReminderDays: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const FOLLOW_MODEL = 'Follow';

export const FollowSchema = new Schema<FollowRecord>(
  {
    jurisdictionId: { type: String, required: true },
    followId: { type: String, required: true },
    ownerId: { type: String, required: true },
    ownerUsername: { type: String, required: true },
    ownerEmail: { type: String, default: null },
    opportunityId: { type: String, required: true },
    title: { type: String, required: true },
    reminderDays: { type: [Number], default: [] },
    channels: { type: new Schema({ inApp: { type: Boolean, required: true }, email: { type: Boolean, required: true } }, { _id: false }), required: true },
    timeZone: { type: String, required: true },
    closesAt: { type: Date, default: null },
    status: { type: String, required: true },
    followedVersion: { type: Number, required: true },
    opportunityVersion: { type: Number, required: true },
    armedAt: { type: Date, required: true },
    nextReminderAt: { type: Date, default: null },
    nextReminderDays: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'follows', versionKey: false, minimize: false },
);
FollowSchema.index({ jurisdictionId: 1, followId: 1 }, { unique: true });
FollowSchema.index({ jurisdictionId: 1, ownerId: 1, opportunityId: 1 }, { unique: true });
FollowSchema.index({ opportunityId: 1 });
FollowSchema.index({ nextReminderAt: 1 });
