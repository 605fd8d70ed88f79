import { isIsoCurrencyCode } from '@entente/contracts';
import { FieldProblem, quoted, ValidationError } from '@entente/errors';

/**
 * Field checks for every service's input rules (in the registry: assets, relationships,
 * engagements, partners, jurisdictions, imports). Each reader records a
 * problem instead of throwing, so a rule can report every bad field of an
 * input at once.
 */
export class Problems {
  private readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get count(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}

export interface TextOptions {
  max: number;
  required?: boolean;
  /** Single-line values (names, owners) collapse inner whitespace; prose keeps its line breaks. */
  singleLine?: boolean;
}

/** A trimmed string, or null when absent or blank and not required. */
export function readText(problems: Problems, field: string, value: unknown, options: TextOptions): string | null {
  if (value === undefined || value === null) {
    if (options.required) problems.add(field, 'is required');
    return null;
  }
  if (typeof value !== 'string') {
    problems.add(field, 'must be text');
    return null;
  }
  const broken = unpairedSurrogateMessage(value);
  if (broken !== null) {
    problems.add(field, broken);
    return null;
  }
  const text = options.singleLine ? value.replace(/\s+/g, ' ').trim() : value.trim();
  if (text.length === 0) {
    if (options.required) problems.add(field, 'must not be empty');
    return null;
  }
  if (text.length > options.max) {
    problems.add(field, `must be at most ${options.max} characters (got ${text.length})`);
    return null;
  }
  return text;
}

/** A UTF-16 surrogate without its partner: half of an emoji or of another character beyond U+FFFF. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where text holds an unpaired surrogate, -1 when it holds none. JSON can
 * carry one (`"\\ud800"`) and JavaScript keeps it, but UTF-8 cannot: MongoDB,
 * Kafka and every answer would store and show U+FFFD instead of what was sent.
 */
export function unpairedSurrogateIndex(text: string): number {
  return UNPAIRED_SURROGATE.exec(text)?.index ?? -1;
}

/** The problem to report for text with an unpaired surrogate, null when it has none. */
export function unpairedSurrogateMessage(text: string): string | null {
  const index = unpairedSurrogateIndex(text);
  if (index < 0) return null;
  const code = text.charCodeAt(index).toString(16).toUpperCase();
  return (
    `has a broken character at position ${index + 1} (U+${code}, half of a character such as an emoji, usually from text cut or copied in the middle of one); ` +
    'remove it or send the text again as valid Unicode'
  );
}

/** One of a closed list of values; `fallback` applies only when the value is absent. */
export function readChoice<T extends string>(
  problems: Problems,
  field: string,
  value: unknown,
  choices: readonly T[],
  fallback?: T,
): T | null {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  problems.add(field, `must be one of ${choices.join(', ')}`);
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Calendar dates are kept as `YYYY-MM-DD` strings: an as-of date or the day a
 * tie began has no time of day or zone, and such strings sort chronologically.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function readIsoDate(problems: Problems, field: string, value: unknown, required = false): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, 'is required');
    return null;
  }
  const text = typeof value === 'string' ? value.trim() : value;
  if (!isIsoDate(text)) {
    problems.add(field, 'must be a calendar date written YYYY-MM-DD, such as 2024-03-31');
    return null;
  }
  return text;
}

/**
 * The latest calendar date that is already "today" somewhere: UTC+14 is the
 * first zone to reach a date. Checking against it means a date entered in any
 * jurisdiction's own today is never refused as being in the future.
 */
export function latestToday(now: Date): string {
  return toIsoDate(new Date(now.getTime() + 14 * 60 * 60 * 1000));
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months to a `YYYY-MM-DD` date; a day that the target month
 * lacks becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** A currency code accepted in either case and returned upper-case. */
export function readCurrency(problems: Problems, field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') {
    problems.add(field, 'is required');
    return null;
  }
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isIsoCurrencyCode(code)) {
    problems.add(field, `${quoted(value)} is not an ISO 4217 currency code; use three letters such as EUR, USD or NZD`);
    return null;
  }
  return code;
}

/**
 * The largest figure a record holds: ten trillion is beyond any subnational
 * budget, FDI stock or head count, keeps cents exact in a double, and keeps
 * sums and derived values (Table 1 totals, staff time in tenths) finite, so
 * an event or an answer never carries Infinity.
 */
export const MAX_FIGURE = 10_000_000_000_000;

/** A finite number, at least zero and at most MAX_FIGURE. */
export function readNonNegativeNumber(problems: Problems, field: string, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(field, 'must be a number');
    return null;
  }
  if (value < 0) {
    problems.add(field, 'must not be negative');
    return null;
  }
  if (value > MAX_FIGURE) {
    problems.add(field, `must be at most ${MAX_FIGURE.toLocaleString('en')} (got ${value})`);
    return null;
  }
  return value;
}

export interface IdListOptions {
  max: number;
  min?: number;
  itemMax?: number;
}

/**
 * A list of ids owned elsewhere (partners, planning's priorities): trimmed,
 * deduplicated in first-seen order, each bad entry named by its index.
 */
export function readIdList(problems: Problems, field: string, value: unknown, options: IdListOptions): string[] {
  if (value === undefined || value === null) {
    if (options.min) problems.add(field, `must list at least ${options.min}`);
    return [];
  }
  if (!Array.isArray(value)) {
    problems.add(field, 'must be a list');
    return [];
  }
  const itemMax = options.itemMax ?? 100;
  const ids = new Set<string>();
  value.forEach((item: unknown, index) => {
    const id = readText(problems, `${field}[${index}]`, item, { max: itemMax, required: true, singleLine: true });
    if (id !== null) ids.add(id);
  });
  if (ids.size > options.max) problems.add(field, `must list at most ${options.max} (got ${ids.size})`);
  if (options.min && value.length < options.min) problems.add(field, `must list at least ${options.min}`);
  return [...ids];
}
