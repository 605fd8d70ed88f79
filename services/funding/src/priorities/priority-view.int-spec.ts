import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { PriorityStateV1Payload } from '@entente/contracts';
import { openMongoConnection, scopeOfEvent, type TenantScope } from '@entente/persistence';
import { PriorityViewRepository } from './priority-view.repository';

/**
 * Funding's copy of planning's priorities against the real MongoDB-wire
 * server: an event applied twice, or late, leaves what applying it once in
 * order left; a retirement is not undone by an older event.
 */
describe('funding’s priorities (read model of planning’s priority events)', () => {
  let connection: Connection;
  let priorities: PriorityViewRepository;

  const scopeOf = (prefix: string): TenantScope => scopeOfEvent({ jurisdictionId: `${prefix}-${randomBytes(4).toString('hex')}`, eventId: randomUUID() });
  const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
  const state = (priorityId: string, title: string, changes: Partial<PriorityStateV1Payload> = {}): PriorityStateV1Payload => ({
    priorityId,
    title,
    focus: 'economic-complementarity',
    goalKinds: ['economic-development-and-trade'],
    countries: ['DK', 'FI'],
    sectors: ['Maritime'],
    themes: ['Regional development'],
    sdgs: [],
    ...changes,
  });
  const row = async (scope: TenantScope, id: string) => {
    const found = await priorities.find(scope, id);
    if (!found) return null;
    const { _id: _ignored, ...rest } = found;
    return rest;
  };

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `funding_priorities_${randomBytes(4).toString('hex')}` });
    priorities = new PriorityViewRepository(connection);
    await priorities.ready();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('keeps a set priority’s themes, countries and sectors (lower-cased words), once however often the event arrives', async () => {
    const scope = scopeOf('rostock');
    const id = randomUUID();
    expect(await priorities.apply(scope, state(id, 'Baltic trade'), 'active', at('2027-01-10'))).toBe(true);
    const once = await row(scope, id);
    expect(once).toMatchObject({ title: 'Baltic trade', countries: ['DK', 'FI'], sectors: ['maritime'], themes: ['regional development'], status: 'active' });
    expect(await priorities.apply(scope, state(id, 'Baltic trade'), 'active', at('2027-01-10'))).toBe(false);
    expect(await row(scope, id)).toEqual(once);
    expect(await priorities.active(scope)).toHaveLength(1);
  });

  it('applies a change only when it is newer, and a retirement stays retired when an older event comes late', async () => {
    const scope = scopeOf('rostock');
    const id = randomUUID();
    await priorities.apply(scope, state(id, 'Baltic trade'), 'active', at('2027-01-10'));
    await priorities.apply(scope, state(id, 'Baltic trade and ports', { countries: ['DK'] }), 'active', at('2027-02-01'));
    expect(await priorities.apply(scope, state(id, 'Baltic trade (old)'), 'active', at('2027-01-20'))).toBe(false);
    expect(await row(scope, id)).toMatchObject({ title: 'Baltic trade and ports', countries: ['DK'] });
    await priorities.apply(scope, state(id, 'Baltic trade and ports', { countries: ['DK'] }), 'retired', at('2027-03-01'));
    await priorities.apply(scope, state(id, 'Baltic trade and ports'), 'active', at('2027-02-01'));
    expect(await row(scope, id)).toMatchObject({ status: 'retired' });
    expect(await priorities.active(scope)).toEqual([]);
  });

  it('keeps each jurisdiction’s priorities to itself, and lists every active one for a matching pass', async () => {
    const a = scopeOf('a');
    const b = scopeOf('b');
    const id = randomUUID();
    await priorities.apply(a, state(id, 'Trade with Denmark'), 'active', at('2027-01-10'));
    expect(await priorities.find(b, id)).toBeNull();
    expect(await priorities.active(b)).toEqual([]);
    const all = await priorities.activeAcrossJurisdictions();
    expect(all.filter((p) => p.record.priorityId === id).map((p) => p.scope.jurisdictionId)).toEqual([a.jurisdictionId]);
  });
});
