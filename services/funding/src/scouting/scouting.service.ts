import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import type { Page, PageArgs } from '@entente/persistence';
import { SourceRepository } from '../sources/source.repository';
import { type ListedRun, ScoutingRunRepository } from './scouting-run.repository';
import type { ScoutingRunRecord } from './scouting-run.schema';
import { newRun, ScoutingRunner } from './scouting.runner';

/** Runs asked for by a platform admin, and each run's report. */
@Injectable()
export class ScoutingService {
  constructor(
    private readonly runs: ScoutingRunRepository,
    private readonly sources: SourceRepository,
    private readonly runner: ScoutingRunner,
  ) {}

  /** Queues a run of the source now; a run already queued or running for it is answered instead of a second one. */
  async runNow(identity: Identity, sourceId: string): Promise<ScoutingRunRecord> {
    const source = await this.sources.get(sourceId);
    if (!source) throw new NotFoundError('Funding source', sourceId);
    if (!source.enabled) throw new ConflictError(`Funding source ${sourceId} is disabled; enable it before running it`);
    const unfinished = await this.runs.unfinishedOf(sourceId);
    if (unfinished) return unfinished;
    const run = newRun(randomUUID(), sourceId, 'manual', identity.username, new Date());
    await this.runs.queue(run);
    this.runner.kick();
    return run;
  }

  async get(runId: string): Promise<ScoutingRunRecord> {
    const run = await this.runs.get(runId);
    if (!run) throw new NotFoundError('Scouting run', runId);
    return run;
  }

  async listOf(sourceId: string, args: PageArgs): Promise<Page<ListedRun>> {
    if (!(await this.sources.get(sourceId))) throw new NotFoundError('Funding source', sourceId);
    return this.runs.listOf(sourceId, args);
  }
}
