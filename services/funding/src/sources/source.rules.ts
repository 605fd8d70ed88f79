import { isIsoCountryCode } from '@entente/contracts';
import { Problems, readChoice, readCurrency, readText } from '@entente/validation';
import { FUNDER_TYPES, type FunderKind } from '../funders/funder-types';
import { SOURCE_KINDS, type SourceKind } from '../opportunities/opportunity';
import type { SourceSettings } from '../connectors/connector';
import { isTimeZone } from '../connectors/zoned-time';

/** Shortest and longest schedule: a source is not read more often than every 15 minutes, nor less than weekly. */
export const MIN_SCHEDULE_MINUTES = 15;
export const MAX_SCHEDULE_MINUTES = 7 * 24 * 60;

/** Source ids are slugs: they appear in every opportunity id of the source. */
export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** An API key reference names an environment variable of the funding service; the key itself is never stored. */
export const API_KEY_REF_PATTERN = /^[A-Z][A-Z0-9_]{1,62}$/;

/** What a platform admin sets on a source: what its connector reads (SourceSettings) and how it is run. */
export interface SourceFields extends Omit<SourceSettings, 'sourceId'> {
  name: string;
  /** Minutes between scheduled runs; null: on demand only. */
  scheduleMinutes: number | null;
  apiKeyRef: string | null;
}

export interface SourceInput {
  sourceId?: string | null;
  name?: string | null;
  kind?: string | null;
  url?: string | null;
  scheduleMinutes?: number | null;
  apiKeyRef?: string | null;
  funder?: string | null;
  funderType?: string | null;
  currency?: string | null;
  timeZone?: string | null;
  countries?: string[] | null;
  query?: string | null;
}

const KINDS_NEEDING_KEY: readonly SourceKind[] = ['simpler-grants-gov'];

function readUrl(problems: Problems, value: unknown): string | null {
  const text = readText(problems, 'url', value, { max: 2000, required: true, singleLine: true });
  if (text === null) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.add('url', 'must be an http or https address');
    else return url.toString();
  } catch {
    problems.add('url', `${JSON.stringify(text.slice(0, 60))} is not an address; give one such as https://www.grants.gov/extract/GrantsDBExtract.zip`);
  }
  return null;
}

/** The fields of a source, every problem reported at once, each naming its field. `current` fills what an update leaves out. */
export function parseSourceFields(input: SourceInput, current?: SourceFields): SourceFields {
  const problems = new Problems();
  const pick = <K extends keyof SourceInput>(key: K, fallback: unknown): unknown => (input[key] === undefined ? fallback : input[key]);
  const name = readText(problems, 'name', pick('name', current?.name), { max: 200, required: true, singleLine: true });
  const kind = readChoice(problems, 'kind', pick('kind', current?.kind), SOURCE_KINDS);
  const url = readUrl(problems, pick('url', current?.url));
  const schedule = pick('scheduleMinutes', current?.scheduleMinutes ?? null);
  let scheduleMinutes: number | null = null;
  if (schedule !== null && schedule !== undefined) {
    if (typeof schedule !== 'number' || !Number.isInteger(schedule) || schedule < MIN_SCHEDULE_MINUTES || schedule > MAX_SCHEDULE_MINUTES) {
      problems.add('scheduleMinutes', `must be a whole number of minutes from ${MIN_SCHEDULE_MINUTES} to ${MAX_SCHEDULE_MINUTES} (a week), or null for on demand only`);
    } else scheduleMinutes = schedule;
  }
  const apiKeyRef = readText(problems, 'apiKeyRef', pick('apiKeyRef', current?.apiKeyRef ?? null), { max: 63, singleLine: true });
  if (apiKeyRef !== null && !API_KEY_REF_PATTERN.test(apiKeyRef)) problems.add('apiKeyRef', 'must name an environment variable of the funding service, such as SIMPLER_GRANTS_API_KEY (capitals, digits, underscores); never the key itself');
  if (kind && KINDS_NEEDING_KEY.includes(kind) && apiKeyRef === null && !problems.count) problems.add('apiKeyRef', `a ${kind} source needs an API key: name the environment variable that holds it`);
  const funder = readText(problems, 'funder', pick('funder', current?.funder ?? null), { max: 300, singleLine: true });
  const funderTypeValue = pick('funderType', current?.funderType ?? null);
  const funderType = funderTypeValue === null ? null : readChoice(problems, 'funderType', funderTypeValue, FUNDER_TYPES.map((type) => type.kind));
  const currencyValue = pick('currency', current?.currency ?? null);
  const currency = currencyValue === null ? null : readCurrency(problems, 'currency', currencyValue);
  const timeZone = readText(problems, 'timeZone', pick('timeZone', current?.timeZone ?? null), { max: 64, singleLine: true });
  if (timeZone !== null && !isTimeZone(timeZone)) problems.add('timeZone', `${JSON.stringify(timeZone)} is not a time zone; give an IANA name such as Europe/Berlin or Pacific/Auckland`);
  const countriesValue = pick('countries', current?.countries ?? []);
  const countries = Array.isArray(countriesValue) ? countriesValue.map((code) => String(code).trim().toUpperCase()) : [];
  const badCountry = countries.find((code) => !isIsoCountryCode(code));
  if (badCountry !== undefined) problems.add('countries', `${JSON.stringify(badCountry.slice(0, 20))} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`);
  if (countries.length > 60) problems.add('countries', 'at most 60 countries');
  const query = readText(problems, 'query', pick('query', current?.query ?? null), { max: 500, singleLine: true });
  problems.throwIfAny();
  return {
    name: name!,
    kind: kind!,
    url: url!,
    scheduleMinutes,
    apiKeyRef,
    funder,
    funderType: funderType as FunderKind | null,
    currency,
    timeZone,
    countries: [...new Set(countries)].sort(),
    query,
  };
}

/** The id a new source gets: the one given, or a slug of its name. */
export function parseSourceId(problems: Problems, given: string | null | undefined, name: string): string | null {
  if (given !== undefined && given !== null) {
    if (!SOURCE_ID_PATTERN.test(given)) {
      problems.add('sourceId', 'must be 2 to 63 lower-case letters, digits and hyphens, starting with a letter or digit, such as grants-gov');
      return null;
    }
    return given;
  }
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  if (!SOURCE_ID_PATTERN.test(slug)) {
    problems.add('sourceId', 'cannot be made from the name; give one such as grants-gov');
    return null;
  }
  return slug;
}
