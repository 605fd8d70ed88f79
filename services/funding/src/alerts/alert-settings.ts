import type { FundingConfig } from '../config';

/** What the alerts feature reads of funding's config. */
export interface AlertSettings {
  linkSecret: string;
  publicUrl: string;
  /** The domain of Message-IDs (from MAIL_FROM's address). */
  mailDomain: string;
  webhookMaxFailures: number;
  pollMs: number;
  /** How long a claimed delivery is this replica's (ALERT_DELIVERY_LEASE_MS). */
  deliveryLeaseMs: number;
}

export const ALERT_SETTINGS = Symbol('ALERT_SETTINGS');

export function alertSettingsFrom(config: Pick<FundingConfig, 'ALERTS_LINK_SECRET' | 'ALERTS_PUBLIC_URL' | 'MAIL_FROM' | 'WEBHOOK_MAX_FAILURES' | 'ALERT_DELIVERY_POLL_MS' | 'ALERT_DELIVERY_LEASE_MS'>): AlertSettings {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'entente.local';
  return {
    linkSecret: config.ALERTS_LINK_SECRET,
    publicUrl: config.ALERTS_PUBLIC_URL.replace(/\/+$/, ''),
    mailDomain: domain,
    webhookMaxFailures: config.WEBHOOK_MAX_FAILURES,
    pollMs: config.ALERT_DELIVERY_POLL_MS,
    deliveryLeaseMs: config.ALERT_DELIVERY_LEASE_MS,
  };
}

/** The path of the unsubscribe route, on the funding service and forwarded as is by the gateway. */
export const UNSUBSCRIBE_PATH = '/alerts/unsubscribe';

export function unsubscribeUrl(settings: Pick<AlertSettings, 'publicUrl'>, token: string): string {
  return `${settings.publicUrl}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
}

/** The path of the stop-following route of a followed call's mail, forwarded as is by the gateway too. */
export const UNFOLLOW_PATH = '/alerts/unfollow';

export function unfollowUrl(settings: Pick<AlertSettings, 'publicUrl'>, token: string): string {
  return `${settings.publicUrl}${UNFOLLOW_PATH}?token=${encodeURIComponent(token)}`;
}
