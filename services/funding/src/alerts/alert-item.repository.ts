import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, type Page, type PageArgs, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { SearchOwner } from '../searches/saved-search.repository';
import { ALERT_ITEM_MODEL, type AlertItemRecord, AlertItemSchema } from './alert-item.schema';

@Injectable()
export class AlertItemRepository extends TenantRepository<AlertItemRecord> implements OnModuleInit {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[ALERT_ITEM_MODEL] as Model<AlertItemRecord> | undefined) ?? connection.model<AlertItemRecord>(ALERT_ITEM_MODEL, AlertItemSchema));
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /**
   * Records an alert unless its key was recorded before; answers the stored
   * alert and whether this call created it. Idempotent: a redelivered event
   * or a second replica finds the first one's alert.
   */
  async record(scope: TenantScope, item: AlertItemRecord): Promise<{ item: AlertItemRecord; created: boolean }> {
    try {
      const stored = await this.updateOne(tenantQuery<AlertItemRecord>(scope, { alertKey: item.alertKey }), { $setOnInsert: item }, { upsert: true });
      return { item: stored ?? item, created: stored?.alertId === item.alertId };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findOne(tenantQuery<AlertItemRecord>(scope, { alertKey: item.alertKey }));
      if (!existing) throw error;
      return { item: existing, created: false };
    }
  }

  /** Whether the search alerted any version of the opportunity before (a change to a call it told of reads "changed"). */
  hasAlerted(scope: TenantScope, searchId: string, opportunityId: string): Promise<boolean> {
    return this.exists(tenantQuery<AlertItemRecord>(scope, { searchId, 'opportunity.opportunityId': opportunityId }));
  }

  inbox(owner: SearchOwner, args: PageArgs, unreadOnly: boolean): Promise<Page<AlertItemRecord & Stored>> {
    return this.page(tenantQuery<AlertItemRecord>(owner.scope, { ownerId: owner.userId, ...(unreadOnly && { readAt: null }) }), args);
  }

  unreadCount(owner: SearchOwner): Promise<number> {
    return this.count(tenantQuery<AlertItemRecord>(owner.scope, { ownerId: owner.userId, readAt: null }));
  }

  /** Marks the owner's alerts read (these ids, or all when none are given); how many changed. */
  markRead(owner: SearchOwner, alertIds: readonly string[] | null, at: Date): Promise<number> {
    return this.updateAll(tenantQuery<AlertItemRecord>(owner.scope, { ownerId: owner.userId, readAt: null, ...(alertIds && { alertId: { $in: [...alertIds] } }) }), { $set: { readAt: at } });
  }

  /** Gives a digest the search's waiting alerts recorded up to its due time. */
  tagForDigest(scope: TenantScope, searchId: string, key: string, upTo: Date): Promise<number> {
    return this.updateAll(tenantQuery<AlertItemRecord>(scope, { searchId, instant: false, digestKey: null, createdAt: { $lte: upTo } }), { $set: { digestKey: key } });
  }

  ofDigest(scope: TenantScope, key: string): Promise<AlertItemRecord[]> {
    return this.findMany(tenantQuery<AlertItemRecord>(scope, { digestKey: key }), { sort: { createdAt: 1 }, limit: 0 });
  }

  byIds(scope: TenantScope, alertIds: readonly string[]): Promise<AlertItemRecord[]> {
    return this.findMany(tenantQuery<AlertItemRecord>(scope, { alertId: { $in: [...alertIds] } }), { sort: { createdAt: 1 }, limit: 0 });
  }

  /**
   * Alerts recorded after `since`, of every jurisdiction: each replica's
   * live feed reads them to push to the subscriptions it holds (the alert
   * may have been recorded by another replica). Each comes with its scope.
   */
  recordedSinceAcrossJurisdictions(since: Date, limit: number): Promise<Array<ScopedRecord<AlertItemRecord & Stored>>> {
    return this.findAcrossJurisdictions<AlertItemRecord & Stored>({ createdAt: { $gt: since } }, { sort: { createdAt: 1 }, limit });
  }
}
