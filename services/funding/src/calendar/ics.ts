/**
 * A small iCalendar (RFC 5545) writer for deadline feeds: text escaped
 * (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character
 * (§3.1), CRLF line ends, a stable UID and a DTSTAMP on every event.
 */

/** A calendar event of a deadline: a whole day, or a moment (UTC). */
export interface CalendarEvent {
  /** Stable across fetches, so a calendar app updates the event instead of adding another. */
  uid: string;
  /** `YYYY-MM-DD` (an all-day event) or an instant. */
  start: string | Date;
  summary: string;
  description: string | null;
  url: string | null;
  /** Reminders, in days before the start. */
  alarmsDaysBefore: readonly number[];
  /** When the event last changed (LAST-MODIFIED). */
  modifiedAt: Date | null;
}

export interface CalendarInput {
  /** The calendar's name in the app (X-WR-CALNAME). */
  name: string;
  events: readonly CalendarEvent[];
  /** When the feed was produced (every event's DTSTAMP). */
  now: Date;
}

export const PRODUCT_ID = '-//Entente//Funding deadlines//EN';
const LINE_OCTETS = 75;

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded into lines of at most 75 octets, each continuation
 * starting with one space (RFC 5545 §3.1). Characters are never split, so a
 * fold falls between two UTF-8 sequences.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20270331T150000Z` (UTC DATE-TIME). */
export function utcDateTime(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10).replace(/-/g, '');
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcDateTime(now)}`];
  if (typeof event.start === 'string') {
    lines.push(`DTSTART;VALUE=DATE:${event.start.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${dayAfter(event.start)}`);
  } else {
    lines.push(`DTSTART:${utcDateTime(event.start)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.modifiedAt) lines.push(`LAST-MODIFIED:${utcDateTime(event.modifiedAt)}`);
  lines.push('TRANSP:TRANSPARENT');
  for (const days of event.alarmsDaysBefore) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${days}D`, `DESCRIPTION:${escapeText(`${event.summary} in ${days} day${days === 1 ? '' : 's'}`)}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as an RFC 5545 text/calendar body. */
export function renderCalendar(input: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    ...input.events.flatMap((event) => eventLines(event, input.now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
