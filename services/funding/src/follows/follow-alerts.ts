import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TenantScope } from '@entente/persistence';
import { pendingFollowDelivery } from '../alerts/alert-delivery.schema';
import { AlertDeliveryRepository } from '../alerts/alert-delivery.repository';
import { alertedOf } from '../alerts/alert-evaluator';
import { AlertHooks, type OpportunityNews } from '../alerts/alert-hooks';
import type { AlertedOpportunity, AlertItemRecord, AlertKind } from '../alerts/alert-item.schema';
import { AlertItemRepository } from '../alerts/alert-item.repository';
import { deliveryKey, followChangeKey } from '../alerts/alert-keys';
import { evaluatedOf } from '../alerts/opportunity-events.controller';
import { FollowRepository } from './follow.repository';
import type { FollowRecord } from './follow.schema';
import { armed } from './follow.service';
import { changeSummary } from './reminder-schedule';

/** What every followed call's alert says it came from (the inbox's `sourceName`). */
export const FOLLOWED_SOURCE_NAME = 'Followed call';

/**
 * Records a follow's alert in the user's inbox once (its key) and queues its
 * mail once (the delivery key), through the alerts' store and dispatcher:
 * the same machinery, keys and guarantees as a saved search's instant alert.
 */
@Injectable()
export class FollowAlertRecorder {
  constructor(
    private readonly items: AlertItemRepository,
    private readonly deliveries: AlertDeliveryRepository,
    private readonly hooks: AlertHooks,
  ) {}

  async record(scope: TenantScope, follow: FollowRecord, alert: { key: string; kind: AlertKind; summary: string; opportunity: AlertedOpportunity }, now: Date): Promise<boolean> {
    const item: AlertItemRecord = {
      jurisdictionId: follow.jurisdictionId,
      ownerId: follow.ownerId,
      alertId: randomUUID(),
      alertKey: alert.key,
      kind: alert.kind,
      searchId: null,
      followId: follow.followId,
      sourceName: FOLLOWED_SOURCE_NAME,
      summary: alert.summary,
      opportunity: alert.opportunity,
      instant: true,
      inApp: follow.channels.inApp,
      digestKey: null,
      createdAt: now,
      readAt: null,
    };
    const { item: stored, created } = await this.items.record(scope, item);
    // Queued on every handling, not only the first: a crash between the two writes is healed by the next one.
    if (follow.channels.email && follow.ownerEmail) {
      await this.deliveries.enqueue(scope, pendingFollowDelivery(follow, deliveryKey(stored.alertKey, 'email'), follow.ownerEmail, [stored.alertId], now));
      this.hooks.kick();
    }
    return created;
  }
}

/**
 * A followed opportunity changed (funding's own changed and opened events,
 * heard through alerts' one handler per event type): each follower gets one
 * alert per opportunity version naming what changed, and when the deadline
 * or status moved, the follow's reminders are armed again for the new
 * deadline from the moment the change happened. The alert is recorded before
 * the follow is updated, and both are keyed or guarded by the version, so a
 * redelivered event, or one handled by two replicas, alerts once.
 */
@Injectable()
export class FollowChangeAlerts implements OnModuleInit {
  constructor(
    private readonly follows: FollowRepository,
    private readonly recorder: FollowAlertRecorder,
    private readonly hooks: AlertHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.onOpportunityChange((news) => this.changed(news).then(() => undefined));
  }

  /** Answers how many follows heard of it. */
  async changed(news: OpportunityNews, now = new Date()): Promise<number> {
    const { state } = news;
    const closesAt = state.closesAt ? new Date(state.closesAt) : null;
    let heard = 0;
    for (const { scope, record: follow } of await this.follows.followersAcrossJurisdictions(state.opportunityId)) {
      // Versions up to the one followed were known when following: nothing to tell.
      if (state.version <= follow.followedVersion) continue;
      const summary = changeSummary({ changedFields: news.changedFields, before: { closesAt: follow.closesAt, status: follow.status }, after: { closesAt, status: state.status }, timeZone: follow.timeZone });
      await this.recorder.record(scope, follow, { key: followChangeKey(follow.followId, state.opportunityId, state.version), kind: 'followed-changed', summary, opportunity: alertedOf(evaluatedOf(state)) }, now);
      const moved = (follow.closesAt?.getTime() ?? null) !== (closesAt?.getTime() ?? null) || follow.status !== state.status;
      const applied = await this.follows.heard(scope, follow.followId, state.version, {
        title: state.title,
        closesAt,
        status: state.status,
        ...(moved && armed({ closesAt, status: state.status, reminderDays: follow.reminderDays }, news.occurredAt)),
        updatedAt: now,
      });
      if (applied) heard += 1;
    }
    return heard;
  }
}
