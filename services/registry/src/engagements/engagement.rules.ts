import { ENGAGEMENT_TYPE_VALUES } from '@entente/contracts';
import { Problems, latestToday, readChoice, readCurrency, readIdList, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';

/** The contract's vocabulary (@entente/contracts): a new type is a contract change. */
export const ENGAGEMENT_TYPES = ENGAGEMENT_TYPE_VALUES;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const ENGAGEMENT_TEXT_MAX_LENGTH = 2000;
export const ENGAGEMENT_MAX_PARTNERS = 50;
export const ENGAGEMENT_MAX_PRIORITIES = 50;

export interface Money {
  amount: number;
  /** ISO 4217, upper-case. */
  currency: string;
}

export interface LogEngagementCommand {
  /** YYYY-MM-DD; not in the future, since the log records what happened (planning holds what is planned). */
  date: string;
  type: EngagementType;
  partnerIds: string[];
  purpose: string;
  outcomes: string | null;
  nextSteps: string | null;
  cost: Money | null;
  /** In tenths of a day at most: half a day is the finest unit staff time is planned in. */
  staffDays: number | null;
  priorityIds: string[];
}

export interface LogEngagementInput {
  date?: string | null;
  type?: string | null;
  partnerIds?: ReadonlyArray<string> | null;
  purpose?: string | null;
  outcomes?: string | null;
  nextSteps?: string | null;
  cost?: { amount?: number | null; currency?: string | null } | null;
  staffDays?: number | null;
  priorityIds?: ReadonlyArray<string> | null;
}

/**
 * Checks and normalises an engagement. Every problem is reported at once,
 * each naming its field path (`partnerIds[2]`, `cost.currency`). `now` decides
 * what "in the future" means, so the rule stays pure.
 */
export function parseEngagement(input: LogEngagementInput, now: Date = new Date()): LogEngagementCommand {
  const problems = new Problems();
  const date = readIsoDate(problems, 'date', input.date, true);
  // A future date would move relationships' last engagement ahead and hide real dormancy.
  if (date !== null && date > latestToday(now)) problems.add('date', `must not be in the future (got ${date}); plan future activities in the annual plan`);
  const type = readChoice(problems, 'type', input.type, ENGAGEMENT_TYPES);
  const partnerIds = readIdList(problems, 'partnerIds', input.partnerIds, { min: 1, max: ENGAGEMENT_MAX_PARTNERS });
  const purpose = readText(problems, 'purpose', input.purpose, { max: ENGAGEMENT_TEXT_MAX_LENGTH, required: true });
  const outcomes = readText(problems, 'outcomes', input.outcomes, { max: ENGAGEMENT_TEXT_MAX_LENGTH });
  const nextSteps = readText(problems, 'nextSteps', input.nextSteps, { max: ENGAGEMENT_TEXT_MAX_LENGTH });
  const cost = readCost(problems, input.cost);
  const staffDays = readStaffDays(problems, input.staffDays);
  const priorityIds = readIdList(problems, 'priorityIds', input.priorityIds, { max: ENGAGEMENT_MAX_PRIORITIES });
  problems.throwIfAny();
  return {
    date: date as string,
    type: type as EngagementType,
    partnerIds,
    purpose: purpose as string,
    outcomes,
    nextSteps,
    cost,
    staffDays,
    priorityIds,
  };
}

function readCost(problems: Problems, value: LogEngagementInput['cost']): Money | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') {
    problems.add('cost', 'must be an amount with a currency');
    return null;
  }
  const amount = readNonNegativeNumber(problems, 'cost.amount', value.amount);
  const currency = readCurrency(problems, 'cost.currency', value.currency);
  return amount === null || currency === null ? null : { amount, currency };
}

function readStaffDays(problems: Problems, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const days = readNonNegativeNumber(problems, 'staffDays', value);
  if (days === null) return null;
  // Compare in tenths with a tolerance: 0.1 + 0.2 typed by a client is 0.30000000000000004.
  const tenths = days * 10;
  if (Math.abs(tenths - Math.round(tenths)) > 1e-6) {
    problems.add('staffDays', `must have at most one decimal place (got ${days})`);
    return null;
  }
  return Math.round(tenths) / 10;
}

/** What the last-engagement rule needs of a relationship. */
export interface RelationshipEngagementFacts {
  id: string;
  partnerId: string;
  /** YYYY-MM-DD or null when nothing has been logged yet. */
  lastEngagementAt: string | null;
}

export interface LastEngagementUpdate {
  relationshipId: string;
  lastEngagementAt: string;
}

/**
 * Which relationships a newly logged engagement moves forward: those with one
 * of its partners whose last engagement is older (or absent). An engagement
 * logged late, older than the one on record, changes nothing, so the date
 * only ever moves forward. Every status is updated, ended ties included: the
 * date is a fact about the partner, and dormancy only looks at active ties.
 */
export function lastEngagementUpdates(
  engagement: Pick<LogEngagementCommand, 'date' | 'partnerIds'>,
  relationships: ReadonlyArray<RelationshipEngagementFacts>,
): LastEngagementUpdate[] {
  const partners = new Set(engagement.partnerIds);
  const updates: LastEngagementUpdate[] = [];
  for (const relationship of relationships) {
    if (!partners.has(relationship.partnerId)) continue;
    if (relationship.lastEngagementAt !== null && relationship.lastEngagementAt >= engagement.date) continue;
    updates.push({ relationshipId: relationship.id, lastEngagementAt: engagement.date });
  }
  return updates;
}
