import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { EventEnvelope, JurisdictionStatus } from '@entente/contracts';
import { ConflictError, quoted } from '@entente/errors';
import { encodeCursor, isDuplicateKeyError, Page, PageArgs, resolvePageArgs, Stored, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { Change, OutboxRepository, RecordUpdate } from '../outbox/outbox-repository';
import type { HistoryEntry } from '../history/change-history';
import { PROFILE_FIELDS } from './jurisdiction.rules';
import { JURISDICTION_MODEL, JurisdictionRecord, JurisdictionSchema } from './jurisdiction.schema';

@Injectable()
export class JurisdictionRepository extends OutboxRepository<JurisdictionRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<JurisdictionRecord>(JURISDICTION_MODEL, JurisdictionSchema));
  }

  protected readonly historyFields = [...PROFILE_FIELDS, 'status', 'statusReason'] as const;

  /** Stores a new jurisdiction and its onboarded event; ConflictError when the id is taken. */
  async create(record: JurisdictionRecord, events: EventEnvelope[], change: Change): Promise<JurisdictionRecord & Stored> {
    try {
      return await this.insertWithEvents(record, events, change);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(`A jurisdiction with the id ${quoted(record.jurisdictionId)} already exists; choose another id`);
      }
      throw error;
    }
  }

  find(jurisdictionId: string): Promise<(JurisdictionRecord & Stored) | null> {
    return this.findOne(tenantQuery<JurisdictionRecord>({ jurisdictionId }));
  }

  /**
   * Applies `update` only if the status is still `expectedStatus` (so two
   * admins changing it at once cannot both win); null when it is not.
   */
  updateIfStatus(
    before: JurisdictionRecord,
    update: RecordUpdate<JurisdictionRecord>,
    events: EventEnvelope[],
    change: Change,
  ): Promise<(JurisdictionRecord & Stored) | null> {
    const query = tenantQuery<JurisdictionRecord>({ jurisdictionId: before.jurisdictionId }, { status: before.status, updatedAt: before.updatedAt });
    return this.updateWithEvents(query, before, update, events, change);
  }

  history(jurisdictionId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<JurisdictionRecord>({ jurisdictionId }));
  }

  /**
   * The platform's tenant list, for platform-admins: the one read that spans
   * jurisdictions, because the jurisdictions are what it lists.
   */
  async listAll(args: PageArgs, status?: JurisdictionStatus): Promise<Page<JurisdictionRecord & Stored>> {
    const { limit, afterId } = resolvePageArgs(args);
    const filter = status ? { status } : {};
    const [rows, totalCount] = await Promise.all([
      this.model.find(afterId ? { ...filter, _id: { $gt: afterId } } : filter).sort({ _id: 1 }).limit(limit + 1).lean().exec() as Promise<Array<JurisdictionRecord & Stored>>,
      this.model.countDocuments(filter).exec(),
    ]);
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(last._id) : null } };
  }
}
