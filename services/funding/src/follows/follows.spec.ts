import { ValidationError } from '@entente/errors';
import type { TenantScope } from '@entente/persistence';
import type { AlertSettings } from '../alerts/alert-settings';
import { followChangeKey, reminderKey } from '../alerts/alert-keys';
import { instantMail } from '../alerts/alert-mail';
import type { OpportunityRepository } from '../opportunities/opportunity.repository';
import { followedEvent } from '../calendar/followed-deadlines';
import type { FollowAlertRecorder } from './follow-alerts';
import { FollowReminders } from './follow-reminders';
import type { FollowRepository } from './follow.repository';
import { parseFollowInput, withDefaults } from './follow.rules';
import type { FollowRecord } from './follow.schema';
import { armed } from './follow.service';
import { changeSummary, DAY_MS, dueReminder, firstReminder, nextReminderAfter, type ReminderPlan, reminderMoments, reminderSummary, timeLeft } from './reminder-schedule';

const CLOSES = new Date('2027-03-31T15:00:00Z');
const at = (daysBefore: number, plusMs = 0) => new Date(CLOSES.getTime() - daysBefore * DAY_MS + plusMs);
const plan = (armedAt: Date, extra: Partial<ReminderPlan> = {}): ReminderPlan => ({ closesAt: CLOSES, status: 'open', reminderDays: [14, 3], armedAt, ...extra });

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((problem) => problem.field);
    throw error;
  }
  return [];
}

describe('reminder schedule', () => {
  it('falls N × 24 h before closing, earliest first, only from when it was armed', () => {
    expect(reminderMoments(plan(at(30)))).toEqual([
      { daysBefore: 14, at: at(14) },
      { daysBefore: 3, at: at(3) },
    ]);
    // Followed 5 days before closing: the 14-day reminder was never promised.
    expect(reminderMoments(plan(at(5)))).toEqual([{ daysBefore: 3, at: at(3) }]);
    expect(firstReminder(plan(at(5)))).toEqual({ daysBefore: 3, at: at(3) });
    expect(reminderMoments(plan(at(30), { status: 'closed' }))).toEqual([]);
    expect(reminderMoments(plan(at(30), { closesAt: null }))).toEqual([]);
    expect(reminderMoments(plan(at(30), { reminderDays: [] }))).toEqual([]);
  });

  it('sends what is due once, and moves on to the next moment', () => {
    const armedAt = at(30);
    expect(dueReminder(plan(armedAt), at(14), at(14, -1))).toBeNull();
    expect(dueReminder(plan(armedAt), at(14), at(14, 1000))).toEqual({ daysBefore: 14, at: at(14) });
    expect(nextReminderAfter(plan(armedAt), at(14, 1000))).toEqual({ daysBefore: 3, at: at(3) });
    expect(nextReminderAfter(plan(armedAt), at(3, 1000))).toBeNull();
  });

  it('folds moments missed while down into one late reminder, and sends none for a passed deadline', () => {
    const armedAt = at(30);
    // Down from 15 days before to 2 days before: one reminder (the 3-day one), late.
    expect(dueReminder(plan(armedAt), at(14), at(2))).toEqual({ daysBefore: 3, at: at(3) });
    expect(nextReminderAfter(plan(armedAt), at(2))).toBeNull();
    // Down until after the deadline: nothing.
    expect(dueReminder(plan(armedAt), at(14), new Date(CLOSES.getTime() + 1))).toBeNull();
  });

  it('follows a moved deadline from the moment the change happened', () => {
    const movedAt = at(20);
    const newClose = new Date(movedAt.getTime() + 3 * DAY_MS + 60_000);
    const schedule = armed({ closesAt: newClose, status: 'open', reminderDays: [14, 3] }, movedAt);
    // The 14-day moment of the new deadline lies before the change: skipped; the 3-day one is a minute after it.
    expect(schedule).toEqual({ armedAt: movedAt, nextReminderAt: new Date(movedAt.getTime() + 60_000), nextReminderDays: 3 });
  });

  it('phrases the time left and the deadline in the reader’s zone', () => {
    expect(timeLeft(CLOSES, at(3))).toBe('in 3 days');
    expect(timeLeft(CLOSES, at(1, 1))).toBe('in 23 hours');
    expect(timeLeft(CLOSES, new Date(CLOSES.getTime() - 90_000))).toBe('in 1 minute');
    expect(reminderSummary(CLOSES, at(3), 'Europe/Berlin')).toBe('closes in 3 days: Wed 31 Mar 2027, 17:00 (Europe/Berlin) your time');
    expect(reminderSummary(CLOSES, at(3), 'Pacific/Auckland')).toBe('closes in 3 days: Thu 1 Apr 2027, 04:00 (Pacific/Auckland) your time');
  });

  it('names what changed, the deadline with both dates', () => {
    expect(
      changeSummary({ changedFields: ['closesAt', 'award'], before: { closesAt: CLOSES, status: 'open' }, after: { closesAt: new Date('2027-04-15T15:00:00Z'), status: 'open' }, timeZone: 'Europe/Berlin' }),
    ).toBe('changed: closing date (now Thu 15 Apr 2027, 17:00 (Europe/Berlin), was Wed 31 Mar 2027, 17:00 (Europe/Berlin)); award amounts');
    expect(changeSummary({ changedFields: null, before: { closesAt: CLOSES, status: 'forecasted' }, after: { closesAt: CLOSES, status: 'open' }, timeZone: 'UTC' })).toBe('changed: status (now open, was forecasted)');
  });
});

describe('follow keys', () => {
  it('key a change per follow and version, a reminder per follow, deadline and day', () => {
    expect(followChangeKey('f-1', 'csv:1', 3)).toBe('follow:f-1:csv:1:v3');
    expect(reminderKey('f-1', CLOSES, 14)).toBe('follow:f-1:reminder:2027-03-31T15:00:00.000Z:d14');
    expect(reminderKey('f-1', CLOSES, 3)).not.toBe(reminderKey('f-1', new Date(CLOSES.getTime() + DAY_MS), 3));
    expect(reminderKey('f-1', CLOSES, 3)).not.toBe(reminderKey('f-2', CLOSES, 3));
  });
});

describe('follow input', () => {
  it('names each bad reminder day, a repeat, a bad zone and email without an address', () => {
    expect(fieldsOf(() => parseFollowInput({ reminderDays: [14, 0, 366, 2.5, 14] }, 'a@example.org'))).toEqual(['reminderDays[1]', 'reminderDays[2]', 'reminderDays[3]', 'reminderDays[4]']);
    expect(fieldsOf(() => parseFollowInput({ timeZone: 'Mars/Olympus' }, null))).toEqual(['timeZone']);
    expect(fieldsOf(() => parseFollowInput({ channels: { email: true } }, null))).toEqual(['channels.email']);
    expect(fieldsOf(() => parseFollowInput({ reminderDays: Array.from({ length: 11 }, (_, i) => i + 1) }, null))).toEqual(['reminderDays']);
  });

  it('keeps days largest first, and defaults to 14 and 3 days, the app, and mail when the account has an address', () => {
    expect(parseFollowInput({ reminderDays: [3, 30, 7] }, null).reminderDays).toEqual([30, 7, 3]);
    expect(withDefaults(parseFollowInput({}, 'a@example.org'), 'a@example.org', 'Europe/Berlin')).toEqual({ reminderDays: [14, 3], channels: { inApp: true, email: true }, timeZone: 'Europe/Berlin' });
    expect(withDefaults(parseFollowInput({}, null), null, 'UTC').channels).toEqual({ inApp: true, email: false });
    expect(parseFollowInput({ reminderDays: [] }, null).reminderDays).toEqual([]);
  });
});

function follow(extra: Partial<FollowRecord> = {}): FollowRecord {
  return {
    jurisdictionId: 'rostock',
    followId: 'f-1',
    ownerId: 'u-1',
    ownerUsername: 'rostock-staff',
    ownerEmail: 'staff@example.org',
    opportunityId: 'csv:1',
    title: 'Baltic small projects',
    reminderDays: [14, 3],
    channels: { inApp: true, email: true },
    timeZone: 'Europe/Berlin',
    closesAt: CLOSES,
    status: 'open',
    followedVersion: 1,
    opportunityVersion: 1,
    ...armed({ closesAt: CLOSES, status: 'open', reminderDays: [14, 3] }, at(30)),
    createdAt: at(30),
    updatedAt: at(30),
    ...extra,
  };
}

/** The scheduler over one store of follows and one inbox keyed as the unique indexes key them; two instances are two replicas. */
function replicas(stored: FollowRecord) {
  const row = { ...stored };
  const keys: string[] = [];
  const scope = { jurisdictionId: row.jurisdictionId } as TenantScope;
  const follows = {
    dueAcrossJurisdictions: (now: Date) => Promise.resolve(row.nextReminderAt && row.nextReminderAt.getTime() <= now.getTime() ? [{ scope, record: { ...row } }] : []),
    advance: (_scope: TenantScope, _id: string, from: Date, next: { at: Date; daysBefore: number } | null) => {
      if (row.nextReminderAt?.getTime() !== from.getTime()) return Promise.resolve(false);
      Object.assign(row, { nextReminderAt: next?.at ?? null, nextReminderDays: next?.daysBefore ?? null });
      return Promise.resolve(true);
    },
  } as unknown as FollowRepository;
  const opportunities = { byIds: () => Promise.resolve(new Map([['csv:1', { opportunityId: 'csv:1', version: 1, title: row.title, funder: 'Interreg', url: null, status: 'open', closesAt: CLOSES, timeZone: 'Europe/Riga', award: { floor: null, ceiling: 1000, total: null, currency: 'EUR' } }]])) } as unknown as OpportunityRepository;
  const summaries: string[] = [];
  const recorder = {
    record: (_scope: TenantScope, _follow: FollowRecord, alert: { key: string; summary: string }) => {
      if (keys.includes(alert.key)) return Promise.resolve(false);
      keys.push(alert.key);
      summaries.push(alert.summary);
      return Promise.resolve(true);
    },
  } as unknown as FollowAlertRecorder;
  const settings = { pollMs: 1000 } as AlertSettings;
  return { row, keys, summaries, make: () => new FollowReminders(follows, opportunities, recorder, settings) };
}

describe('deadline reminders across passes, restarts and replicas', () => {
  it('sends each reminder once however many replicas pass at the same moment', async () => {
    const { keys, make, row } = replicas(follow());
    const [a, b] = [make(), make()];
    await Promise.all([a.pass(at(14, 5_000)), b.pass(at(14, 5_000))]);
    expect(keys).toEqual([reminderKey('f-1', CLOSES, 14)]);
    expect(row.nextReminderAt).toEqual(at(3));
    await a.pass(at(10));
    expect(keys).toHaveLength(1);
    await b.pass(at(3, 1));
    expect(keys).toEqual([reminderKey('f-1', CLOSES, 14), reminderKey('f-1', CLOSES, 3)]);
    expect(row.nextReminderAt).toBeNull();
  });

  it('after a restart sends the missed reminder late, once, saying the time really left; nothing after the deadline', async () => {
    const late = replicas(follow());
    await late.make().pass(at(2));
    expect(late.keys).toEqual([reminderKey('f-1', CLOSES, 3)]);
    expect(late.summaries).toEqual(['closes in 2 days: Wed 31 Mar 2027, 17:00 (Europe/Berlin) your time']);
    const tooLate = replicas(follow());
    await tooLate.make().pass(new Date(CLOSES.getTime() + 1));
    expect(tooLate.keys).toEqual([]);
    expect(tooLate.row.nextReminderAt).toBeNull();
  });
});

describe('a followed deadline in the calendar and in mail', () => {
  it('is an event with alarms at the follow’s days, none once closed', () => {
    expect(followedEvent(follow({ reminderDays: [30, 7] }))).toMatchObject({ uid: 'followed-f-1@funding.entente', start: CLOSES, summary: 'Closes: Baltic small projects', alarmsDaysBefore: [30, 7] });
    expect(followedEvent(follow({ status: 'closed' }))).toBeNull();
  });

  it('mails a reminder that says why it came, without a search’s unsubscribe link', () => {
    const mail = instantMail(
      {
        jurisdictionId: 'rostock',
        ownerId: 'u-1',
        alertId: 'a-1',
        alertKey: reminderKey('f-1', CLOSES, 3),
        kind: 'deadline-reminder',
        searchId: null,
        followId: 'f-1',
        sourceName: 'Followed call',
        summary: 'closes in 3 days: Wed 31 Mar 2027, 17:00 (Europe/Berlin) your time',
        opportunity: { opportunityId: 'csv:1', version: 1, title: 'Baltic small projects', funder: 'Interreg', url: null, status: 'open', closesAt: CLOSES, timeZone: 'Europe/Riga', awardCeiling: null, currency: null },
        instant: true,
        inApp: true,
        digestKey: null,
        createdAt: at(3),
        readAt: null,
      },
      { unsubscribeUrl: null, unfollowUrl: 'https://entente.example/alerts/unfollow?token=t&x=<1>' },
    );
    expect(mail.subject).toBe('Deadline reminder: Baltic small projects');
    expect(mail.text).toContain('closes in 3 days: Wed 31 Mar 2027, 17:00 (Europe/Berlin) your time');
    expect(mail.text).toContain('because you follow this call');
    expect(mail.text).toContain('Stop following this call (no sign-in needed; your other calls and searches keep going): https://entente.example/alerts/unfollow?token=t&x=<1>');
    expect(mail.html).toContain('<a href="https://entente.example/alerts/unfollow?token=t&amp;x=&lt;1&gt;">Stop following this call</a>');
    expect(mail.text).not.toContain('saved the search');
  });
});
