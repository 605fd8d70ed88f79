import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { Page, PageArgs, Stored, TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { assertJobTransition, ImportJobStatus, UNFINISHED_STATUSES } from './import-job.rules';
import { IMPORT_JOB_MODEL, ImportJobRecord, ImportJobSchema } from './import-job.schema';

/** What a client reads of a job: never its input or steps, which can be megabytes. */
const PUBLIC_FIELDS = { input: 0, steps: 0 } as const;

/** Unfinished jobs looked at per claim: more waiting jobs than this are reached as earlier ones finish. */
const CLAIM_SCAN_LIMIT = 200;

/** A job claimed by a runner: its scope and everything needed to run its current phase. */
export type ClaimedJob = ImportJobRecord & Stored & { scope: TenantScope };

/** What the runner's writes need of a claimed job. */
type JobRef = Pick<ClaimedJob, 'scope' | 'jobId'>;

@Injectable()
export class ImportJobRepository extends TenantRepository<ImportJobRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<ImportJobRecord>(IMPORT_JOB_MODEL, ImportJobSchema));
  }

  /** Resolves once the collection and its indexes exist (the runner scans before any traffic). */
  async ready(): Promise<void> {
    await this.ensureIndexes();
  }

  async create(job: ImportJobRecord): Promise<ImportJobRecord> {
    return this.insert(job);
  }

  get(scope: TenantScope, jobId: string): Promise<ImportJobRecord | null> {
    return this.findOne<ImportJobRecord>(tenantQuery<ImportJobRecord>(scope, { jobId }), PUBLIC_FIELDS);
  }

  /** Whether any job of this kind, in any jurisdiction, is still to finish (the platform-wide catalogue allows one load at a time). */
  hasUnfinished(kind: ImportJobRecord['kind']): Promise<boolean> {
    return this.existsAcrossJurisdictions({ kind, status: { $in: [...UNFINISHED_STATUSES] } });
  }

  /** In the order they were started. */
  async list(scope: TenantScope, args: PageArgs): Promise<Page<ImportJobRecord & Stored>> {
    const page = await this.page(tenantQuery<ImportJobRecord>(scope), args);
    return { ...page, nodes: page.nodes.map(({ input: _input, steps: _steps, ...job }) => ({ ...job, input: null, steps: null })) };
  }

  /**
   * Takes the next job to run for `leaseMs`: per jurisdiction its oldest
   * unfinished job (so one jurisdiction's imports apply in the order they were
   * started, even with several registry replicas), if no runner holds it. These
   * are the only reads across jurisdictions: the runner serves every
   * jurisdiction, and resuming after a restart means finding work it does not
   * yet know of. The job then runs in its own jurisdiction's scope.
   */
  async claimNext(owner: string, leaseMs: number, now: Date = new Date()): Promise<ClaimedJob | null> {
    const unfinished = await this.findAcrossJurisdictions<Pick<ImportJobRecord, 'jurisdictionId' | 'jobId' | 'leaseUntil'>>(
      { status: { $in: [...UNFINISHED_STATUSES] } },
      { projection: { _id: 0, jurisdictionId: 1, jobId: 1, leaseUntil: 1 }, sort: { _id: 1 }, limit: CLAIM_SCAN_LIMIT },
    );
    const seen = new Set<string>();
    for (const { scope, record: candidate } of unfinished) {
      if (seen.has(candidate.jurisdictionId)) continue;
      seen.add(candidate.jurisdictionId);
      if (candidate.leaseUntil !== null && candidate.leaseUntil > now) continue;
      const claimed = await this.updateOne(
        tenantQuery<ImportJobRecord>(scope, {
          jobId: candidate.jobId,
          status: { $in: [...UNFINISHED_STATUSES] },
          $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
        }),
        { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
      );
      if (claimed) return { ...claimed, scope };
    }
    return null;
  }

  /**
   * Moves the job on, checked against the transition table and guarded by
   * its current status and lease owner, so a runner that lost its lease
   * cannot overwrite the one that took over. False when the guard failed.
   */
  async advance(
    job: JobRef & Pick<ImportJobRecord, 'status'>,
    owner: string,
    to: ImportJobStatus,
    set: Partial<Pick<ImportJobRecord, 'progress' | 'counts' | 'report' | 'failure' | 'steps' | 'input' | 'finishedAt' | 'leaseUntil'>>,
  ): Promise<boolean> {
    assertJobTransition(job.status, to);
    const query = tenantQuery<ImportJobRecord>(job.scope, { jobId: job.jobId, status: job.status, leaseOwner: owner });
    const updated = await this.updateOne(query, { $set: { ...set, status: to, updatedAt: new Date() } });
    return updated !== null;
  }

  /** Progress and a renewed lease, in one small write. */
  async heartbeat(job: JobRef, owner: string, progress: { done: number; total: number }, leaseMs: number): Promise<boolean> {
    const now = new Date();
    const query = tenantQuery<ImportJobRecord>(job.scope, { jobId: job.jobId, leaseOwner: owner });
    const updated = await this.updateOne(query, { $set: { progress, updatedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) } });
    return updated !== null;
  }

  /** Lets the job go (it may be claimed again at once): on shutdown, so another runner need not wait for the lease. */
  async release(job: JobRef, owner: string): Promise<void> {
    await this.updateOne(tenantQuery<ImportJobRecord>(job.scope, { jobId: job.jobId, leaseOwner: owner }), { $set: { leaseUntil: null, leaseOwner: null } });
  }
}
