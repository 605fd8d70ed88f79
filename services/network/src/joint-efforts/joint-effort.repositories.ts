import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type Change, type EventDraft, isDuplicateKeyError, OutboxRepository, OutboxWrites, type TenantScope } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { EFFORT_JOIN_MODEL, type EffortJoinRecord, EffortJoinSchema, JOINT_EFFORT_MODEL, type JointEffortRecord, JointEffortSchema } from './joint-effort.schema';

/** Efforts a network lists at most. */
export const EFFORT_SCAN_LIMIT = 1000;

/** The efforts. Not a tenant repository: an effort is its network's; NetworkAccess decides who reaches it first. */
@Injectable()
export class JointEffortRepository {
  private readonly model: Model<JointEffortRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = (connection.models[JOINT_EFFORT_MODEL] as Model<JointEffortRecord> | undefined) ?? connection.model<JointEffortRecord>(JOINT_EFFORT_MODEL, JointEffortSchema);
  }

  async create(effort: JointEffortRecord): Promise<void> {
    await this.model.create(effort);
  }

  get(id: string): Promise<JointEffortRecord | null> {
    return this.model.findOne({ id }).lean<JointEffortRecord>().exec();
  }

  ofNetwork(networkId: string): Promise<JointEffortRecord[]> {
    return this.model.find({ networkId }).sort({ createdAt: -1 }).limit(EFFORT_SCAN_LIMIT).lean<JointEffortRecord[]>().exec();
  }

  /** Saves a changed effort if nobody changed it since `before` was read; null otherwise. */
  async save(before: JointEffortRecord, after: JointEffortRecord): Promise<JointEffortRecord | null> {
    const { id, revision } = before;
    // The record as read carries the store's _id, which an update must not set.
    const { _id: _stored, ...fields } = after as JointEffortRecord & { _id?: unknown };
    return this.model
      .findOneAndUpdate({ id, revision }, { $set: { ...fields, revision: revision + 1, updatedAt: new Date() } }, { returnDocument: 'after' })
      .lean<JointEffortRecord>()
      .exec();
  }
}

/** Each participant's joinings, with the event for its plan. */
@Injectable()
export class EffortJoinRepository extends OutboxRepository<EffortJoinRecord> {
  protected readonly historyFields = ['costShare'] as const;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super((connection.models[EFFORT_JOIN_MODEL] as Model<EffortJoinRecord> | undefined) ?? connection.model<EffortJoinRecord>(EFFORT_JOIN_MODEL, EffortJoinSchema), outbox);
  }

  /** Records the joining with its event; false when it was recorded before (the event then is not written again). */
  async recordOnce(scope: TenantScope, join: Omit<EffortJoinRecord, 'jurisdictionId'>, events: EventDraft[], change: Change): Promise<boolean> {
    try {
      await this.insertWithEvents({ ...join, jurisdictionId: scope.jurisdictionId }, events, change);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
