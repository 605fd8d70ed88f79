import { isIsoCountryCode, isIsoCurrencyCode } from '@entente/contracts';
import { MAX_FIGURE, Problems, readChoice, readText } from '@entente/validation';
import { webhookUrlProblem } from '../webhooks/webhook-policy';
import { FUNDER_TYPES, type FunderKind } from '../funders/funder-types';
import { normaliseTerm } from '../matching/match-terms';
import { APPLICANT_TYPES, type ApplicantType, OPPORTUNITY_STATUSES, type OpportunityStatus } from '../opportunities/opportunity';
import { type Cadence, CADENCE_KINDS, isTimeZone } from './cadence';
import type { SearchCriteria } from './search-criteria';

export const SEARCH_LIMITS = { name: 120, terms: 20, term: 80, list: 50, days: 3650, webhookUrl: 2000, secretMin: 16, secretMax: 200 } as const;
/** Saved searches one user may keep: enough for any real need, few enough that nobody floods themselves. */
export const MAX_SEARCHES_PER_USER = 50;

export interface CriteriaInput {
  keywords?: unknown;
  excludedKeywords?: unknown;
  statuses?: unknown;
  minAmount?: unknown;
  maxAmount?: unknown;
  currency?: unknown;
  minDaysToClose?: unknown;
  maxDaysToClose?: unknown;
  funderTypes?: unknown;
  themes?: unknown;
  countries?: unknown;
  applicantTypes?: unknown;
  eligibleOnly?: unknown;
  matchesMyPriorities?: unknown;
}

export interface CadenceInput {
  kind?: unknown;
  hour?: unknown;
  weekday?: unknown;
  timeZone?: unknown;
}

export interface ChannelsInput {
  inApp?: unknown;
  email?: unknown;
  webhook?: { url?: unknown; secret?: unknown } | null;
}

export interface SavedSearchInput {
  name?: unknown;
  criteria?: CriteriaInput | null;
  cadence?: CadenceInput | null;
  channels?: ChannelsInput | null;
}

/** Where a search sends. The webhook's secret signs each POST (HMAC-SHA256 of the body). */
export interface Channels {
  inApp: boolean;
  email: boolean;
  webhook: { url: string; secret: string } | null;
}

export interface SavedSearchContent {
  name: string;
  criteria: SearchCriteria;
  cadence: Cadence;
  channels: Channels;
}

/** Reads a whole saved search; every bad field is named at once. `email` is the searcher's verified address, if the token has one. */
export function parseSavedSearch(input: SavedSearchInput, email: string | null): SavedSearchContent {
  const problems = new Problems();
  const name = readText(problems, 'name', input.name, { max: SEARCH_LIMITS.name, required: true, singleLine: true });
  const criteria = readCriteria(problems, input.criteria ?? {});
  const cadence = readCadence(problems, input.cadence);
  const channels = readChannels(problems, input.channels, email);
  problems.throwIfAny();
  return { name: name ?? '', criteria, cadence: cadence as Cadence, channels: channels as Channels };
}

function readCriteria(problems: Problems, input: CriteriaInput): SearchCriteria {
  const at = (field: string) => `criteria.${field}`;
  const minAmount = readAmount(problems, at('minAmount'), input.minAmount);
  const maxAmount = readAmount(problems, at('maxAmount'), input.maxAmount);
  if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) problems.add(at('maxAmount'), `must not be below minAmount (${minAmount})`);
  const currency = readOptionalCurrency(problems, at('currency'), input.currency);
  const minDays = readDays(problems, at('minDaysToClose'), input.minDaysToClose);
  const maxDays = readDays(problems, at('maxDaysToClose'), input.maxDaysToClose);
  if (minDays !== null && maxDays !== null && minDays > maxDays) problems.add(at('maxDaysToClose'), `must not be below minDaysToClose (${minDays})`);
  const keywords = readTerms(problems, at('keywords'), input.keywords);
  const excludedKeywords = readTerms(problems, at('excludedKeywords'), input.excludedKeywords);
  const both = keywords.filter((keyword) => excludedKeywords.includes(keyword));
  if (both.length > 0) problems.add(at('excludedKeywords'), `excludes what keywords asks for: ${both.join(', ')}`);
  return {
    keywords,
    excludedKeywords,
    statuses: readChoices<OpportunityStatus>(problems, at('statuses'), input.statuses, OPPORTUNITY_STATUSES),
    minAmount,
    maxAmount,
    currency,
    minDaysToClose: minDays,
    maxDaysToClose: maxDays,
    funderTypes: readChoices<FunderKind>(problems, at('funderTypes'), input.funderTypes, FUNDER_TYPES.map((type) => type.kind)),
    themes: readTerms(problems, at('themes'), input.themes),
    countries: readCountries(problems, at('countries'), input.countries),
    applicantTypes: readChoices<ApplicantType>(problems, at('applicantTypes'), input.applicantTypes, APPLICANT_TYPES),
    eligibleOnly: readFlag(problems, at('eligibleOnly'), input.eligibleOnly, false),
    matchesMyPriorities: readFlag(problems, at('matchesMyPriorities'), input.matchesMyPriorities, false),
  };
}

function readCadence(problems: Problems, input: CadenceInput | null | undefined): Cadence | null {
  if (!input) {
    problems.add('cadence', 'is required: instant, daily or weekly');
    return null;
  }
  const kind = readChoice(problems, 'cadence.kind', input.kind, CADENCE_KINDS);
  const timeZone = readText(problems, 'cadence.timeZone', input.timeZone ?? 'UTC', { max: 64, singleLine: true }) ?? 'UTC';
  if (!isTimeZone(timeZone)) problems.add('cadence.timeZone', `"${timeZone}" is not an IANA time zone; use one such as Europe/Berlin or Pacific/Auckland`);
  const hour = kind === 'instant' && (input.hour === undefined || input.hour === null) ? 8 : readInteger(problems, 'cadence.hour', input.hour ?? 8, 0, 23);
  let weekday: number | null = null;
  if (kind === 'weekly') weekday = readInteger(problems, 'cadence.weekday', input.weekday ?? 1, 1, 7);
  else if (input.weekday !== undefined && input.weekday !== null) problems.add('cadence.weekday', 'applies to weekly searches only');
  return kind === null ? null : { kind, hour: hour ?? 8, weekday, timeZone };
}

function readChannels(problems: Problems, input: ChannelsInput | null | undefined, email: string | null): Channels | null {
  if (!input) {
    problems.add('channels', 'is required: say where alerts go (inApp, email, webhook)');
    return null;
  }
  const inApp = readFlag(problems, 'channels.inApp', input.inApp, false);
  const wantsEmail = readFlag(problems, 'channels.email', input.email, false);
  if (wantsEmail && !email) problems.add('channels.email', 'your account has no verified email address, so no alert can be mailed to you; ask your administrator to add one, or choose inApp or a webhook');
  let webhook: Channels['webhook'] = null;
  if (input.webhook) {
    const url = readText(problems, 'channels.webhook.url', input.webhook.url, { max: SEARCH_LIMITS.webhookUrl, required: true, singleLine: true });
    const shape = url === null ? null : webhookUrlProblem(url);
    if (shape) problems.add('channels.webhook.url', shape);
    const secret = typeof input.webhook.secret === 'string' ? input.webhook.secret : null;
    if (secret === null || secret.length < SEARCH_LIMITS.secretMin || secret.length > SEARCH_LIMITS.secretMax) {
      problems.add('channels.webhook.secret', `must be ${SEARCH_LIMITS.secretMin}–${SEARCH_LIMITS.secretMax} characters: the receiver checks each POST's signature with it`);
    }
    if (url !== null && secret !== null) webhook = { url, secret };
  }
  if (!inApp && !wantsEmail && !input.webhook) problems.add('channels', 'choose at least one of inApp, email or webhook: a search that sends nowhere alerts nobody');
  return { inApp, email: wantsEmail, webhook };
}

function readTerms(problems: Problems, field: string, value: unknown): string[] {
  const list = readList(problems, field, value, SEARCH_LIMITS.terms);
  const terms = new Set<string>();
  list.forEach((item, index) => {
    const text = readText(problems, `${field}[${index}]`, item, { max: SEARCH_LIMITS.term, required: true, singleLine: true });
    if (text === null) return;
    const term = normaliseTerm(text);
    if (term === '') problems.add(`${field}[${index}]`, 'must hold a letter or a digit');
    else terms.add(term);
  });
  return [...terms];
}

function readChoices<T extends string>(problems: Problems, field: string, value: unknown, choices: readonly T[]): T[] {
  const list = readList(problems, field, value, SEARCH_LIMITS.list);
  const found = new Set<T>();
  list.forEach((item, index) => {
    const choice = readChoice(problems, `${field}[${index}]`, item, choices);
    if (choice !== null) found.add(choice);
  });
  return [...found];
}

function readCountries(problems: Problems, field: string, value: unknown): string[] {
  const list = readList(problems, field, value, SEARCH_LIMITS.list);
  const found = new Set<string>();
  list.forEach((item, index) => {
    const code = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (isIsoCountryCode(code)) found.add(code);
    else problems.add(`${field}[${index}]`, `${JSON.stringify(item)} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`);
  });
  return [...found];
}

function readList(problems: Problems, field: string, value: unknown, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add(field, 'must be a list');
    return [];
  }
  if (value.length > max) {
    problems.add(field, `must list at most ${max} (got ${value.length})`);
    return [];
  }
  return value;
}

function readAmount(problems: Problems, field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_FIGURE) {
    problems.add(field, `must be a number from 0 to ${MAX_FIGURE.toLocaleString('en')}`);
    return null;
  }
  return value;
}

function readOptionalCurrency(problems: Problems, field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isIsoCurrencyCode(code)) {
    problems.add(field, `${JSON.stringify(value)} is not an ISO 4217 currency code; use three letters such as EUR, USD or NZD`);
    return null;
  }
  return code;
}

function readDays(problems: Problems, field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  return readInteger(problems, field, value, 0, SEARCH_LIMITS.days);
}

function readInteger(problems: Problems, field: string, value: unknown, min: number, max: number): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(field, `must be a whole number from ${min} to ${max}`);
    return null;
  }
  return value;
}

function readFlag(problems: Problems, field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    problems.add(field, 'must be true or false');
    return fallback;
  }
  return value;
}

/** What saving a search says, plainly, so nobody is surprised by the mail or the POSTs that follow. */
export function alertNotice(content: SavedSearchContent, email: string | null): string {
  const where = [
    ...(content.channels.inApp ? ['in the app'] : []),
    ...(content.channels.email && email ? [`by email to ${email}`] : []),
    ...(content.channels.webhook ? [`by a signed POST to ${new URL(content.channels.webhook.url).host}`] : []),
  ];
  const when =
    content.cadence.kind === 'instant'
      ? 'as soon as a matching call is found'
      : content.cadence.kind === 'daily'
        ? `once a day at ${String(content.cadence.hour).padStart(2, '0')}:00 (${content.cadence.timeZone}), one digest of what was found`
        : `once a week on ${WEEKDAY_NAMES[(content.cadence.weekday ?? 1) - 1]} at ${String(content.cadence.hour).padStart(2, '0')}:00 (${content.cadence.timeZone}), one digest of what was found`;
  const where2 = where.length <= 1 ? (where[0] ?? '') : `${where.slice(0, -1).join(', ')} and ${where[where.length - 1]}`;
  return `This search will send you alerts ${where2}, ${when}. Each call is alerted once, and again only when it changes. Snooze it, or unsubscribe from any of its emails in one click.`;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
