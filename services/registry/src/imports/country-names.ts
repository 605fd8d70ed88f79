import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import { IsoCountryCode, isIsoCountryCode } from '@entente/contracts';
import { quoted } from '@entente/errors';

/**
 * A country as real files write it — "the Netherlands", "USA", "Deutschland",
 * "Korea, Republic of", "NLD", "nl" — read to its ISO 3166-1 alpha-2 code
 * with i18n-iso-countries' English and German names (the registry's users
 * write in both), plus the few aliases real files use that the library lacks.
 * A name that fits no country, or more than one ("Congo", "Korea"), is not
 * guessed at: the caller reports it for a person to fix. Pure: the index is
 * built once from the library's data when the module loads.
 */

countries.registerLocale(en);
countries.registerLocale(de);

const LANGUAGES = ['en', 'de'] as const;

/** What real files write that the library does not list; a name listed for two codes is ambiguous on purpose. */
const ALIASES: ReadonlyArray<readonly [string, IsoCountryCode]> = [
  // The United Kingdom: short forms, the full name, and the four nations, which files from the UK give as the country.
  ['U.K.', 'GB'],
  ['Britain', 'GB'],
  ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
  ['Vereinigtes Königreich Großbritannien und Nordirland', 'GB'],
  ['Vereinigten Königreich', 'GB'],
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Schottland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['Nordirland', 'GB'],
  // German declines these after the article: "die Vereinigten Staaten".
  ['Vereinigten Staaten', 'US'],
  ['Vereinigten Staaten von Amerika', 'US'],
  ['Holland', 'NL'],
  ['Kingdom of the Netherlands', 'NL'],
  ['Königreich der Niederlande', 'NL'],
  ['Federal Republic of Germany', 'DE'],
  ['Bundesrepublik Deutschland', 'DE'],
  ['BRD', 'DE'],
  ['Republik Korea', 'KR'],
  ['Süd-Korea', 'KR'],
  ["Democratic People's Republic of Korea", 'KP'],
  ['Demokratische Volksrepublik Korea', 'KP'],
  ['Nord-Korea', 'KP'],
  // "Korea" and the German "Kongo" name either of two countries: ambiguous, reported rather than guessed.
  ['Korea', 'KR'],
  ['Korea', 'KP'],
  ['Kongo', 'CG'],
  ['Demokratische Republik Kongo', 'CD'],
  ['Tschechei', 'CZ'],
  ['Macedonia', 'MK'],
  ['Mazedonien', 'MK'],
  ['Swaziland', 'SZ'],
  ['Swasiland', 'SZ'],
  ['Burma', 'MM'],
  ['Birma', 'MM'],
  ['Cabo Verde', 'CV'],
  ['East Timor', 'TL'],
  ['Vatican', 'VA'],
  ['Vatican City', 'VA'],
  ['Vatikan', 'VA'],
  ['Palästina', 'PS'],
  ['Moldova', 'MD'],
  ['Moldau', 'MD'],
  ['Republik Moldau', 'MD'],
  ['Laos', 'LA'],
  ['Syria', 'SY'],
  ['Syrien', 'SY'],
  // Two territories share the name.
  ['Virgin Islands', 'VG'],
  ['Virgin Islands', 'VI'],
  ['Micronesia', 'FM'],
  ['Eire', 'IE'],
  // The EU's code for Greece, common in EU data.
  ['EL', 'GR'],
];

/** Articles files put before a country's name: "the Netherlands", "die Schweiz", "der Iran". */
const LEADING_ARTICLE = /^(?:the|die|der|das|den) (?=\S)/;

/**
 * The form names are compared in: lower case without accents (ß as ss), dots
 * dropped (U.S.A.), other punctuation as a space, "St."/"Sankt" as "saint",
 * and a leading article left out.
 */
export function countryNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/\./g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\b(?:st|sankt)\b/g, 'saint')
    .replace(LEADING_ARTICLE, '');
}

/** "Korea, Republic of" is also written "Republic of Korea": both orders are indexed. */
function spellings(name: string): string[] {
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  const outer = /^(.+?)\s*\([^)]*\)$/.exec(name);
  return [name, ...(comma ? [`${comma[2]} ${comma[1]}`] : []), ...(outer ? [outer[1] as string] : [])];
}

function buildIndex(): { byKey: Map<string, Set<string>>; unassigned: Map<string, string> } {
  const byKey = new Map<string, Set<string>>();
  const unassigned = new Map<string, string>();
  const add = (name: string, code: string): void => {
    for (const spelling of spellings(name)) {
      const key = countryNameKey(spelling);
      if (key === '') continue;
      if (!isIsoCountryCode(code)) {
        // The library also names user-assigned codes (XK, Kosovo); the registry stores only assigned ones.
        unassigned.set(key, code);
        continue;
      }
      byKey.set(key, (byKey.get(key) ?? new Set()).add(code));
    }
  };
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    for (const language of LANGUAGES) {
      for (const name of countries.getName(code, language, { select: 'all' }) ?? []) add(name, code);
    }
  }
  for (const [name, code] of ALIASES) add(name, code);
  for (const code of [...new Set(unassigned.values())]) unassigned.set(countryNameKey(code), code);
  return { byKey, unassigned };
}

const INDEX = buildIndex();

export type CountryReading = { readonly ok: true; readonly code: IsoCountryCode } | { readonly ok: false; readonly reason: string };

function englishName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/**
 * Reads an ISO 3166-1 alpha-2 or alpha-3 code in either case, or a country's
 * English or German name, to its alpha-2 code. The reason of a failure
 * quotes the value and says what would be understood.
 */
export function readCountryName(value: string): CountryReading {
  const text = value.trim();
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isIsoCountryCode(upper)) return { ok: true, code: upper };
  if (/^[A-Z]{3}$/.test(upper)) {
    const code = countries.alpha3ToAlpha2(upper);
    if (code !== undefined && isIsoCountryCode(code)) return { ok: true, code };
  }
  const key = countryNameKey(text);
  const codes = [...(INDEX.byKey.get(key) ?? [])].sort();
  if (codes.length === 1) return { ok: true, code: codes[0] as IsoCountryCode };
  if (codes.length > 1) {
    const options = codes.map((code) => `${code} (${englishName(code)})`).join(' or ');
    return { ok: false, reason: `cannot place ${quoted(text)} as one country: it may be ${options}; use the ISO code` };
  }
  const unassigned = INDEX.unassigned.get(key);
  if (unassigned !== undefined) {
    return { ok: false, reason: `cannot place ${quoted(text)}: it has no officially assigned ISO 3166-1 code (${unassigned} is user-assigned), and the registry stores countries by ISO code` };
  }
  return { ok: false, reason: `cannot place ${quoted(text)} as a country; use its English or German name or an ISO code such as NL` };
}

/** Every name that reads as more than one country, for the tests and the README. */
export function ambiguousCountryNames(): Array<{ key: string; codes: string[] }> {
  return [...INDEX.byKey]
    .filter(([, codes]) => codes.size > 1)
    .map(([key, codes]) => ({ key, codes: [...codes].sort() }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}
