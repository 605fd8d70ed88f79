import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { NotFoundError } from '@entente/errors';
import { type Page, type PageArgs, scopeOf, type Stored, type TenantScope } from '@entente/persistence';
import { canReadSharedData } from '../networks/network-access';
import { NetworkService } from '../networks/network.service';
import type { SourceRecordKind } from '../source-records/source-record';
import { readNetworkFilter } from './grant.rules';
import { calendarOf, type CalendarEntry, type HeatCell, heatMapOf, type MemberCopies } from './network-views';
import type { SharingScope } from './sharing-scopes';
import { AccessLogRepository, GrantRepository, SharedRecordRepository } from './sharing.repositories';
import type { AccessLogRecord } from './sharing.schema';

export const SHARED_VIEWS = ['shared-data', 'heat-map', 'delegation-calendar', 'suggestions'] as const;
export type SharedView = (typeof SHARED_VIEWS)[number];

export interface NetworkRead<T> {
  networkId: string;
  /** Member names by jurisdiction id. */
  names: Map<string, string>;
  /** The scopes each member's copies came from. */
  scopes: Map<string, SharingScope[]>;
  result: T;
}

/**
 * Every read of shared data: the reader must be a coordinator or an active
 * member (anyone else is told the network does not exist), only copies of
 * current grants of active members are read, and each member whose copies
 * were read gets one entry in its access log.
 */
@Injectable()
export class ViewsService {
  constructor(
    private readonly networks: NetworkService,
    private readonly grants: GrantRepository,
    private readonly copies: SharedRecordRepository,
    private readonly log: AccessLogRepository,
  ) {}

  sharedData(identity: Identity, networkId: string): Promise<NetworkRead<MemberCopies[]>> {
    return this.read(identity, networkId, 'shared-data', undefined, (members) => members);
  }

  heatMap(identity: Identity, networkId: string): Promise<NetworkRead<HeatCell[]>> {
    return this.read(identity, networkId, 'heat-map', undefined, heatMapOf);
  }

  delegationCalendar(identity: Identity, networkId: string): Promise<NetworkRead<CalendarEntry[]>> {
    return this.read(identity, networkId, 'delegation-calendar', ['activity'], calendarOf);
  }

  accessLog(identity: Identity, args: PageArgs, networkId?: string | null): Promise<Page<AccessLogRecord & Stored>> {
    return this.log.list(scopeOf(identity), args, readNetworkFilter(networkId));
  }

  private async read<T>(identity: Identity, networkId: string, view: SharedView, kinds: SourceRecordKind[] | undefined, build: (members: MemberCopies[]) => T): Promise<NetworkRead<T>> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (!canReadSharedData(standing)) throw new NotFoundError('Network', networkId);
    const active = new Set(await this.networks.activeMemberIds(networkId));
    const grants = (await this.grants.currentOfNetworkAcrossJurisdictions(networkId)).filter(({ record }) => active.has(record.jurisdictionId));
    const rows = await this.copies.ofNetworkAcrossJurisdictions(networkId, grants.map(({ record }) => record.grantId), kinds);
    const byMember = new Map<string, { scope: TenantScope; copies: MemberCopies; scopes: Set<SharingScope> }>();
    for (const { scope, record } of rows) {
      const entry = byMember.get(record.jurisdictionId) ?? { scope, copies: { jurisdictionId: record.jurisdictionId, copies: [] }, scopes: new Set<SharingScope>() };
      entry.copies.copies.push({ kind: record.kind, recordId: record.recordId, fields: record.fields });
      entry.scopes.add(record.scope);
      byMember.set(record.jurisdictionId, entry);
    }
    const at = new Date();
    await Promise.all(
      [...byMember.values()].map(({ scope, copies, scopes }) =>
        this.log.record(scope, {
          networkId,
          readerUserId: identity.userId,
          readerUsername: identity.username,
          readerJurisdictionId: identity.jurisdictionId,
          view,
          scopes: [...scopes].sort(),
          recordCount: copies.copies.length,
          at,
        }),
      ),
    );
    const members = [...byMember.values()].map((m) => m.copies);
    const names = await this.networks.memberNames(members.map((m) => m.jurisdictionId));
    const scopes = new Map([...byMember.entries()].map(([id, m]) => [id, [...m.scopes].sort()]));
    return { networkId, names, scopes, result: build(members) };
  }
}
