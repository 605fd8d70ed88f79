import type { ActivityFrequency, ActivityInput, ActivityMode, ActivityType, ImplementerKind, PlanQuery } from '../gql/graphql';

export type ActivityRow = PlanQuery['plan']['activities'][number];

export interface ImplementerState {
  key: number;
  name: string;
  kind: ImplementerKind;
}

export interface ActivityState {
  title: string;
  type: ActivityType;
  priorityIds: string[];
  partnerIds: string[];
  country: string;
  city: string;
  windowStart: string;
  windowEnd: string;
  frequency: ActivityFrequency;
  cycleYear: number | string;
  mode: ActivityMode;
  own: number | string;
  external: number | string;
  partner: number | string;
  staffDays: number | string;
  implementers: ImplementerState[];
  leadDepartment: string;
}

let implementerKeys = 0;

/** A key for an implementer row the form adds (React keeps each row's inputs with it). */
export function nextImplementerKey(): number {
  return (implementerKeys += 1);
}

/** The form's state for a new activity, or for changing `activity`. */
export function initialActivityState(activity?: ActivityRow): ActivityState {
  return {
    title: activity?.title ?? '',
    type: activity?.type ?? 'OUTBOUND_DELEGATION',
    priorityIds: [...(activity?.priorityIds ?? [])],
    partnerIds: [...(activity?.partnerIds ?? [])],
    country: activity?.country ?? '',
    city: activity?.city ?? '',
    windowStart: activity?.windowStart ?? '',
    windowEnd: activity?.windowEnd ?? '',
    frequency: activity?.frequency ?? 'ONE_OFF',
    cycleYear: activity?.cycleYear ?? '',
    mode: activity?.mode ?? 'IN_PERSON',
    own: activity?.costPerOccurrence.own ?? '',
    external: activity?.costPerOccurrence.external ?? '',
    partner: activity?.costPerOccurrence.partner ?? '',
    staffDays: activity?.staffDaysPerOccurrence ?? '',
    implementers: (activity?.implementers ?? []).map((implementer) => ({ key: nextImplementerKey(), name: implementer.name, kind: implementer.kind })),
    leadDepartment: activity?.leadDepartment ?? '',
  };
}

/**
 * What the form sends. A change names every field (null clears an optional
 * one, as updateActivity reads it); a new activity leaves empty ones out so
 * the API's defaults apply.
 */
export function activityInputOf(state: ActivityState, editing: boolean): ActivityInput {
  const empty = editing ? null : undefined;
  const text = (value: string) => (value.trim() === '' ? empty : value.trim());
  // NumberInput hands over a string while a number is half typed ('12.'): that number; empty is 0.
  const amount = (value: number | string) => (typeof value === 'number' ? value : value.trim() === '' ? 0 : Number(value));
  return {
    title: state.title,
    type: state.type,
    priorityIds: state.priorityIds,
    partnerIds: state.partnerIds,
    country: state.country.trim() === '' ? empty : state.country.trim().toUpperCase(),
    city: text(state.city),
    windowStart: text(state.windowStart),
    windowEnd: text(state.windowEnd),
    frequency: state.frequency,
    cycleYear: state.frequency === 'BIENNIAL' && typeof state.cycleYear === 'number' ? state.cycleYear : empty,
    mode: state.mode,
    costPerOccurrence: { own: amount(state.own), external: amount(state.external), partner: amount(state.partner) },
    staffDaysPerOccurrence: amount(state.staffDays),
    implementers: state.implementers.map((implementer) => ({ name: implementer.name, kind: implementer.kind })),
    leadDepartment: text(state.leadDepartment),
  };
}

/** Every input path the API may name for this state (priorityIds[1], implementers[0].name …), so its refusal lands at the control. */
export function activityFieldsOf(state: ActivityState): string[] {
  return [
    'title', 'type', 'priorityIds', 'partnerIds', 'country', 'city', 'windowStart', 'windowEnd', 'frequency', 'cycleYear', 'mode',
    'costPerOccurrence', 'costPerOccurrence.own', 'costPerOccurrence.external', 'costPerOccurrence.partner', 'staffDaysPerOccurrence', 'implementers', 'leadDepartment',
    ...state.priorityIds.map((_, i) => `priorityIds[${i}]`),
    ...state.partnerIds.map((_, i) => `partnerIds[${i}]`),
    ...state.implementers.flatMap((_, i) => [`implementers[${i}].name`, `implementers[${i}].kind`]),
  ];
}

