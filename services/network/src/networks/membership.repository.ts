import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type Change, type EventDraft, OutboxRepository, OutboxWrites, type ScopedRecord, type Stored, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { MEMBERSHIP_MODEL, type MembershipRecord, MembershipSchema } from './network.schema';

/** Far above the members any network has (Eurocities: about 200). */
export const MEMBER_SCAN_LIMIT = 5000;

/**
 * Each member's record of its place in a network, written with its events.
 * A network's member list spans jurisdictions: `ofNetworkAcrossJurisdictions`
 * is the one read that does, for the network's coordinators and members
 * (who sees it is decided by NetworkAccess before it is called).
 */
@Injectable()
export class MembershipRepository extends OutboxRepository<MembershipRecord> {
  protected readonly historyFields = ['status'] as const;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites) {
    super((connection.models[MEMBERSHIP_MODEL] as Model<MembershipRecord> | undefined) ?? connection.model<MembershipRecord>(MEMBERSHIP_MODEL, MembershipSchema), outbox);
  }

  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  /** A first invitation: the record is the invited jurisdiction's from the start. */
  create(membership: MembershipRecord, events: EventDraft[], change: Change): Promise<MembershipRecord> {
    return this.insertWithEvents(membership, events, change);
  }

  get(scope: TenantScope, networkId: string): Promise<(MembershipRecord & Stored) | null> {
    return this.findOne(tenantQuery<MembershipRecord>(scope, { networkId }));
  }

  /** The jurisdiction's memberships (any status), oldest first. */
  ofJurisdiction(scope: TenantScope): Promise<MembershipRecord[]> {
    return this.findMany(tenantQuery<MembershipRecord>(scope), { limit: 0, sort: { invitedAt: 1 } });
  }

  /** Applies `set` if the membership is still in the status `before` had; null otherwise (someone else changed it). */
  update(scope: TenantScope, before: MembershipRecord, set: Partial<MembershipRecord>, events: EventDraft[], change: Change): Promise<(MembershipRecord & Stored) | null> {
    return this.updateWithEvents(
      tenantQuery<MembershipRecord>(scope, { networkId: before.networkId, status: before.status, updatedAt: before.updatedAt }),
      before,
      { $set: { ...set, updatedAt: change.at } },
      events,
      change,
    );
  }

  /** Every membership of a network, each with the member's scope. */
  ofNetworkAcrossJurisdictions(networkId: string, statuses?: readonly MembershipRecord['status'][]): Promise<Array<ScopedRecord<MembershipRecord>>> {
    return this.findAcrossJurisdictions<MembershipRecord>(statuses ? { networkId, status: { $in: [...statuses] } } : { networkId }, { limit: MEMBER_SCAN_LIMIT });
  }

  /** One jurisdiction's membership found by a coordinator or platform-admin (who acts on it with the scope it carries). */
  async findAcrossJurisdictionsFor(networkId: string, jurisdictionId: string): Promise<ScopedRecord<MembershipRecord> | null> {
    const [found] = await this.findAcrossJurisdictions<MembershipRecord>({ networkId, jurisdictionId }, { limit: 1 });
    return found ?? null;
  }
}
