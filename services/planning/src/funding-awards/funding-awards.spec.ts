import { ConflictError, NotFoundError } from '@entente/errors';
import { scopeOfEvent } from '@entente/persistence';
import type { ApplicationAwardedV1Payload } from '@entente/contracts';
import type { PlanService } from '../plans/plan.service';
import type { FundingAwardRepository } from './funding-award.repository';
import type { FundingAwardReceipt } from './funding-award.schema';
import { retryDelayMs } from '../plans/waiting-retry';
import { awardLabel, FundingAwards } from './funding-awards';

const scope = scopeOfEvent({ jurisdictionId: 'rostock', eventId: 'e1' });
const award: ApplicationAwardedV1Payload = {
  applicationId: 'app-1',
  opportunityId: null,
  title: 'Embassy small grant',
  funder: 'Embassy of Finland',
  awardedOn: '2027-02-01',
  planYear: null,
  amount: 8000,
  currency: 'USD',
  amountLocal: 7400,
  localCurrency: 'EUR',
};

/** A plan of one year as a list of references, and the receipts, in memory. */
function world(plan: { exists: boolean; conflictsFirst?: number } = { exists: true }) {
  const lines: string[] = [];
  const receipts = new Map<string, Omit<FundingAwardReceipt, 'jurisdictionId'>>();
  let conflicts = plan.conflictsFirst ?? 0;
  const plans = {
    planYearOn: () => Promise.resolve(2027),
    addFundingLineOnce: (_scope: unknown, _actor: unknown, year: number, line: { fundingReference: string }) => {
      if (!plan.exists) return Promise.reject(new NotFoundError('Plan', String(year)));
      if (conflicts-- > 0) {
        // A concurrent delivery got there first.
        lines.push(line.fundingReference);
        return Promise.reject(new ConflictError('plan 2027 changed meanwhile'));
      }
      if (lines.includes(line.fundingReference)) return Promise.resolve(false);
      lines.push(line.fundingReference);
      return Promise.resolve(true);
    },
  } as unknown as PlanService;
  const repository = {
    find: (_scope: unknown, id: string) => Promise.resolve(receipts.get(id) ?? null),
    dueWaiting: (now: Date) =>
      Promise.resolve([...receipts.values()].filter((r) => r.status === 'waiting' && (r.nextAttemptAt ?? now).getTime() <= now.getTime()).map((record) => ({ scope, record }))),
    record: (_scope: unknown, receipt: Omit<FundingAwardReceipt, 'jurisdictionId'>) => {
      if (receipts.get(receipt.applicationId)?.status !== 'applied') receipts.set(receipt.applicationId, receipt);
      return Promise.resolve();
    },
  } as unknown as FundingAwardRepository;
  return { awards: new FundingAwards(plans, repository), lines, receipts };
}

describe('an award from funding becomes one funding line', () => {
  it('adds the line once however often the award arrives', async () => {
    const { awards, lines, receipts } = world();
    expect(await awards.apply(scope, award)).toBe('applied');
    expect(await awards.apply(scope, award)).toBe('applied');
    expect(lines).toEqual(['funding-application:app-1']);
    expect(receipts.get('app-1')).toMatchObject({ year: 2027, amount: 7400, status: 'applied' });
  });

  it('finds the line a concurrent delivery added when its own write lost on the revision', async () => {
    const { awards, lines } = world({ exists: true, conflictsFirst: 1 });
    expect(await awards.apply(scope, award)).toBe('applied');
    expect(lines).toEqual(['funding-application:app-1']);
  });

  it('keeps an award with no plan to go into as waiting, with the reason', async () => {
    const { awards, lines, receipts } = world({ exists: false });
    expect(await awards.apply(scope, { ...award, planYear: 2031 })).toBe('waiting');
    expect(lines).toEqual([]);
    expect(receipts.get('app-1')).toMatchObject({ status: 'waiting', note: 'Plan 2031 was not found' });
  });

  it('tries a waiting award again when it is due, with back-off, and applies it once the plan exists', async () => {
    const plan = { exists: false };
    const { awards, lines, receipts } = world(plan);
    const received = new Date('2027-02-02T08:00:00Z');
    const at = (minutes: number) => new Date(received.getTime() + minutes * 60_000);
    expect(await awards.apply(scope, award, received)).toBe('waiting');
    expect(receipts.get('app-1')).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: at(1) });
    expect(await awards.retryWaiting(at(0.5))).toBe(0); // not due yet
    expect(await awards.retryWaiting(at(1))).toBe(0); // due, but still no plan: waits twice as long
    expect(receipts.get('app-1')).toMatchObject({ status: 'waiting', attempts: 2, nextAttemptAt: at(3), receivedAt: received });

    plan.exists = true;
    expect(await awards.retryWaiting(at(3))).toBe(1);
    expect(await awards.retryWaiting(at(600))).toBe(0);
    expect(await awards.apply(scope, award, at(601))).toBe('applied');
    expect(lines).toEqual(['funding-application:app-1']);
    expect(receipts.get('app-1')).toMatchObject({ status: 'applied', attempts: 3, nextAttemptAt: null, note: null });
  });

  it('backs off from a minute, doubling, to at most an hour', () => {
    expect([1, 2, 3, 6, 7, 20].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 2, 4, 32, 60, 60]);
  });

  it('labels the line with the title, the funder and a foreign award as awarded', () => {
    expect(awardLabel(award)).toBe('Award: Embassy small grant – Embassy of Finland (USD 8,000)');
    expect(awardLabel({ ...award, funder: null, currency: 'EUR', title: 'x'.repeat(300) })).toHaveLength(200);
  });
});
