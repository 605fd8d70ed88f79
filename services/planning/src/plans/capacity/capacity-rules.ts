/**
 * What each remedy does to one activity, as plain rules: the activity as it
 * would be after the remedy, or why the remedy does not apply to it. The
 * shares below are planning estimates a person can check against the README,
 * not measured figures.
 */

import type { Activity, ActivityType, CostBySource, RemedyKind } from '../plan-content';
import { occurrencesIn } from '../plan-content';

/** A virtual occurrence keeps a tenth of each source's cost: platform, moderation, interpretation; no travel or venue. */
export const VIRTUAL_COST_SHARE = 0.1;
/** Preparing and running it online still takes half the staff time: the programme and the partners are the same work. */
export const VIRTUAL_STAFF_DAYS_SHARE = 0.5;
/** A PR statement instead of the activity takes at most half a staff-day per occurrence to write and clear. */
export const PR_ONLY_STAFF_DAYS = 0.5;
/** In a joint effort the other participating jurisdictions carry half of the own-budget cost. */
export const JOINT_EFFORT_OWN_SHARE = 0.5;
/** Sharing the organising saves a quarter of the staff time; coordinating with the others eats the rest of the gain. */
export const JOINT_EFFORT_STAFF_DAYS_SHARE = 0.75;

/** Types that only exist in person or on paper, so running them online is no remedy (online events already are). */
const NOT_VIRTUALISABLE: ReadonlySet<ActivityType> = new Set(['hosted-visit', 'pr-statement', 'funding-application', 'online-event']);

/** Types other jurisdictions can join: something that travels or is staged, not an application or a statement of our own. */
const JOINABLE: ReadonlySet<ActivityType> = new Set([
  'outbound-delegation',
  'trade-mission',
  'cultural-event',
  'youth-exchange',
  'informational-event',
  'staff-exchange',
]);

/**
 * Money and staff-days to 2 decimals, half away from zero, and never -0 (a
 * -0 prints as "-€0.00" and compares oddly in stored documents).
 */
export function round2(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** Down to the cent, so a share never exceeds what it is cut from. */
function floor2(value: number): number {
  const floored = Math.floor(value * 100 + 1e-9) / 100;
  return floored === 0 ? 0 : floored;
}

function scaled(cost: CostBySource, share: Partial<CostBySource>): CostBySource {
  return {
    own: round2(cost.own * (share.own ?? 1)),
    external: round2(cost.external * (share.external ?? 1)),
    partner: round2(cost.partner * (share.partner ?? 1)),
  };
}

/** What a remedy needs beyond the activity: the plan year and how much of the external lines is not yet planned. */
export interface RemedyContext {
  year: number;
  externalSlack: number;
}

/** Which input is at fault when a remedy is refused: the activity as a whole, or this kind of remedy for it. */
export type RemedyRefusal = { field: 'activityId' | 'kind'; why: string };
export type RemedyOutcome = { after: Activity } | { refusal: RemedyRefusal };

const refuse = (field: RemedyRefusal['field'], why: string): RemedyOutcome => ({ refusal: { field, why } });

function externalFunding(activity: Activity, context: RemedyContext): RemedyOutcome {
  const occurrences = occurrencesIn(activity, context.year);
  if (activity.costPerOccurrence.own <= 0) return refuse('kind', 'it costs nothing from the own budget, so there is nothing to move to external funding');
  if (context.externalSlack <= 0) return refuse('kind', 'the external funding lines are already fully planned; add an awarded line first');
  // Moved per occurrence and cut to the cent, so the year's move is exact and never exceeds the slack.
  const moved = Math.min(activity.costPerOccurrence.own, floor2(context.externalSlack / occurrences));
  if (moved <= 0) return refuse('kind', 'the external funding left is less than a cent per occurrence');
  const cost = activity.costPerOccurrence;
  return { after: { ...activity, costPerOccurrence: { ...cost, own: round2(cost.own - moved), external: round2(cost.external + moved) } } };
}

function reduceFrequency(activity: Activity, context: RemedyContext): RemedyOutcome {
  switch (activity.frequency) {
    case 'quarterly':
      return { after: { ...activity, frequency: 'annual', cycleYear: null, status: 'reduced' } };
    case 'annual':
      // Next year is its year, so the tie is kept alive rather than dropped.
      return { after: { ...activity, frequency: 'biennial', cycleYear: context.year + 1, status: 'reduced' } };
    case 'one-off':
      return refuse('kind', 'a one-off activity cannot happen less often; postpone it or change its mode instead');
    case 'biennial':
      return refuse('kind', 'a biennial activity is already at the lowest frequency; postpone it or change its mode instead');
  }
}

function goVirtual(activity: Activity): RemedyOutcome {
  if (NOT_VIRTUALISABLE.has(activity.type)) return refuse('kind', `a ${activity.type} cannot be moved online`);
  if (activity.mode !== 'in-person' && activity.mode !== 'hybrid') return refuse('kind', `it is already ${activity.mode}`);
  return {
    after: {
      ...activity,
      mode: 'virtual',
      costPerOccurrence: scaled(activity.costPerOccurrence, { own: VIRTUAL_COST_SHARE, external: VIRTUAL_COST_SHARE, partner: VIRTUAL_COST_SHARE }),
      staffDaysPerOccurrence: round2(activity.staffDaysPerOccurrence * VIRTUAL_STAFF_DAYS_SHARE),
    },
  };
}

function prOnly(activity: Activity): RemedyOutcome {
  if (activity.type === 'funding-application') return refuse('kind', 'a funding application cannot be replaced by a PR statement');
  if (activity.mode === 'pr-only') return refuse('kind', 'it is already PR only');
  return {
    after: {
      ...activity,
      mode: 'pr-only',
      costPerOccurrence: { own: 0, external: 0, partner: 0 },
      staffDaysPerOccurrence: round2(Math.min(activity.staffDaysPerOccurrence, PR_ONLY_STAFF_DAYS)),
    },
  };
}

function jointEffort(activity: Activity): RemedyOutcome {
  if (!JOINABLE.has(activity.type)) return refuse('kind', `other jurisdictions cannot share a ${activity.type}`);
  if (activity.jointEffortProposed) return refuse('kind', 'a joint effort is already proposed for it');
  return {
    after: {
      ...activity,
      costPerOccurrence: scaled(activity.costPerOccurrence, { own: JOINT_EFFORT_OWN_SHARE }),
      staffDaysPerOccurrence: round2(activity.staffDaysPerOccurrence * JOINT_EFFORT_STAFF_DAYS_SHARE),
      jointEffortProposed: true,
    },
  };
}

const RULES: Record<RemedyKind, (activity: Activity, context: RemedyContext) => RemedyOutcome> = {
  'external-funding': externalFunding,
  'reduce-frequency': reduceFrequency,
  'go-virtual': goVirtual,
  'pr-only': prOnly,
  'joint-effort': jointEffort,
  postpone: (activity) => ({ after: { ...activity, status: 'postponed' } }),
};

/**
 * The activity after `kind`, or why not. Every remedy is about this year's
 * totals, so an activity that does not happen this year (postponed,
 * cancelled, off its biennial cycle) or has already happened takes none.
 */
export function applyRemedy(kind: RemedyKind, activity: Activity, context: RemedyContext): RemedyOutcome {
  if (activity.status === 'done') return refuse('activityId', 'it is done already, so changing it saves nothing');
  if (occurrencesIn(activity, context.year) === 0) {
    const why = activity.status === 'postponed' || activity.status === 'cancelled' ? `it is ${activity.status}` : `it is off its biennial cycle`;
    return refuse('activityId', `it does not happen in ${context.year} (${why}), so no remedy changes that year's totals`);
  }
  return RULES[kind](activity, context);
}
