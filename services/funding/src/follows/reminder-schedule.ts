/**
 * When a followed opportunity's deadline reminders fall, and which one is
 * due (pure; the scheduler in follow-reminders.ts keeps the state).
 *
 * A reminder N days before closing falls at the closing instant minus N × 24
 * hours (what a calendar's `TRIGGER:-PND` alarm means for a UTC deadline).
 * Only moments from `armedAt` on count: the moment of the follow, of a change
 * of its reminder days, or of the change that moved the deadline. A moment
 * before it was never promised (following a call that closes in 5 days does
 * not send the 14-day reminder). A moment that passed unhandled — the
 * service was down — is sent late, once: of several overdue moments only the
 * last (nearest the deadline) goes out. Nothing is sent for a deadline that
 * has passed, nor for a call no longer forecasted or open.
 */

export const DAY_MS = 86_400_000;
/** The default: 14 and 3 days before closing. */
export const DEFAULT_FOLLOW_REMINDER_DAYS: readonly number[] = [14, 3];

const LIVE_STATUSES = ['forecasted', 'open'];

export interface ReminderPlan {
  closesAt: Date | null;
  status: string;
  /** Days before closing, in any order. */
  reminderDays: readonly number[];
  armedAt: Date;
}

export interface ReminderMoment {
  daysBefore: number;
  at: Date;
}

/** Every reminder moment of the plan from armedAt on and before the deadline, earliest first. */
export function reminderMoments(plan: ReminderPlan): ReminderMoment[] {
  const closesAt = plan.closesAt;
  if (!closesAt || !LIVE_STATUSES.includes(plan.status)) return [];
  return [...new Set(plan.reminderDays)]
    .map((daysBefore) => ({ daysBefore, at: new Date(closesAt.getTime() - daysBefore * DAY_MS) }))
    .filter((moment) => moment.at.getTime() >= plan.armedAt.getTime() && moment.at.getTime() < closesAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The first moment after `after` (strictly), or null: what the schedule waits for next. */
export function nextReminderAfter(plan: ReminderPlan, after: Date): ReminderMoment | null {
  return reminderMoments(plan).find((moment) => moment.at.getTime() > after.getTime()) ?? null;
}

/** The first moment of a freshly armed plan (armedAt itself counts). */
export function firstReminder(plan: ReminderPlan): ReminderMoment | null {
  return reminderMoments(plan)[0] ?? null;
}

/**
 * The reminder to send now: the last moment in [from, now] — earlier overdue
 * ones are folded into it — provided the deadline is still ahead. `from` is
 * the moment the schedule was waiting for (those before it were handled).
 */
export function dueReminder(plan: ReminderPlan, from: Date, now: Date): ReminderMoment | null {
  if (!plan.closesAt || plan.closesAt.getTime() <= now.getTime()) return null;
  const due = reminderMoments(plan).filter((moment) => moment.at.getTime() >= from.getTime() && moment.at.getTime() <= now.getTime());
  return due[due.length - 1] ?? null;
}

/** "in 3 days", "in 1 day", "in 5 hours", "in 20 minutes": the time left, from now (a late reminder says what is really left). */
export function timeLeft(closesAt: Date, now: Date): string {
  const ms = closesAt.getTime() - now.getTime();
  const days = Math.floor(ms / DAY_MS);
  if (days >= 1) return `in ${days} day${days === 1 ? '' : 's'}`;
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** "Fri 5 Mar 2027, 17:00 (Europe/Berlin)": an instant as the reader's clock shows it. */
export function inZone(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${text.replace(/^(\w+),? /, '$1 ')} (${timeZone})`;
}

/** A reminder's line: "closes in 3 days, Fri 5 Mar 2027, 17:00 (Europe/Berlin) your time". */
export function reminderSummary(closesAt: Date, now: Date, timeZone: string): string {
  return `closes ${timeLeft(closesAt, now)}: ${inZone(closesAt, timeZone)} your time`;
}

/** How a person names a field of the opportunity model. */
const FIELD_NAMES: Record<string, string> = {
  closesAt: 'closing date',
  postedAt: 'posting date',
  status: 'status',
  title: 'title',
  description: 'description',
  award: 'award amounts',
  funder: 'funder',
  funderType: 'funder type',
  eligibleApplicantTypes: 'who may apply',
  eligibleCountries: 'eligible countries',
  eligibilityText: 'eligibility',
  themes: 'themes',
  url: 'link',
  reference: 'reference',
  costSharing: 'cost sharing',
  jointBidsAllowed: 'joint bids',
  timeZone: 'time zone',
};

export interface ChangeFacts {
  changedFields: readonly string[] | null;
  before: { closesAt: Date | null; status: string };
  after: { closesAt: Date | null; status: string };
  timeZone: string;
}

/**
 * One line naming what changed: "changed: closing date (now Fri 5 Mar 2027,
 * 17:00 (Europe/Berlin) your time, was Mon 15 Mar 2027, …), award amounts".
 * An opening names the new status.
 */
export function changeSummary(facts: ChangeFacts): string {
  const fields = facts.changedFields ?? ['status'];
  const parts = [...new Set(fields.map((field) => field.split('.')[0] as string))].map((field) => {
    if (field === 'closesAt') {
      const now = facts.after.closesAt ? inZone(facts.after.closesAt, facts.timeZone) : 'none';
      const was = facts.before.closesAt ? inZone(facts.before.closesAt, facts.timeZone) : 'none';
      return `closing date (now ${now}, was ${was})`;
    }
    if (field === 'status') return `status (now ${facts.after.status}, was ${facts.before.status})`;
    return FIELD_NAMES[field] ?? field;
  });
  return `changed: ${parts.join('; ')}`;
}
