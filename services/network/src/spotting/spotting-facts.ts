import type { SharedCopy } from '../sharing/sharing-scopes';
import type { Money } from './suggestion';

/**
 * What spotting reads of a shared copy. A copy holds only the fields its
 * grant allows, so every reader here takes a missing field as unknown and
 * the record then contributes nothing that needs it.
 */

export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
export const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((v): v is string => v !== null) : []);

/** A word as compared across members: case, accents and spacing do not matter. */
export function normalised(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Activities that are still ahead: cancelled, done and postponed ones join nothing. */
const INACTIVE_ACTIVITY_STATUSES = new Set(['cancelled', 'done', 'postponed']);
const OUTBOUND_TYPES = new Set(['outbound-delegation', 'trade-mission']);

export function isLiveActivity(copy: SharedCopy): boolean {
  return copy.kind === 'activity' && !INACTIVE_ACTIVITY_STATUSES.has(text(copy.fields['status']) ?? '');
}

export function isOutboundDelegation(copy: SharedCopy): boolean {
  return isLiveActivity(copy) && OUTBOUND_TYPES.has(text(copy.fields['type']) ?? '');
}

export function isHostedVisit(copy: SharedCopy): boolean {
  return isLiveActivity(copy) && text(copy.fields['type']) === 'hosted-visit';
}

/** A priority's countries, upper-cased ISO codes. */
export function priorityCountries(copy: SharedCopy): string[] {
  return copy.kind === 'priority' ? [...new Set(texts(copy.fields['countries']).map((c) => c.toUpperCase()))] : [];
}

export function prioritySectors(copy: SharedCopy): string[] {
  return copy.kind === 'priority' ? texts(copy.fields['sectors']) : [];
}

/**
 * A copy's terms, worked out once: a copy is replaced, never changed, when
 * its record changes, and normalising every term of every matching priority
 * again for each call was a large part of bench G's event time.
 */
const termsOfCopy = new WeakMap<SharedCopy, readonly string[]>();

/** The words of a priority a call's themes can match: its themes and sectors (shared: callers must not change the list). */
export function priorityTerms(copy: SharedCopy): readonly string[] {
  if (copy.kind !== 'priority') return [];
  let terms = termsOfCopy.get(copy);
  if (terms === undefined) {
    terms = [...new Set([...texts(copy.fields['themes']), ...texts(copy.fields['sectors'])].map(normalised).filter((t) => t !== ''))];
    termsOfCopy.set(copy, terms);
  }
  return terms;
}

export function activityCountry(copy: SharedCopy): string | null {
  return copy.kind === 'activity' ? (text(copy.fields['country'])?.toUpperCase() ?? null) : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** When an activity takes place: its window, a one-day window when only one end is known, its year when no window is shared (approximate). */
export interface ActivityWindow {
  start: string;
  end: string;
  approximate: boolean;
}

export function activityWindow(copy: SharedCopy): ActivityWindow | null {
  const date = (value: unknown): string | null => {
    const t = text(value);
    return t && ISO_DATE.test(t) ? t.slice(0, 10) : null;
  };
  const start = date(copy.fields['windowStart']);
  const end = date(copy.fields['windowEnd']);
  if (start && end) return start <= end ? { start, end, approximate: false } : { start: end, end: start, approximate: false };
  if (start || end) return { start: (start ?? end) as string, end: (start ?? end) as string, approximate: false };
  const year = copy.fields['year'];
  if (typeof year === 'number' && Number.isInteger(year)) return { start: `${year}-01-01`, end: `${year}-12-31`, approximate: true };
  return null;
}

/**
 * What one occurrence of an activity costs, when the member's grant allows
 * the `cost` field: `{ amount, currency }` as the read model keeps it from
 * planning's activity events (v2; v1 carried none, so null). Unknown when
 * the grant leaves it out; the saving is estimated from the costs shared.
 */
export function activityCost(copy: SharedCopy): Money | null {
  const cost = copy.fields['cost'];
  if (!cost || typeof cost !== 'object') return null;
  const { amount, currency } = cost as Record<string, unknown>;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  const code = text(currency);
  return code ? { amount, currency: code.toUpperCase() } : null;
}

/** Kinds of partner that are a city, or may be one when the grant leaves the kind out. */
const CITY_KINDS = new Set(['city']);

/** A tie to a foreign place, from a shared partner or relationship. */
export interface CityTie {
  /** Null when the member has not recorded it (a partner imported from Wikidata twinning data, until a person gives it). */
  country: string | null;
  /** The city as compared across members by name (normalised). */
  city: string;
  /** The place's Wikidata item, when the member's partner names it: the identity that holds across spellings and unknown countries. */
  wikidataId: string | null;
  /** The name as the member wrote it. */
  name: string;
  active: boolean;
}

/**
 * The city a partner or relationship ties its member to. A partner counts
 * when it is a city (or its kind was not shared); a relationship counts
 * unless it ended (its partner's kind is not on the relationship, so a
 * relationship to a university counts as a tie to a place of that name:
 * share partners too to avoid that). A tie needs a name and something that
 * says which place it is: a country, or (partners) a Wikidata id. The
 * relationship events carry no Wikidata id, so a relationship of unknown
 * country is no tie; its partner, shared, is.
 */
export function cityTieOf(copy: SharedCopy): CityTie | null {
  if (copy.kind === 'partner') {
    const kind = text(copy.fields['kind']);
    if (kind !== null && !CITY_KINDS.has(kind)) return null;
    return tie(copy.fields['name'], copy.fields['country'], text(copy.fields['wikidataId'])?.toUpperCase() ?? null, true);
  }
  if (copy.kind === 'relationship') {
    const status = text(copy.fields['status']);
    if (status === 'ended') return null;
    return tie(copy.fields['partnerName'], copy.fields['partnerCountry'], null, status === null || status === 'active');
  }
  return null;
}

function tie(nameValue: unknown, countryValue: unknown, wikidataId: string | null, active: boolean): CityTie | null {
  const name = text(nameValue);
  const country = text(countryValue)?.toUpperCase() ?? null;
  if (!name || (!country && !wikidataId)) return null;
  const city = normalised(name);
  return city === '' ? null : { country, city, wikidataId, name, active };
}

/** The index keys a tie is found under: its country and name when the country is known, its Wikidata id (under `*`) when that is. */
export function cityKeysOf(found: CityTie): Array<{ country: string; city: string }> {
  return [...(found.country ? [{ country: found.country, city: found.city }] : []), ...(found.wikidataId ? [{ country: ANY_COUNTRY, city: found.wikidataId }] : [])];
}

/** The country of a city subject found by Wikidata id: any country (the ties in it may not say). */
export const ANY_COUNTRY = '*';

/** Every country a copy bears on for spotting: a priority's targets, a live activity's destination or visitors' origin, a partner's or live relationship's country. */
export function spottingCountriesOf(copy: SharedCopy): string[] {
  switch (copy.kind) {
    case 'priority':
      return priorityCountries(copy);
    case 'activity': {
      const country = activityCountry(copy);
      return country && isLiveActivity(copy) ? [country] : [];
    }
    case 'partner': {
      const country = text(copy.fields['country']);
      return country ? [country.toUpperCase()] : [];
    }
    case 'relationship': {
      const country = text(copy.fields['partnerCountry']);
      return country && text(copy.fields['status']) !== 'ended' ? [country.toUpperCase()] : [];
    }
    case 'asset':
      return [];
  }
}
