import type { FundingApplicationStage } from '../gql/graphql';

/** The board's columns, in the pipeline's order. */
export const STAGES: readonly FundingApplicationStage[] = ['INTERESTED', 'PREPARING', 'SUBMITTED', 'AWARDED', 'DECLINED', 'NOT_PURSUED'];

/**
 * The moves the funding service allows from each stage (services/funding,
 * application-stages.ts): the board offers only these; the API refuses any
 * other with CONFLICT anyway.
 */
export const STAGE_MOVES: Readonly<Record<FundingApplicationStage, readonly FundingApplicationStage[]>> = {
  INTERESTED: ['PREPARING', 'NOT_PURSUED'],
  PREPARING: ['INTERESTED', 'SUBMITTED', 'NOT_PURSUED'],
  SUBMITTED: ['AWARDED', 'DECLINED', 'NOT_PURSUED'],
  AWARDED: [],
  DECLINED: [],
  NOT_PURSUED: [],
};

/** Moves that need more than the stage (an award its amount, not pursued its reason): made in the application's dialog, not with one press. */
export function needsDetails(stage: FundingApplicationStage): boolean {
  return stage === 'AWARDED' || stage === 'NOT_PURSUED';
}

export function isFinal(stage: FundingApplicationStage): boolean {
  return STAGE_MOVES[stage].length === 0;
}

interface Amounts {
  stage: FundingApplicationStage;
  amountRequested?: { amount: number; currency: string } | null;
  amountAwardedLocal?: number | null;
}

export interface StageTotal {
  stage: FundingApplicationStage;
  count: number;
  /** Requests in the jurisdiction's currency, added up. */
  requested: number;
  /** Awards at their value in the jurisdiction's currency. */
  awarded: number;
}

/**
 * Per stage, what was asked for and what was awarded, in the jurisdiction's
 * currency: requests in a funder's other currency are counted in `foreign`,
 * not converted (the platform keeps no exchange rates); awards count at the
 * local value the person gave with the award.
 */
export function stageTotals(applications: readonly Amounts[], currency: string): { totals: StageTotal[]; foreign: number } {
  let foreign = 0;
  const totals = STAGES.map((stage): StageTotal => ({ stage, count: 0, requested: 0, awarded: 0 }));
  for (const application of applications) {
    const total = totals[STAGES.indexOf(application.stage)];
    if (!total) continue;
    total.count += 1;
    const requested = application.amountRequested;
    if (requested && requested.currency === currency) total.requested += requested.amount;
    else if (requested) foreign += 1;
    total.awarded += application.amountAwardedLocal ?? 0;
  }
  return { totals, foreign };
}
