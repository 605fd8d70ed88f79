import { quoted, ValidationError } from '@entente/errors';
import { isWikidataItemId } from './wikidata-twinning';

/**
 * Reads one city's `Special:EntityData/Qxxx.json`: its P190 ("twinned
 * administrative body") claims become ties with since/until from the P580
 * (start time) and P582 (end time) qualifiers, and its labels give its name.
 * The document is external input, so every shape is checked rather than cast.
 */

export interface EntityTie {
  readonly counterpartQid: string;
  /** ISO date (YYYY-MM-DD) from P580, at the precision Wikidata states. */
  readonly since?: string;
  /** ISO date (YYYY-MM-DD) from P582; a tie with an end time has ended. */
  readonly until?: string;
}

/** A claim that was not turned into a tie, and why: the import report shows it. */
export interface SkippedClaim {
  /** Position of the claim in the entity's P190 list (0-based). */
  readonly index: number;
  readonly reason: string;
}

export interface WikidataEntity {
  readonly qid: string;
  /** The preferred label, or undefined when the entity has none at all. */
  readonly label?: { readonly language: string; readonly value: string };
  readonly ties: readonly EntityTie[];
  readonly skipped: readonly SkippedClaim[];
}

export interface ParseEntityOptions {
  /** Which entity to read; by default the document's only one. */
  readonly qid?: string;
  /** Label languages in order of preference; any other language is the last resort. */
  readonly languages?: readonly string[];
}

export const TWINNED_ADMINISTRATIVE_BODY = 'P190';
export const START_TIME = 'P580';
export const END_TIME = 'P582';

/** Wikidata's time precisions that name a day or coarser and that a date can hold. */
const PRECISION_YEAR = 9;
const PRECISION_MONTH = 10;
const PRECISION_DAY = 11;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(value: Json, key: string): unknown[] {
  const found = value[key];
  return Array.isArray(found) ? found : [];
}

/**
 * `+1957-00-00T00:00:00Z` at precision 9 → `1957-01-01`. Wikidata zeroes the
 * parts finer than the precision; a date column needs them, so they become 01
 * (the start of the stated period). Coarser than a year (decade, century) or
 * before year 1 cannot honestly be one date, so those give undefined.
 */
export function wikidataTimeToIsoDate(time: string, precision: number): string | undefined {
  const match = /^\+(\d{4,})-(\d{2})-(\d{2})T/.exec(time);
  if (!match || precision < PRECISION_YEAR) return undefined;
  const [, yearText, monthText, dayText] = match as unknown as [string, string, string, string];
  const year = Number(yearText);
  if (year < 1 || year > 9999) return undefined;
  const month = precision >= PRECISION_MONTH && monthText !== '00' ? monthText : '01';
  const day = precision >= PRECISION_DAY && dayText !== '00' ? dayText : '01';
  const iso = `${String(year).padStart(4, '0')}-${month}-${day}`;
  // Reject impossible dates (month 13, 31 February) instead of letting Date roll them over.
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

/** The first usable date among a qualifier's snaks; `somevalue`/`novalue` carry none. */
function qualifierDate(qualifiers: Json, property: string): string | undefined {
  for (const snak of arrayAt(qualifiers, property)) {
    if (!isObject(snak) || (snak['snaktype'] !== undefined && snak['snaktype'] !== 'value')) continue;
    const datavalue = snak['datavalue'];
    const value = isObject(datavalue) ? datavalue['value'] : undefined;
    if (!isObject(value) || typeof value['time'] !== 'string' || typeof value['precision'] !== 'number') continue;
    const date = wikidataTimeToIsoDate(value['time'], value['precision']);
    if (date !== undefined) return date;
  }
  return undefined;
}

function counterpartOf(mainsnak: Json): string | undefined {
  const datavalue = mainsnak['datavalue'];
  const value = isObject(datavalue) ? datavalue['value'] : undefined;
  if (!isObject(value)) return undefined;
  if (typeof value['id'] === 'string') return value['id'];
  // Older dumps give only the numeric id.
  if (typeof value['numeric-id'] === 'number') return `Q${value['numeric-id']}`;
  return undefined;
}

function parseClaim(claim: unknown, index: number): EntityTie | SkippedClaim {
  if (!isObject(claim) || !isObject(claim['mainsnak'])) return { index, reason: 'not a claim' };
  // Deprecated rank means Wikidata's editors marked the statement as wrong.
  if (claim['rank'] === 'deprecated') return { index, reason: 'deprecated rank' };
  const mainsnak = claim['mainsnak'];
  const snaktype = mainsnak['snaktype'];
  if (snaktype === 'novalue' || snaktype === 'somevalue') {
    return { index, reason: `${snaktype} claim names no counterpart` };
  }
  const counterpartQid = counterpartOf(mainsnak);
  if (counterpartQid === undefined || !isWikidataItemId(counterpartQid)) {
    return { index, reason: 'the value is not a Wikidata item' };
  }
  const qualifiers = isObject(claim['qualifiers']) ? claim['qualifiers'] : {};
  const since = qualifierDate(qualifiers, START_TIME);
  const until = qualifierDate(qualifiers, END_TIME);
  return { counterpartQid, ...(since !== undefined && { since }), ...(until !== undefined && { until }) };
}

function pickLabel(labels: unknown, languages: readonly string[]): WikidataEntity['label'] {
  if (!isObject(labels)) return undefined;
  const valueIn = (language: string): string | undefined => {
    const entry = labels[language];
    return isObject(entry) && typeof entry['value'] === 'string' && entry['value'].trim() !== '' ? entry['value'].trim() : undefined;
  };
  // Sorted so that "any other language" is the same one on every run.
  for (const language of [...languages, ...Object.keys(labels).sort()]) {
    const value = valueIn(language);
    if (value !== undefined) return { language, value };
  }
  return undefined;
}

/** Throws ValidationError only when the document is not entity data at all. */
export function parseWikidataEntity(document: unknown, options: ParseEntityOptions = {}): WikidataEntity {
  const entities = isObject(document) ? document['entities'] : undefined;
  if (!isObject(entities)) throw ValidationError.forField('entities', 'not Wikidata entity JSON: no "entities" object');
  const keys = Object.keys(entities);
  const key = options.qid ?? (keys.length === 1 ? keys[0] : undefined);
  if (key === undefined) throw ValidationError.forField('entities', `holds ${keys.length} entities; say which one to read`);
  const entity = entities[key];
  if (!isObject(entity)) throw ValidationError.forField(`entities.${key}`, 'is missing');
  // Special:EntityData follows redirects, so the entity's own id is the truth.
  const qid = typeof entity['id'] === 'string' ? entity['id'] : key;
  if (!isWikidataItemId(qid)) throw ValidationError.forField(`entities.${key}.id`, `${quoted(qid)} is not a Wikidata item id`);

  const claims = isObject(entity['claims']) ? entity['claims'] : {};
  const ties: EntityTie[] = [];
  const skipped: SkippedClaim[] = [];
  arrayAt(claims, TWINNED_ADMINISTRATIVE_BODY).forEach((claim, index) => {
    const parsed = parseClaim(claim, index);
    if ('reason' in parsed) skipped.push(parsed);
    else ties.push(parsed);
  });
  const label = pickLabel(entity['labels'], options.languages ?? ['en', 'de']);
  return { qid, ...(label !== undefined && { label }), ties, skipped };
}
