import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { Page, PageArgs, TenantScope, tenantQuery, OutboxWrites, type EventDraft } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { HistoryEntry } from '@entente/persistence';
import { Change, OutboxRepository } from '@entente/persistence';
import { ENGAGEMENT_MODEL, EngagementRecord, EngagementSchema } from './engagement.schema';
import { InventoryVersionRepository, type TalliedWrite } from '../inventory-version/inventory-version.repository';

const ENGAGEMENT_HISTORY_FIELDS = ['date', 'type', 'partnerIds', 'purpose', 'outcomes', 'nextSteps', 'cost', 'staffDays', 'priorityIds'] as const;

@Injectable()
export class EngagementRepository extends OutboxRepository<EngagementRecord, TalliedWrite> {
  protected readonly historyFields = ENGAGEMENT_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites, versions: InventoryVersionRepository) {
    // Writes run between two bumps of the jurisdiction's inventory version, which the views' cache and tallies read.
    super(connection.model<EngagementRecord>(ENGAGEMENT_MODEL, EngagementSchema), outbox, versions);
  }

  /** Stores the engagement, its events and its first history entry in one single-document write. */
  create(engagement: EngagementRecord, events: EventDraft[], change: Change): Promise<EngagementRecord> {
    return this.insertWithEvents(engagement, events, change);
  }

  /**
   * Replaces a merged partner by the survivor among an engagement's partners
   * (once, if both were there), recording it in the engagement's history.
   * Only while the merged partner is still listed: a re-run moves nothing twice.
   */
  async movePartner(scope: TenantScope, before: EngagementRecord, fromPartnerId: string, toPartnerId: string, change: Change): Promise<boolean> {
    const partnerIds = [...new Set(before.partnerIds.map((id) => (id === fromPartnerId ? toPartnerId : id)))];
    const query = tenantQuery<EngagementRecord>(scope, { engagementId: before.engagementId, partnerIds: fromPartnerId });
    return (await this.updateWithEvents(query, before, { $set: { partnerIds } }, [], change)) !== null;
  }

  /** The engagement's history, oldest first; null for an id not of this jurisdiction. */
  history(scope: TenantScope, engagementId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<EngagementRecord>(scope, { engagementId }));
  }

  withAnyPartner(scope: TenantScope, partnerIds: readonly string[]): Promise<EngagementRecord[]> {
    return this.findMany(tenantQuery<EngagementRecord>(scope, { partnerIds: { $in: [...partnerIds] } }), 10_000);
  }

  list(scope: TenantScope, args: PageArgs): Promise<Page<EngagementRecord>> {
    return this.page(tenantQuery<EngagementRecord>(scope), args);
  }
}
