import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type Change, type EventDraft, type HistoryEntry, OutboxRepository, OutboxWrites, type Page, type PageArgs, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { PRIORITY_MODEL, type PriorityRecord, PrioritySchema, type PriorityStatus } from './priority.schema';

/** Far above any cap a strategy may set (100): every active priority is read at once. */
export const ACTIVE_SCAN_LIMIT = 1000;

const PRIORITY_HISTORY_FIELDS = ['title', 'description', 'goalIds', 'focus', 'targetCountries', 'sectors', 'themes', 'evidence', 'kpis', 'sdgs', 'status', 'retiredReason'] as const;

/**
 * A jurisdiction's priorities, each with its events and history in its own
 * document. Plans and reports read them through activeOf and byIds.
 */
@Injectable()
export class PriorityRepository extends OutboxRepository<PriorityRecord> {
  protected readonly historyFields = PRIORITY_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super((connection.models[PRIORITY_MODEL] as Model<PriorityRecord> | undefined) ?? connection.model<PriorityRecord>(PRIORITY_MODEL, PrioritySchema), outbox);
  }

  create(priority: PriorityRecord, events: EventDraft[], change: Change): Promise<PriorityRecord> {
    return this.insertWithEvents(priority, events, change);
  }

  get(scope: TenantScope, priorityId: string): Promise<(PriorityRecord & Stored) | null> {
    return this.findOne(tenantQuery<PriorityRecord>(scope, { priorityId }));
  }

  /** The jurisdiction's active priorities, oldest first. */
  activeOf(scope: TenantScope): Promise<PriorityRecord[]> {
    return this.findMany(tenantQuery<PriorityRecord>(scope, { status: 'active' }), ACTIVE_SCAN_LIMIT);
  }

  /** The priorities of these ids that are the jurisdiction's, active or retired; ids of no priority of it are left out. */
  byIds(scope: TenantScope, priorityIds: readonly string[]): Promise<PriorityRecord[]> {
    if (priorityIds.length === 0) return Promise.resolve([]);
    return this.findMany(tenantQuery<PriorityRecord>(scope, { priorityId: { $in: [...priorityIds] } }), { limit: 0 });
  }

  /** Active priorities that advance any of these goals. */
  activeAdvancing(scope: TenantScope, goalIds: readonly string[]): Promise<PriorityRecord[]> {
    return this.findMany(tenantQuery<PriorityRecord>(scope, { status: 'active', goalIds: { $in: [...goalIds] } }), ACTIVE_SCAN_LIMIT);
  }

  list(scope: TenantScope, args: PageArgs, status?: PriorityStatus): Promise<Page<PriorityRecord & Stored>> {
    return this.page(tenantQuery<PriorityRecord>(scope, status ? { status } : {}), args);
  }

  /** Applies `set` if nobody changed the priority since `before` was read (null otherwise), with its events and history entry. */
  update(scope: TenantScope, before: PriorityRecord, set: Partial<PriorityRecord>, events: EventDraft[], change: Change): Promise<(PriorityRecord & Stored) | null> {
    return this.updateWithEvents(
      tenantQuery<PriorityRecord>(scope, { priorityId: before.priorityId, updatedAt: before.updatedAt }),
      before,
      { $set: { ...set, updatedAt: change.at } },
      events,
      change,
    );
  }

  history(scope: TenantScope, priorityId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<PriorityRecord>(scope, { priorityId }));
  }
}
