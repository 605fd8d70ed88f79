import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { type Change, OutboxRepository, OutboxWrites, type Page, type PageArgs, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { VISIT_REQUEST_MODEL, type VisitRequestRecord, VisitRequestSchema, type VisitRequestStatus } from './visit-request.schema';

@Injectable()
export class VisitRequestRepository extends OutboxRepository<VisitRequestRecord> {
  protected readonly historyFields = ['status', 'declineReason', 'activityId', 'score'] as const;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super(connection.model<VisitRequestRecord>(VISIT_REQUEST_MODEL, VisitRequestSchema), outbox);
  }

  create(record: VisitRequestRecord, change: Change): Promise<VisitRequestRecord> {
    return this.insertWithEvents(record, [], change);
  }

  get(scope: TenantScope, requestId: string): Promise<(VisitRequestRecord & Stored) | null> {
    return this.findOne(tenantQuery<VisitRequestRecord>(scope, { requestId }));
  }

  list(scope: TenantScope, args: PageArgs, status?: VisitRequestStatus): Promise<Page<VisitRequestRecord & Stored>> {
    return this.page(tenantQuery<VisitRequestRecord>(scope, status ? { status } : {}), args);
  }

  /** Decides a request still received; null when someone decided it meanwhile. */
  decide(scope: TenantScope, before: VisitRequestRecord, set: Partial<VisitRequestRecord>, change: Change): Promise<(VisitRequestRecord & Stored) | null> {
    return this.updateWithEvents(tenantQuery<VisitRequestRecord>(scope, { requestId: before.requestId, status: 'received' }), before, { $set: { ...set, updatedAt: change.at } }, [], change);
  }
}
