import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JsonLogger } from '@entente/telemetry';
import type { SourceSettings } from '../connectors/connector';
import { Connectors } from '../connectors/connectors';
import { DEFAULT_FETCH_POLICY, type FetchPolicy, SourceReadError } from '../connectors/http/source-fetch';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { SourceRepository } from '../sources/source.repository';
import type { SourceRecord } from '../sources/source.schema';
import { DeadlineSweep } from './deadline-sweep';
import { emptyCounts, ScoutingIngest } from './scouting-ingest';
import { type RunEnd, ScoutingRunRepository } from './scouting-run.repository';
import type { ScoutingRunRecord } from './scouting-run.schema';

export const SCOUTING_SETTINGS = Symbol('SCOUTING_SETTINGS');

export interface ScoutingSettings {
  /** Off: this replica neither schedules nor runs (the API still queues runs for the others). */
  enabled: boolean;
  /** How often to look for due sources and runs nobody holds (a run asked for now starts at once). */
  pollMs: number;
  /** How long a claim lasts without renewal; a crashed runner's run is taken over after it. */
  leaseMs: number;
  fetch: FetchPolicy;
  /** The clock (tests fix it). */
  now?: () => Date;
}

/** The deadline sweep over every source runs at most this often besides the sweep after each run. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Thrown inside a run whose lease another runner took: the run stops without writing its end. */
class LeaseLost extends Error {}

/** The id of the scheduled run of a source's slot: the same on every replica, so a slot is queued once. */
export function scheduledRunId(sourceId: string, dueAt: Date): string {
  return `${sourceId}@${dueAt.toISOString()}`;
}

/**
 * Runs scouting in the background of the funding service: queues each
 * scheduled source's run when it is due (one replica wins the slot), then
 * works the queue one run at a time. Runs are claimed with a lease renewed
 * while working, so several replicas never run one at once, and a run whose
 * runner died is taken over when its lease runs out and simply run again:
 * ingest is idempotent, and a record's change and its events are one write.
 * A source that fails (timeout, HTML instead of XML, broken off) fails its
 * own run only.
 */
@Injectable()
export class ScoutingRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly owner = `funding-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly logger = new JsonLogger('funding');
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private kicked = false;
  private stopping = false;
  private lastSweep = 0;

  constructor(
    private readonly runs: ScoutingRunRepository,
    private readonly sources: SourceRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly ingest: ScoutingIngest,
    private readonly sweep: DeadlineSweep,
    private readonly connectors: Connectors,
    @Inject(SCOUTING_SETTINGS) private readonly settings: ScoutingSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.runs.ready(), this.sources.ready(), this.opportunities.ready()]);
    if (this.settings.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  /** A run was queued: look now rather than at the next poll. */
  kick(): void {
    if (!this.settings.enabled) return;
    if (this.draining) this.kicked = true;
    else this.schedule(0);
  }

  /** One pass, awaited: due sources queued, runs worked until none is left to claim (tests call it directly). */
  async drainOnce(): Promise<void> {
    await this.queueDue();
    for (;;) {
      if (this.stopping) return;
      const run = await this.runs.claimNext(this.owner, this.settings.leaseMs);
      if (!run) break;
      await this.work(run);
    }
    if (Date.now() - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      await this.sweep.sweep(this.now(), `sweep@${this.now().toISOString()}`);
    }
  }

  /** The domain's clock (statuses, deadlines); leases always run on the real one. */
  private now(): Date {
    return this.settings.now?.() ?? new Date();
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), delayMs);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.kicked = false;
    this.draining = this.drainOnce().catch((error: unknown) => {
      this.logger.error(`scouting runner: ${(error as Error).message}`, (error as Error).stack, 'ScoutingRunner');
    });
    await this.draining;
    this.draining = undefined;
    this.schedule(this.kicked ? 0 : this.settings.pollMs);
  }

  /** Queues the run of every scheduled source whose time has come; of several replicas, one wins each slot. */
  private async queueDue(): Promise<void> {
    const now = new Date();
    for (const source of await this.sources.due(now)) {
      const dueAt = source.nextRunAt as Date;
      const next = new Date(Math.max(dueAt.getTime(), now.getTime()) + (source.scheduleMinutes ?? 60) * 60_000);
      if (!(await this.sources.takeSchedule(source.sourceId, dueAt, next))) continue;
      if (await this.runs.unfinishedOf(source.sourceId)) continue;
      await this.runs.queue(newRun(scheduledRunId(source.sourceId, dueAt), source.sourceId, 'schedule', null, now));
    }
  }

  private async work(run: ScoutingRunRecord): Promise<void> {
    const started = Date.now();
    const now = this.now();
    let lost = false;
    const beat = setInterval(() => {
      void this.runs.heartbeat(run.runId, this.owner, run.counts, this.settings.leaseMs).then((held) => {
        if (!held) lost = true;
      });
    }, Math.max(100, Math.floor(this.settings.leaseMs / 3)));
    const end = (status: RunEnd['status'], rest: Partial<RunEnd>): RunEnd => ({
      status,
      counts: rest.counts ?? emptyCounts(),
      problems: rest.problems ?? [],
      failure: rest.failure ?? null,
      closed: rest.closed ?? 0,
      closingSoon: rest.closingSoon ?? 0,
      durationMs: Date.now() - started,
      finishedAt: new Date(),
    });
    let outcome: RunEnd;
    try {
      const source = await this.sources.get(run.sourceId);
      if (!source || !source.enabled) {
        outcome = end('failed', { failure: source ? 'the source is disabled' : 'the source no longer exists' });
      } else {
        outcome = await this.scout(run, source, now, end, () => lost);
      }
    } catch (error) {
      if (error instanceof LeaseLost) {
        clearInterval(beat);
        return;
      }
      const reference = randomUUID();
      this.logger.error(`scouting run ${run.runId} failed (reference ${reference}): ${(error as Error).message}`, (error as Error).stack, 'ScoutingRunner');
      outcome = end('failed', { failure: `internal error; quote reference ${reference} to the platform team` });
    } finally {
      clearInterval(beat);
    }
    if (this.stopping && outcome.status === 'failed' && outcome.failure === 'stopped') {
      await this.runs.release(run.runId, this.owner);
      return;
    }
    await this.runs.finish(run, this.owner, outcome);
  }

  private async scout(run: ScoutingRunRecord, source: SourceRecord, now: Date, end: (status: RunEnd['status'], rest: Partial<RunEnd>) => RunEnd, isLost: () => boolean): Promise<RunEnd> {
    const apiKey = source.apiKeyRef ? (process.env[source.apiKeyRef] ?? null) : null;
    if (source.apiKeyRef && !apiKey) return end('failed', { failure: `the API key reference ${source.apiKeyRef} names an environment variable that is not set in the funding service` });
    const connector = this.connectors.of(source.kind);
    const hasValidators = Boolean(source.validators.etag || source.validators.lastModified);
    let read;
    try {
      read = await connector.open({ source: settingsOf(source), now, validators: hasValidators ? source.validators : null, apiKey, policy: this.settings.fetch });
    } catch (error) {
      if (error instanceof SourceReadError) return end('failed', { failure: error.message });
      throw error;
    }
    if (read.notModified) return end('not-modified', {});
    const counts = run.counts;
    let result;
    try {
      result = await this.ingest.ingest({
        runId: run.runId,
        sourceId: source.sourceId,
        sourceKind: source.kind,
        now,
        items: read.items,
        onBatch: async (progress) => {
          Object.assign(counts, progress);
          if (isLost()) throw new LeaseLost();
          return !this.stopping;
        },
      });
    } catch (error) {
      if (error instanceof SourceReadError) return end('failed', { counts, failure: `${error.message} (the records before it were stored)` });
      throw error;
    }
    if (!result.completed) return end('failed', { counts: result.counts, problems: result.problems, failure: 'stopped' });
    if (read.validators) await this.sources.saveValidators(source.sourceId, read.validators);
    const swept = await this.sweep.sweep(now, run.runId, source.sourceId);
    return end('succeeded', { counts: result.counts, problems: result.problems, closed: swept.closed, closingSoon: swept.closingSoon });
  }
}

export function settingsOf(source: SourceRecord): SourceSettings {
  return {
    sourceId: source.sourceId,
    kind: source.kind,
    url: source.url,
    funder: source.funder,
    funderType: source.funderType,
    currency: source.currency,
    timeZone: source.timeZone,
    countries: source.countries,
    query: source.query,
  };
}

export function newRun(runId: string, sourceId: string, trigger: ScoutingRunRecord['trigger'], requestedBy: string | null, now: Date): ScoutingRunRecord {
  return {
    runId,
    sourceId,
    trigger,
    requestedBy,
    status: 'queued',
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    counts: emptyCounts(),
    problems: [],
    closed: 0,
    closingSoon: 0,
    failure: null,
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
  };
}

export const DEFAULT_SCOUTING_SETTINGS: ScoutingSettings = { enabled: true, pollMs: 5000, leaseMs: 30_000, fetch: DEFAULT_FETCH_POLICY };
