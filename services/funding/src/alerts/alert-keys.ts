import { createHash } from 'node:crypto';

/** The channels an alert goes out on. */
export const ALERT_CHANNELS = ['email', 'webhook'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/**
 * The key that makes an alert happen once: one search, one opportunity,
 * one version of it. A unique index on it
 * turns a second recording — a redelivered event, a second replica — into
 * a no-op; a new version of the opportunity is a new key, so a change is
 * alerted again.
 */
export function searchAlertKey(searchId: string, opportunityId: string, version: number): string {
  return `search:${searchId}:${opportunityId}:v${version}`;
}

/** A followed opportunity's change: one alert per follow and opportunity version. */
export function followChangeKey(followId: string, opportunityId: string, version: number): string {
  return `follow:${followId}:${opportunityId}:v${version}`;
}

/**
 * A deadline reminder: once per follow, deadline and reminder day. A moved
 * deadline is a new deadline, so its reminders are new keys; the same
 * reminder found again (a second replica, a pass after a restart) is the
 * same key.
 */
export function reminderKey(followId: string, closesAt: Date, daysBefore: number): string {
  return `follow:${followId}:reminder:${closesAt.toISOString()}:d${daysBefore}`;
}

/** The notice that a search's webhook was disabled: once per disabling. */
export function webhookDisabledKey(searchId: string, disabledAt: Date): string {
  return `webhook-disabled:${searchId}:${disabledAt.toISOString()}`;
}

/** The idempotency key of one delivery: an alert on one channel. */
export function deliveryKey(alertKey: string, channel: AlertChannel): string {
  return `${alertKey}:${channel}`;
}

/** The idempotency key of one digest of a search: its due time and channel. */
export function digestKey(searchId: string, dueAt: Date): string {
  return `digest:${searchId}:${dueAt.toISOString()}`;
}

/**
 * The Message-ID of a delivery's mail, fixed by its key: a mail sent again
 * after a crash (SMTP accepted it, the service died before noting so) has
 * the same id, which mail clients that deduplicate use to show it once.
 */
export function messageIdOf(key: string, domain: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}
