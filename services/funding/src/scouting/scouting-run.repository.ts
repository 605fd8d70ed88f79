import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model, Types } from 'mongoose';
import { ScoutingRunFinishedV1 } from '@entente/contracts';
import { isDuplicateKeyError } from '@entente/errors';
import { OUTBOX_FIELD } from '@entente/messaging';
import { encodeCursor, eventDraft, OutboxWrites, type Page, type PageArgs, resolvePageArgs } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { platformOutboxEntries } from '../opportunities/platform-events';
import { SCOUTING_RUN_MODEL, type ScoutingRunRecord, ScoutingRunSchema, UNFINISHED_RUN_STATUSES } from './scouting-run.schema';

export type ListedRun = ScoutingRunRecord & { _id: Types.ObjectId };

/** The end of a run, as written with its finished event. */
export type RunEnd = Pick<ScoutingRunRecord, 'status' | 'counts' | 'problems' | 'failure' | 'closed' | 'closingSoon' | 'durationMs' | 'finishedAt'>;

/** How many unfinished runs one claim looks at; more wait for earlier ones to finish. */
const CLAIM_SCAN_LIMIT = 200;

/**
 * Scouting runs, platform-wide. Claims follow the registry's import runner:
 * per source its oldest unfinished run, taken only when no runner holds its
 * lease, renewed while working, taken over once it expires.
 */
@Injectable()
export class ScoutingRunRepository {
  private readonly model: Model<ScoutingRunRecord>;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    private readonly outbox: OutboxWrites,
  ) {
    this.model = connection.model<ScoutingRunRecord>(SCOUTING_RUN_MODEL, ScoutingRunSchema);
  }

  async ready(): Promise<void> {
    await this.model.init();
  }

  /** False when a run with that id exists (the schedule's run ids are deterministic, so a slot is queued once). */
  async queue(run: ScoutingRunRecord): Promise<boolean> {
    try {
      await this.model.create(run);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async get(runId: string): Promise<ScoutingRunRecord | null> {
    return (await this.model.findOne({ runId }).lean().exec()) as ScoutingRunRecord | null;
  }

  /** The source's unfinished run, if any (a manual run joins it rather than queue a second). */
  async unfinishedOf(sourceId: string): Promise<ScoutingRunRecord | null> {
    return (await this.model.findOne({ sourceId, status: { $in: [...UNFINISHED_RUN_STATUSES] } }).lean().exec()) as ScoutingRunRecord | null;
  }

  /** The runs of one source, newest first. */
  async listOf(sourceId: string, args: PageArgs): Promise<Page<ListedRun>> {
    const { limit, afterId } = resolvePageArgs(args);
    const filter = { sourceId };
    const rows = (await this.model
      .find(afterId ? { ...filter, _id: { $lt: afterId } } : filter)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean()
      .exec()) as ListedRun[];
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null }, totalCount: await this.model.countDocuments(filter).exec() };
  }

  async latestOf(sourceIds: readonly string[]): Promise<Map<string, ScoutingRunRecord>> {
    const rows = (await this.model.find({ sourceId: { $in: [...sourceIds] } }).sort({ _id: -1 }).limit(sourceIds.length * 20).lean().exec()) as ScoutingRunRecord[];
    const latest = new Map<string, ScoutingRunRecord>();
    for (const row of rows) if (!latest.has(row.sourceId)) latest.set(row.sourceId, row);
    return latest;
  }

  /** Takes the next run to work on for `leaseMs`, or null when every unfinished run is held or there is none. */
  async claimNext(owner: string, leaseMs: number, now: Date = new Date()): Promise<ScoutingRunRecord | null> {
    const unfinished = (await this.model
      .find({ status: { $in: [...UNFINISHED_RUN_STATUSES] } }, { runId: 1, sourceId: 1, leaseUntil: 1 })
      .sort({ _id: 1 })
      .limit(CLAIM_SCAN_LIMIT)
      .lean()
      .exec()) as Array<Pick<ScoutingRunRecord, 'runId' | 'sourceId' | 'leaseUntil'>>;
    const seen = new Set<string>();
    for (const candidate of unfinished) {
      if (seen.has(candidate.sourceId)) continue;
      seen.add(candidate.sourceId);
      if (candidate.leaseUntil !== null && candidate.leaseUntil > now) continue;
      const claimed = (await this.model
        .findOneAndUpdate(
          { runId: candidate.runId, status: { $in: [...UNFINISHED_RUN_STATUSES] }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
          { $set: { status: 'running', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now }, $inc: { attempts: 1 } },
          { returnDocument: 'after' },
        )
        .lean()
        .exec()) as ScoutingRunRecord | null;
      if (claimed) return claimed;
    }
    return null;
  }

  /** Renews the lease and records progress; false when another runner has taken the run over. */
  async heartbeat(runId: string, owner: string, counts: ScoutingRunRecord['counts'], leaseMs: number): Promise<boolean> {
    const result = await this.model.updateOne({ runId, status: 'running', leaseOwner: owner }, { $set: { counts, leaseUntil: new Date(Date.now() + leaseMs) } }).exec();
    return result.matchedCount === 1;
  }

  /** Ends the run with its report and its finished event, in one write; false when the lease was lost. */
  async finish(run: Pick<ScoutingRunRecord, 'runId' | 'sourceId'>, owner: string, end: RunEnd): Promise<boolean> {
    const { superseded: _superseded, ...counts } = end.counts;
    const entries = platformOutboxEntries(this.outbox.source, [
      eventDraft(ScoutingRunFinishedV1, {
        aggregateId: run.sourceId,
        payload: { runId: run.runId, sourceId: run.sourceId, status: end.status as 'succeeded' | 'not-modified' | 'failed', counts, durationMs: end.durationMs ?? 0, failure: end.failure?.slice(0, 2000) ?? null },
      }),
    ]);
    const result = await this.model
      .updateOne({ runId: run.runId, status: 'running', leaseOwner: owner }, { $set: { ...end, leaseUntil: null, leaseOwner: null }, $push: { [OUTBOX_FIELD]: { $each: entries } } as never })
      .exec();
    if (result.modifiedCount === 1) this.outbox.committed();
    return result.modifiedCount === 1;
  }

  /** Lets a run go on shutdown, so another replica takes it at once instead of after the lease. */
  async release(runId: string, owner: string): Promise<void> {
    await this.model.updateOne({ runId, leaseOwner: owner }, { $set: { status: 'queued', leaseUntil: null, leaseOwner: null } }).exec();
  }
}
