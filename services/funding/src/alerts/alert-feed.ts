import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicPass } from '@entente/periodic';
import type { Stored } from '@entente/persistence';
import type { AlertItemRecord } from './alert-item.schema';
import { AlertItemRepository } from './alert-item.repository';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings';

type Listener = (alert: AlertItemRecord) => void;

const LOOK_BACK_MS = 10_000;

/**
 * The live side of the in-app channel, on every replica: while anyone is
 * subscribed, it polls the alerts recorded since its last look (by any
 * replica) and hands each in-app one to the subscriptions of its owner held here.
 * Polling the store rather than a process-local bus is what makes a
 * subscription on one replica see an alert recorded by another. Each poll
 * looks back LOOK_BACK_MS before the newest alert it saw, so an alert
 * stamped a moment before it was written (or by a replica whose clock is a
 * little behind) is still found; the ids seen keep it from going out twice.
 */
@Injectable()
export class AlertFeed implements OnApplicationShutdown {
  private readonly logger = new Logger('AlertFeed');
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Polls while anyone is subscribed. */
  private readonly polls: PeriodicPass;
  private since = new Date();
  /** Alerts already handed out, kept while they are inside the look-back window. */
  private readonly seen = new Map<string, number>();
  private activeSince = 0;

  constructor(
    private readonly items: AlertItemRepository,
    @Inject(ALERT_SETTINGS) settings: AlertSettings,
  ) {
    this.polls = new PeriodicPass({ everyMs: Math.min(settings.pollMs, 500), run: () => this.poll(), onError: (error) => this.logger.warn(`alert feed poll failed: ${error.message}`) });
  }

  /** The alerts of one user, as they are recorded, until `signal` aborts. */
  async *of(jurisdictionId: string, ownerId: string, signal?: AbortSignal): AsyncGenerator<AlertItemRecord> {
    const key = `${jurisdictionId}\u0000${ownerId}`;
    const queue: AlertItemRecord[] = [];
    let wake: (() => void) | undefined;
    const listener: Listener = (alert) => {
      queue.push(alert);
      wake?.();
    };
    this.add(key, listener);
    try {
      while (!signal?.aborted) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = undefined;
      }
    } finally {
      this.remove(key, listener);
    }
  }

  private add(key: string, listener: Listener): void {
    if (this.listeners.size === 0) {
      // Alerts from before the first subscriber are the inbox's, not the live feed's.
      this.since = new Date();
      this.activeSince = this.since.getTime();
      this.seen.clear();
      this.polls.start();
    }
    const set = this.listeners.get(key) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(key, set);
  }

  private remove(key: string, listener: Listener): void {
    const set = this.listeners.get(key);
    set?.delete(listener);
    if (set?.size === 0) this.listeners.delete(key);
    if (this.listeners.size === 0) void this.polls.stop();
  }

  private async poll(): Promise<void> {
    const found = await this.items.recordedSinceAcrossJurisdictions(new Date(this.since.getTime() - LOOK_BACK_MS), 1000);
    for (const { record } of found as Array<{ record: AlertItemRecord & Stored }>) {
      if (record.createdAt.getTime() > this.since.getTime()) this.since = record.createdAt;
      if (this.seen.has(record.alertId)) continue;
      this.seen.set(record.alertId, record.createdAt.getTime());
      if (record.createdAt.getTime() < this.activeSince || record.inApp === false) continue;
      for (const listener of this.listeners.get(`${record.jurisdictionId}\u0000${record.ownerId}`) ?? []) listener(record);
    }
    const horizon = this.since.getTime() - 2 * LOOK_BACK_MS;
    for (const [alertId, at] of this.seen) if (at < horizon) this.seen.delete(alertId);
  }

  onApplicationShutdown(): Promise<void> {
    return this.polls.stop();
  }
}
