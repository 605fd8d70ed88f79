import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { JurisdictionStatus } from '@entente/contracts';
import { ConflictError, quoted } from '@entente/errors';
import { isDuplicateKeyError, Page, PageArgs, Stored, tenantQuery, type TenantScope, OutboxWrites, type EventDraft } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { Change, OutboxRepository, RecordUpdate } from '@entente/persistence';
import type { HistoryEntry } from '@entente/persistence';
import { PROFILE_FIELDS } from './jurisdiction.rules';
import { JURISDICTION_MODEL, JurisdictionRecord, JurisdictionSchema } from './jurisdiction.schema';

@Injectable()
export class JurisdictionRepository extends OutboxRepository<JurisdictionRecord, never> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super(connection.model<JurisdictionRecord>(JURISDICTION_MODEL, JurisdictionSchema), outbox);
  }

  protected readonly historyFields = [...PROFILE_FIELDS, 'status', 'statusReason'] as const;

  /** Stores a new jurisdiction and its onboarded event; ConflictError when the id is taken. */
  async create(record: JurisdictionRecord, events: EventDraft[], change: Change): Promise<JurisdictionRecord & Stored> {
    try {
      return await this.insertWithEvents(record, events, change);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(`A jurisdiction with the id ${quoted(record.jurisdictionId)} already exists; choose another id`);
      }
      throw error;
    }
  }

  find(scope: TenantScope): Promise<(JurisdictionRecord & Stored) | null> {
    return this.findOne(tenantQuery<JurisdictionRecord>(scope));
  }

  /**
   * Applies `update` only if the status is still `expectedStatus` (so two
   * admins changing it at once cannot both win); null when it is not.
   */
  updateIfStatus(
    scope: TenantScope,
    before: JurisdictionRecord,
    update: RecordUpdate<JurisdictionRecord>,
    events: EventDraft[],
    change: Change,
  ): Promise<(JurisdictionRecord & Stored) | null> {
    const query = tenantQuery<JurisdictionRecord>(scope, { status: before.status, updatedAt: before.updatedAt });
    return this.updateWithEvents(query, before, update, events, change);
  }

  history(scope: TenantScope): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<JurisdictionRecord>(scope));
  }

  /**
   * The platform's tenant list, for platform-admins: the one read that spans
   * jurisdictions, because the jurisdictions are what it lists.
   */
  listAll(args: PageArgs, status?: JurisdictionStatus): Promise<Page<JurisdictionRecord & Stored>> {
    return this.pageAcrossJurisdictions(status ? { status } : {}, args);
  }
}
