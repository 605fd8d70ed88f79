import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ConflictError, isDuplicateKeyError } from '@entente/errors';
import { type Change, type EventDraft, OutboxRepository, OutboxWrites, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { ACTIVITY_PROGRESS_MODEL, type ActivityProgressRecord, ActivityProgressSchema } from './plan.schema';

/** More activities than a plan year can hold (the plan's own limit is lower). */
const PROGRESS_PER_YEAR_LIMIT = 5000;

@Injectable()
export class ActivityProgressRepository extends OutboxRepository<ActivityProgressRecord> {
  protected readonly historyFields = ['status', 'outcomes', 'actualCost', 'actualStaffDays', 'doneOn'] as const;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super(connection.model<ActivityProgressRecord>(ACTIVITY_PROGRESS_MODEL, ActivityProgressSchema), outbox);
  }

  ofYear(scope: TenantScope, year: number): Promise<Array<ActivityProgressRecord & Stored>> {
    return this.findMany(tenantQuery<ActivityProgressRecord>(scope, { year }), PROGRESS_PER_YEAR_LIMIT);
  }

  find(scope: TenantScope, year: number, activityId: string): Promise<(ActivityProgressRecord & Stored) | null> {
    return this.findOne(tenantQuery<ActivityProgressRecord>(scope, { year, activityId }));
  }

  /** The first record of an activity's progress, or the next state of it, pinned to what was read. */
  async save(scope: TenantScope, before: ActivityProgressRecord | null, after: ActivityProgressRecord, events: EventDraft[], change: Change): Promise<ActivityProgressRecord> {
    const conflict = () => new ConflictError(`progress of activity ${after.activityId} was just recorded by someone else; reload and try again`);
    if (before === null) {
      try {
        return await this.insertWithEvents(after, events, change);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw conflict();
        throw error;
      }
    }
    const { jurisdictionId: _j, year, activityId, ...set } = after;
    const saved = await this.updateWithEvents(tenantQuery<ActivityProgressRecord>(scope, { year, activityId, updatedAt: before.updatedAt }), before, { $set: set }, events, change);
    if (!saved) throw conflict();
    return saved;
  }
}
