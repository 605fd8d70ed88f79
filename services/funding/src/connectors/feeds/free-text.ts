import { zonedInstant } from '../zoned-time';

/**
 * What can be read out of a feed item's free text: a deadline and amounts.
 * Feeds of embassies and foundations state them in prose ("Deadline: 15 March
 * 2027", "grants of up to €10,000"); what is not found stays null and the
 * text stays the description.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, feb: 2, february: 2, februar: 2, mar: 3, march: 3, märz: 3, apr: 4, april: 4, may: 5, mai: 5, jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, okt: 10, oktober: 10, nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
};

const DEADLINE_WORDS = '(?:deadline|closing date|closes(?: on)?|close date|apply by|applications? (?:due|close)(?: on| by)?|due(?: date| by)?|einsendeschluss|bewerbungsschluss|frist)';

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1970 || year > 2200) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** The first date that follows a deadline word: `15 March 2027`, `March 15, 2027`, `2027-03-15`, `15.03.2027`, `15/03/2027` (day first). End of that day in `timeZone`. */
export function deadlineIn(text: string, timeZone: string): Date | null {
  const pattern = new RegExp(`${DEADLINE_WORDS}\\s*(?:is|:|-|–)?\\s*(?:on\\s+)?([^;\\n]{0,40})`, 'i');
  const match = pattern.exec(text);
  if (!match?.[1]) return null;
  const found = dateIn(match[1]);
  return found ? zonedInstant(found.year, found.month, found.day, 23, 59, 59, timeZone) : null;
}

function dateIn(text: string): { year: number; month: number; day: number } | null {
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(text);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-zä]+)\.?,?\s+(\d{4})/.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) return checked(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  m = /([A-Za-zä]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) return checked(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  return null;
}

function checked(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  return validDate(year, month, day) ? { year, month, day } : null;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', 'NZ$': 'NZD', 'A$': 'AUD', 'US$': 'USD', 'C$': 'CAD' };
const CODES = 'EUR|USD|GBP|NZD|AUD|CAD|CHF|SEK|NOK|DKK|PLN|JPY';

/** Amounts written with a currency symbol or code: `€10,000`, `EUR 5 000`, `NZ$20,000`, `10.000 EUR`; in the order they appear. */
export function amountsIn(text: string): { amount: number; currency: string }[] {
  const found: { amount: number; currency: string }[] = [];
  const pattern = new RegExp(`(NZ\\$|A\\$|US\\$|C\\$|€|\\$|£|\\b(?:${CODES})\\b)\\s?(\\d{1,3}(?:[,. \\u00a0]\\d{3})+|\\d+)(?:\\s?(k|m|million|thousand)\\b)?|(\\d{1,3}(?:[,. \\u00a0]\\d{3})+|\\d+)\\s?(€|\\b(?:${CODES})\\b)`, 'gi');
  for (const match of text.matchAll(pattern)) {
    const symbol = match[1] ?? match[5] ?? '';
    const digits = (match[2] ?? match[4] ?? '').replace(/[,. \u00a0]/g, '');
    let amount = Number(digits);
    const scale = (match[3] ?? '').toLowerCase();
    if (scale === 'k' || scale === 'thousand') amount *= 1000;
    if (scale === 'm' || scale === 'million') amount *= 1_000_000;
    const currency = SYMBOLS[symbol] ?? symbol.toUpperCase();
    if (Number.isFinite(amount) && amount > 0) found.push({ amount, currency });
  }
  return found;
}

/** Whether the text says joint or consortium applications are welcome (true), ruled out (false), or says nothing (null). */
export function jointBidsIn(text: string): boolean | null {
  if (/\b(no|not)\b[^.]{0,30}\b(consortia|consortium|joint (bids?|applications?))/i.test(text)) return false;
  if (/\b(consortia|consortium|joint (bids?|applications?))\b[^.]{0,30}\b(not (eligible|allowed|accepted)|ineligible|excluded)/i.test(text)) return false;
  if (/\b(consortia|consortium|joint (bids?|applications?)|partnerships? of (cities|municipalities)|lead applicant)\b/i.test(text)) return true;
  return null;
}
