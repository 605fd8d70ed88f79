import type { Identity } from '@entente/auth';
import { NotFoundError } from '@entente/errors';
import { scopeOfEvent, type TenantScope } from '@entente/persistence';
import type { NetworkStanding } from '../networks/network-access';
import type { NetworkService } from '../networks/network.service';
import type { AccessLogRepository, GrantRepository, SharedRecordRepository } from './sharing.repositories';
import type { AccessLogRecord, GrantRecord, SharedRecordEntry } from './sharing.schema';
import { ViewsService } from './views.service';

const scope = (jurisdictionId: string): TenantScope => scopeOfEvent({ jurisdictionId, eventId: 'test' });
const reader: Identity = { userId: 'u-reader', username: 'aarhus-staff', jurisdictionId: 'aarhus', roles: ['staff'] };
const grant = (jurisdictionId: string, grantId: string, scopeName: GrantRecord['scope']): GrantRecord => ({
  jurisdictionId,
  grantId,
  networkId: 'n-1',
  scope: scopeName,
  fields: [],
  assetCategories: null,
  grantedBy: 'u',
  grantedAt: new Date(),
  revokedAt: null,
  revokedBy: null,
});
const copy = (jurisdictionId: string, grantId: string, kind: SharedRecordEntry['kind'], recordId: string, fields: Record<string, unknown>): SharedRecordEntry => ({
  jurisdictionId,
  networkId: 'n-1',
  grantId,
  scope: kind === 'priority' ? 'priorities' : 'planned-activities',
  kind,
  recordId,
  fields,
  sourceStateAt: new Date(),
  projectedAt: new Date(),
});

function viewsWith(standing: Partial<NetworkStanding>) {
  const logged: Array<{ scope: string } & Omit<AccessLogRecord, 'jurisdictionId'>> = [];
  const grants = [grant('rostock', 'g-1', 'priorities'), grant('rostock', 'g-2', 'planned-activities'), grant('gdansk', 'g-3', 'priorities'), grant('left-city', 'g-4', 'priorities')];
  const copies = [
    copy('rostock', 'g-1', 'priority', 'p-1', { countries: ['DK'] }),
    copy('rostock', 'g-2', 'activity', 'a-1', { country: 'DK', status: 'planned' }),
    copy('gdansk', 'g-3', 'priority', 'p-2', { countries: ['DK'] }),
    copy('left-city', 'g-4', 'priority', 'p-3', { countries: ['DK'] }),
  ];
  const networks = {
    reach: async () => ({ network: {}, standing: { coordinator: false, platformAdmin: false, membership: null, ...standing } }),
    activeMemberIds: async () => ['rostock', 'gdansk', 'aarhus'],
    memberNames: async (ids: string[]) => new Map(ids.map((id) => [id, id.toUpperCase()])),
  } as unknown as NetworkService;
  const grantRepo = { currentOfNetworkAcrossJurisdictions: async () => grants.map((record) => ({ scope: scope(record.jurisdictionId), record })) } as unknown as GrantRepository;
  const copyRepo = {
    ofNetworkAcrossJurisdictions: async (_n: string, grantIds: string[], kinds?: string[]) =>
      copies.filter((c) => grantIds.includes(c.grantId) && (!kinds || kinds.includes(c.kind))).map((record) => ({ scope: scope(record.jurisdictionId), record })),
  } as unknown as SharedRecordRepository;
  const log = { record: async (s: TenantScope, entry: Omit<AccessLogRecord, 'jurisdictionId'>) => void logged.push({ scope: s.jurisdictionId, ...entry }) } as unknown as AccessLogRepository;
  return { views: new ViewsService(networks, grantRepo, copyRepo, log), logged };
}

describe('ViewsService: every read of shared data is logged with the sharer', () => {
  it('logs one entry per member whose copies were read: who, which network, which view, what, when', async () => {
    const { views, logged } = viewsWith({ membership: 'active' });
    const read = await views.sharedData(reader, 'n-1');
    // A member that left keeps no copies in any view, even before its grants are swept.
    expect(read.result.map((m) => m.jurisdictionId).sort()).toEqual(['gdansk', 'rostock']);
    expect(logged.map(({ at: _at, ...entry }) => entry).sort((a, b) => a.scope.localeCompare(b.scope))).toEqual([
      { scope: 'gdansk', networkId: 'n-1', readerUserId: 'u-reader', readerUsername: 'aarhus-staff', readerJurisdictionId: 'aarhus', view: 'shared-data', scopes: ['priorities'], recordCount: 1 },
      { scope: 'rostock', networkId: 'n-1', readerUserId: 'u-reader', readerUsername: 'aarhus-staff', readerJurisdictionId: 'aarhus', view: 'shared-data', scopes: ['planned-activities', 'priorities'], recordCount: 2 },
    ]);
  });

  it('logs the calendar as a read of activities only', async () => {
    const { views, logged } = viewsWith({ coordinator: true });
    const read = await views.delegationCalendar(reader, 'n-1');
    expect(read.result.map((e) => e.activityId)).toEqual(['a-1']);
    expect(logged.map((e) => [e.scope, e.view, e.recordCount])).toEqual([['rostock', 'delegation-calendar', 1]]);
  });

  it('answers an invitee or a platform-admin that the network does not exist, and logs nothing', async () => {
    for (const standing of [{ membership: 'invited' as const }, { platformAdmin: true }]) {
      const { views, logged } = viewsWith(standing);
      await expect(views.heatMap(reader, 'n-1')).rejects.toBeInstanceOf(NotFoundError);
      expect(logged).toEqual([]);
    }
  });
});
