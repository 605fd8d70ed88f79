import { quoted } from '@entente/errors';
import { ASSET_CONFIDENTIALITY_LEVELS, isIsoCountryCode, isIsoCurrencyCode } from '@entente/contracts';
import {
  ASSET_CATEGORIES,
  ASSET_TYPES,
  AssetCategory,
  AssetType,
  FDI_ASSET_TYPES,
  assetTypesOf,
  categoryOfAssetType,
  isAssetCategory,
  isAssetType,
} from './asset-catalogue';
import { Problems, latestToday, readChoice, readCurrency, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';

export const ASSET_NAME_MAX_LENGTH = 200;
export const ASSET_DESCRIPTION_MAX_LENGTH = 2000;
export const ASSET_SOURCE_MAX_LENGTH = 200;
export const ASSET_MAX_COUNTRIES = 50;
export const ASSET_MAX_SECTORS = 20;
export const ASSET_SECTOR_MAX_LENGTH = 100;
export const MAGNITUDE_UNIT_MAX_LENGTH = 40;

/** Who may see an asset: the office only, members of its networks, or anyone. */
export const CONFIDENTIALITY_LEVELS = ASSET_CONFIDENTIALITY_LEVELS;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/**
 * The one unit for amounts of money. Money is `{ unit: 'money', currency }`
 * so that a figure's unit says what is counted and its currency says in what:
 * totals are then grouped by unit and currency and never add euros to dollars.
 * Every other unit (jobs, people, fte, companies…) has no currency.
 */
export const MONEY_UNIT = 'money';

export interface Magnitude {
  value: number;
  /** Lower-case, e.g. 'jobs', 'people', 'fte', or 'money'. */
  unit: string;
  /** ISO 4217, present exactly when the unit is money. */
  currency: string | null;
}

export interface RecordAssetCommand {
  name: string;
  description: string | null;
  category: AssetCategory;
  type: AssetType;
  /** ISO 3166-1 alpha-2, upper-case, each once, in the order given. */
  countries: string[];
  sectors: string[];
  magnitude: Magnitude | null;
  /** Provenance: the partner organisation that gave the figure. */
  sourceOrganisation: string | null;
  /** YYYY-MM-DD. */
  asOf: string | null;
  confidentiality: Confidentiality;
}

/** What a person or an import row supplies; anything may be missing or mistyped. */
export interface RecordAssetInput {
  name?: string | null;
  description?: string | null;
  category?: string | null;
  type?: string | null;
  countries?: ReadonlyArray<string> | null;
  sectors?: ReadonlyArray<string> | null;
  magnitude?: { value?: number | null; unit?: string | null; currency?: string | null } | null;
  sourceOrganisation?: string | null;
  asOf?: string | null;
  confidentiality?: string | null;
}

/**
 * Checks and normalises an asset. Every problem is reported at once, each
 * naming its field path (`countries[1]`, `magnitude.currency`).
 *
 * `now` decides what "in the future" means for the as-of date; it is a
 * parameter so the rule stays a pure function.
 */
export function parseRecordAsset(input: RecordAssetInput, now: Date = new Date()): RecordAssetCommand {
  const problems = new Problems();
  const name = readText(problems, 'name', input.name, { max: ASSET_NAME_MAX_LENGTH, required: true, singleLine: true });
  const description = readText(problems, 'description', input.description, { max: ASSET_DESCRIPTION_MAX_LENGTH });
  const { category, type } = readCategoryAndType(problems, input.category, input.type);
  const countries = readCountries(problems, input.countries);
  const countriesGiven = Array.isArray(input.countries) && input.countries.length > 0;
  // When codes were given but are bad, their own problems say so; this one is for none given.
  if (type !== null && FDI_ASSET_TYPES.includes(type) && !countriesGiven) problems.add('countries', fdiCountryMessage(type));
  const sectors = readSectors(problems, input.sectors);
  const magnitude = readMagnitude(problems, input.magnitude);
  const sourceOrganisation = readText(problems, 'sourceOrganisation', input.sourceOrganisation, {
    max: ASSET_SOURCE_MAX_LENGTH,
    singleLine: true,
  });
  const asOf = readIsoDate(problems, 'asOf', input.asOf);
  if (asOf !== null && asOf > latestToday(now)) problems.add('asOf', `must not be in the future (got ${asOf})`);
  // A figure without the date it held is not evidence anyone can cite or refresh.
  if (input.magnitude !== undefined && input.magnitude !== null && (input.asOf === undefined || input.asOf === null || input.asOf === '')) {
    problems.add('asOf', 'is required when a magnitude is given: say when the figure held');
  }
  const confidentiality = readChoice(problems, 'confidentiality', input.confidentiality, CONFIDENTIALITY_LEVELS, 'internal');
  problems.throwIfAny();
  return {
    name: name as string,
    description,
    category: category as AssetCategory,
    type: type as AssetType,
    countries,
    sectors,
    magnitude,
    sourceOrganisation,
    asOf,
    confidentiality: confidentiality as Confidentiality,
  };
}

function fdiCountryMessage(type: AssetType): string {
  return type === 'inbound-fdi'
    ? 'inbound FDI needs at least one origin country'
    : 'outbound FDI needs at least one destination country';
}

function readCategoryAndType(
  problems: Problems,
  rawCategory: unknown,
  rawType: unknown,
): { category: AssetCategory | null; type: AssetType | null } {
  const category = isAssetCategory(rawCategory) ? rawCategory : null;
  if (category === null) problems.add('category', `must be one of ${ASSET_CATEGORIES.join(', ')}`);
  if (!isAssetType(rawType)) {
    const allowed = category === null ? ASSET_TYPES : assetTypesOf(category);
    problems.add(
      'type',
      allowed.length === 0
        ? `${category} has no asset types: record an existing international relationship as a relationship with a partner`
        : `must be one of ${allowed.join(', ')}`,
    );
    return { category, type: null };
  }
  if (category !== null && categoryOfAssetType(rawType) !== category) {
    const allowed = assetTypesOf(category);
    problems.add(
      'type',
      allowed.length === 0
        ? `${category} has no asset types: record an existing international relationship as a relationship with a partner`
        : `${rawType} is a type of ${categoryOfAssetType(rawType)}, not of ${category}; ${category} has ${allowed.join(', ')}`,
    );
    return { category, type: null };
  }
  return { category, type: rawType };
}

function readCountries(problems: Problems, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add('countries', 'must be a list of ISO 3166-1 alpha-2 country codes');
    return [];
  }
  const countries = new Set<string>();
  value.forEach((item: unknown, index) => {
    const code = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (isIsoCountryCode(code)) countries.add(code);
    else
      problems.add(
        `countries[${index}]`,
        `${quoted(item)} is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`,
      );
  });
  if (countries.size > ASSET_MAX_COUNTRIES) problems.add('countries', `must list at most ${ASSET_MAX_COUNTRIES} (got ${countries.size})`);
  return [...countries];
}

/** Sectors are free text; duplicates that differ only in case or spacing are dropped, keeping the first spelling. */
function readSectors(problems: Problems, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.add('sectors', 'must be a list');
    return [];
  }
  const sectors = new Map<string, string>();
  value.forEach((item: unknown, index) => {
    const sector = readText(problems, `sectors[${index}]`, item, { max: ASSET_SECTOR_MAX_LENGTH, required: true, singleLine: true });
    if (sector !== null && !sectors.has(sector.toLowerCase())) sectors.set(sector.toLowerCase(), sector);
  });
  if (sectors.size > ASSET_MAX_SECTORS) problems.add('sectors', `must list at most ${ASSET_MAX_SECTORS} (got ${sectors.size})`);
  return [...sectors.values()];
}

function readMagnitude(problems: Problems, value: RecordAssetInput['magnitude']): Magnitude | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') {
    problems.add('magnitude', 'must be a value with a unit');
    return null;
  }
  const amount = readNonNegativeNumber(problems, 'magnitude.value', value.value);
  const rawUnit = readText(problems, 'magnitude.unit', value.unit, { max: MAGNITUDE_UNIT_MAX_LENGTH, required: true, singleLine: true });
  // A currency code typed as the unit ("EUR") is the likeliest slip; say how to write it.
  if (rawUnit !== null && /^[A-Z]{3}$/.test(rawUnit) && isIsoCurrencyCode(rawUnit)) {
    problems.add('magnitude.unit', `${quoted(rawUnit)} is a currency: write unit "${MONEY_UNIT}" with currency ${quoted(rawUnit)}`);
    return null;
  }
  const unit = rawUnit?.toLowerCase() ?? null;
  let currency: string | null = null;
  if (unit === MONEY_UNIT) {
    const given = value.currency !== undefined && value.currency !== null && value.currency !== '';
    if (given) currency = readCurrency(problems, 'magnitude.currency', value.currency);
    else problems.add('magnitude.currency', `is required for a sum of money (unit "${MONEY_UNIT}"): give its ISO 4217 code, such as EUR or USD`);
  } else if (value.currency !== undefined && value.currency !== null && value.currency !== '') {
    problems.add('magnitude.currency', `is only for unit "${MONEY_UNIT}"; a figure in ${unit ?? 'this unit'} has no currency`);
  }
  if (amount === null || unit === null) return null;
  return { value: amount, unit, currency };
}
