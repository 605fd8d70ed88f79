import { ACTIVITY_MODES, ACTIVITY_TYPES, FREQUENCIES, isIsoCountryCode } from '@entente/contracts';
import { Problems, readChoice, readIdList, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';
import { type Activity, type CostBySource, FUNDING_SOURCES, IMPLEMENTER_KINDS, type ExternalImplementer, zeroCost } from './plan-content';

export const ACTIVITY_TITLE_MAX = 200;
export const ACTIVITY_TEXT_MAX = 200;
export const ACTIVITY_MAX_PRIORITIES = 10;
export const ACTIVITY_MAX_PARTNERS = 50;
export const ACTIVITY_MAX_IMPLEMENTERS = 20;
/** More staff-days than a year has for one occurrence is a typo, not a plan. */
export const STAFF_DAYS_PER_OCCURRENCE_MAX = 366;
/** A biennial cycle year further than this from the plan year is a typo. */
const CYCLE_YEAR_SPAN = 10;

/** What a person types for an activity; absent fields keep what the activity had (or the defaults for a new one). */
export interface ActivityInput {
  title?: unknown;
  type?: unknown;
  priorityIds?: unknown;
  partnerIds?: unknown;
  country?: unknown;
  city?: unknown;
  windowStart?: unknown;
  windowEnd?: unknown;
  frequency?: unknown;
  cycleYear?: unknown;
  mode?: unknown;
  costPerOccurrence?: Partial<Record<keyof CostBySource, unknown>> | null;
  staffDaysPerOccurrence?: unknown;
  implementers?: ReadonlyArray<{ name?: unknown; kind?: unknown }> | null;
  leadDepartment?: unknown;
}

/** The fields of an activity a person plans (the rest — status, progress, origin — the service keeps). */
export type PlannedFields = Pick<
  Activity,
  | 'title'
  | 'type'
  | 'priorityIds'
  | 'partnerIds'
  | 'country'
  | 'city'
  | 'windowStart'
  | 'windowEnd'
  | 'frequency'
  | 'cycleYear'
  | 'mode'
  | 'costPerOccurrence'
  | 'staffDaysPerOccurrence'
  | 'implementers'
  | 'leadDepartment'
>;

export const PLANNED_FIELD_NAMES = [
  'title',
  'type',
  'priorityIds',
  'partnerIds',
  'country',
  'city',
  'windowStart',
  'windowEnd',
  'frequency',
  'cycleYear',
  'mode',
  'costPerOccurrence',
  'staffDaysPerOccurrence',
  'implementers',
  'leadDepartment',
] as const satisfies ReadonlyArray<keyof PlannedFields>;

export interface PlanPeriod {
  year: number;
  periodStart: string;
  periodEnd: string;
}

const DEFAULTS: Omit<PlannedFields, 'title' | 'type'> = {
  priorityIds: [],
  partnerIds: [],
  country: null,
  city: null,
  windowStart: null,
  windowEnd: null,
  frequency: 'one-off',
  cycleYear: null,
  mode: 'in-person',
  costPerOccurrence: zeroCost(),
  staffDaysPerOccurrence: 0,
  implementers: [],
  leadDepartment: null,
};

/**
 * Reads an activity's planned fields, reporting every bad field at once. For
 * a change, `current` supplies what the input leaves out (undefined); null
 * clears an optional field. Dates must lie within the plan year.
 */
export function parseActivity(input: ActivityInput, plan: PlanPeriod, current?: PlannedFields): PlannedFields {
  const problems = new Problems();
  const base = current ?? { ...DEFAULTS, title: undefined, type: undefined };
  const pick = <K extends keyof ActivityInput>(key: K, fallback: unknown): unknown => (input[key] === undefined ? fallback : input[key]);

  const title = readText(problems, 'title', pick('title', base.title), { max: ACTIVITY_TITLE_MAX, required: true, singleLine: true });
  const type = readChoice(problems, 'type', pick('type', base.type), ACTIVITY_TYPES);
  const priorityIds = readIdList(problems, 'priorityIds', pick('priorityIds', base.priorityIds), { max: ACTIVITY_MAX_PRIORITIES });
  const partnerIds = readIdList(problems, 'partnerIds', pick('partnerIds', base.partnerIds), { max: ACTIVITY_MAX_PARTNERS });
  const countryValue = pick('country', base.country);
  let country: string | null = null;
  if (countryValue !== null && countryValue !== '') {
    const code = typeof countryValue === 'string' ? countryValue.trim().toUpperCase() : countryValue;
    if (isIsoCountryCode(code)) country = code;
    else problems.add('country', 'must be an ISO 3166-1 alpha-2 country code such as DK');
  }
  const city = readText(problems, 'city', pick('city', base.city), { max: ACTIVITY_TEXT_MAX, singleLine: true });
  const windowStart = readIsoDate(problems, 'windowStart', pick('windowStart', base.windowStart));
  const windowEnd = readIsoDate(problems, 'windowEnd', pick('windowEnd', base.windowEnd));
  for (const [field, date] of [['windowStart', windowStart], ['windowEnd', windowEnd]] as const) {
    if (date !== null && (date < plan.periodStart || date > plan.periodEnd)) {
      problems.add(field, `must lie within plan year ${plan.year} (${plan.periodStart} to ${plan.periodEnd}); plan later dates in that year's plan`);
    }
  }
  if (windowStart !== null && windowEnd !== null && windowEnd < windowStart) problems.add('windowEnd', 'must not be before windowStart');
  const frequency = readChoice(problems, 'frequency', pick('frequency', base.frequency), FREQUENCIES, 'one-off');
  const cycleValue = pick('cycleYear', base.cycleYear);
  let cycleYear: number | null = null;
  if (cycleValue !== null) {
    if (typeof cycleValue !== 'number' || !Number.isInteger(cycleValue) || Math.abs(cycleValue - plan.year) > CYCLE_YEAR_SPAN) {
      problems.add('cycleYear', `must be a year within ${CYCLE_YEAR_SPAN} years of ${plan.year} (a year the biennial activity happens in)`);
    } else cycleYear = cycleValue;
  }
  const mode = readChoice(problems, 'mode', pick('mode', base.mode), ACTIVITY_MODES, 'in-person');
  const costPerOccurrence = readCost(problems, input.costPerOccurrence, current?.costPerOccurrence ?? DEFAULTS.costPerOccurrence);
  const staffDaysValue = pick('staffDaysPerOccurrence', base.staffDaysPerOccurrence);
  const staffDays = readNonNegativeNumber(problems, 'staffDaysPerOccurrence', staffDaysValue);
  if (staffDays !== null && staffDays > STAFF_DAYS_PER_OCCURRENCE_MAX) problems.add('staffDaysPerOccurrence', `must be at most ${STAFF_DAYS_PER_OCCURRENCE_MAX}`);
  const implementers = readImplementers(problems, input.implementers === undefined ? (current?.implementers ?? []) : input.implementers);
  const leadDepartment = readText(problems, 'leadDepartment', pick('leadDepartment', base.leadDepartment), { max: ACTIVITY_TEXT_MAX, singleLine: true });
  problems.throwIfAny();
  return {
    title: title as string,
    type: type as PlannedFields['type'],
    priorityIds,
    partnerIds,
    country,
    city,
    windowStart,
    windowEnd,
    frequency: frequency as PlannedFields['frequency'],
    cycleYear: frequency === 'biennial' ? cycleYear : null,
    mode: mode as PlannedFields['mode'],
    costPerOccurrence,
    staffDaysPerOccurrence: staffDays as number,
    implementers,
    leadDepartment,
  };
}

function readCost(problems: Problems, value: ActivityInput['costPerOccurrence'], current: CostBySource): CostBySource {
  if (value === undefined) return { ...current };
  if (value === null) return zeroCost();
  const cost = zeroCost();
  for (const source of FUNDING_SOURCES) {
    const amount = value[source];
    if (amount === undefined || amount === null) continue;
    cost[source] = readNonNegativeNumber(problems, `costPerOccurrence.${source}`, amount) ?? 0;
  }
  return cost;
}

function readImplementers(problems: Problems, value: unknown): ExternalImplementer[] {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    problems.add('implementers', 'must be a list');
    return [];
  }
  if (value.length > ACTIVITY_MAX_IMPLEMENTERS) problems.add('implementers', `must list at most ${ACTIVITY_MAX_IMPLEMENTERS}`);
  return value.slice(0, ACTIVITY_MAX_IMPLEMENTERS).flatMap((item: { name?: unknown; kind?: unknown } | null, index) => {
    const name = readText(problems, `implementers[${index}].name`, item?.name, { max: ACTIVITY_TEXT_MAX, required: true, singleLine: true });
    const kind = readChoice(problems, `implementers[${index}].kind`, item?.kind, IMPLEMENTER_KINDS, 'other');
    return name !== null && kind !== null ? [{ name, kind }] : [];
  });
}

/** The names of the planned fields that differ between two states of an activity. */
export function changedPlannedFields(before: PlannedFields, after: PlannedFields): string[] {
  return PLANNED_FIELD_NAMES.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
