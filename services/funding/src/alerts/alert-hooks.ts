import { Injectable, Logger } from '@nestjs/common';
import type { OpportunityStateV1 } from '@entente/contracts';

/** An opportunity event as other features hear it from alerts' one handler per event type. */
export interface OpportunityNews {
  state: OpportunityStateV1;
  /** The fields a `changed` event names; null for an `opened` one (its status changed). */
  changedFields: readonly string[] | null;
  /** When the change happened (the event's occurredAt). */
  occurredAt: Date;
}

export type OpportunityListener = (news: OpportunityNews) => Promise<void>;

/**
 * Where features that build on alerts plug in without alerts importing them
 * (feature folders import each other without a cycle): followed
 * opportunities hear every opportunity change through the service's one
 * `@OnEvent` handler per event type, and wake the dispatcher after queueing
 * a delivery. A listener that throws fails the event's handling, so Kafka
 * redelivers it — every listener must be idempotent, as the evaluator is.
 */
@Injectable()
export class AlertHooks {
  private readonly logger = new Logger('AlertHooks');
  private readonly listeners: OpportunityListener[] = [];
  private readonly kicks: Array<() => void> = [];

  onOpportunityChange(listener: OpportunityListener): void {
    this.listeners.push(listener);
  }

  async opportunityChanged(news: OpportunityNews): Promise<void> {
    for (const listener of this.listeners) await listener(news);
  }

  /** The dispatcher registers here; others call kick() after queueing deliveries. */
  onKick(kick: () => void): void {
    this.kicks.push(kick);
  }

  kick(): void {
    if (this.kicks.length === 0) this.logger.debug('no dispatcher to kick; the next poll sends');
    for (const kick of this.kicks) kick();
  }
}
