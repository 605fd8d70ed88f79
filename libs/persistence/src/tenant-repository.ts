import type { Model, mongo, PipelineStage, QueryFilter, Types, UpdateQuery } from 'mongoose';
import { encodeCursor, Page, PageArgs, resolvePageArgs } from './page';
import { TenantOwned, TenantQuery } from './tenant-query';
import { scopeOfStoredRecord, TenantScope } from './tenant-scope';

/** What every stored record has besides its own fields. */
export interface Stored {
  _id: Types.ObjectId;
}

/** Which fields to read (a mongoose projection), in what order, how many. */
export interface ReadOptions {
  projection?: Record<string, 0 | 1>;
  sort?: Record<string, 1 | -1>;
  /** Default 1000; 0 reads every match. */
  limit?: number;
}

/** A record found by a read across jurisdictions, with the scope it belongs to. */
export interface ScopedRecord<R> {
  scope: TenantScope;
  record: R;
}

/**
 * Base of every repository that holds a jurisdiction's records. The model is
 * private: subclasses read and write only through these methods, every one of
 * which takes a TenantQuery (made from a TenantScope), so leaving out the
 * jurisdiction does not compile. The few reads that deliberately span
 * jurisdictions are the `…AcrossJurisdictions` methods below: one search for
 * that word finds every one of them.
 */
export abstract class TenantRepository<T extends TenantOwned> {
  protected constructor(private readonly model: Model<T>) {}

  /** The model's name, for the outbox relay and error messages. */
  protected get modelName(): string {
    return this.model.modelName;
  }

  /** Resolves once the collection and its indexes exist. */
  protected async ensureIndexes(): Promise<void> {
    await this.model.init();
    await this.model.createIndexes();
  }

  protected async findOne<R = T & Stored>(query: TenantQuery<T>, projection?: ReadOptions['projection']): Promise<R | null> {
    return (await this.model.findOne(query, projection).lean().exec()) as R | null;
  }

  /** `options` as a number is the limit. */
  protected async findMany<R = T & Stored>(query: TenantQuery<T>, optionsOrLimit: ReadOptions | number = {}): Promise<R[]> {
    const options = typeof optionsOrLimit === 'number' ? { limit: optionsOrLimit } : optionsOrLimit;
    return (await this.model
      .find(query, options.projection)
      .sort(options.sort ?? { _id: 1 })
      .limit(options.limit ?? 1000)
      .lean()
      .exec()) as R[];
  }

  protected count(query: TenantQuery<T>): Promise<number> {
    return this.model.countDocuments(query).exec();
  }

  protected async exists(query: TenantQuery<T>): Promise<boolean> {
    return (await this.model.exists(query).exec()) !== null;
  }

  /** One page in insertion order; the cursor is the last record's id. */
  protected page(query: TenantQuery<T>, args: PageArgs): Promise<Page<T & Stored>> {
    return this.pageOf(query, args);
  }

  /** An aggregation whose first stage is the tenant match, so no later stage can see another jurisdiction. */
  protected aggregate<R>(query: TenantQuery<T>, stages: PipelineStage[]): Promise<R[]> {
    return this.model.aggregate<R>([{ $match: query } as PipelineStage, ...stages]).exec();
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

  /** Updates the one record `query` matches and answers it as it is after; null when none matched. */
  protected async updateOne(query: TenantQuery<T>, update: UpdateQuery<T>, options: { upsert?: boolean } = {}): Promise<(T & Stored) | null> {
    return (await this.model
      .findOneAndUpdate(query, update, { returnDocument: 'after', upsert: options.upsert ?? false })
      .lean()
      .exec()) as (T & Stored) | null;
  }

  /** Updates every record `query` matches (derived values); how many changed. */
  protected async updateAll(query: TenantQuery<T>, update: UpdateQuery<T>): Promise<number> {
    return (await this.model.updateMany(query, update).exec()).modifiedCount;
  }

  /**
   * An update through the driver, uncast by mongoose: for documents whose
   * keys mongoose would cast wrongly (encoded paths of kept tallies).
   */
  protected uncastUpdateOne(query: TenantQuery<T>, update: mongo.UpdateFilter<mongo.Document>, options: mongo.UpdateOptions = {}): Promise<mongo.UpdateResult> {
    return this.model.collection.updateOne(query as mongo.Filter<mongo.Document>, update, options);
  }

  /** findOneAndUpdate through the driver, uncast by mongoose (see uncastUpdateOne); the document as `returnDocument` says. */
  protected uncastFindOneAndUpdate(
    query: TenantQuery<T>,
    update: mongo.UpdateFilter<mongo.Document>,
    options: mongo.FindOneAndUpdateOptions,
  ): Promise<mongo.WithId<mongo.Document> | null> {
    return this.model.collection.findOneAndUpdate(query as mongo.Filter<mongo.Document>, update, { ...options, includeResultMetadata: false });
  }

  protected async deleteAll(query: TenantQuery<T>): Promise<number> {
    const result = await this.model.deleteMany(query).exec();
    return result.deletedCount;
  }

  // Reads across jurisdictions. Each caller says why in its own doc comment.

  /** Records of any jurisdiction, each with its scope, so what follows is scoped again. */
  protected async findAcrossJurisdictions<R extends TenantOwned = T & Stored>(filter: QueryFilter<T>, options: ReadOptions = {}): Promise<Array<ScopedRecord<R>>> {
    const rows = await this.model
      .find(filter, options.projection ? { ...options.projection, jurisdictionId: 1 } : undefined)
      .sort(options.sort ?? { _id: 1 })
      .limit(options.limit ?? 1000)
      .lean()
      .exec();
    return (rows as unknown as R[]).map((record) => ({ scope: scopeOfStoredRecord(record), record }));
  }

  protected async existsAcrossJurisdictions(filter: QueryFilter<T>): Promise<boolean> {
    return (await this.model.exists(filter).exec()) !== null;
  }

  /** One page of records of every jurisdiction, in insertion order. */
  protected pageAcrossJurisdictions(filter: QueryFilter<T>, args: PageArgs): Promise<Page<T & Stored>> {
    return this.pageOf(filter, args);
  }

  private async pageOf(filter: QueryFilter<T>, args: PageArgs): Promise<Page<T & Stored>> {
    const { limit, afterId } = resolvePageArgs(args);
    const pageQuery = afterId ? { ...filter, _id: { $gt: afterId } } : filter;
    const [rows, totalCount] = await Promise.all([
      this.model.find(pageQuery).sort({ _id: 1 }).limit(limit + 1).lean().exec() as Promise<Array<T & Stored>>,
      this.model.countDocuments(filter).exec(),
    ]);
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null },
      totalCount,
    };
  }
}
