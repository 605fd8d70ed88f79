import { quoted } from '@entente/errors';
import { isIsoCountryCode, isWikidataId, PARTNER_FIELD_NAMES, PARTNER_KINDS, PartnerKind } from '@entente/contracts';
import { Problems, readText } from '@entente/validation';

export const PARTNER_NAME_MAX_LENGTH = 200;
export const PARTNER_MAX_CONTACTS = 20;
export const PARTNER_NOTES_MAX_LENGTH = 2000;
export const PARTNER_WEBSITE_MAX_LENGTH = 500;
export const CONTACT_TEXT_MAX_LENGTH = 200;
export const CONTACT_EMAIL_MAX_LENGTH = 254;
export const CONTACT_PHONE_MAX_LENGTH = 40;

/** A person at the partner the office deals with; personal data, so it never leaves the registry. */
export interface PartnerContact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

/** Everything about a partner a person states; ids and who/when are the registry's. */
export interface PartnerContent {
  name: string;
  kind: PartnerKind;
  /** ISO 3166-1 alpha-2, upper-case; null while unknown (e.g. imported from Wikidata ties). */
  country: string | null;
  /** `Q` and digits. */
  wikidataId: string | null;
  /** An http(s) address. */
  website: string | null;
  notes: string | null;
  contacts: PartnerContact[];
}

/** The core of a partner: what imports know of one (name, kind and, where known, country). */
/** The content fields, in the order histories and events list them: the contract's names (@entente/contracts). */
export const PARTNER_CONTENT_FIELDS = PARTNER_FIELD_NAMES satisfies ReadonlyArray<keyof PartnerContent>;

export type RegisterPartnerCommand = Pick<PartnerContent, 'name' | 'kind' | 'country'>;

/**
 * A partner as it arrives (GraphQL input, a CSV row, an import step):
 * whatever the content fields hold, unchecked. Derived from PartnerContent, so
 * a new field needs no input type of its own here.
 */
export type RegisterPartnerInput = { readonly [K in keyof PartnerContent]?: unknown };

/** For an update: an absent field is kept, a null one is cleared (where a partner may lack it). */
export type UpdatePartnerInput = RegisterPartnerInput;

/** The fields a partner cannot be without: an update may not clear them. */
const REQUIRED_FIELDS: ReadonlySet<keyof PartnerContent> = new Set(['name', 'kind']);

/**
 * How each content field is read and normalised, problems recorded under its
 * name: registering reads them all, an update those it gives. A new field is
 * one line here (and one in PartnerContent).
 */
const READERS: { [K in keyof PartnerContent]: (problems: Problems, value: unknown) => PartnerContent[K] | null } = {
  name: (problems, value) => readName(problems, value),
  kind: (problems, value) => readKind(problems, value),
  country: (problems, value) => readCountry(problems, value),
  wikidataId: (problems, value) => readWikidataId(problems, value),
  website: (problems, value) => readWebsite(problems, value),
  notes: (problems, value) => readText(problems, 'notes', value, { max: PARTNER_NOTES_MAX_LENGTH }),
  contacts: (problems, value) => readContacts(problems, value),
};

/**
 * Checks and normalises a partner's name, kind and country (absent or null:
 * unknown), as imports give them. Every problem is reported at once.
 */
export function parseRegisterPartner(input: Pick<RegisterPartnerInput, 'name' | 'kind' | 'country'>): RegisterPartnerCommand {
  const problems = new Problems();
  const command: RegisterPartnerCommand = {
    name: readName(problems, input.name) ?? '',
    kind: readKind(problems, input.kind) ?? 'city',
    country: readCountry(problems, input.country),
  };
  problems.throwIfAny();
  return command;
}

/**
 * Checks and normalises a whole new partner: names are trimmed with inner
 * whitespace collapsed; country codes and Wikidata ids are accepted in either
 * case and stored upper-case. Every problem is reported at once, each naming
 * its field (`contacts[1].email`).
 */
export function parsePartner(input: RegisterPartnerInput): PartnerContent {
  const problems = new Problems();
  const content = Object.fromEntries(PARTNER_CONTENT_FIELDS.map((field) => [field, READERS[field](problems, input[field])])) as unknown as PartnerContent;
  problems.throwIfAny();
  return content;
}

/**
 * Checks the fields an update gives and returns just those, normalised. Name
 * and kind cannot be cleared; country, Wikidata id, website and notes can
 * (null); contacts, when given, replace the list.
 */
export function parsePartnerChanges(input: UpdatePartnerInput): Partial<PartnerContent> {
  const problems = new Problems();
  const given = PARTNER_CONTENT_FIELDS.filter((field) => input[field] !== undefined);
  // A required field read as null has had its problem recorded; it is left out rather than cleared.
  const changes = Object.fromEntries(
    given.map((field) => [field, READERS[field](problems, input[field]) ?? (REQUIRED_FIELDS.has(field) ? undefined : null)]).filter(([, value]) => value !== undefined),
  ) as Partial<PartnerContent>;
  problems.throwIfAny();
  return changes;
}

function readName(problems: Problems, value: unknown): string | null {
  if (value === null) {
    problems.add('name', 'must not be empty');
    return null;
  }
  return readText(problems, 'name', value ?? '', { max: PARTNER_NAME_MAX_LENGTH, required: true, singleLine: true });
}

function readKind(problems: Problems, value: unknown): PartnerKind | null {
  if (typeof value === 'string' && (PARTNER_KINDS as readonly string[]).includes(value)) return value as PartnerKind;
  problems.add('kind', `must be one of ${PARTNER_KINDS.join(', ')}`);
  return null;
}

/** Absent or null is "unknown": a person supplies it later (needsCountry). A blank is refused as a typo. */
function readCountry(problems: Problems, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isIsoCountryCode(code)) {
    problems.add('country', `${quoted(value)} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US, or null if unknown`);
    return null;
  }
  return code;
}

function readWikidataId(problems: Problems, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!isWikidataId(id)) {
    problems.add('wikidataId', `${quoted(value)} is not a Wikidata item id; use Q and its number, such as Q25319 for Aarhus`);
    return null;
  }
  return id;
}

function readWebsite(problems: Problems, value: unknown): string | null {
  const text = readText(problems, 'website', value, { max: PARTNER_WEBSITE_MAX_LENGTH, singleLine: true });
  if (text === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.') || text.includes(' ')) {
    problems.add('website', `${quoted(text)} is not a web address; give it with https://, such as https://www.aarhus.dk`);
    return null;
  }
  return text;
}

/**
 * Addresses people type: one @, no spaces, a dotted domain of letters, digits
 * and hyphens, within the lengths SMTP allows. Not full RFC 5322 (quoted local
 * parts), which offices do not use for partner contacts.
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= CONTACT_EMAIL_MAX_LENGTH && EMAIL.test(value) && !value.split('@')[0].startsWith('.') && !value.includes('..');
}

/**
 * Numbers as people write them on letterheads and websites, kept as written
 * (nothing is normalised): +45 89 40 20 00, +1 (410) 555-0100, 0381/381-0,
 * +64 6.356.8199. At least five digits; + only at the start.
 */
const PHONE = /^\+?[0-9 ().\-/]+$/;
const PHONE_MIN_DIGITS = 5;
/** What the schema's description and the refusal both say, so they cannot drift from PHONE. */
export const PHONE_FORMAT = 'digits, spaces, ( ) - . / and a leading +, at least 5 digits';

export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= PHONE_MIN_DIGITS;
}

function readContacts(problems: Problems, value: unknown): PartnerContact[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add('contacts', 'must be a list');
    return [];
  }
  if (value.length > PARTNER_MAX_CONTACTS) {
    problems.add('contacts', `must list at most ${PARTNER_MAX_CONTACTS} contacts (got ${value.length})`);
    return [];
  }
  return value.map((item: unknown, index) => readContact(problems, `contacts[${index}]`, item));
}

function readContact(problems: Problems, path: string, value: unknown): PartnerContact {
  const contact = (typeof value === 'object' && value !== null ? value : {}) as { readonly [K in keyof PartnerContact]?: unknown };
  const name = readText(problems, `${path}.name`, contact.name, { max: CONTACT_TEXT_MAX_LENGTH, required: true, singleLine: true });
  const role = readText(problems, `${path}.role`, contact.role, { max: CONTACT_TEXT_MAX_LENGTH, singleLine: true });
  let email = readText(problems, `${path}.email`, contact.email, { max: CONTACT_EMAIL_MAX_LENGTH, singleLine: true });
  if (email !== null && !isEmailAddress(email)) {
    problems.add(`${path}.email`, `${quoted(email)} is not an e-mail address such as name@example.org`);
    email = null;
  }
  let phone = readText(problems, `${path}.phone`, contact.phone, { max: CONTACT_PHONE_MAX_LENGTH, singleLine: true });
  if (phone !== null && !isPhoneNumber(phone)) {
    problems.add(`${path}.phone`, `${quoted(phone)} is not a phone number; use ${PHONE_FORMAT}, such as +45 89 40 20 00 or +1 (410) 555-0100`);
    phone = null;
  }
  const notes = readText(problems, `${path}.notes`, contact.notes, { max: PARTNER_NOTES_MAX_LENGTH });
  return { name: name ?? '', role, email: email === null ? null : lowerCaseDomain(email), phone, notes };
}

/** The domain of an address is case-insensitive; the local part, strictly, is not. */
function lowerCaseDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return email.slice(0, at) + email.slice(at).toLowerCase();
}
