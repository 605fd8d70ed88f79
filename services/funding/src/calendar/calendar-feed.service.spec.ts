import type { Identity } from '@entente/auth';
import { ConflictError } from '@entente/errors';
import type { TenantScope } from '@entente/persistence';
import type { JurisdictionDirectory } from '@entente/service-runtime';
import type { CalendarFeedRepository } from './calendar-feed.repository';
import type { CalendarFeedRecord } from './calendar-feed.schema';
import { CalendarFeedService, hashOf } from './calendar-feed.service';
import type { DeadlineSource } from './deadline-source';
import { property, readIcs } from './ics-reader';

const NOW = new Date('2027-03-10T09:00:00Z');
const viewer: Identity = { userId: 'u-viewer', username: 'rostock-viewer', jurisdictionId: 'rostock', roles: ['viewer'] };

/** The feeds in memory, keyed as the unique indexes key them. */
function feedsInMemory() {
  const rows: CalendarFeedRecord[] = [];
  const duplicate = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
  const repository = {
    ofUser: (scope: TenantScope, userId: string) => Promise.resolve(rows.find((r) => r.jurisdictionId === scope.jurisdictionId && r.userId === userId) ?? null),
    create: (record: CalendarFeedRecord) => {
      if (rows.some((r) => (r.jurisdictionId === record.jurisdictionId && r.userId === record.userId) || r.tokenHash === record.tokenHash)) return Promise.reject(duplicate);
      rows.push({ ...record });
      return Promise.resolve(record);
    },
    rotate: (scope: TenantScope, owner: { userId: string; username: string }, tokenHash: string, at: Date) => {
      let row = rows.find((r) => r.jurisdictionId === scope.jurisdictionId && r.userId === owner.userId);
      if (!row) rows.push((row = { jurisdictionId: scope.jurisdictionId, userId: owner.userId, username: owner.username, tokenHash, createdAt: at, rotatedAt: at, lastFetchedAt: null }));
      Object.assign(row, { tokenHash, rotatedAt: at });
      return Promise.resolve(row);
    },
    revoke: (scope: TenantScope, userId: string) => {
      const index = rows.findIndex((r) => r.jurisdictionId === scope.jurisdictionId && r.userId === userId);
      if (index >= 0) rows.splice(index, 1);
      return Promise.resolve(index >= 0);
    },
    bySecretAcrossJurisdictions: (tokenHash: string) => {
      const row = rows.find((r) => r.tokenHash === tokenHash);
      return Promise.resolve(row ? { scope: { jurisdictionId: row.jurisdictionId } as TenantScope, record: row } : null);
    },
    fetched: (scope: TenantScope, userId: string, at: Date) => {
      const row = rows.find((r) => r.jurisdictionId === scope.jurisdictionId && r.userId === userId);
      if (row) row.lastFetchedAt = at;
      return Promise.resolve();
    },
  } as unknown as CalendarFeedRepository;
  return { rows, repository };
}

function service(status: 'active' | 'suspended' = 'active') {
  const { rows, repository } = feedsInMemory();
  const directory = { find: () => Promise.resolve({ jurisdictionId: 'rostock', name: 'Rostock', status }) } as unknown as JurisdictionDirectory;
  const pipeline: DeadlineSource = {
    eventsFor: () =>
      Promise.resolve([
        { uid: 'application-2@funding.entente', start: '2027-05-01', summary: 'Deadline: later', description: null, url: null, alarmsDaysBefore: [], modifiedAt: null },
        { uid: 'application-1@funding.entente', start: new Date('2027-03-31T15:00:00Z'), summary: 'Deadline: sooner', description: null, url: null, alarmsDaysBefore: [14, 3], modifiedAt: null },
      ]),
  };
  const followed: DeadlineSource = { eventsFor: () => Promise.resolve([]) };
  return { rows, feeds: new CalendarFeedService(repository, directory, [pipeline, followed]) };
}

describe('calendar feeds behind a secret link', () => {
  it('keeps only the secret’s hash, and the link serves every source’s deadlines in order', async () => {
    const { rows, feeds } = service();
    const link = await feeds.create(viewer);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/calendar/${link.token}.ics`);
    expect(rows).toEqual([expect.objectContaining({ userId: 'u-viewer', tokenHash: hashOf(link.token) })]);
    expect(JSON.stringify(rows)).not.toContain(link.token);
    const calendar = readIcs((await feeds.render(link.token, NOW)) ?? '');
    expect(property(calendar, 'X-WR-CALNAME')?.value).toBe('Funding deadlines – Rostock');
    expect(calendar.components.map((event) => property(event, 'UID')?.value)).toEqual(['application-1@funding.entente', 'application-2@funding.entente']);
    expect(rows[0]?.lastFetchedAt).toEqual(NOW);
  });

  it('makes one link per user: a second is a conflict, a rotation replaces the secret, a revocation ends it', async () => {
    const { feeds } = service();
    const first = await feeds.create(viewer);
    await expect(feeds.create(viewer)).rejects.toThrow(ConflictError);
    const rotated = await feeds.rotate(viewer);
    expect(await feeds.render(first.token, NOW)).toBeNull();
    expect(await feeds.render(rotated.token, NOW)).not.toBeNull();
    expect(await feeds.revoke(viewer)).toBe(true);
    expect(await feeds.render(rotated.token, NOW)).toBeNull();
    expect(await feeds.revoke(viewer)).toBe(false);
  });

  it('opens nothing for a malformed or unknown secret, nor for a suspended jurisdiction', async () => {
    const { feeds } = service('suspended');
    const link = await feeds.create(viewer);
    expect(await feeds.render(link.token, NOW)).toBeNull();
    expect(await feeds.render('../../etc/passwd', NOW)).toBeNull();
    expect(await feeds.render('A'.repeat(43), NOW)).toBeNull();
  });
});
