import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection, Model, QueryFilter } from 'mongoose';
import { isDuplicateKeyError, type Page, type PageArgs, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { SearchOwner } from '../searches/saved-search.repository';
import { FOLLOW_MODEL, type FollowRecord, FollowSchema } from './follow.schema';

/** Follows are read per owner (jurisdiction and user); only the scheduler and the change handler read across jurisdictions. */
@Injectable()
export class FollowRepository extends TenantRepository<FollowRecord> implements OnModuleInit {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[FOLLOW_MODEL] as Model<FollowRecord> | undefined) ?? connection.model<FollowRecord>(FOLLOW_MODEL, FollowSchema));
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  private ofOwner(owner: SearchOwner, filter: QueryFilter<FollowRecord> = {}) {
    return tenantQuery<FollowRecord>(owner.scope, { ...filter, ownerId: owner.userId });
  }

  /** The follow, made unless the owner follows the opportunity already; answers the stored one and whether this call made it. */
  async follow(owner: SearchOwner, record: FollowRecord): Promise<{ follow: FollowRecord & Stored; created: boolean }> {
    try {
      const stored = await this.updateOne(this.ofOwner(owner, { opportunityId: record.opportunityId }), { $setOnInsert: record }, { upsert: true });
      if (stored) return { follow: stored, created: stored.followId === record.followId };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.of(owner, record.opportunityId);
    if (!existing) throw new Error(`the follow of ${record.opportunityId} was neither made nor found`);
    return { follow: existing, created: false };
  }

  of(owner: SearchOwner, opportunityId: string): Promise<(FollowRecord & Stored) | null> {
    return this.findOne(this.ofOwner(owner, { opportunityId }));
  }

  /** Every follow of the owner (at most MAX_FOLLOWS_PER_USER): the calendar feed's read. */
  allOf(owner: SearchOwner): Promise<Array<FollowRecord & Stored>> {
    return this.findMany(this.ofOwner(owner), { limit: 0, sort: { createdAt: 1 } });
  }

  countOf(owner: SearchOwner): Promise<number> {
    return this.count(this.ofOwner(owner));
  }

  list(owner: SearchOwner, args: PageArgs): Promise<Page<FollowRecord & Stored>> {
    return this.page(this.ofOwner(owner), args);
  }

  /** Every opportunity the owner follows (at most MAX_FOLLOWS_PER_USER): one read marks a whole page of opportunities. */
  async followedIds(owner: SearchOwner): Promise<Set<string>> {
    const rows = await this.findMany(this.ofOwner(owner), { limit: 0, projection: { opportunityId: 1 } });
    return new Set(rows.map((row) => row.opportunityId));
  }

  update(owner: SearchOwner, opportunityId: string, set: Partial<FollowRecord>): Promise<(FollowRecord & Stored) | null> {
    return this.updateOne(this.ofOwner(owner, { opportunityId }), { $set: set });
  }

  /** Removes the follow; the removed record (its id drops its queued mail), or null when there was none. */
  async remove(owner: SearchOwner, opportunityId: string): Promise<FollowRecord | null> {
    const found = await this.of(owner, opportunityId);
    if (!found) return null;
    return (await this.deleteAll(this.ofOwner(owner, { opportunityId }))) > 0 ? found : null;
  }

  /** One follow of one user, wherever it is: what a stop-following link names. */
  async byIdAcrossJurisdictions(followId: string, ownerId: string): Promise<ScopedRecord<FollowRecord & Stored> | null> {
    return (await this.findAcrossJurisdictions<FollowRecord & Stored>({ followId, ownerId }, { limit: 1 }))[0] ?? null;
  }

  /** Every follow of an opportunity, of every jurisdiction and user: the change handler's read. */
  followersAcrossJurisdictions(opportunityId: string): Promise<Array<ScopedRecord<FollowRecord & Stored>>> {
    return this.findAcrossJurisdictions<FollowRecord & Stored>({ opportunityId }, { limit: 0 });
  }

  /** Follows whose next reminder is due, of every jurisdiction: the scheduler's read. */
  dueAcrossJurisdictions(now: Date, limit: number): Promise<Array<ScopedRecord<FollowRecord & Stored>>> {
    return this.findAcrossJurisdictions<FollowRecord & Stored>({ nextReminderAt: { $ne: null, $lte: now } }, { sort: { nextReminderAt: 1 }, limit });
  }

  /** What a newer version of the opportunity says, only if no newer one was applied meanwhile; the follow after, or null. */
  heard(scope: TenantScope, followId: string, version: number, set: Partial<FollowRecord>): Promise<(FollowRecord & Stored) | null> {
    return this.updateOne(tenantQuery<FollowRecord>(scope, { followId, opportunityVersion: { $lt: version } }), { $set: { ...set, opportunityVersion: version } });
  }

  /** Moves the schedule on, only if nobody moved it since it was read (two replicas: one wins). */
  async advance(scope: TenantScope, followId: string, from: Date, next: { at: Date; daysBefore: number } | null): Promise<boolean> {
    const moved = await this.updateOne(tenantQuery<FollowRecord>(scope, { followId, nextReminderAt: from }), { $set: { nextReminderAt: next?.at ?? null, nextReminderDays: next?.daysBefore ?? null } });
    return moved !== null;
  }
}
