import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { PlanStatus } from '@entente/contracts';
import { ConflictError, isDuplicateKeyError } from '@entente/errors';
import { type Change, type EventDraft, OutboxRepository, OutboxWrites, type RecordUpdate, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { PLAN_VERSION_MODEL, type PlanVersionRecord, PlanVersionSchema } from './plan.schema';

/** Activities and decisions are not diffed into the history (the version diff and the decisions say what changed); the rest is. */
const PLAN_HISTORY_FIELDS = ['status', 'budgetLines', 'staffDaysAvailable', 'opportunisticAllowance', 'occasions', 'returnedReason'] as const;

/** The most plan years a jurisdiction lists at once; decades of plans are far fewer. */
const PLAN_YEARS_LIMIT = 200;
const VERSIONS_LIMIT = 500;

export type PlanVersionSummary = Pick<PlanVersionRecord, 'year' | 'version' | 'status' | 'approvedAt' | 'approvedBy' | 'updatedAt' | 'createdBy'> & { activityCount: number };

@Injectable()
export class PlanVersionRepository extends OutboxRepository<PlanVersionRecord> {
  protected readonly historyFields = PLAN_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super(connection.model<PlanVersionRecord>(PLAN_VERSION_MODEL, PlanVersionSchema), outbox);
  }

  /** Stores a new version; a version of that number already there (someone else just made it) is a conflict. */
  async create(record: PlanVersionRecord, events: EventDraft[], change: Change): Promise<PlanVersionRecord & Stored> {
    try {
      return await this.insertWithEvents(record, events, change);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(
          record.version === 1 ? `there is already a plan for ${record.year}; open it instead` : `plan ${record.year} version ${record.version} was just started by someone else; reload the plan`,
        );
      }
      throw error;
    }
  }

  latest(scope: TenantScope, year: number): Promise<(PlanVersionRecord & Stored) | null> {
    return this.findMany(tenantQuery<PlanVersionRecord>(scope, { year }), { sort: { version: -1 }, limit: 1 }).then((found) => found[0] ?? null);
  }

  get(scope: TenantScope, year: number, version: number): Promise<(PlanVersionRecord & Stored) | null> {
    return this.findOne(tenantQuery<PlanVersionRecord>(scope, { year, version }));
  }

  /** The version that steers the year: approved or active (at most one is, the others are superseded or not yet approved). */
  async inForce(scope: TenantScope, year: number): Promise<(PlanVersionRecord & Stored) | null> {
    const found = await this.findMany(tenantQuery<PlanVersionRecord>(scope, { year, status: { $in: ['approved', 'active', 'closed'] } }), { sort: { version: -1 }, limit: 1 });
    return found[0] ?? null;
  }

  /** Every version of a year, newest first, without their activities. */
  async versions(scope: TenantScope, year: number): Promise<PlanVersionSummary[]> {
    return this.aggregate<PlanVersionSummary>(tenantQuery<PlanVersionRecord>(scope, { year }), [
      { $sort: { version: -1 } },
      { $limit: VERSIONS_LIMIT },
      { $project: { _id: 0, year: 1, version: 1, status: 1, approvedAt: 1, approvedBy: 1, updatedAt: 1, createdBy: 1, activityCount: { $size: '$activities' } } },
    ]);
  }

  /** The latest version of each plan year, newest year first. */
  async latestPerYear(scope: TenantScope): Promise<PlanVersionSummary[]> {
    return this.aggregate<PlanVersionSummary>(tenantQuery<PlanVersionRecord>(scope), [
      { $sort: { year: -1, version: -1 } },
      { $group: { _id: '$year', doc: { $first: { year: '$year', version: '$version', status: '$status', approvedAt: '$approvedAt', approvedBy: '$approvedBy', updatedAt: '$updatedAt', createdBy: '$createdBy', activityCount: { $size: '$activities' } } } } },
      { $replaceRoot: { newRoot: '$doc' } },
      { $sort: { year: -1 } },
      { $limit: PLAN_YEARS_LIMIT },
    ]);
  }

  /**
   * Writes a change to a version only while it still is as `before` was read
   * (same revision), bumping the revision; null when someone changed it
   * meanwhile. `status` pins the status too, for a transition.
   */
  write(scope: TenantScope, before: PlanVersionRecord, set: Partial<PlanVersionRecord>, events: EventDraft[], change: Change): Promise<(PlanVersionRecord & Stored) | null> {
    const update: RecordUpdate<PlanVersionRecord> = { $set: { ...set, revision: before.revision + 1, updatedAt: change.at } };
    return this.updateWithEvents(tenantQuery<PlanVersionRecord>(scope, { year: before.year, version: before.version, revision: before.revision }), before, update, events, change);
  }

  /** A status change of another version than the one being written (an approval supersedes the previous one). */
  async supersede(scope: TenantScope, before: PlanVersionRecord, change: Change): Promise<void> {
    const status: PlanStatus = 'superseded';
    await this.updateWithEvents(
      tenantQuery<PlanVersionRecord>(scope, { year: before.year, version: before.version, status: before.status }),
      before,
      { $set: { status, updatedAt: change.at } },
      [],
      change,
    );
  }
}
