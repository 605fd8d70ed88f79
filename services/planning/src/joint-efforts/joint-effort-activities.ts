import { Injectable } from '@nestjs/common';
import type { ActivityType, JointEffortKind, JointEffortParticipantJoinedV1Payload } from '@entente/contracts';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import type { Actor, TenantScope } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import type { ActivityInput } from '../plans/activity.rules';
import type { ActivityOrigin } from '../plans/plan-content';
import { PlanService } from '../plans/plan.service';
import { attemptIntoPlan } from '../plans/waiting-retry';
import { JointEffortReceiptRepository } from './joint-effort-receipt.repository';
import type { JointEffortReceiptStatus } from './joint-effort-receipt.schema';

/** Who the plan's history names for an activity a joining proposed. */
export const JOINT_EFFORT_ACTOR: Actor = { userId: 'service:network', username: 'network (joint effort joined)' };

/**
 * The activity type a joint effort becomes in a plan: the closest of the
 * plan's types (a shared office or representation abroad is planned like a
 * trade mission, a coordinated engagement as an exchange of staff).
 */
const ACTIVITY_TYPE_OF_EFFORT: Record<JointEffortKind, ActivityType> = {
  'common-delegation': 'outbound-delegation',
  'joint-funding-bid': 'funding-application',
  'shared-trade-office': 'trade-mission',
  'shared-representation': 'trade-mission',
  'joint-event': 'cultural-event',
  'knowledge-exchange': 'staff-exchange',
};

const TITLE_MAX = 200;

export function originOf(effortId: string): ActivityOrigin {
  return { kind: 'joint-effort', reference: effortId };
}

/**
 * The proposed activity for a joining, in a plan of `period`: the effort's
 * title with the participant's cost share, its kind's activity type, its
 * country, and its timeline cut to the plan year (the cost stays for the
 * plan's people to fill in: the effort carries shares, not amounts).
 */
export function activityOf(joined: JointEffortParticipantJoinedV1Payload, period: { start: string; end: string }): ActivityInput {
  const title = `${joined.title} (joint effort, our share ${joined.costShare} %)`;
  const inside = (date: string): string => (date < period.start ? period.start : date > period.end ? period.end : date);
  const window = joined.timeline && joined.timeline.end >= period.start && joined.timeline.start <= period.end ? { start: inside(joined.timeline.start), end: inside(joined.timeline.end) } : null;
  return {
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    type: ACTIVITY_TYPE_OF_EFFORT[joined.kind],
    country: joined.country,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
  };
}

/**
 * A joining of a joint effort becomes one proposed activity in the
 * participant's plan of the year its timeline starts in (or of the year it
 * joined), however often its event arrives: the activity carries the effort
 * as its origin and the plan refuses a second one of that origin
 * (PlanService.proposeActivityOnce); a receipt per effort spares the plan
 * read once it is applied. A joining with no plan to go into (no plan for
 * the year, or one in review or closed, or one whose rules refuse it) is
 * kept as waiting and tried again with back-off (retryWaiting), as an
 * award's funding line is, so it lands once the plan can take it.
 */
@Injectable()
export class JointEffortActivities {
  private readonly logger = new JsonLogger('joint-effort-activities');

  constructor(
    private readonly plans: PlanService,
    private readonly receipts: JointEffortReceiptRepository,
  ) {}

  async apply(scope: TenantScope, joined: JointEffortParticipantJoinedV1Payload, now = new Date()): Promise<JointEffortReceiptStatus> {
    const receipt = await this.receipts.find(scope, joined.effortId);
    if (receipt?.status === 'applied') return 'applied';
    return this.settle(scope, joined, receipt?.receivedAt ?? now, (receipt?.attempts ?? 0) + 1, now);
  }

  /** Tries again the waiting joinings of every jurisdiction that are due; answers how many went into their plan. */
  async retryWaiting(now: Date, limit = 100): Promise<number> {
    let applied = 0;
    for (const { scope, record } of await this.receipts.dueWaiting(now, limit)) {
      if (record.joined && (await this.settle(scope, record.joined, record.receivedAt, (record.attempts ?? 1) + 1, now)) === 'applied') applied += 1;
    }
    return applied;
  }

  private async settle(scope: TenantScope, joined: JointEffortParticipantJoinedV1Payload, receivedAt: Date, attempts: number, now: Date): Promise<JointEffortReceiptStatus> {
    const year = await this.plans.planYearOn(scope, joined.timeline?.start ?? joined.joinedAt.slice(0, 10));
    // A plan year the plan cannot have, or a window its rules refuse (ValidationError), waits like a missing plan: the joining stays on record.
    const { status, note, nextAttemptAt } = await attemptIntoPlan(
      async () => this.plans.proposeActivityOnce(scope, JOINT_EFFORT_ACTOR, year, activityOf(joined, await this.plans.planPeriod(scope, year)), originOf(joined.effortId)),
      attempts,
      now,
      [NotFoundError, ConflictError, ValidationError],
    );
    await this.receipts.record(scope, { effortId: joined.effortId, year, title: joined.title, costShare: joined.costShare, status, note, receivedAt, joined, attempts, nextAttemptAt });
    if (nextAttemptAt) this.logger.log(`joint effort ${joined.effortId} of ${scope.jurisdictionId} waits for plan ${year}: ${note}; tried again at ${nextAttemptAt.toISOString()}`);
    return status;
  }
}
