export interface PeriodicPassOptions {
  /** Time between passes the timer starts. */
  everyMs: number;
  /** One pass of the work. */
  run: () => Promise<unknown>;
  /** A pass that threw (from the timer or from kick): the owner logs it; the next period tries again. */
  onError: (error: Error) => void;
}

/**
 * Work done in passes, on a timer and on demand: the loop behind the outbox
 * relay, funding's alert dispatcher, follow reminders and live alert feed,
 * and planning's retries of waiting receipts. One pass at a time per
 * process; asking for one while a pass runs runs one more right after it
 * (what was written meanwhile does not wait a whole period), however many
 * asked; stop() waits for the pass in progress, so shutdown never cuts one
 * short. The timer does not keep the process alive.
 */
export class PeriodicPass {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(private readonly options: PeriodicPassOptions) {}

  /** Whether the timer is running (between start and stop). */
  get started(): boolean {
    return this.timer !== undefined;
  }

  /** Starts the timer (again after a stop); a second start changes nothing. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.options.everyMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for the pass in progress (its failure is the owner's onError's, not the caller's). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** A pass now rather than at the next period, failures to onError. */
  kick(): void {
    this.now().catch((error: unknown) => this.options.onError(error instanceof Error ? error : new Error(String(error))));
  }

  /** A pass now; during a pass, the pass after it. Resolves when no pass is left to run; rejects with a pass's failure. */
  now(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.options.run();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
