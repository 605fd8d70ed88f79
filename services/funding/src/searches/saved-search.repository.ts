import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection, Model, QueryFilter } from 'mongoose';
import { type Page, type PageArgs, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { SAVED_SEARCH_MODEL, type SavedSearchRecord, SavedSearchSchema } from './saved-search.schema';

/** The one user a search belongs to, within the tenant: made only from a verified identity (searches.service). */
export interface SearchOwner {
  scope: TenantScope;
  userId: string;
}

/** The evaluator reads every live search (0: no limit). */
const LIVE_SCAN_LIMIT = 0;

@Injectable()
export class SavedSearchRepository extends TenantRepository<SavedSearchRecord> implements OnModuleInit {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[SAVED_SEARCH_MODEL] as Model<SavedSearchRecord> | undefined) ?? connection.model<SavedSearchRecord>(SAVED_SEARCH_MODEL, SavedSearchSchema));
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  private ofOwner(owner: SearchOwner, filter: QueryFilter<SavedSearchRecord> = {}) {
    return tenantQuery<SavedSearchRecord>(owner.scope, { ...filter, ownerId: owner.userId });
  }

  create(record: SavedSearchRecord): Promise<SavedSearchRecord & Stored> {
    return this.insert(record);
  }

  get(owner: SearchOwner, searchId: string): Promise<(SavedSearchRecord & Stored) | null> {
    return this.findOne(this.ofOwner(owner, { searchId }));
  }

  countOf(owner: SearchOwner): Promise<number> {
    return this.count(this.ofOwner(owner));
  }

  list(owner: SearchOwner, args: PageArgs): Promise<Page<SavedSearchRecord & Stored>> {
    return this.page(this.ofOwner(owner), args);
  }

  update(owner: SearchOwner, searchId: string, set: Partial<SavedSearchRecord>): Promise<(SavedSearchRecord & Stored) | null> {
    return this.updateOne(this.ofOwner(owner, { searchId }), { $set: set });
  }

  async remove(owner: SearchOwner, searchId: string): Promise<boolean> {
    return (await this.deleteAll(this.ofOwner(owner, { searchId }))) > 0;
  }

  /**
   * Every search that may send now, of every jurisdiction and user: the
   * alert evaluator's read (one opportunity is matched against all live
   * searches at once, through an index). Each comes with its scope.
   */
  liveAcrossJurisdictions(): Promise<Array<ScopedRecord<SavedSearchRecord & Stored>>> {
    return this.findAcrossJurisdictions<SavedSearchRecord & Stored>({ unsubscribedAt: null }, { limit: LIVE_SCAN_LIMIT });
  }

  /** Daily and weekly searches whose digest is due, of every jurisdiction: the digest scheduler's read. */
  dueDigestsAcrossJurisdictions(now: Date, limit: number): Promise<Array<ScopedRecord<SavedSearchRecord & Stored>>> {
    return this.findAcrossJurisdictions<SavedSearchRecord & Stored>({ nextDigestAt: { $ne: null, $lte: now } }, { limit, sort: { nextDigestAt: 1 } });
  }

  /** The search an unsubscribe token names (already verified by its signature), whichever jurisdiction it is in. */
  async byIdAcrossJurisdictions(searchId: string, ownerId: string): Promise<ScopedRecord<SavedSearchRecord & Stored> | null> {
    return (await this.findAcrossJurisdictions<SavedSearchRecord & Stored>({ searchId, ownerId }, { limit: 1 }))[0] ?? null;
  }

  /** A search as the system sees it (no owner at hand: digests, deliveries). */
  byId(scope: TenantScope, searchId: string): Promise<(SavedSearchRecord & Stored) | null> {
    return this.findOne(tenantQuery<SavedSearchRecord>(scope, { searchId }));
  }

  /** Moves a digest on, only if nobody moved it meanwhile (two replicas: one wins). */
  async advanceDigest(scope: TenantScope, searchId: string, from: Date, to: Date | null): Promise<boolean> {
    return (await this.updateOne(tenantQuery<SavedSearchRecord>(scope, { searchId, nextDigestAt: from }), { $set: { nextDigestAt: to } })) !== null;
  }

  unsubscribe(scope: TenantScope, searchId: string, at: Date): Promise<(SavedSearchRecord & Stored) | null> {
    return this.updateOne(tenantQuery<SavedSearchRecord>(scope, { searchId }), { $set: { unsubscribedAt: at, updatedAt: at } });
  }

  /** One more failed webhook POST in a row; answers the count after. */
  async webhookFailed(scope: TenantScope, searchId: string): Promise<number> {
    const after = await this.updateOne(tenantQuery<SavedSearchRecord>(scope, { searchId }), { $inc: { webhookFailures: 1 } });
    return after?.webhookFailures ?? 0;
  }

  async webhookSucceeded(scope: TenantScope, searchId: string): Promise<void> {
    await this.updateOne(tenantQuery<SavedSearchRecord>(scope, { searchId, webhookFailures: { $gt: 0 } }), { $set: { webhookFailures: 0 } });
  }

  /** Disables the webhook once; true for the call that did (it tells the owner). */
  async disableWebhook(scope: TenantScope, searchId: string, reason: string, at: Date): Promise<boolean> {
    return (await this.updateOne(tenantQuery<SavedSearchRecord>(scope, { searchId, webhookDisabledAt: null }), { $set: { webhookDisabledAt: at, webhookDisabledReason: reason } })) !== null;
  }
}
