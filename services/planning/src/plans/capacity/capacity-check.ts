/**
 * The capacity check of one plan version: its year's totals against what is
 * available and, when it does not fit, remedies ranked in the brief's order
 * (REMEDY_KINDS). Pure: the plan service reads the version, calls this, and
 * stores a remedy's `after` when a person applies it.
 */

import { quoted, ValidationError } from '@entente/errors';
import type { PlanContent, RemedyKind } from '../plan-content';
import { REMEDY_KINDS } from '../plan-content';
import type { CapacityTotals, Overage } from './capacity-totals';
import { planWarnings } from './capacity-totals';
import type { Candidate, Remedy } from './remedies';
import { candidateFor, compareWithinKind, planView, relievesAnOverage, remedyOf } from './remedies';

export type { CapacityTotals, Overage } from './capacity-totals';
export type { Remedy } from './remedies';
export { JOINT_EFFORT_OWN_SHARE, JOINT_EFFORT_STAFF_DAYS_SHARE, PR_ONLY_STAFF_DAYS, VIRTUAL_COST_SHARE, VIRTUAL_STAFF_DAYS_SHARE } from './capacity-rules';

export interface CapacityCheck {
  year: number;
  currency: string;
  totals: CapacityTotals;
  overages: Overage[];
  fits: boolean;
  warnings: string[];
  remedies: Remedy[];
}

export const DEFAULT_REMEDIES_PER_KIND = 5;

export interface CheckOptions {
  remediesPerKind?: number;
  /** Priority titles by id, for warnings a person reads. */
  priorityTitles?: ReadonlyMap<string, string>;
}

export function checkCapacity(content: PlanContent, options: CheckOptions = {}): CapacityCheck {
  const perKind = options.remediesPerKind ?? DEFAULT_REMEDIES_PER_KIND;
  if (!Number.isInteger(perKind) || perKind < 0) throw ValidationError.forField('remediesPerKind', 'must be a whole number, 0 or more');
  const view = planView(content, options.priorityTitles);
  const fits = view.overages.length === 0;
  const remedies: Remedy[] = [];
  if (!fits) {
    for (const kind of REMEDY_KINDS) {
      const candidates: Candidate[] = [];
      for (const activity of content.activities) {
        const outcome = candidateFor(view, kind, activity);
        if ('candidate' in outcome && relievesAnOverage(view, outcome.candidate)) candidates.push(outcome.candidate);
      }
      // Only the few shown get worded: formatting amounts costs more than the arithmetic.
      for (const candidate of candidates.sort(compareWithinKind).slice(0, perKind)) remedies.push(remedyOf(view, candidate, remedies.length + 1));
    }
  }
  return { year: view.year, currency: view.currency, totals: view.totals, overages: view.overages, fits, warnings: planWarnings(content), remedies };
}

/**
 * One remedy for one activity, whether or not the check would list it (a
 * person may choose a remedy further down, or one for a plan that fits).
 * Refused naming `activityId` when the activity is unknown or takes no
 * remedy this year, `kind` when this remedy does not apply to it.
 */
export function remedyFor(content: PlanContent, kind: RemedyKind, activityId: string, options: Pick<CheckOptions, 'priorityTitles'> = {}): Remedy {
  if (!(REMEDY_KINDS as readonly string[]).includes(kind)) throw ValidationError.forField('kind', `must be one of ${REMEDY_KINDS.join(', ')}`);
  const activity = content.activities.find((candidate) => candidate.activityId === activityId);
  if (!activity) throw ValidationError.forField('activityId', `the ${content.year} plan has no activity ${quoted(activityId)}`);
  const view = planView(content, options.priorityTitles);
  const outcome = candidateFor(view, kind, activity);
  if ('refusal' in outcome) throw ValidationError.forField(outcome.refusal.field, `${kind} does not apply to “${activity.title}”: ${outcome.refusal.why}`);
  return remedyOf(view, outcome.candidate, 1);
}
