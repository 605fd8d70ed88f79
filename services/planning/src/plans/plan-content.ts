/**
 * What an annual plan holds, as plain data: the vocabulary the capacity
 * check, the version diff, the reports and the persistence share. No I/O here.
 *
 * Money is in the jurisdiction's currency (the plan's `currency`), in whole
 * minor-free units as people budget it (EUR 1 500, not cents): plans are
 * estimates, and the totals are sums of at most a few thousand such figures.
 */

import type { ActivityMode, ActivityStatus, ActivityType, Frequency } from '@entente/contracts';

export { ACTIVITY_MODES, ACTIVITY_STATUSES, ACTIVITY_TYPES, FREQUENCIES } from '@entente/contracts';
export type { ActivityMode, ActivityStatus, ActivityType, Frequency } from '@entente/contracts';

/** Where money comes from: the jurisdiction's own budget, an external funding line (a grant), or a partner who covers it. */
export const FUNDING_SOURCES = ['own', 'external', 'partner'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const IMPLEMENTER_KINDS = ['ngo', 'school', 'chamber', 'university', 'business', 'other'] as const;
export type ImplementerKind = (typeof IMPLEMENTER_KINDS)[number];

/** Cost per source; absent sources are zero. */
export type CostBySource = Record<FundingSource, number>;

export function zeroCost(): CostBySource {
  return { own: 0, external: 0, partner: 0 };
}

export function totalOf(cost: CostBySource): number {
  return cost.own + cost.external + cost.partner;
}

/** A line of the plan's budget. External lines may name the funding they come from (an awarded application). */
export interface BudgetLine {
  lineId: string;
  source: FundingSource;
  label: string;
  amount: number;
  /** For external lines: the opportunity or application this money comes from (funding service id), if any. */
  fundingReference: string | null;
}

export interface ExternalImplementer {
  name: string;
  kind: ImplementerKind;
}

/** Where an activity came from, when not typed in by a person. */
export interface ActivityOrigin {
  kind: 'visit-request' | 'joint-effort' | 'copied' | 'funding-award';
  reference: string;
}

export interface Activity {
  /** Stable across versions and across a copy to next year's plan: the diff and the events key on it. */
  activityId: string;
  title: string;
  type: ActivityType;
  /** Priorities this activity serves; empty = opportunistic (counted against the plan's allowance). */
  priorityIds: string[];
  partnerIds: string[];
  /** ISO 3166-1 alpha-2, null for activities not tied to one country (a PR statement, a webinar for all partners). */
  country: string | null;
  city: string | null;
  /** YYYY-MM-DD, inclusive; both within the plan year. */
  windowStart: string | null;
  windowEnd: string | null;
  frequency: Frequency;
  /**
   * For biennial activities: a calendar year in which it happens (it then
   * happens every second year from there). Null = the plan year itself.
   */
  cycleYear: number | null;
  mode: ActivityMode;
  /** Cost of one occurrence, by source. */
  costPerOccurrence: CostBySource;
  /** Staff-days one occurrence takes. */
  staffDaysPerOccurrence: number;
  implementers: ExternalImplementer[];
  leadDepartment: string | null;
  status: ActivityStatus;
  /** What came of it (filled in as it happens or after). */
  outcomes: string | null;
  /** What it really cost and took, once known; reports compare these with the plan. */
  actualCost: number | null;
  actualStaffDays: number | null;
  /** Marked when a remedy proposed sharing it through a joint effort with other jurisdictions. */
  jointEffortProposed: boolean;
  origin: ActivityOrigin | null;
}

export interface SpecialOccasion {
  occasionId: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  /** `anniversary` ones are found from registry relationships; `added` ones a person typed in. */
  kind: 'anniversary' | 'added';
  /** The relationship whose anniversary this is. */
  relationshipId: string | null;
}

export const REMEDY_KINDS = ['external-funding', 'reduce-frequency', 'go-virtual', 'pr-only', 'joint-effort', 'postpone'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** A remedy someone applied (or another decision on the plan), with why and who. */
export interface Decision {
  decisionId: string;
  kind: RemedyKind | 'accept-visit' | 'decline-visit' | 'other';
  activityId: string | null;
  summary: string;
  rationale: string;
  takenBy: string;
  takenAt: Date;
  /** The change to the plan's totals this decision made (negative = saved). */
  costDelta: CostBySource;
  staffDaysDelta: number;
}

/** The editable content of one plan version: what the diff compares and the capacity check reads. */
export interface PlanContent {
  year: number;
  currency: string;
  /** YYYY-MM-DD of the plan year's first and last day (the jurisdiction's fiscal year). */
  periodStart: string;
  periodEnd: string;
  budgetLines: BudgetLine[];
  staffDaysAvailable: number;
  /** How many opportunistic activities (no priority) the plan allows before it warns. */
  opportunisticAllowance: number;
  occasions: SpecialOccasion[];
  activities: Activity[];
}

/**
 * How many times an activity happens within plan year `year`. Reduced and
 * postponed activities keep their frequency; a postponed or cancelled one
 * happens 0 times this year.
 */
export function occurrencesIn(activity: Pick<Activity, 'frequency' | 'cycleYear' | 'status'>, year: number): number {
  if (activity.status === 'postponed' || activity.status === 'cancelled') return 0;
  switch (activity.frequency) {
    case 'one-off':
    case 'annual':
      return 1;
    case 'quarterly':
      return 4;
    case 'biennial':
      return Math.abs(year - (activity.cycleYear ?? year)) % 2 === 0 ? 1 : 0;
  }
}

/** The plan year's cost of one activity, by source. */
export function activityCost(activity: Activity, year: number): CostBySource {
  const n = occurrencesIn(activity, year);
  return { own: activity.costPerOccurrence.own * n, external: activity.costPerOccurrence.external * n, partner: activity.costPerOccurrence.partner * n };
}

export function activityStaffDays(activity: Activity, year: number): number {
  return activity.staffDaysPerOccurrence * occurrencesIn(activity, year);
}

/** What the plan's budget lines make available, by source. */
export function availableBySource(lines: readonly BudgetLine[]): CostBySource {
  const available = zeroCost();
  for (const line of lines) available[line.source] += line.amount;
  return available;
}
