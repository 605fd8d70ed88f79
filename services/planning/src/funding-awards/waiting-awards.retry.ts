import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JsonLogger } from '@entente/telemetry';
import { FundingAwards } from './funding-awards';

/** How often each replica looks for waiting awards due again (each award backs off on its own, see retryDelayMs). */
export const WAITING_AWARDS_POLL_MS = 30_000;

/**
 * Tries waiting awards again in the background. Several replicas may try the
 * same one at once: the plan takes its line once (addFundingLineOnce).
 */
@Injectable()
export class WaitingAwardsRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new JsonLogger('funding-awards');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly awards: FundingAwards) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.pass(), WAITING_AWARDS_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private pass(): void {
    if (this.running) return;
    this.running = this.awards
      .retryWaiting(new Date())
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`waiting awards: ${(error as Error).message}`, (error as Error).stack, 'WaitingAwardsRetry'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
