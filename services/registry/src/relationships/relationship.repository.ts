import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { Page, PageArgs, Stored, TenantScope, decodeCursor, encodeCursor, resolvePageArgs, tenantQuery, OutboxWrites, type EventDraft } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { HistoryEntry } from '@entente/persistence';
import { Change, OutboxRepository } from '@entente/persistence';
import type { RelationshipTally } from './relationship-tally';
import type { RelationshipStatus, RelationshipType } from './relationship.rules';
import { RELATIONSHIP_MODEL, RelationshipRecord, RelationshipSchema, StatusChange } from './relationship.schema';
import { InventoryVersionRepository, type TalliedWrite } from '../inventory-version/inventory-version.repository';

/** More active relationships than this in one jurisdiction is beyond what the dormancy scan is sized for. */
export const DORMANCY_SCAN_LIMIT = 20_000;

const RELATIONSHIP_HISTORY_FIELDS = [
  'partnerId',
  'partnerName',
  'partnerCountry',
  'type',
  'status',
  'since',
  'until',
  'formalBasis',
  'politicalCycle',
  'politicalChampion',
  'technicalOwner',
  'leadDepartment',
  'priorityIds',
] as const;

@Injectable()
export class RelationshipRepository extends OutboxRepository<RelationshipRecord, TalliedWrite> {
  /** The last engagement is not tracked: it follows from the engagements, whose own history records them. */
  protected readonly historyFields = RELATIONSHIP_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites, versions: InventoryVersionRepository) {
    // Writes run between two bumps of the jurisdiction's inventory version, which the views' cache and tallies read.
    super(connection.model<RelationshipRecord>(RELATIONSHIP_MODEL, RelationshipSchema), outbox, versions);
  }

  /** Stores the relationship, its events and its first history entry in one single-document write. */
  create(relationship: RelationshipRecord, events: EventDraft[], change: Change): Promise<RelationshipRecord> {
    return this.insertWithEvents(relationship, events, change);
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
    before: RelationshipRecord,
    statusChange: StatusChange,
    set: { until?: string },
    events: EventDraft[],
    change: Change,
  ): Promise<(RelationshipRecord & Stored) | null> {
    return this.updateWithEvents(
      tenantQuery<RelationshipRecord>(scope, { relationshipId: before.relationshipId, status: statusChange.from }),
      before,
      { $set: { status: statusChange.to, updatedAt: statusChange.changedAt, ...set }, $push: { statusHistory: statusChange } },
      events,
      change,
    );
  }

  /**
   * Points one relationship of a merged partner at the survivor, with the
   * survivor's name and country, and records it in the relationship's
   * history. Only while it still points at the merged partner: a re-run
   * finds nothing left to move. A survivor without a country keeps the
   * country the relationship had.
   */
  async movePartner(
    scope: TenantScope,
    before: RelationshipRecord,
    survivor: { partnerId: string; name: string; country: string | null },
    change: Change,
  ): Promise<boolean> {
    const query = tenantQuery<RelationshipRecord>(scope, { relationshipId: before.relationshipId, partnerId: before.partnerId });
    const set = { partnerId: survivor.partnerId, partnerName: survivor.name, partnerCountry: survivor.country ?? before.partnerCountry, updatedAt: change.at };
    return (await this.updateWithEvents(query, before, { $set: set }, [], change)) !== null;
  }

  /** The relationship's history, oldest first; null for an id not of this jurisdiction. */
  history(scope: TenantScope, relationshipId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<RelationshipRecord>(scope, { relationshipId }));
  }

  list(scope: TenantScope, args: PageArgs, status?: RelationshipStatus): Promise<Page<RelationshipRecord & Stored>> {
    return this.page(tenantQuery<RelationshipRecord>(scope, status ? { status } : {}), args);
  }

  /** Just what the Table 1 summary counts: the relationships per type and status, counted by the database. */
  async tallies(scope: TenantScope): Promise<RelationshipTally[]> {
    const rows = await this.aggregate<{ _id: { type: RelationshipType; status: RelationshipStatus }; count: number }>(tenantQuery<RelationshipRecord>(scope), [
        { $group: { _id: { type: '$type', status: '$status' }, count: { $sum: 1 } } },
      ]);
    return rows.map(({ _id: { type, status }, count }) => ({ type, status, count }));
  }

  /** The relationships with any of these partners: what logging an engagement may move forward. */
  withPartners(scope: TenantScope, partnerIds: readonly string[]): Promise<Array<RelationshipRecord & Stored>> {
    return this.findMany(tenantQuery<RelationshipRecord>(scope, { partnerId: { $in: [...partnerIds] } }), DORMANCY_SCAN_LIMIT);
  }

  /**
   * Copies a partner's current name and country onto its relationships, which
   * keep them for lists and events. Derived data, so no history entry: the
   * partner's own history says what changed. Safe to repeat.
   */
  refreshPartner(scope: TenantScope, partner: { partnerId: string; name: string; country: string | null }): Promise<number> {
    return this.updateAll(tenantQuery<RelationshipRecord>(scope, { partnerId: partner.partnerId }), { $set: { partnerName: partner.name, partnerCountry: partner.country } });
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

