import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PeriodicPass } from '@entente/periodic';
import type { TenantScope } from '@entente/persistence';
import { MailSender } from '../mail/mail-sender';
import { nextDigestAt } from '../searches/cadence';
import { SavedSearchRepository } from '../searches/saved-search.repository';
import type { SavedSearchRecord } from '../searches/saved-search.schema';
import { type AlertDeliveryRecord, pendingDelivery } from './alert-delivery.schema';
import { AlertDeliveryRepository } from './alert-delivery.repository';
import { AlertEvaluator, deliveryChannels } from './alert-evaluator';
import { AlertHooks } from './alert-hooks';
import type { AlertItemRecord } from './alert-item.schema';
import { AlertItemRepository } from './alert-item.repository';
import { deliveryKey, digestKey, messageIdOf, webhookDisabledKey } from './alert-keys';
import { digestMail, instantMail } from './alert-mail';
import { ALERT_SETTINGS, type AlertSettings, unfollowUrl, unsubscribeUrl } from './alert-settings';
import { signUnfollow, signUnsubscribe } from './link-token';
import { WebhookPolicy } from '../webhooks/webhook-policy';
import { postWebhook } from './webhook-sender';
import { retryDelayMs } from './webhook-signature';

/** Attempts of one delivery before it is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BATCH = 20;

/**
 * Works the delivery queue and the digest schedule on every replica. A
 * delivery is claimed (a lease, taken only if nobody took it since it was
 * read), sent, then marked sent: a replica killed mid-send leaves it
 * pending, and it is sent again when the lease runs out. SMTP gives no way
 * to make that exactly-once — a server can accept a mail just before the
 * process dies — so mail is at-least-once, with a Message-ID fixed by the
 * delivery key so clients can fold a repeat; webhooks carry the key in a
 * header for the receiver to drop a repeat.
 */
@Injectable()
export class AlertDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AlertDispatcher');
  /** Due digests, then due deliveries; repeated when kicked during a pass. */
  private readonly passes: PeriodicPass;

  constructor(
    private readonly deliveries: AlertDeliveryRepository,
    private readonly items: AlertItemRepository,
    private readonly searches: SavedSearchRepository,
    private readonly evaluator: AlertEvaluator,
    private readonly mail: MailSender,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    private readonly webhookPolicy: WebhookPolicy,
    hooks: AlertHooks,
  ) {
    this.passes = new PeriodicPass({
      everyMs: settings.pollMs,
      run: async () => {
        await this.scheduleDigests(new Date());
        while ((await this.deliverDue(new Date())) === BATCH);
      },
      onError: (error) => this.logger.error(`alert delivery pass failed: ${error.message}`),
    });
    hooks.onKick(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** Works the queue now (after a local write) rather than at the next poll. */
  kick(): void {
    this.passes.kick();
  }

  /** Turns every due digest into deliveries; a search's next digest time moves on once its deliveries are queued. */
  async scheduleDigests(now: Date): Promise<void> {
    for (const { scope, record: search } of await this.searches.dueDigestsAcrossJurisdictions(now, BATCH)) {
      const dueAt = search.nextDigestAt as Date;
      await this.queueDigest(scope, search, dueAt, now);
      const next = nextDigestAt(search.cadence, dueAt.getTime() > now.getTime() ? dueAt : now);
      await this.searches.advanceDigest(scope, search.searchId, dueAt, next);
    }
  }

  /** Queues one digest of a search: its waiting alerts up to `upTo`, on each of its channels. Idempotent by key. */
  async queueDigest(scope: TenantScope, search: SavedSearchRecord, upTo: Date, now: Date): Promise<number> {
    if (search.unsubscribedAt || (search.snoozedUntil && search.snoozedUntil.getTime() > now.getTime())) return 0;
    const key = digestKey(search.searchId, upTo);
    const channels = deliveryChannels(search);
    const sentAlready = (await Promise.all(channels.map((channel) => this.deliveries.get(scope, deliveryKey(key, channel))))).some((found) => found && found.status !== 'pending');
    // A digest already sent takes no more alerts: they wait for the next one.
    if (!sentAlready) await this.items.tagForDigest(scope, search.searchId, key, upTo);
    const held = await this.items.ofDigest(scope, key);
    if (held.length === 0) return 0;
    for (const channel of channels) await this.deliveries.enqueue(scope, pendingDelivery(search, deliveryKey(key, channel), channel, [], key, now));
    return held.length;
  }

  /** Sends what is due; answers how many it took. */
  async deliverDue(now: Date): Promise<number> {
    const due = await this.deliveries.dueAcrossJurisdictions(now, BATCH);
    for (const { scope, record } of due) {
      const claimed = await this.deliveries.claim(scope, record, now, this.settings.deliveryLeaseMs);
      if (claimed) await this.deliver(scope, claimed);
    }
    return due.length;
  }

  private async deliver(scope: TenantScope, delivery: AlertDeliveryRecord): Promise<void> {
    if (delivery.followId) return this.sendFollowMail(scope, delivery, delivery.followId);
    const search = delivery.searchId ? await this.searches.byId(scope, delivery.searchId) : null;
    if (!search) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'the search was deleted');
    const notice = delivery.alertIds.length === 1 && delivery.deliveryKey.startsWith('webhook-disabled:');
    if (search.unsubscribedAt && !notice) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'unsubscribed');
    const alerts = delivery.digestKey ? await this.items.ofDigest(scope, delivery.digestKey) : await this.items.byIds(scope, delivery.alertIds);
    if (alerts.length === 0) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'nothing to send');
    if (delivery.channel === 'email') return this.sendMail(scope, delivery, search, alerts);
    return this.sendWebhook(scope, delivery, search, alerts);
  }

  private async sendMail(scope: TenantScope, delivery: AlertDeliveryRecord, search: SavedSearchRecord, alerts: AlertItemRecord[]): Promise<void> {
    if (!search.ownerEmail) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'no email address');
    const link = unsubscribeUrl(this.settings, signUnsubscribe({ searchId: search.searchId, ownerId: search.ownerId }, this.settings.linkSecret));
    const content =
      delivery.digestKey && search.cadence.kind !== 'instant' ? digestMail(search.name, search.cadence.kind, alerts, { unsubscribeUrl: link }) : instantMail(alerts[0] as AlertItemRecord, { unsubscribeUrl: link });
    try {
      await this.mail.send({
        to: search.ownerEmail,
        ...content,
        messageId: messageIdOf(delivery.deliveryKey, this.settings.mailDomain),
        // RFC 8058: mail clients offer their own one-click unsubscribe, which POSTs to the link.
        headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Entente-Delivery': delivery.deliveryKey },
      });
    } catch (error) {
      return this.failed(scope, delivery, `the mail server refused it: ${(error as Error).message}`);
    }
    await this.deliveries.sent(scope, delivery.deliveryKey, new Date());
  }

  /** A followed opportunity's mail: its address came with the delivery (an unfollow drops what is still queued). */
  private async sendFollowMail(scope: TenantScope, delivery: AlertDeliveryRecord, followId: string): Promise<void> {
    const alerts = await this.items.byIds(scope, delivery.alertIds);
    if (alerts.length === 0 || delivery.channel !== 'email' || !delivery.emailTo) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'nothing to send');
    const link = unfollowUrl(this.settings, signUnfollow({ followId, ownerId: delivery.ownerId }, this.settings.linkSecret));
    try {
      await this.mail.send({
        to: delivery.emailTo,
        ...instantMail(alerts[0] as AlertItemRecord, { unsubscribeUrl: null, unfollowUrl: link }),
        messageId: messageIdOf(delivery.deliveryKey, this.settings.mailDomain),
        // RFC 8058 here too: a mail client's one-click unsubscribe stops following this call.
        headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Entente-Delivery': delivery.deliveryKey },
      });
    } catch (error) {
      return this.failed(scope, delivery, `the mail server refused it: ${(error as Error).message}`);
    }
    await this.deliveries.sent(scope, delivery.deliveryKey, new Date());
  }

  private async sendWebhook(scope: TenantScope, delivery: AlertDeliveryRecord, search: SavedSearchRecord, alerts: AlertItemRecord[]): Promise<void> {
    const webhook = search.channels.webhook;
    if (!webhook || search.webhookDisabledAt) return this.deliveries.close(scope, delivery.deliveryKey, 'dropped', 'the webhook is disabled');
    const payload = {
      deliveryId: delivery.deliveryKey,
      search: { id: search.searchId, name: search.name },
      digest: delivery.digestKey !== null,
      alerts: alerts.map((alert) => ({ id: alert.alertId, kind: alert.kind, summary: alert.summary, createdAt: alert.createdAt, opportunity: alert.opportunity })),
    };
    const outcome = await postWebhook(webhook.url, webhook.secret, delivery.deliveryKey, payload, this.webhookPolicy);
    if (outcome.ok) {
      await this.deliveries.sent(scope, delivery.deliveryKey, new Date());
      await this.searches.webhookSucceeded(scope, search.searchId);
      return;
    }
    const failures = await this.searches.webhookFailed(scope, search.searchId);
    if (failures >= this.settings.webhookMaxFailures) {
      await this.deliveries.close(scope, delivery.deliveryKey, 'dropped', `the webhook ${outcome.reason}; disabled after ${failures} failures in a row`);
      await this.disableWebhook(scope, search, `${webhook.url} ${outcome.reason}, ${failures} times in a row`);
      return;
    }
    return this.failed(scope, delivery, `the webhook ${outcome.reason}`);
  }

  private async failed(scope: TenantScope, delivery: AlertDeliveryRecord, reason: string): Promise<void> {
    if (delivery.attempts >= MAX_DELIVERY_ATTEMPTS) {
      this.logger.warn(`delivery ${delivery.deliveryKey} failed for good after ${delivery.attempts} attempts: ${reason}`);
      return this.deliveries.close(scope, delivery.deliveryKey, 'failed', reason);
    }
    await this.deliveries.retryAt(scope, delivery.deliveryKey, new Date(Date.now() + retryDelayMs(delivery.attempts)), reason);
  }

  /** Disables the webhook once, and tells its owner in the app and by mail (whatever the search's own channels). */
  private async disableWebhook(scope: TenantScope, search: SavedSearchRecord, reason: string): Promise<void> {
    const now = new Date();
    if (!(await this.searches.disableWebhook(scope, search.searchId, reason, now))) return;
    const notice: AlertItemRecord = {
      jurisdictionId: search.jurisdictionId,
      ownerId: search.ownerId,
      alertId: randomUUID(),
      alertKey: webhookDisabledKey(search.searchId, now),
      kind: 'webhook-disabled',
      searchId: search.searchId,
      sourceName: search.name,
      summary: `The webhook of your search "${search.name}" was disabled: ${reason}. Fix the receiver, then save the search again to turn it back on.`,
      opportunity: null,
      instant: true,
      inApp: true,
      digestKey: null,
      createdAt: now,
      readAt: null,
    };
    const { item } = await this.items.record(scope, notice);
    if (search.ownerEmail) await this.deliveries.enqueue(scope, pendingDelivery(search, deliveryKey(item.alertKey, 'email'), 'email', [item.alertId], null, now));
    this.evaluator.invalidate();
  }
}
