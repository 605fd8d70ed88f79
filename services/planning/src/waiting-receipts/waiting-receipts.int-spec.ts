import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { JointEffortParticipantJoinedV1Payload } from '@entente/contracts';
import { openMongoConnection, scopeOfEvent, type TenantScope } from '@entente/persistence';
import { FundingAwardRepository } from '../funding-awards/funding-award.repository';
import type { FundingAwardReceipt } from '../funding-awards/funding-award.schema';
import { JointEffortReceiptRepository } from '../joint-efforts/joint-effort-receipt.repository';

/**
 * Planning's receipts of what waits for a plan, against the real
 * MongoDB-wire server (plans/waiting-receipt.repository.ts, through its two
 * kinds): the waiting ones due again are found across jurisdictions (an
 * award from before retries, with no next attempt, counts as due; a joining
 * from before retries, which did not keep its joining, cannot be retried),
 * and an applied receipt is never turned back into a waiting one.
 */
describe('planning’s receipts of what waits for a plan', () => {
  let connection: Connection;
  let awards: FundingAwardRepository;
  let joinings: JointEffortReceiptRepository;
  const now = new Date('2027-03-01T10:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const scopeOf = (prefix: string): TenantScope => scopeOfEvent({ jurisdictionId: `${prefix}-${randomBytes(4).toString('hex')}`, eventId: randomUUID() });
  const award = (applicationId: string, changes: Partial<FundingAwardReceipt> = {}): Omit<FundingAwardReceipt, 'jurisdictionId'> => ({
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
  const joinedOf = (effortId: string, participant: string): JointEffortParticipantJoinedV1Payload => ({
    effortId,
    networkId: 'net-1',
    participantJurisdictionId: participant,
    kind: 'common-delegation',
    title: `Effort ${effortId}`,
    costShare: 40,
    timeline: { start: '2027-05-01', end: '2027-05-09' },
    country: 'JP',
    opportunityId: null,
    joinedAt: minutes(-60).toISOString(),
  });

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `planning_receipts_${randomBytes(4).toString('hex')}` });
    awards = new FundingAwardRepository(connection);
    joinings = new JointEffortReceiptRepository(connection);
    await Promise.all([awards.ready(), joinings.ready()]);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('finds the waiting awards due again in every jurisdiction, soonest due first, and not the others', async () => {
    const rostock = scopeOf('rostock');
    const aarhus = scopeOf('aarhus');
    await awards.record(rostock, award('due-later-of-two', { nextAttemptAt: minutes(-1) }));
    await awards.record(aarhus, award('due-first', { nextAttemptAt: minutes(-30) }));
    await awards.record(rostock, award('not-yet', { nextAttemptAt: minutes(5) }));
    await awards.record(aarhus, award('applied', { status: 'applied', note: null, nextAttemptAt: null }));
    // Written before retries existed: no attempts, no next attempt.
    await connection.collection('funding_awards').insertOne({ jurisdictionId: rostock.jurisdictionId, applicationId: 'older', year: 2027, label: 'Award older', amount: 5, status: 'waiting', note: 'Plan 2027 is in review', receivedAt: minutes(-999) });

    const due = await awards.dueWaiting(now, 10);
    expect(due.map(({ scope, record }) => [scope.jurisdictionId, record.applicationId])).toEqual([
      [rostock.jurisdictionId, 'older'],
      [aarhus.jurisdictionId, 'due-first'],
      [rostock.jurisdictionId, 'due-later-of-two'],
    ]);
  });

  it('keeps an applied receipt applied when a late waiting one arrives, and turns a waiting one into applied', async () => {
    const scope = scopeOf('kiel');
    await awards.record(scope, award('a-1'));
    await awards.record(scope, award('a-1', { status: 'applied', note: null, attempts: 2, nextAttemptAt: null }));
    await awards.record(scope, award('a-1', { attempts: 3, nextAttemptAt: minutes(-1) }));
    expect(await awards.find(scope, 'a-1')).toMatchObject({ status: 'applied', attempts: 2, nextAttemptAt: null });
    expect((await awards.dueWaiting(minutes(60), 100)).some(({ record }) => record.applicationId === 'a-1')).toBe(false);
  });

  it('finds the waiting joinings due again with the joining each kept, and not one recorded before retries', async () => {
    const lyon = scopeOf('lyon');
    const joined = joinedOf('je-due', lyon.jurisdictionId);
    await joinings.record(lyon, { effortId: 'je-due', year: 2027, title: joined.title, costShare: 40, status: 'waiting', note: 'Plan 2027 was not found', receivedAt: minutes(-60), joined, attempts: 1, nextAttemptAt: minutes(-1) });
    // Written before retries existed: the joining was not kept, so there is nothing to build the activity from.
    await connection.collection('joint_effort_receipts').insertOne({ jurisdictionId: lyon.jurisdictionId, effortId: 'je-older', year: 2027, title: 'Older', costShare: 50, status: 'waiting', note: 'Plan 2027 is in review', receivedAt: minutes(-999) });

    const due = (await joinings.dueWaiting(now, 100)).filter(({ scope }) => scope.jurisdictionId === lyon.jurisdictionId);
    expect(due.map(({ record }) => record.effortId)).toEqual(['je-due']);
    expect(due[0]?.record.joined).toEqual(joined);
  });
});
