import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, Stored, TenantScope, decodeCursor, encodeCursor, resolvePageArgs, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { OutboxRepository } from '../outbox/outbox-repository';
import type { RelationshipStatus } from './relationship.rules';
import { RELATIONSHIP_MODEL, RelationshipRecord, RelationshipSchema, StatusChange } from './relationship.schema';

/** More active relationships than this in one jurisdiction is beyond what the dormancy scan is sized for. */
export const DORMANCY_SCAN_LIMIT = 20_000;

@Injectable()
export class RelationshipRepository extends OutboxRepository<RelationshipRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<RelationshipRecord>(RELATIONSHIP_MODEL, RelationshipSchema));
  }

  /** Stores the relationship and its events in one single-document write. */
  create(relationship: RelationshipRecord, events: EventEnvelope[]): Promise<RelationshipRecord> {
    return this.insertWithEvents(relationship, events);
  }

  get(scope: TenantScope, relationshipId: string): Promise<(RelationshipRecord & Stored) | null> {
    return this.findOne(tenantQuery<RelationshipRecord>(scope, { relationshipId }));
  }

  /**
   * Changes the status only if it is still `from` (a concurrent change makes
   * this answer null rather than skip a transition check), appending the
   * history entry and the event in the same single-document write.
   */
  changeStatus(
    scope: TenantScope,
    relationshipId: string,
    change: StatusChange,
    set: { until?: string },
    events: EventEnvelope[],
  ): Promise<(RelationshipRecord & Stored) | null> {
    return this.updateWithEvents(
      tenantQuery<RelationshipRecord>(scope, { relationshipId, status: change.from }),
      { $set: { status: change.to, updatedAt: change.changedAt, ...set }, $push: { statusHistory: change } },
      events,
    );
  }

  list(scope: TenantScope, args: PageArgs, status?: RelationshipStatus): Promise<Page<RelationshipRecord & Stored>> {
    return this.page(tenantQuery<RelationshipRecord>(scope, status ? { status } : {}), args);
  }

  /** Just what the Table 1 summary counts: each relationship's type and status. */
  summarised(scope: TenantScope): Promise<Array<Pick<RelationshipRecord, 'type' | 'status'>>> {
    return this.model
      .find(tenantQuery<RelationshipRecord>(scope), { _id: 0, type: 1, status: 1 })
      .lean<Array<Pick<RelationshipRecord, 'type' | 'status'>>>()
      .exec();
  }

  /** The relationships with any of these partners: what logging an engagement may move forward. */
  withPartners(scope: TenantScope, partnerIds: readonly string[]): Promise<Array<RelationshipRecord & Stored>> {
    return this.findMany(tenantQuery<RelationshipRecord>(scope, { partnerId: { $in: [...partnerIds] } }), DORMANCY_SCAN_LIMIT);
  }

  /** Moves the last engagement forward only: a concurrent later engagement is never overwritten. */
  async advanceLastEngagement(scope: TenantScope, relationshipId: string, date: string, at: Date): Promise<void> {
    await this.updateOne(
      tenantQuery<RelationshipRecord>(scope, { relationshipId, $or: [{ lastEngagementAt: null }, { lastEngagementAt: { $lt: date } }] }),
      { $set: { lastEngagementAt: date, updatedAt: at } },
    );
  }

  /**
   * One page of the active relationships that `keep` accepts, in insertion
   * order. Dormancy is a calendar rule over two dates, so it is decided in
   * code (isDormant) over the jurisdiction's active ties rather than
   * approximated in a query.
   */
  async pageActiveWhere(
    scope: TenantScope,
    args: PageArgs,
    keep: (relationship: RelationshipRecord) => boolean,
  ): Promise<Page<RelationshipRecord & Stored>> {
    const { limit } = resolvePageArgs(args);
    const afterId = args.after ? decodeCursor(args.after) : null;
    const active = await this.findMany(tenantQuery<RelationshipRecord>(scope, { status: 'active' }), DORMANCY_SCAN_LIMIT);
    const matching = active.filter(keep);
    const rest = afterId ? matching.filter((r) => r._id.toHexString() > afterId.toHexString()) : matching;
    const nodes = rest.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      pageInfo: { hasNextPage: rest.length > limit, endCursor: last ? encodeCursor(last._id) : null },
      totalCount: matching.length,
    };
  }
}

