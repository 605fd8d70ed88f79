import type { Model, Types, UpdateQuery } from 'mongoose';
import { encodeCursor, Page, PageArgs, resolvePageArgs } from './page';
import { TenantOwned, TenantQuery } from './tenant-query';

/** What every stored record has besides its own fields. */
export interface Stored {
  _id: Types.ObjectId;
}

/**
 * Base of every repository that holds a jurisdiction's records. Its queries take
 * a TenantQuery, so leaving out the jurisdiction does not compile; subclasses
 * expose domain methods that take a TenantScope and build the query with
 * `tenantQuery(scope, …)`.
 */
export abstract class TenantRepository<T extends TenantOwned> {
  protected constructor(protected readonly model: Model<T>) {}

  protected async findOne(query: TenantQuery<T>): Promise<(T & Stored) | null> {
    return (await this.model.findOne(query).lean().exec()) as (T & Stored) | null;
  }

  protected async findMany(query: TenantQuery<T>, limit = 1000): Promise<Array<T & Stored>> {
    return (await this.model.find(query).sort({ _id: 1 }).limit(limit).lean().exec()) as Array<T & Stored>;
  }

  protected count(query: TenantQuery<T>): Promise<number> {
    return this.model.countDocuments(query).exec();
  }

  /** One page in insertion order; the cursor is the last record's id. */
  protected async page(query: TenantQuery<T>, args: PageArgs): Promise<Page<T & Stored>> {
    const { limit, afterId } = resolvePageArgs(args);
    const pageQuery = afterId ? { ...query, _id: { $gt: afterId } } : query;
    const [rows, totalCount] = await Promise.all([
      this.model.find(pageQuery).sort({ _id: 1 }).limit(limit + 1).lean().exec() as Promise<Array<T & Stored>>,
      this.count(query),
    ]);
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null },
      totalCount,
    };
  }

  /**
   * Inserts one record. `extra` carries fields stored with it in the same
   * single-document write (the outbox of its events), which is what makes the
   * write and its events atomic without multi-document transactions.
   */
  protected async insert(record: T, extra: Record<string, unknown> = {}): Promise<T & Stored> {
    const created = await this.model.create({ ...extra, ...record });
    return created.toObject() as T & Stored;
  }

  protected async updateOne(query: TenantQuery<T>, update: UpdateQuery<T>): Promise<(T & Stored) | null> {
    return (await this.model
      .findOneAndUpdate(query, update, { returnDocument: 'after' })
      .lean()
      .exec()) as (T & Stored) | null;
  }

  protected async deleteAll(query: TenantQuery<T>): Promise<number> {
    const result = await this.model.deleteMany(query).exec();
    return result.deletedCount;
  }
}
