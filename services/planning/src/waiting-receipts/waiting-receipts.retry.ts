import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicPass } from '@entente/periodic';
import { JsonLogger } from '@entente/telemetry';
import { FundingAwards } from '../funding-awards/funding-awards';
import { JointEffortActivities } from '../joint-efforts/joint-effort-activities';

/** How often each replica looks for waiting receipts due again (each backs off on its own, see plans/waiting-retry.ts). */
export const WAITING_RECEIPTS_POLL_MS = 30_000;

/**
 * Tries again, in the background, what other services sent that waited for
 * a plan: awards (a funding line) and joint-effort joinings (a proposed
 * activity). Several replicas may try the same one at once: the plan takes
 * it once (addFundingLineOnce, proposeActivityOnce).
 */
@Injectable()
export class WaitingReceiptsRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new JsonLogger('waiting-receipts');
  private readonly passes = new PeriodicPass({
    everyMs: WAITING_RECEIPTS_POLL_MS,
    run: () => this.retryDue(new Date()),
    onError: (error) => this.logger.error(`waiting receipts: ${error.message}`, error.stack, 'WaitingReceiptsRetry'),
  });

  constructor(
    private readonly awards: FundingAwards,
    private readonly joinings: JointEffortActivities,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** Every waiting receipt due at `now`, of both kinds; answers how many of each went into their plan. */
  async retryDue(now: Date): Promise<{ awards: number; joinings: number }> {
    return { awards: await this.awards.retryWaiting(now), joinings: await this.joinings.retryWaiting(now) };
  }
}
