import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { openMongoConnection, scopeOfEvent, type TenantScope } from '@entente/persistence';
import { FundingAwardRepository } from './funding-award.repository';
import type { FundingAwardReceipt } from './funding-award.schema';

/**
 * Planning's award receipts against the real MongoDB-wire server: the
 * waiting ones due again are found across jurisdictions (a receipt from
 * before retries, with no next attempt, counts as due), and an applied
 * receipt is never turned back into a waiting one.
 */
describe('planning’s funding award receipts', () => {
  let connection: Connection;
  let receipts: FundingAwardRepository;
  const now = new Date('2027-03-01T10:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const scopeOf = (prefix: string): TenantScope => scopeOfEvent({ jurisdictionId: `${prefix}-${randomBytes(4).toString('hex')}`, eventId: randomUUID() });
  const receipt = (applicationId: string, changes: Partial<FundingAwardReceipt> = {}): Omit<FundingAwardReceipt, 'jurisdictionId'> => ({
    applicationId,
    year: 2027,
    label: `Award ${applicationId}`,
    amount: 1000,
    status: 'waiting',
    note: 'Plan 2027 was not found',
    receivedAt: minutes(-60),
    attempts: 1,
    nextAttemptAt: minutes(-1),
    ...changes,
  });

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `planning_awards_${randomBytes(4).toString('hex')}` });
    receipts = new FundingAwardRepository(connection);
    await receipts.ready();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('finds the waiting awards due again in every jurisdiction, soonest due first, and not the others', async () => {
    const rostock = scopeOf('rostock');
    const aarhus = scopeOf('aarhus');
    await receipts.record(rostock, receipt('due-later-of-two', { nextAttemptAt: minutes(-1) }));
    await receipts.record(aarhus, receipt('due-first', { nextAttemptAt: minutes(-30) }));
    await receipts.record(rostock, receipt('not-yet', { nextAttemptAt: minutes(5) }));
    await receipts.record(aarhus, receipt('applied', { status: 'applied', note: null, nextAttemptAt: null }));
    // Written before retries existed: no attempts, no next attempt.
    await connection.collection('funding_awards').insertOne({ jurisdictionId: rostock.jurisdictionId, applicationId: 'older', year: 2027, label: 'Award older', amount: 5, status: 'waiting', note: 'Plan 2027 is in review', receivedAt: minutes(-999) });

    const due = await receipts.dueWaiting(now, 10);
    expect(due.map(({ scope, record }) => [scope.jurisdictionId, record.applicationId])).toEqual([
      [rostock.jurisdictionId, 'older'],
      [aarhus.jurisdictionId, 'due-first'],
      [rostock.jurisdictionId, 'due-later-of-two'],
    ]);
  });

  it('keeps an applied receipt applied when a late waiting one arrives, and turns a waiting one into applied', async () => {
    const scope = scopeOf('kiel');
    await receipts.record(scope, receipt('a-1'));
    await receipts.record(scope, receipt('a-1', { status: 'applied', note: null, attempts: 2, nextAttemptAt: null }));
    await receipts.record(scope, receipt('a-1', { attempts: 3, nextAttemptAt: minutes(-1) }));
    expect(await receipts.find(scope, 'a-1')).toMatchObject({ status: 'applied', attempts: 2, nextAttemptAt: null });
    expect((await receipts.dueWaiting(minutes(60), 100)).some(({ record }) => record.applicationId === 'a-1')).toBe(false);
  });
});
