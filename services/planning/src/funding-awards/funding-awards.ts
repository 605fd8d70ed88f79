import { Injectable } from '@nestjs/common';
import type { ApplicationAwardedV1Payload } from '@entente/contracts';
import type { Actor, TenantScope } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import { PlanService } from '../plans/plan.service';
import { attemptIntoPlan } from '../plans/waiting-retry';
import { FundingAwardRepository } from './funding-award.repository';
import type { FundingAwardReceipt, FundingAwardStatus } from './funding-award.schema';

/** Who the plan's history names for a line an award added. */
export const AWARD_ACTOR: Actor = { userId: 'service:funding', username: 'funding pipeline (award)' };

/** The plan line's reference for an application: what makes the line unique in a plan. */
export function awardReference(applicationId: string): string {
  return `funding-application:${applicationId}`;
}

/** The line's label: the application's title and funder, and the award as the funder stated it when it was in another currency. */
export function awardLabel(award: ApplicationAwardedV1Payload): string {
  const foreign = award.currency !== award.localCurrency ? ` (${award.currency} ${award.amount.toLocaleString('en')})` : '';
  const funder = award.funder ? ` – ${award.funder}` : '';
  const label = `Award: ${award.title}${funder}${foreign}`;
  return label.length > 200 ? `${label.slice(0, 199)}…` : label;
}

type Award = Pick<FundingAwardReceipt, 'applicationId' | 'year' | 'label' | 'amount' | 'receivedAt'>;

/**
 * An award from funding's pipeline becomes one external funding line of the
 * plan of its year, however often its event arrives: the line carries the
 * application as its reference and the plan refuses a second line of that
 * reference (PlanService.addFundingLineOnce); a receipt per application
 * spares the plan read once it is applied. An award with no plan to go into
 * (no plan for the year, or one in review or closed) is kept as waiting and
 * tried again with back-off (retryWaiting), so it lands once the plan is
 * created, returned to draft or given a new version.
 */
@Injectable()
export class FundingAwards {
  private readonly logger = new JsonLogger('funding-awards');

  constructor(
    private readonly plans: PlanService,
    private readonly receipts: FundingAwardRepository,
  ) {}

  async apply(scope: TenantScope, award: ApplicationAwardedV1Payload, now = new Date()): Promise<FundingAwardStatus> {
    const receipt = await this.receipts.find(scope, award.applicationId);
    if (receipt?.status === 'applied') return 'applied';
    const year = award.planYear ?? (await this.plans.planYearOn(scope, award.awardedOn));
    return this.settle(scope, { applicationId: award.applicationId, year, label: awardLabel(award), amount: award.amountLocal, receivedAt: now }, (receipt?.attempts ?? 0) + 1, now);
  }

  /** Tries again the waiting awards of every jurisdiction that are due; answers how many went into their plan. */
  async retryWaiting(now: Date, limit = 100): Promise<number> {
    let applied = 0;
    for (const { scope, record } of await this.receipts.dueWaiting(now, limit)) {
      if ((await this.settle(scope, record, (record.attempts ?? 1) + 1, now)) === 'applied') applied += 1;
    }
    return applied;
  }

  private async settle(scope: TenantScope, award: Award, attempts: number, now: Date): Promise<FundingAwardStatus> {
    const line = { label: award.label, amount: award.amount, fundingReference: awardReference(award.applicationId) };
    const { status, note, nextAttemptAt } = await attemptIntoPlan(() => this.plans.addFundingLineOnce(scope, AWARD_ACTOR, award.year, line), attempts, now);
    await this.receipts.record(scope, { applicationId: award.applicationId, year: award.year, label: award.label, amount: award.amount, status, note, receivedAt: award.receivedAt, attempts, nextAttemptAt });
    if (nextAttemptAt) this.logger.log(`award ${award.applicationId} of ${scope.jurisdictionId} waits for plan ${award.year}: ${note}; tried again at ${nextAttemptAt.toISOString()}`);
    return status;
  }
}
