import {
  isIsoCountryCode,
  JURISDICTION_ID_PATTERN,
  JURISDICTION_LEVELS,
  type JurisdictionLevel,
  type JurisdictionProfilePayload,
  type JurisdictionStatus,
} from '@entente/contracts';
import type { PlatformRole } from '@entente/auth';
import { quoted, ValidationError } from '@entente/errors';
import { Problems, readChoice, readCurrency, readText } from '@entente/validation';

/** The profile a jurisdiction keeps on the platform (everything but its id and status). */
/** A jurisdiction's profile: the event contract's, less the id and status the registry keeps beside it. */
export type JurisdictionProfile = Omit<JurisdictionProfilePayload, 'jurisdictionId' | 'status'>;

export type JurisdictionProfileInput = { [K in keyof JurisdictionProfile]?: unknown };

/** Jurisdiction ids that name the platform itself, never a tenant. */
const RESERVED_IDS = new Set(['platform', 'admin', 'system']);
const MAX_POPULATION = 2_000_000_000;
const MAX_LANGUAGES = 20;
export const JURISDICTION_NAME_MAX_LENGTH = 200;
export const INVITEE_EMAIL_MAX_LENGTH = 254;
export const INVITEE_NAME_MAX_LENGTH = 100;
export const PROFILE_FIELDS = [
  'name',
  'level',
  'country',
  'subdivision',
  'wikidataId',
  'timeZone',
  'currency',
  'fiscalYearStart',
  'languages',
  'population',
] as const satisfies readonly (keyof JurisdictionProfile)[];

export function parseJurisdictionId(value: unknown, field = 'id'): string {
  const problems = new Problems();
  const id = readJurisdictionId(problems, field, value);
  problems.throwIfAny();
  return id as string;
}

function readJurisdictionId(problems: Problems, field: string, value: unknown): string | null {
  if (typeof value !== 'string' || !JURISDICTION_ID_PATTERN.test(value.trim())) {
    problems.add(field, 'must be a lower-case slug of 2–63 letters, digits and dashes, starting with a letter or digit, such as "rostock" or "palmerston-north"');
    return null;
  }
  const id = value.trim();
  if (RESERVED_IDS.has(id)) {
    problems.add(field, `${quoted(id)} is reserved for the platform; choose the jurisdiction's own name`);
    return null;
  }
  return id;
}

/** Checks a whole profile for onboarding: every required field present, each problem named. */
export function parseOnboarding(input: { id: unknown } & JurisdictionProfileInput): { jurisdictionId: string; profile: JurisdictionProfile } {
  const problems = new Problems();
  const jurisdictionId = readJurisdictionId(problems, 'id', input.id);
  const profile = readProfile(problems, input);
  problems.throwIfAny();
  return { jurisdictionId: jurisdictionId as string, profile: profile as JurisdictionProfile };
}

/**
 * Checks a partial profile update against the current profile: only given
 * fields change (null clears an optional one), and the result must still be a
 * coherent profile (a subdivision belongs to the country). Returns the new
 * profile and the names of the fields whose value changed.
 */
export function applyProfileUpdate(current: JurisdictionProfile, input: JurisdictionProfileInput): { profile: JurisdictionProfile; changed: (keyof JurisdictionProfile)[] } {
  const problems = new Problems();
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as JurisdictionProfileInput;
  const merged = readProfile(problems, { ...current, ...given });
  problems.throwIfAny();
  const profile = merged as JurisdictionProfile;
  const changed = PROFILE_FIELDS.filter((field) => JSON.stringify(profile[field]) !== JSON.stringify(current[field]));
  return { profile, changed };
}

function readProfile(problems: Problems, input: JurisdictionProfileInput): JurisdictionProfile | null {
  const name = readText(problems, 'name', input.name, { max: JURISDICTION_NAME_MAX_LENGTH, required: true, singleLine: true });
  const level = readChoice(problems, 'level', input.level, JURISDICTION_LEVELS);
  const country = readCountry(problems, input.country);
  const subdivision = readSubdivision(problems, input.subdivision, country);
  const wikidataId = readWikidataId(problems, input.wikidataId);
  const timeZone = readTimeZone(problems, input.timeZone);
  const currency = readCurrency(problems, 'currency', input.currency);
  const fiscalYearStart = readFiscalYearStart(problems, input.fiscalYearStart);
  const languages = readLanguages(problems, input.languages);
  const population = readPopulation(problems, input.population);
  if (problems.count > 0) return null;
  return {
    name: name as string,
    level: level as JurisdictionLevel,
    country: country as string,
    subdivision,
    wikidataId,
    timeZone: timeZone as string,
    currency: currency as string,
    fiscalYearStart: fiscalYearStart as string,
    languages,
    population,
  };
}

function readCountry(problems: Problems, value: unknown): string | null {
  if (value === undefined || value === null) {
    problems.add('country', 'is required');
    return null;
  }
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isIsoCountryCode(code)) {
    problems.add('country', `${quoted(value)} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`);
    return null;
  }
  return code;
}

function readSubdivision(problems: Problems, value: unknown, country: string | null): string | null {
  if (value === undefined || value === null || value === '') return null;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
    problems.add('subdivision', `${quoted(value)} is not an ISO 3166-2 subdivision code; use the country code, a dash and up to three letters or digits, such as DE-MV or US-MD`);
    return null;
  }
  if (country !== null && !code.startsWith(`${country}-`)) {
    problems.add('subdivision', `${code} is not a subdivision of ${country}; it must start with "${country}-"`);
    return null;
  }
  return code;
}

export function readWikidataId(problems: Problems, value: unknown, field = 'wikidataId'): string | null {
  if (value === undefined || value === null || value === '') return null;
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^Q[1-9]\d{0,11}$/.test(id)) {
    problems.add(field, `${quoted(value)} is not a Wikidata item id; it looks like Q2861`);
    return null;
  }
  return id;
}

function readTimeZone(problems: Problems, value: unknown): string | null {
  if (value === undefined || value === null || value === '') {
    problems.add('timeZone', 'is required');
    return null;
  }
  const zone = typeof value === 'string' ? value.trim() : '';
  try {
    if (zone.length === 0 || zone.length > 64) throw new RangeError('length');
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    problems.add('timeZone', `${quoted(value)} is not an IANA time zone; use a name such as Europe/Berlin, Pacific/Auckland or America/New_York`);
    return null;
  }
}

/** `MM-DD`; 29 February is refused because most years have none. */
function readFiscalYearStart(problems: Problems, value: unknown): string | null {
  if (value === undefined || value === null || value === '') {
    problems.add('fiscalYearStart', 'is required');
    return null;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  const month = match ? Number(match[1]) : 0;
  const day = match ? Number(match[2]) : 0;
  const lastDay = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (!match || day < 1 || day > lastDay) {
    problems.add('fiscalYearStart', `${quoted(value)} is not a month and day; use MM-DD such as 01-01, 04-01 or 07-01`);
    return null;
  }
  return text;
}

function readLanguages(problems: Problems, value: unknown): string[] {
  if (value === undefined || value === null) {
    problems.add('languages', 'is required: give at least one language, such as ["de"]');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.add('languages', 'must list at least one language tag, such as ["de"] or ["en", "mi"]');
    return [];
  }
  if (value.length > MAX_LANGUAGES) {
    problems.add('languages', `must list at most ${MAX_LANGUAGES} languages (got ${value.length})`);
    return [];
  }
  const tags: string[] = [];
  for (const [index, raw] of value.entries()) {
    try {
      if (typeof raw !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(raw.trim())) throw new RangeError('shape');
      const [canonical] = Intl.getCanonicalLocales(raw.trim());
      if (canonical && !tags.includes(canonical)) tags.push(canonical);
    } catch {
      problems.add(`languages.${index}`, `${quoted(raw)} is not a BCP 47 language tag; use one such as de, en-NZ or mi`);
    }
  }
  return tags;
}

function readPopulation(problems: Problems, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_POPULATION) {
    problems.add('population', `must be a whole number of people between 0 and ${MAX_POPULATION.toLocaleString('en')}`);
    return null;
  }
  return value;
}

/** Status changes a platform-admin may make by hand; offboarding has its own mutation (export first). */
const MANUAL_TRANSITIONS: Readonly<Record<JurisdictionStatus, readonly JurisdictionStatus[]>> = {
  onboarding: ['active', 'suspended'],
  active: ['suspended'],
  suspended: ['active'],
  offboarded: [],
};

export function checkStatusChange(from: JurisdictionStatus, to: JurisdictionStatus): void {
  if (from === to) throw ValidationError.forField('status', `the jurisdiction is already ${to}`);
  if (to === 'offboarded') throw ValidationError.forField('status', 'use offboardJurisdiction, which exports the data before deleting it');
  if (!MANUAL_TRANSITIONS[from].includes(to)) {
    const allowed = MANUAL_TRANSITIONS[from];
    throw ValidationError.forField('status', `a jurisdiction that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`);
  }
}

/**
 * Roles one may grant by invitation. Nobody grants platform-admin through the
 * API (that stays a realm operation); regional-coordinator spans
 * jurisdictions, so only a platform-admin grants it.
 */
export function checkGrantableRoles(granter: readonly PlatformRole[], roles: readonly string[]): PlatformRole[] {
  const jurisdictionRoles: PlatformRole[] = ['jurisdiction-admin', 'executive', 'staff', 'viewer'];
  const grantable: PlatformRole[] = granter.includes('platform-admin') ? [...jurisdictionRoles, 'regional-coordinator'] : jurisdictionRoles;
  if (roles.length === 0) throw ValidationError.forField('roles', `give at least one role: ${grantable.join(', ')}`);
  const refused = roles.filter((role) => !(grantable as string[]).includes(role));
  if (refused.length > 0) throw ValidationError.forField('roles', `you cannot grant ${refused.join(', ')}; grantable roles are ${grantable.join(', ')}`);
  return [...new Set(roles)] as PlatformRole[];
}

export interface InviteeInput {
  email: unknown;
  firstName: unknown;
  lastName: unknown;
}

/**
 * Keycloak's user profile refuses these in first and last names
 * (person-name-prohibited-characters: `<>&"$%!#?§;*~/\|^=[]{}()`, control
 * characters and line breaks). Checked here, before anything is stored, so an
 * invitation never fails halfway in Keycloak.
 */
const NAME_PROHIBITED = /[<>&"$%!#?§;*~/\\|^=[\]{}()\u0000-\u001f\u007f\u0085\u2028\u2029]/;
/**
 * The email is also the Keycloak username, whose validator refuses more
 * (quotes, `&`, `$`, `%`, `!`, `#`, `*`, `/`, `=`, `?`, `^`, `{}`, `|`, `~`, backtick…), so
 * the local part keeps to letters, digits, `.`, `_`, `+` and `-`.
 */
const INVITEE_EMAIL = /^[A-Za-z0-9._+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function parseInvitee(input: InviteeInput, prefix = ''): { email: string; firstName: string; lastName: string } {
  const problems = new Problems();
  const email = readText(problems, `${prefix}email`, input.email, { max: INVITEE_EMAIL_MAX_LENGTH, required: true, singleLine: true });
  if (email !== null && (!INVITEE_EMAIL.test(email) || email.startsWith('.') || email.includes('..') || email.includes('.@'))) {
    problems.add(`${prefix}email`, `${quoted(email)} is not an email address the sign-in service accepts; use letters, digits, dots, dashes, underscores or + before the @, such as anna.schmidt@rostock.de`);
  }
  const firstName = readPersonName(problems, `${prefix}firstName`, input.firstName);
  const lastName = readPersonName(problems, `${prefix}lastName`, input.lastName);
  problems.throwIfAny();
  return { email: (email as string).toLowerCase(), firstName: firstName as string, lastName: lastName as string };
}

function readPersonName(problems: Problems, field: string, value: unknown): string | null {
  const name = readText(problems, field, value, { max: INVITEE_NAME_MAX_LENGTH, required: true, singleLine: true });
  if (name !== null && NAME_PROHIBITED.test(name)) {
    problems.add(field, 'must not contain < > & " $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ) or control characters, which the sign-in service refuses in names');
    return null;
  }
  return name;
}
