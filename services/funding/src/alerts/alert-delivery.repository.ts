import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { ALERT_DELIVERY_MODEL, type AlertDeliveryRecord, AlertDeliverySchema } from './alert-delivery.schema';

/** The durable delivery queue (see AlertDeliveryRecord). */
@Injectable()
export class AlertDeliveryRepository extends TenantRepository<AlertDeliveryRecord> implements OnModuleInit {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[ALERT_DELIVERY_MODEL] as Model<AlertDeliveryRecord> | undefined) ?? connection.model<AlertDeliveryRecord>(ALERT_DELIVERY_MODEL, AlertDeliverySchema));
  }

  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  /** Queues a delivery unless its key is queued already (then nothing changes). */
  async enqueue(scope: TenantScope, delivery: AlertDeliveryRecord): Promise<void> {
    try {
      await this.updateOne(tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey: delivery.deliveryKey }), { $setOnInsert: delivery }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  get(scope: TenantScope, deliveryKey: string): Promise<(AlertDeliveryRecord & Stored) | null> {
    return this.findOne(tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey }));
  }

  /**
   * Pending deliveries due now whose lease (if any) ran out, of every
   * jurisdiction: the dispatcher's read. Each comes with its scope, and is
   * claimed through it before anything is sent.
   */
  dueAcrossJurisdictions(now: Date, limit: number): Promise<Array<ScopedRecord<AlertDeliveryRecord & Stored>>> {
    return this.findAcrossJurisdictions<AlertDeliveryRecord & Stored>(
      { status: 'pending', nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
      { sort: { nextAttemptAt: 1 }, limit },
    );
  }

  /** Takes a delivery for `leaseMs`, if nobody took it since it was read; the record as claimed, or null. */
  claim(scope: TenantScope, seen: AlertDeliveryRecord, now: Date, leaseMs: number): Promise<(AlertDeliveryRecord & Stored) | null> {
    return this.updateOne(
      tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey: seen.deliveryKey, status: 'pending', attempts: seen.attempts }),
      { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    );
  }

  async sent(scope: TenantScope, deliveryKey: string, at: Date): Promise<void> {
    await this.updateOne(tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey }), { $set: { status: 'sent', sentAt: at, leaseUntil: null, lastError: null } });
  }

  async retryAt(scope: TenantScope, deliveryKey: string, at: Date, error: string): Promise<void> {
    await this.updateOne(tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey }), { $set: { nextAttemptAt: at, leaseUntil: null, lastError: error } });
  }

  /** Gives up: `failed` after too many attempts, `dropped` when there is nothing left to send to (search deleted, webhook disabled). */
  async close(scope: TenantScope, deliveryKey: string, status: 'failed' | 'dropped', error: string): Promise<void> {
    await this.updateOne(tenantQuery<AlertDeliveryRecord>(scope, { deliveryKey }), { $set: { status, leaseUntil: null, lastError: error } });
  }

  /** Drops what is still queued for a follow (unfollowed: nothing more goes out for it); how many. */
  dropPendingOfFollow(scope: TenantScope, followId: string): Promise<number> {
    return this.updateAll(tenantQuery<AlertDeliveryRecord>(scope, { followId, status: 'pending' }), { $set: { status: 'dropped', leaseUntil: null, lastError: 'unfollowed' } });
  }
}
