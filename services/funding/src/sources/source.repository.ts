import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '@entente/errors';
import { encodeCursor, type Page, type PageArgs, resolvePageArgs } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { SOURCE_MODEL, type SourceRecord, SourceSchema } from './source.schema';

export type ListedSource = SourceRecord & { _id: import('mongoose').Types.ObjectId };

/** Sources are platform-wide: no jurisdiction owns one. */
@Injectable()
export class SourceRepository {
  private readonly model: Model<SourceRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = connection.model<SourceRecord>(SOURCE_MODEL, SourceSchema);
  }

  async ready(): Promise<void> {
    await this.model.init();
  }

  /** False when a source with that id exists. */
  async create(source: SourceRecord): Promise<boolean> {
    try {
      await this.model.create(source);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async get(sourceId: string): Promise<SourceRecord | null> {
    return (await this.model.findOne({ sourceId }).lean().exec()) as SourceRecord | null;
  }

  async update(sourceId: string, set: Partial<SourceRecord>): Promise<SourceRecord | null> {
    return (await this.model.findOneAndUpdate({ sourceId }, { $set: set }, { returnDocument: 'after' }).lean().exec()) as SourceRecord | null;
  }

  async list(args: PageArgs): Promise<Page<ListedSource>> {
    const { limit, afterId } = resolvePageArgs(args);
    const rows = (await this.model
      .find(afterId ? { _id: { $gt: afterId } } : {})
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean()
      .exec()) as ListedSource[];
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null }, totalCount: await this.model.countDocuments({}).exec() };
  }

  /** Enabled scheduled sources whose next run is due. */
  async due(now: Date): Promise<SourceRecord[]> {
    return (await this.model.find({ enabled: true, nextRunAt: { $ne: null, $lte: now } }).lean().exec()) as SourceRecord[];
  }

  /**
   * Moves a due source's next run on, only if it is still `dueAt`: of several
   * replicas that saw it due, exactly one wins and schedules the run.
   */
  async takeSchedule(sourceId: string, dueAt: Date, nextRunAt: Date): Promise<boolean> {
    const result = await this.model.updateOne({ sourceId, enabled: true, nextRunAt: dueAt }, { $set: { nextRunAt } }).exec();
    return result.modifiedCount === 1;
  }

  async saveValidators(sourceId: string, validators: SourceRecord['validators']): Promise<void> {
    await this.model.updateOne({ sourceId }, { $set: { validators } }).exec();
  }
}
