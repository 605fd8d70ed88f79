import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import {
  type Change,
  type EventDraft,
  type HistoryEntry,
  OutboxRepository,
  OutboxWrites,
  type Page,
  type PageArgs,
  type Stored,
  type TenantScope,
  tenantQuery,
} from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { ApplicationStage } from './application-stages';
import { FUNDING_APPLICATION_MODEL, type FundingApplicationRecord, FundingApplicationSchema } from './application.schema';

/** No jurisdiction keeps more open applications with deadlines than this; the calendar reads them all. */
export const DEADLINE_SCAN_LIMIT = 5_000;

@Injectable()
export class FundingApplicationRepository extends OutboxRepository<FundingApplicationRecord> {
  protected readonly historyFields = [
    'title',
    'opportunityId',
    'funder',
    'stage',
    'deadline',
    'amountRequested',
    'amountAwarded',
    'amountAwardedLocal',
    'awardedOn',
    'planYear',
    'reason',
    'reasonNote',
    'owner',
    'notes',
  ] as const;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super(
      (connection.models[FUNDING_APPLICATION_MODEL] as Model<FundingApplicationRecord> | undefined) ??
        connection.model<FundingApplicationRecord>(FUNDING_APPLICATION_MODEL, FundingApplicationSchema),
      outbox,
    );
  }

  create(record: FundingApplicationRecord, change: Change): Promise<FundingApplicationRecord> {
    return this.insertWithEvents(record, [], change);
  }

  get(scope: TenantScope, applicationId: string): Promise<(FundingApplicationRecord & Stored) | null> {
    return this.findOne(tenantQuery<FundingApplicationRecord>(scope, { applicationId }));
  }

  list(scope: TenantScope, args: PageArgs, stage?: ApplicationStage): Promise<Page<FundingApplicationRecord & Stored>> {
    return this.page(tenantQuery<FundingApplicationRecord>(scope, stage ? { stage } : {}), args);
  }

  /** Applications in these stages that have a deadline (the calendar's events). */
  withDeadlines(scope: TenantScope, stages: readonly ApplicationStage[]): Promise<FundingApplicationRecord[]> {
    return this.findMany(tenantQuery<FundingApplicationRecord>(scope, { stage: { $in: [...stages] }, deadline: { $ne: null } }), DEADLINE_SCAN_LIMIT);
  }

  /** Writes a change to the revision `before` holds, with its events; null when someone changed it meanwhile. */
  write(scope: TenantScope, before: FundingApplicationRecord, set: Partial<FundingApplicationRecord>, events: EventDraft[], change: Change): Promise<(FundingApplicationRecord & Stored) | null> {
    return this.updateWithEvents(
      tenantQuery<FundingApplicationRecord>(scope, { applicationId: before.applicationId, revision: before.revision }),
      before,
      { $set: { ...set, revision: before.revision + 1, updatedAt: change.at } },
      events,
      change,
    );
  }

  history(scope: TenantScope, applicationId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<FundingApplicationRecord>(scope, { applicationId }));
  }
}
