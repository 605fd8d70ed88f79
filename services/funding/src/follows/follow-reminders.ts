import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicPass } from '@entente/periodic';
import type { TenantScope } from '@entente/persistence';
import { alertedOf } from '../alerts/alert-evaluator';
import { reminderKey } from '../alerts/alert-keys';
import { ALERT_SETTINGS, type AlertSettings } from '../alerts/alert-settings';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { FollowAlertRecorder } from './follow-alerts';
import { FollowRepository } from './follow.repository';
import type { FollowRecord } from './follow.schema';
import { dueReminder, nextReminderAfter, type ReminderPlan, reminderSummary } from './reminder-schedule';

const BATCH = 20;

export function planOfFollow(follow: FollowRecord): ReminderPlan {
  return { closesAt: follow.closesAt, status: follow.status, reminderDays: follow.reminderDays, armedAt: follow.armedAt };
}

/**
 * Sends followed opportunities' deadline reminders, on every replica. Each
 * follow keeps the moment it waits for (`nextReminderAt`, in the store, so a
 * restart loses nothing); a pass takes the follows whose moment has come,
 * records the reminder due (once per follow, deadline and reminder day: its
 * key, so two replicas or a repeated pass record it once), queues its mail
 * through the alerts' delivery queue, and moves the follow on to its next
 * moment only if nobody moved it since it was read. Moments missed while
 * the service was down are folded into one late reminder; none is sent
 * once the deadline has passed (reminder-schedule.ts).
 */
@Injectable()
export class FollowReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FollowReminders');
  private readonly passes: PeriodicPass;

  constructor(
    private readonly follows: FollowRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly recorder: FollowAlertRecorder,
    @Inject(ALERT_SETTINGS) settings: AlertSettings,
  ) {
    this.passes = new PeriodicPass({ everyMs: settings.pollMs, run: () => this.pass(new Date()), onError: (error) => this.logger.error(`reminder pass failed: ${error.message}`) });
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** Every reminder due at `now`; answers how many this pass recorded. The timer's passes run one at a time; two replicas' at once record each reminder once. */
  async pass(now: Date): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await this.follows.dueAcrossJurisdictions(now, BATCH);
      for (const { scope, record } of due) if (await this.handle(scope, record, now)) sent += 1;
      if (due.length < BATCH) return sent;
    }
  }

  private async handle(scope: TenantScope, follow: FollowRecord, now: Date): Promise<boolean> {
    const from = follow.nextReminderAt as Date;
    const plan = planOfFollow(follow);
    const due = dueReminder(plan, from, now);
    let recorded = false;
    if (due && follow.closesAt) {
      const opportunity = (await this.opportunities.byIds([follow.opportunityId])).get(follow.opportunityId);
      if (opportunity) {
        const alert = { key: reminderKey(follow.followId, follow.closesAt, due.daysBefore), kind: 'deadline-reminder' as const, summary: reminderSummary(follow.closesAt, now, follow.timeZone), opportunity: alertedOf(opportunity) };
        recorded = await this.recorder.record(scope, follow, alert, now);
      }
    }
    await this.follows.advance(scope, follow.followId, from, nextReminderAfter(plan, now));
    return recorded;
  }
}
