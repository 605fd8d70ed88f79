import type { JointEffortParticipantJoinedV1Payload } from '@entente/contracts';
import { ConflictError, NotFoundError } from '@entente/errors';
import { scopeOfEvent } from '@entente/persistence';
import type { PlanService } from '../plans/plan.service';
import { activityOf, JointEffortActivities } from './joint-effort-activities';
import type { JointEffortReceiptRepository } from './joint-effort-receipt.repository';
import type { JointEffortReceipt } from './joint-effort-receipt.schema';

const scope = scopeOfEvent({ jurisdictionId: 'lyon', eventId: 'e1' });
const joined: JointEffortParticipantJoinedV1Payload = {
  effortId: 'je-1',
  networkId: 'net-1',
  participantJurisdictionId: 'lyon',
  kind: 'common-delegation',
  title: 'Tokyo, together',
  costShare: 25.5,
  timeline: { start: '2027-12-20', end: '2028-01-10' },
  country: 'JP',
  opportunityId: null,
  joinedAt: '2027-03-01T12:00:00.000Z',
};

/** A plan of one year as a list of activity origins, and the receipts, in memory. */
function world(plan: { exists: boolean; conflictsFirst?: number } = { exists: true }) {
  const origins: string[] = [];
  const inputs: unknown[] = [];
  const receipts = new Map<string, Omit<JointEffortReceipt, 'jurisdictionId'>>();
  let conflicts = plan.conflictsFirst ?? 0;
  const plans = {
    planYearOn: (_scope: unknown, date: string) => Promise.resolve(Number(date.slice(0, 4))),
    planPeriod: (_scope: unknown, year: number) => Promise.resolve({ start: `${year}-01-01`, end: `${year}-12-31` }),
    proposeActivityOnce: (_scope: unknown, _actor: unknown, year: number, input: unknown, origin: { reference: string }) => {
      if (!plan.exists) return Promise.reject(new NotFoundError('Plan', String(year)));
      if (conflicts-- > 0) {
        // A concurrent delivery got there first.
        origins.push(origin.reference);
        return Promise.reject(new ConflictError(`plan ${year} changed meanwhile`));
      }
      if (origins.includes(origin.reference)) return Promise.resolve(false);
      origins.push(origin.reference);
      inputs.push(input);
      return Promise.resolve(true);
    },
  } as unknown as PlanService;
  const repository = {
    find: (_scope: unknown, id: string) => Promise.resolve(receipts.get(id) ?? null),
    dueWaiting: (now: Date) =>
      Promise.resolve([...receipts.values()].filter((r) => r.status === 'waiting' && (r.nextAttemptAt ?? now).getTime() <= now.getTime()).map((record) => ({ scope, record }))),
    record: (_scope: unknown, receipt: Omit<JointEffortReceipt, 'jurisdictionId'>) => {
      if (receipts.get(receipt.effortId)?.status !== 'applied') receipts.set(receipt.effortId, receipt);
      return Promise.resolve();
    },
  } as unknown as JointEffortReceiptRepository;
  return { activities: new JointEffortActivities(plans, repository), origins, inputs, receipts };
}

describe('a joining of a joint effort becomes one proposed activity', () => {
  it('proposes the activity once however often the joining arrives', async () => {
    const { activities, origins, inputs, receipts } = world();
    expect(await activities.apply(scope, joined)).toBe('applied');
    expect(await activities.apply(scope, joined)).toBe('applied');
    expect(origins).toEqual(['je-1']);
    expect(inputs).toEqual([{ title: 'Tokyo, together (joint effort, our share 25.5 %)', type: 'outbound-delegation', country: 'JP', windowStart: '2027-12-20', windowEnd: '2027-12-31' }]);
    expect(receipts.get('je-1')).toMatchObject({ status: 'applied', year: 2027, costShare: 25.5 });
  });

  it('finds the activity a concurrent delivery added when its own write lost on the revision', async () => {
    const { activities, origins } = world({ exists: true, conflictsFirst: 1 });
    expect(await activities.apply(scope, joined)).toBe('applied');
    expect(origins).toEqual(['je-1']);
  });

  it('keeps a joining with no plan to go into as waiting, with the reason', async () => {
    const { activities, origins, receipts } = world({ exists: false });
    expect(await activities.apply(scope, { ...joined, timeline: null })).toBe('waiting');
    expect(origins).toEqual([]);
    expect(receipts.get('je-1')).toMatchObject({ status: 'waiting', year: 2027, note: 'Plan 2027 was not found' });
  });

  it('tries a waiting joining again when it is due, with back-off, and proposes the activity once the plan exists', async () => {
    const plan = { exists: false };
    const { activities, origins, inputs, receipts } = world(plan);
    const received = new Date('2027-03-01T12:00:05Z');
    const at = (minutes: number) => new Date(received.getTime() + minutes * 60_000);
    expect(await activities.apply(scope, joined, received)).toBe('waiting');
    expect(receipts.get('je-1')).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: at(1), joined });
    expect(await activities.retryWaiting(at(0.5))).toBe(0); // not due yet
    expect(await activities.retryWaiting(at(1))).toBe(0); // due, but still no plan: waits twice as long
    expect(receipts.get('je-1')).toMatchObject({ status: 'waiting', attempts: 2, nextAttemptAt: at(3), receivedAt: received });

    plan.exists = true;
    expect(await activities.retryWaiting(at(3))).toBe(1);
    expect(await activities.retryWaiting(at(600))).toBe(0);
    // The event delivered again changes nothing.
    expect(await activities.apply(scope, joined, at(601))).toBe('applied');
    expect(origins).toEqual(['je-1']);
    expect(inputs).toEqual([expect.objectContaining({ title: 'Tokyo, together (joint effort, our share 25.5 %)', windowStart: '2027-12-20' })]);
    expect(receipts.get('je-1')).toMatchObject({ status: 'applied', attempts: 3, nextAttemptAt: null, note: null, receivedAt: received });
  });

  it('does not retry a waiting receipt that did not keep its joining (recorded before retries)', async () => {
    const { activities, origins, receipts } = world({ exists: true });
    receipts.set('je-old', { effortId: 'je-old', year: 2027, title: 'Old', costShare: 50, status: 'waiting', note: 'Plan 2027 was not found', receivedAt: new Date('2027-01-01T00:00:00Z') });
    expect(await activities.retryWaiting(new Date('2027-06-01T00:00:00Z'))).toBe(0);
    expect(origins).toEqual([]);
  });

  it('maps the effort onto the plan: its kind’s activity type, no window outside the plan year', () => {
    const period = { start: '2029-01-01', end: '2029-12-31' };
    expect(activityOf({ ...joined, kind: 'joint-funding-bid', title: 'x'.repeat(300) }, period)).toMatchObject({ type: 'funding-application', windowStart: null, windowEnd: null });
    expect((activityOf({ ...joined, title: 'x'.repeat(300) }, period).title as string).length).toBe(200);
  });
});
