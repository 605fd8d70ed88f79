import { PLANNED_FIELD_NAMES } from './activity.rules';
import type { Activity, BudgetLine, PlanContent, SpecialOccasion } from './plan-content';

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface PlanChange {
  /** What changed: the plan itself, one of its budget lines, an occasion, or an activity. */
  target: 'plan' | 'budget-line' | 'occasion' | 'activity';
  change: 'added' | 'removed' | 'changed';
  /** The activity's, line's or occasion's id; null for the plan. */
  id: string | null;
  label: string;
  fields: FieldChange[];
  /** One sentence a person reads. */
  summary: string;
}

/** Activity fields compared besides the planned ones: a remedy changes these. */
const ACTIVITY_FIELDS = [...PLANNED_FIELD_NAMES, 'status', 'jointEffortProposed'] as const;

/**
 * What changed from one version of a plan to another, activity by activity
 * (ids are stable across versions), with each changed field's before and
 * after as text. Pure and ordered: plan fields first, then budget lines,
 * occasions and activities in the newer version's order (removed ones last).
 */
export function diffPlans(from: PlanContent, to: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const planFields = (['staffDaysAvailable', 'opportunisticAllowance'] as const)
    .filter((field) => from[field] !== to[field])
    .map((field) => ({ field, from: show(from[field]), to: show(to[field]) }));
  if (planFields.length) {
    changes.push({ target: 'plan', change: 'changed', id: null, label: `plan ${to.year}`, fields: planFields, summary: `Plan: ${describeFields(planFields)}.` });
  }
  changes.push(...diffKeyed<BudgetLine>('budget-line', from.budgetLines, to.budgetLines, (l) => l.lineId, (l) => `${l.label} (${l.source})`, ['source', 'label', 'amount', 'fundingReference']));
  changes.push(...diffKeyed<SpecialOccasion>('occasion', from.occasions, to.occasions, (o) => o.occasionId, (o) => `${o.title} (${o.date})`, ['date', 'title']));
  changes.push(...diffKeyed<Activity>('activity', from.activities, to.activities, (a) => a.activityId, (a) => a.title, ACTIVITY_FIELDS));
  return changes;
}

function diffKeyed<T>(
  target: PlanChange['target'],
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  labelOf: (item: T) => string,
  fields: readonly (keyof T & string)[],
): PlanChange[] {
  const noun = target === 'budget-line' ? 'Budget line' : target === 'occasion' ? 'Occasion' : 'Activity';
  const old = new Map(before.map((item) => [idOf(item), item]));
  const kept = new Set<string>();
  const changes: PlanChange[] = [];
  for (const item of after) {
    const id = idOf(item);
    const previous = old.get(id);
    kept.add(id);
    if (!previous) {
      changes.push({ target, change: 'added', id, label: labelOf(item), fields: [], summary: `${noun} “${labelOf(item)}” added.` });
      continue;
    }
    const changed = fields.filter((f) => show(previous[f]) !== show(item[f])).map((f) => ({ field: f, from: show(previous[f]), to: show(item[f]) }));
    if (changed.length) changes.push({ target, change: 'changed', id, label: labelOf(item), fields: changed, summary: `${noun} “${labelOf(item)}”: ${describeFields(changed)}.` });
  }
  for (const item of before) {
    if (!kept.has(idOf(item))) changes.push({ target, change: 'removed', id: idOf(item), label: labelOf(item), fields: [], summary: `${noun} “${labelOf(item)}” removed.` });
  }
  return changes;
}

function describeFields(fields: readonly FieldChange[]): string {
  return fields.map((f) => `${f.field} ${f.from} → ${f.to}`).join('; ');
}

/** A value as a person reads it in a diff: lists joined, objects as key=value, nothing as "—". */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}=${show(inner)}`)
      .join(' ');
  }
  return String(value);
}
