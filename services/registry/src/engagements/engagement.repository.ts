import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { OutboxRepository } from '../outbox/outbox-repository';
import { ENGAGEMENT_MODEL, EngagementRecord, EngagementSchema } from './engagement.schema';

@Injectable()
export class EngagementRepository extends OutboxRepository<EngagementRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<EngagementRecord>(ENGAGEMENT_MODEL, EngagementSchema));
  }

  /** Stores the engagement and its events in one single-document write. */
  create(engagement: EngagementRecord, events: EventEnvelope[]): Promise<EngagementRecord> {
    return this.insertWithEvents(engagement, events);
  }

  withAnyPartner(scope: TenantScope, partnerIds: readonly string[]): Promise<EngagementRecord[]> {
    return this.findMany(tenantQuery<EngagementRecord>(scope, { partnerIds: { $in: [...partnerIds] } }), 10_000);
  }

  list(scope: TenantScope, args: PageArgs): Promise<Page<EngagementRecord>> {
    return this.page(tenantQuery<EngagementRecord>(scope), args);
  }
}
