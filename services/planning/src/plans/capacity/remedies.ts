/**
 * Remedies for a plan that does not fit: each one's exact effect on the
 * year's totals, the priorities it touches, and its place in the ranking.
 * The plan's totals and priority counts are read once (`PlanView`); each
 * candidate's totals come from its delta, so ranking stays O(n log n).
 */

import { quoted, ValidationError } from '@entente/errors';
import type { Activity, CostBySource, PlanContent, RemedyKind } from '../plan-content';
import { activityCost, activityStaffDays, occurrencesIn } from '../plan-content';
import { applyRemedy, round2 } from './capacity-rules';
import type { CapacityTotals, Overage } from './capacity-totals';
import { capacityTotals, fitsWithin, overagesOf, totalsWith } from './capacity-totals';

export interface Remedy {
  /** 1-based over the whole list. */
  rank: number;
  kind: RemedyKind;
  activityId: string;
  activityTitle: string;
  /** One sentence a person reads, with the amounts in the plan's currency. */
  summary: string;
  /** Change to the plan year's totals (negative = saved). */
  costDelta: CostBySource;
  staffDaysDelta: number;
  /** The plan's totals if only this remedy were applied. */
  totalsAfter: CapacityTotals;
  fitsAfter: boolean;
  /** The activity's priorities. */
  prioritiesTouched: string[];
  /** Priorities left with no activity happening in the year if this were applied. */
  lastOfPriorities: string[];
  /** Set whenever lastOfPriorities is not empty: the last activity of a priority is never dropped silently. */
  warning: string | null;
  /** The activity as it would be after applying: what the plan service stores. */
  after: Activity;
}

/** What every remedy of one plan reads, computed once per check. */
export interface PlanView {
  year: number;
  currency: string;
  totals: CapacityTotals;
  overages: Overage[];
  externalSlack: number;
  /** Per priority, how many activities serving it happen this year. */
  occurringByPriority: Map<string, number>;
  money: Intl.NumberFormat;
  days: Intl.NumberFormat;
  /** Priority titles by id, so a warning names a priority as people know it (ids when not given). */
  priorityTitles: ReadonlyMap<string, string>;
}

export function planView(content: PlanContent, priorityTitles: ReadonlyMap<string, string> = new Map()): PlanView {
  let money: Intl.NumberFormat;
  try {
    money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: content.currency });
  } catch {
    throw ValidationError.forField('currency', `${quoted(content.currency)} is not an ISO 4217 currency code`);
  }
  const totals = capacityTotals(content);
  const occurringByPriority = new Map<string, number>();
  for (const activity of content.activities) {
    if (occurrencesIn(activity, content.year) === 0) continue;
    for (const priorityId of new Set(activity.priorityIds)) occurringByPriority.set(priorityId, (occurringByPriority.get(priorityId) ?? 0) + 1);
  }
  return {
    year: content.year,
    currency: content.currency,
    totals,
    overages: overagesOf(totals),
    externalSlack: round2(totals.available.external - totals.planned.external),
    occurringByPriority,
    money,
    days: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
    priorityTitles,
  };
}

/** A remedy before it is worded and ranked: enough to sort and filter thousands cheaply. */
export interface Candidate {
  kind: RemedyKind;
  before: Activity;
  after: Activity;
  costDelta: CostBySource;
  staffDaysDelta: number;
  totalsAfter: CapacityTotals;
  fitsAfter: boolean;
  /**
   * How much of what is over it closes: per overage, the saving as a share of
   * that overage, summed (money and staff-days are not one unit). Each share
   * is capped at the whole overage, so a huge saving on one source does not
   * outrank closing two overages; `saving` is the same uncapped, to order
   * remedies that close everything by their size.
   */
  relief: number;
  saving: number;
}

export type CandidateOutcome = { candidate: Candidate } | { refusal: { field: 'activityId' | 'kind'; why: string } };

export function candidateFor(view: PlanView, kind: RemedyKind, activity: Activity): CandidateOutcome {
  const outcome = applyRemedy(kind, activity, { year: view.year, externalSlack: view.externalSlack });
  if ('refusal' in outcome) return outcome;
  const { after } = outcome;
  const before = activityCost(activity, view.year);
  const then = activityCost(after, view.year);
  const costDelta = { own: round2(then.own - before.own), external: round2(then.external - before.external), partner: round2(then.partner - before.partner) };
  const staffDaysDelta = round2(activityStaffDays(after, view.year) - activityStaffDays(activity, view.year));
  const totalsAfter = totalsWith(view.totals, costDelta, staffDaysDelta);
  let relief = 0;
  let saving = 0;
  for (const overage of view.overages) {
    const share = (overage.source === 'staff-days' ? -staffDaysDelta : -costDelta[overage.source]) / overage.by;
    relief += Math.min(share, 1);
    saving += share;
  }
  return { candidate: { kind, before: activity, after, costDelta, staffDaysDelta, totalsAfter, fitsAfter: fitsWithin(totalsAfter), relief, saving } };
}

/** Saves something on at least one overage (a remedy that closes nothing of what is over is noise). */
export function relievesAnOverage(view: PlanView, candidate: Candidate): boolean {
  return view.overages.some((overage) => (overage.source === 'staff-days' ? candidate.staffDaysDelta < 0 : candidate.costDelta[overage.source] < 0));
}

const titles = new Intl.Collator('en');

/** Within a kind: those that make the plan fit on their own, then the largest saving on what is over, then by title (and id) for a stable order. */
export function compareWithinKind(a: Candidate, b: Candidate): number {
  if (a.fitsAfter !== b.fitsAfter) return a.fitsAfter ? -1 : 1;
  if (a.relief !== b.relief) return b.relief - a.relief;
  if (a.saving !== b.saving) return b.saving - a.saving;
  return titles.compare(a.before.title, b.before.title) || (a.before.activityId < b.before.activityId ? -1 : a.before.activityId > b.before.activityId ? 1 : 0);
}

const SOURCE_WORDS = { own: 'own budget', external: 'external funding', partner: 'partner-covered' } as const;

function savingsPhrase(view: PlanView, candidate: Candidate): string {
  const parts: string[] = [];
  for (const source of ['own', 'external', 'partner'] as const) {
    if (candidate.costDelta[source] < 0) parts.push(`${view.money.format(-candidate.costDelta[source])} (${SOURCE_WORDS[source]})`);
  }
  if (candidate.staffDaysDelta < 0) {
    const days = -candidate.staffDaysDelta;
    parts.push(`${view.days.format(days)} ${days === 1 ? 'staff-day' : 'staff-days'}`);
  }
  if (parts.length === 0) return `changes nothing in ${view.year}’s totals`;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `saves ${listed} this year`;
}

function summaryOf(view: PlanView, candidate: Candidate): string {
  const { before, after } = candidate;
  const title = `“${before.title}”`;
  switch (candidate.kind) {
    case 'external-funding':
      return `Fund ${title} from the external funding lines instead of the own budget: moves ${view.money.format(candidate.costDelta.external)} from own budget to external funding this year.`;
    case 'reduce-frequency':
      return `Reduce ${title} from ${before.frequency} to ${after.frequency}: ${savingsPhrase(view, candidate)}.`;
    case 'go-virtual':
      return `Hold ${title} online instead of ${before.mode === 'in-person' ? 'in person' : before.mode}: ${savingsPhrase(view, candidate)}.`;
    case 'pr-only':
      return `Replace ${title} with a PR statement only: ${savingsPhrase(view, candidate)}.`;
    case 'joint-effort':
      return `Share ${title} through a joint effort with other jurisdictions, who carry half of the own-budget cost: ${savingsPhrase(view, candidate)}.`;
    case 'postpone':
      return `Postpone ${title} beyond ${view.year}: ${savingsPhrase(view, candidate)}.`;
  }
}

function lastOfPriorities(view: PlanView, candidate: Candidate): string[] {
  if (occurrencesIn(candidate.after, view.year) > 0) return [];
  return [...new Set(candidate.before.priorityIds)].filter((priorityId) => view.occurringByPriority.get(priorityId) === 1);
}

/** The worded remedy; `rank` is set by whoever orders the list. */
export function remedyOf(view: PlanView, candidate: Candidate, rank: number): Remedy {
  const last = lastOfPriorities(view, candidate);
  const named = last.map((id) => {
    const title = view.priorityTitles.get(id);
    return title ? `“${title}”` : id;
  });
  const priorities = named.length === 1 ? `priority ${named[0]}` : `priorities ${named.join(', ')}`;
  return {
    rank,
    kind: candidate.kind,
    activityId: candidate.before.activityId,
    activityTitle: candidate.before.title,
    summary: summaryOf(view, candidate),
    costDelta: candidate.costDelta,
    staffDaysDelta: candidate.staffDaysDelta,
    totalsAfter: candidate.totalsAfter,
    fitsAfter: candidate.fitsAfter,
    prioritiesTouched: [...candidate.before.priorityIds],
    lastOfPriorities: last,
    warning: last.length === 0 ? null : `“${candidate.before.title}” is the last activity of ${priorities} in ${view.year}; applying this leaves ${last.length === 1 ? 'it' : 'them'} with no activity this year.`,
    after: candidate.after,
  };
}
