import { Problems, readText } from '@entente/validation';
import { isTimeZone } from '../searches/cadence';
import { DEFAULT_FOLLOW_REMINDER_DAYS } from './reminder-schedule';

export const FOLLOW_LIMITS = { minDays: 1, maxDays: 365, reminders: 10 } as const;
/** Opportunities one user may follow: far more than anyone reads, few enough to list and mark in one read. */
export const MAX_FOLLOWS_PER_USER = 500;

/** Where a follow's alerts go: the inbox's live subscription and mail (no webhook: see README, Followed opportunities). */
export interface FollowChannels {
  inApp: boolean;
  email: boolean;
}

export interface FollowInput {
  reminderDays?: unknown;
  channels?: { inApp?: unknown; email?: unknown } | null;
  timeZone?: unknown;
}

/** What a follow or an update sets; a field left out of an update is null here (keep it). */
export interface FollowSettings {
  reminderDays: number[] | null;
  channels: FollowChannels | null;
  timeZone: string | null;
}

/**
 * Reads a follow's settings, naming every bad field at once: reminder days
 * whole numbers from 1 to 365, each once (`reminderDays[1]`), email only for
 * an account with a verified address (`channels.email`), an IANA time zone.
 */
export function parseFollowInput(input: FollowInput, email: string | null): FollowSettings {
  const problems = new Problems();
  const reminderDays = readReminderDays(problems, input.reminderDays);
  const channels = readChannels(problems, input.channels, email);
  const timeZone = readText(problems, 'timeZone', input.timeZone, { max: 64, singleLine: true });
  if (timeZone !== null && !isTimeZone(timeZone)) problems.add('timeZone', `"${timeZone}" is not an IANA time zone; use one such as Europe/Berlin or Pacific/Auckland`);
  problems.throwIfAny();
  return { reminderDays, channels, timeZone };
}

function readReminderDays(problems: Problems, value: unknown): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.add('reminderDays', 'must be a list of days before closing, such as [14, 3]');
    return null;
  }
  if (value.length > FOLLOW_LIMITS.reminders) problems.add('reminderDays', `must hold at most ${FOLLOW_LIMITS.reminders} reminders`);
  const seen = new Set<number>();
  value.forEach((day: unknown, index) => {
    const field = `reminderDays[${index}]`;
    if (typeof day !== 'number' || !Number.isInteger(day) || day < FOLLOW_LIMITS.minDays || day > FOLLOW_LIMITS.maxDays) {
      problems.add(field, `must be a whole number of days from ${FOLLOW_LIMITS.minDays} to ${FOLLOW_LIMITS.maxDays}`);
      return;
    }
    if (seen.has(day)) problems.add(field, `repeats ${day}: name each reminder day once`);
    seen.add(day);
  });
  return [...seen].sort((a, b) => b - a);
}

function readChannels(problems: Problems, input: FollowInput['channels'], email: string | null): FollowChannels | null {
  if (input === undefined || input === null) return null;
  const flag = (field: 'inApp' | 'email'): boolean | null => {
    const value = input[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') problems.add(`channels.${field}`, 'must be true or false');
    return value === true;
  };
  const inApp = flag('inApp') ?? true;
  const wantsEmail = flag('email') ?? email !== null;
  if (wantsEmail && !email) problems.add('channels.email', 'your account has no verified email address, so nothing can be mailed to you; ask your administrator to add one, or use inApp');
  return { inApp, email: wantsEmail };
}

/** A new follow's settings: what was given, else the defaults (reminders 14 and 3 days before; the app, and mail when the account has an address). */
export function withDefaults(settings: FollowSettings, email: string | null, fallbackZone: string): { reminderDays: number[]; channels: FollowChannels; timeZone: string } {
  return {
    reminderDays: settings.reminderDays ?? [...DEFAULT_FOLLOW_REMINDER_DAYS],
    channels: settings.channels ?? { inApp: true, email: email !== null },
    timeZone: settings.timeZone ?? fallbackZone,
  };
}
