import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { DomainError, ValidationError } from '@entente/errors';
import { JsonLogger } from '@entente/telemetry';
import { ROW_FIELD } from './csv-import';
import { ImportApplier } from './import-applier';
import { boundedReport, ImportJobStatus, progressOf } from './import-job.rules';
import { ClaimedJob, ImportJobRepository } from './import-job.repository';
import type { ImportJobRecord } from './import-job.schema';
import { ImportPlanner } from './import-planner';
import type { ImportStep } from './import-step';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';
import { PARTNERS_FIELD, TwinningPartnerNamer } from './twinning-partner-names';

export const IMPORT_RUNNER_SETTINGS = Symbol('IMPORT_RUNNER_SETTINGS');

export interface ImportRunnerSettings {
  /** How often to look for jobs nobody runs (new ones are kicked at once): this is how a restart resumes. */
  pollMs: number;
  /** How long a claim lasts without a heartbeat; a crashed runner's job is taken over after it. */
  leaseMs: number;
}

/** Progress is written (and the lease renewed) at most this often while applying. */
const HEARTBEAT_MS = 500;

/**
 * Runs import jobs in the background of the registry, one at a time, for
 * every jurisdiction. A job is validated as a whole first; only a job without
 * a single problem is applied, step by step under deterministic ids, so a job
 * interrupted by a restart is simply run again from its current phase: the
 * steps it already applied are found, not made twice. Jobs are claimed with a
 * lease, so several registry replicas never run one job at once, and a job
 * whose runner died is taken over when its lease runs out.
 */
@Injectable()
export class ImportJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly owner = `registry-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly logger = new JsonLogger('registry');
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private kicked = false;
  private stopping = false;

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly planner: ImportPlanner,
    private readonly applier: ImportApplier,
    private readonly catalogue: TwinningCatalogueRepository,
    private readonly namer: TwinningPartnerNamer,
    @Inject(IMPORT_RUNNER_SETTINGS) private readonly settings: ImportRunnerSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.ready();
    this.schedule(0);
  }

  /** A job was queued: look now rather than at the next poll. */
  kick(): void {
    if (this.draining) this.kicked = true;
    else this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), delayMs);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.kicked = false;
    this.draining = (async () => {
      for (;;) {
        if (this.stopping) return;
        const job = await this.jobs.claimNext(this.owner, this.settings.leaseMs);
        if (!job) return;
        await this.run(job);
      }
    })().catch((error: unknown) => {
      this.logger.error(`import runner: ${(error as Error).message}`, (error as Error).stack, 'ImportJobRunner');
    });
    await this.draining;
    this.draining = undefined;
    this.schedule(this.kicked ? 0 : this.settings.pollMs);
  }

  private async run(claimed: ClaimedJob): Promise<void> {
    // The job as stored, kept current as it moves: its status guards every write.
    const ref: { job: ClaimedJob } = { job: claimed };
    let step: ImportStep | undefined;
    try {
      if (claimed.kind === 'twinning-catalogue') return await this.loadCatalogue(ref);
      if (ref.job.status === 'queued' || ref.job.status === 'validating') {
        if (!(await this.moveTo(ref, 'validating', {}))) return;
        if (!(await this.validate(ref))) return;
      }
      const job = ref.job;
      const steps = job.steps ?? [];
      let lastBeat = Date.now();
      for (let done = 0; done < steps.length; done += 1) {
        if (this.stopping) return await this.jobs.release(job, this.owner);
        step = steps[done] as ImportStep;
        await this.applier.apply(actorOf(job), step);
        if (Date.now() - lastBeat >= HEARTBEAT_MS) {
          lastBeat = Date.now();
          if (!(await this.jobs.heartbeat(job, this.owner, progressOf(done + 1, steps.length), this.settings.leaseMs))) return;
        }
      }
      await this.moveTo(ref, 'succeeded', {
        progress: progressOf(steps.length, steps.length),
        counts: { created: steps.length, skipped: job.counts.skipped },
        steps: null,
        finishedAt: new Date(),
        leaseUntil: null,
      });
    } catch (error) {
      await this.fail(ref.job, error, step);
    }
  }

  /** Moves the stored job and `ref` along; false when another runner has taken the job over. */
  private async moveTo(ref: { job: ClaimedJob }, to: ImportJobStatus, set: Parameters<ImportJobRepository['advance']>[3]): Promise<boolean> {
    if (!(await this.jobs.advance(ref.job, this.owner, to, set))) return false;
    ref.job = { ...ref.job, ...set, status: to };
    return true;
  }

  /** Validates the whole input; a job with any problem fails here, having applied nothing. False when it failed or was lost. */
  private async validate(ref: { job: ClaimedJob }): Promise<boolean> {
    const result = await this.planner.plan(ref.job);
    if (!result.ok) {
      const rows = new Set(result.problems.map((problem) => problem.row)).size;
      await this.moveTo(ref, 'failed', {
        report: boundedReport(result.problems),
        failure: `${result.problems.length} problem(s) in ${rows} row(s); nothing was applied. Fix them and import the file again.`,
        input: null,
        finishedAt: new Date(),
        leaseUntil: null,
      });
      return false;
    }
    return this.moveTo(ref, 'applying', {
      steps: result.plan.steps,
      report: boundedReport(result.plan.notes),
      counts: { created: 0, skipped: result.plan.skipped },
      progress: progressOf(0, result.plan.steps.length),
      input: null,
    });
  }

  /**
   * The catalogue validates every line before it writes anything
   * (TwinningCatalogueRepository.load), under the job's id as its load id, so
   * running the job again overwrites its own earlier attempt. Once it is in
   * use, the partners twinning imports named by their Wikidata id get its
   * names (TwinningPartnerNamer); a job run again after a restart names those
   * it had not reached.
   */
  private async loadCatalogue(ref: { job: ClaimedJob }): Promise<void> {
    if (ref.job.status === 'queued' && !(await this.moveTo(ref, 'validating', {}))) return;
    const input = ref.job.input ?? {};
    const result = await this.catalogue.load(input['relations'] ?? '', input['names'] ?? '', {
      loadId: ref.job.jobId,
      loadedBy: ref.job.createdByName,
      onProgress: async (done, total) => {
        // The first batch is written only once every line has been read and found good.
        if (ref.job.status === 'validating') await this.moveTo(ref, 'applying', { progress: progressOf(0, total) });
        await this.jobs.heartbeat(ref.job, this.owner, progressOf(done, total), this.settings.leaseMs);
      },
    });
    if (!result.ok) {
      await this.moveTo(ref, 'failed', {
        report: boundedReport(result.problems),
        failure: `${result.problems.length} bad line(s); the catalogue in use was left as it was.`,
        input: null,
        finishedAt: new Date(),
        leaseUntil: null,
      });
      return;
    }
    const { stats } = result;
    let lastBeat = Date.now();
    const naming = await this.namer.nameFromCatalogue(async () => {
      if (Date.now() - lastBeat < HEARTBEAT_MS) return;
      lastBeat = Date.now();
      await this.jobs.heartbeat(ref.job, this.owner, progressOf(stats.qidCount, stats.qidCount), this.settings.leaseMs);
    });
    await this.moveTo(ref, 'succeeded', {
      progress: progressOf(stats.qidCount, stats.qidCount),
      counts: { created: stats.qidCount, skipped: stats.duplicateLineCount },
      report: boundedReport([
        { row: 0, field: '(catalogue)', reason: `${stats.qidCount} places and ${stats.tieCount} ties from ${stats.directedEdgeCount} distinct directed edges; ${stats.duplicateLineCount} repeated line(s) left out` },
        { row: 0, field: PARTNERS_FIELD, reason: `${naming.renamed} partner(s) named by their Wikidata id in ${naming.jurisdictions} jurisdiction(s) now have the catalogue's name` },
        ...naming.problems,
      ]),
      input: null,
      finishedAt: new Date(),
      leaseUntil: null,
    });
  }

  /**
   * A rule broken while applying (the registry changed after validation, say
   * a partner was merged away) fails the job naming the step's row; anything
   * else is logged with a reference, and the job fails saying so.
   */
  private async fail(job: ClaimedJob, error: unknown, step: ImportStep | undefined): Promise<void> {
    const row = step?.row ?? 0;
    let report = job.report;
    let failure: string;
    if (error instanceof DomainError) {
      const problems = error instanceof ValidationError ? error.problems.map((p) => ({ row, field: p.field, reason: p.message })) : [{ row, field: ROW_FIELD, reason: error.message }];
      report = boundedReport([...problems, ...report]);
      failure = `row ${row} could not be applied: ${error.message}. The rows before it were applied.`;
    } else {
      const reference = randomUUID();
      this.logger.error(`import job ${job.jobId} failed (reference ${reference}): ${(error as Error).message}`, (error as Error).stack, 'ImportJobRunner');
      failure = `internal error; quote reference ${reference} to the platform team`;
    }
    await this.jobs
      .advance(job, this.owner, 'failed', { report, failure, input: null, finishedAt: new Date(), leaseUntil: null })
      .catch((advanceError: unknown) => this.logger.error(`import job ${job.jobId}: could not record its failure: ${(advanceError as Error).message}`, undefined, 'ImportJobRunner'));
  }
}

/** The person who started the job: its records are theirs, in their jurisdiction. */
function actorOf(job: ImportJobRecord): Identity {
  return { userId: job.createdBy, username: job.createdByName, jurisdictionId: job.jurisdictionId, roles: [] };
}
