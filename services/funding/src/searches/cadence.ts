/**
 * When a saved search sends: `instant` as each match is found; `daily` and
 * `weekly` as one digest at an hour of the searcher's own time zone (weekly
 * on a weekday, 1 = Monday … 7 = Sunday, as ISO 8601 counts).
 */
export const CADENCE_KINDS = ['instant', 'daily', 'weekly'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

export interface Cadence {
  kind: CadenceKind;
  /** 0–23, in `timeZone`. */
  hour: number;
  /** 1 (Monday) – 7 (Sunday); weekly only. */
  weekday: number | null;
  /** IANA, e.g. Europe/Berlin. */
  timeZone: string;
}

/** Whether the runtime knows an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 (Monday) – 7 (Sunday). */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS[parts['weekday'] ?? ''] ?? 1,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time of a zone names. A time the clocks skip
 * (02:30 on the night summer time starts) is read with the offset before
 * the change, so it lands just after the jump; a time that occurs twice
 * (the night it ends) is the first of the two.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const before = offsetAt(new Date(wall - 36 * 3600_000), timeZone);
  const first = new Date(wall - before);
  if (offsetAt(first, timeZone) === before) return first;
  const after = offsetAt(new Date(wall + 36 * 3600_000), timeZone);
  const second = new Date(wall - after);
  return offsetAt(second, timeZone) === after && localParts(second, timeZone).hour === hour ? second : first;
}

/**
 * The first digest time strictly after `after`: the next `hour` o'clock in
 * the search's zone (daily), on its weekday (weekly). Null for instant
 * searches, which send no digest.
 */
export function nextDigestAt(cadence: Cadence, after: Date): Date | null {
  if (cadence.kind === 'instant') return null;
  const today = localParts(after, cadence.timeZone);
  // Walk calendar days from today in the zone; noon UTC of a date keeps the day arithmetic clear of DST.
  const start = Date.UTC(today.year, today.month - 1, today.day, 12);
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = new Date(start + offset * 24 * 3600_000);
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (cadence.kind === 'weekly' && weekday !== cadence.weekday) continue;
    const candidate = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), cadence.hour, cadence.timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`no digest time found after ${after.toISOString()} for ${JSON.stringify(cadence)}`);
}
