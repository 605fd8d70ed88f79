import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { buildOutboxEntry, withOutbox } from '@entente/messaging';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { ENGAGEMENT_MODEL, EngagementRecord, EngagementSchema } from './engagement.schema';

@Injectable()
export class EngagementRepository extends TenantRepository<EngagementRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<EngagementRecord>(ENGAGEMENT_MODEL, EngagementSchema));
  }

  get mongooseModel(): Model<EngagementRecord> {
    return this.model;
  }

  /** Stores the engagement and its events in one single-document write. */
  async create(engagement: EngagementRecord, events: EventEnvelope[]): Promise<EngagementRecord> {
    if (events.some((event) => event.jurisdictionId !== engagement.jurisdictionId)) {
      throw new Error('An event must belong to the jurisdiction of the engagement it describes');
    }
    return this.insert(engagement, withOutbox({}, events.map((event) => buildOutboxEntry(event))));
  }

  withAnyPartner(scope: TenantScope, partnerIds: readonly string[]): Promise<EngagementRecord[]> {
    return this.findMany(tenantQuery<EngagementRecord>(scope, { partnerIds: { $in: [...partnerIds] } }), 10_000);
  }

  list(scope: TenantScope, args: PageArgs): Promise<Page<EngagementRecord>> {
    return this.page(tenantQuery<EngagementRecord>(scope), args);
  }
}
