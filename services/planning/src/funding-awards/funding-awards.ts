import { Injectable } from '@nestjs/common';
import type { ApplicationAwardedV1Payload } from '@entente/contracts';
import { ConflictError, NotFoundError } from '@entente/errors';
import type { Actor, TenantScope } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import { PlanService } from '../plans/plan.service';
import { FundingAwardRepository } from './funding-award.repository';
import type { FundingAwardStatus } from './funding-award.schema';

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

/**
 * An award from funding's pipeline becomes one external funding line of the
 * plan of its year, however often its event arrives: the line carries the
 * application as its reference and the plan refuses a second line of that
 * reference (PlanService.addFundingLineOnce); a receipt per application
 * spares the plan read once it is applied. An award with no plan to go into
 * (no plan for the year, or one in review or closed) is kept as waiting.
 */
@Injectable()
export class FundingAwards {
  private readonly logger = new JsonLogger('funding-awards');

  constructor(
    private readonly plans: PlanService,
    private readonly receipts: FundingAwardRepository,
  ) {}

  async apply(scope: TenantScope, award: ApplicationAwardedV1Payload): Promise<FundingAwardStatus> {
    const receipt = await this.receipts.find(scope, award.applicationId);
    if (receipt?.status === 'applied') return 'applied';
    const year = award.planYear ?? (await this.plans.planYearOn(scope, award.awardedOn));
    const label = awardLabel(award);
    const line = { label, amount: award.amountLocal, fundingReference: awardReference(award.applicationId) };
    let note: string | null = null;
    try {
      await this.addOnce(scope, year, line);
    } catch (error) {
      if (!(error instanceof NotFoundError || error instanceof ConflictError)) throw error;
      note = error.message;
    }
    const status: FundingAwardStatus = note === null ? 'applied' : 'waiting';
    await this.receipts.record(scope, { applicationId: award.applicationId, year, label, amount: award.amountLocal, status, note, receivedAt: new Date() });
    if (note !== null) this.logger.log(`award ${award.applicationId} of ${scope.jurisdictionId} waits for plan ${year}: ${note}`);
    return status;
  }

  /** A conflict can be a concurrent delivery that just added the line: the second try finds it, or meets the plan's state again. */
  private async addOnce(scope: TenantScope, year: number, line: { label: string; amount: number; fundingReference: string }): Promise<void> {
    try {
      await this.plans.addFundingLineOnce(scope, AWARD_ACTOR, year, line);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await this.plans.addFundingLineOnce(scope, AWARD_ACTOR, year, line);
    }
  }
}
