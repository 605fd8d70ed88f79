import { Schema } from 'mongoose';
import { ALERT_CHANNELS, type AlertChannel } from './alert-keys';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dropped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One send on one channel: the durable queue between recording an alert and
 * a mail server or webhook accepting it. `deliveryKey` is the idempotency
 * key (unique): recording it twice is a no-op. A sender claims a pending
 * delivery with a lease, sends, then marks it sent; a process killed
 * between sending and marking leaves it pending, and it is sent again once
 * the lease runs out — at least once, never lost (README: Alerts).
 */
export interface AlertDeliveryRecord {
  jurisdictionId: string;
  ownerId: string;
  deliveryKey: string;
  channel: AlertChannel;
  searchId: string | null;
  /** A followed opportunity's delivery: the follow, and the address taken from it when queued (it has no search to read them from). */
  followId?: string | null;
  emailTo?: string | null;
  /** The alerts it carries: one for an instant alert; a digest's are those whose digestKey is `digestKey`. */
  alertIds: string[];
  digestKey: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export const ALERT_DELIVERY_MODEL = 'AlertDelivery';

export const AlertDeliverySchema = new Schema<AlertDeliveryRecord>(
  {
    jurisdictionId: { type: String, required: true },
    ownerId: { type: String, required: true },
    deliveryKey: { type: String, required: true },
    channel: { type: String, required: true, enum: ALERT_CHANNELS },
    searchId: { type: String, default: null },
    followId: { type: String, default: null },
    emailTo: { type: String, default: null },
    alertIds: { type: [String], default: [] },
    digestKey: { type: String, default: null },
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'alert_deliveries', versionKey: false },
);
AlertDeliverySchema.index({ deliveryKey: 1 }, { unique: true });
AlertDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
AlertDeliverySchema.index({ jurisdictionId: 1, followId: 1, status: 1 });

/** A delivery queued now, due at once. */
export function pendingDelivery(owner: { jurisdictionId: string; ownerId: string; searchId: string | null }, key: string, channel: AlertChannel, alertIds: string[], digest: string | null, now: Date): AlertDeliveryRecord {
  return { jurisdictionId: owner.jurisdictionId, ownerId: owner.ownerId, deliveryKey: key, channel, searchId: owner.searchId, alertIds, digestKey: digest, status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null, sentAt: null, createdAt: now };
}

/** A followed opportunity's mail, queued now, due at once. */
export function pendingFollowDelivery(owner: { jurisdictionId: string; ownerId: string; followId: string }, key: string, emailTo: string, alertIds: string[], now: Date): AlertDeliveryRecord {
  return { ...pendingDelivery({ ...owner, searchId: null }, key, 'email', alertIds, null, now), followId: owner.followId, emailTo };
}
