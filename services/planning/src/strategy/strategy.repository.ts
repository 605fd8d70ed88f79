import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type Change, OutboxRepository, OutboxWrites, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { AdvisoryMeeting, StrategyContent } from './strategy.rules';
import { STRATEGY_MODEL, type StrategyRecord, StrategySchema } from './strategy.schema';

const STRATEGY_HISTORY_FIELDS = ['goals', 'governanceModel', 'executiveSponsor', 'advisoryGroups', 'nationalPolicyAlignment', 'staffFte', 'priorityCapOverride'] as const;

/**
 * One strategy per jurisdiction, with its change history in the same
 * document. It announces nothing (no other service reads strategies), so its
 * writes carry no events; the outbox base is for the history.
 */
@Injectable()
export class StrategyRepository extends OutboxRepository<StrategyRecord> {
  protected readonly historyFields = STRATEGY_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super((connection.models[STRATEGY_MODEL] as Model<StrategyRecord> | undefined) ?? connection.model<StrategyRecord>(STRATEGY_MODEL, StrategySchema), outbox);
  }

  find(scope: TenantScope): Promise<(StrategyRecord & Stored) | null> {
    return this.findOne(tenantQuery<StrategyRecord>(scope));
  }

  /** The first strategy of a jurisdiction; a concurrent first save makes the unique index refuse this one. */
  create(record: StrategyRecord, change: Change): Promise<StrategyRecord> {
    return this.insertWithEvents(record, [], change);
  }

  /** Replaces the content if nobody saved since `before` was read (null otherwise). */
  replace(scope: TenantScope, before: StrategyRecord, content: StrategyContent, change: Change, updatedBy: string): Promise<(StrategyRecord & Stored) | null> {
    return this.updateWithEvents(tenantQuery<StrategyRecord>(scope, { updatedAt: before.updatedAt }), before, { $set: { ...content, updatedBy, updatedAt: change.at } }, [], change);
  }

  /** Appends a meeting to a group that still exists; null when there is no strategy or no such group. */
  addMeeting(scope: TenantScope, before: StrategyRecord, groupId: string, meeting: AdvisoryMeeting, change: Change, updatedBy: string): Promise<(StrategyRecord & Stored) | null> {
    const advisoryGroups = before.advisoryGroups.map((group) => (group.groupId === groupId ? { ...group, meetings: [...group.meetings, meeting] } : group));
    return this.updateWithEvents(tenantQuery<StrategyRecord>(scope, { updatedAt: before.updatedAt }), before, { $set: { advisoryGroups, updatedBy, updatedAt: change.at } }, [], change);
  }
}
