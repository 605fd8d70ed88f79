import { quoted, ValidationError } from '@entente/errors';
import { parseRecordAsset, RecordAssetCommand, RecordAssetInput } from '../assets/asset.rules';
import { parseRegisterPartner, RegisterPartnerCommand } from '../partners/partner.rules';
import { EstablishRelationshipCommand, parseRelationship } from '../relationships/relationship.rules';
import { readCountryName } from './country-names';
import { CsvOptions, CsvRecord, parseCsv } from './csv';
import { isWikidataItemId } from './wikidata-twinning';

/**
 * Validating a CSV import as a whole: every row is checked and every problem
 * reported, and the result is either all rows parsed or no rows at all — so a
 * caller has nothing it could half-apply. One exception: a row whose only
 * fault is a value the import cannot place (RowLeftOut: a country name it
 * cannot read) is left out and reported, and the other rows still import.
 * The shape of a row (which columns, what a valid value is) is a plug-in, so
 * assets and relationships reuse this with their own parsers.
 */

/** One line of the import report; `row` counts the header as row 1. */
export interface RowProblem {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

/** A data row keyed by canonical column name; absent optional columns are absent keys. */
export type CsvRow = Readonly<Record<string, string>>;

export interface NumberedRow {
  readonly row: number;
  readonly values: CsvRow;
}

/**
 * Thrown by a row parser when the row's only problems are values a person
 * wrote that the import cannot place — a country name that fits no country
 * or more than one. Such a row is left out of the import and reported, while
 * the other rows import: the file is right except for what only a person can
 * decide, and importing it again once fixed leaves out what is already there.
 */
export class RowLeftOut extends ValidationError {}

/** Throws ValidationError naming each bad field (RowLeftOut to leave the row out); anything else is a bug and propagates. */
export type RowParser<T> = (values: CsvRow) => T;

export type ImportValidation<T> =
  | {
      readonly ok: true;
      readonly rows: ReadonlyArray<{ readonly row: number; readonly value: T }>;
      /** Rows left out (RowLeftOut), each problem of each: the report of the import. */
      readonly leftOut: readonly RowProblem[];
    }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

function byRow(problems: RowProblem[]): RowProblem[] {
  // Stable sort: within a row, structural problems stay before value problems.
  return problems.sort((a, b) => a.row - b.row);
}

export interface CsvColumns {
  readonly required: readonly string[];
  readonly optional?: readonly string[];
}

/** The field name used for a problem with the header or a row as a whole. */
export const HEADER_FIELD = '(header)';
export const ROW_FIELD = '(row)';

/**
 * Runs `parseRow` on every row and collects all problems. Row problems keep
 * the parser's field names so the report points at a column. When any row
 * has a problem, the rows that would have been left out are listed with the
 * problems: the file is fixed in one go.
 */
export function validateRows<T>(rows: readonly NumberedRow[], parseRow: RowParser<T>): ImportValidation<T> {
  const problems: RowProblem[] = [];
  const leftOut: RowProblem[] = [];
  const parsed: Array<{ row: number; value: T }> = [];
  for (const { row, values } of rows) {
    try {
      parsed.push({ row, value: parseRow(values) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const list = error instanceof RowLeftOut ? leftOut : problems;
      for (const problem of error.problems) list.push({ row, field: problem.field, reason: problem.message });
    }
  }
  return problems.length > 0 ? { ok: false, problems: byRow([...problems, ...leftOut]) } : { ok: true, rows: parsed, leftOut };
}

/**
 * Matches the header against the expected columns. Names match ignoring case
 * and surrounding spaces, because spreadsheets and people vary in both; an
 * unknown column is an error rather than ignored, since it is most often a
 * misspelt optional column whose data would otherwise silently be dropped.
 */
function readHeader(header: CsvRecord, columns: CsvColumns): { names: string[] } | { problems: RowProblem[] } {
  const known = [...columns.required, ...(columns.optional ?? [])];
  const canonical = new Map(known.map((name) => [name.toLowerCase(), name]));
  const expected = `expected columns: ${columns.required.join(', ')}${columns.optional?.length ? ` (optional: ${columns.optional.join(', ')})` : ''}`;
  const problems: RowProblem[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  header.fields.forEach((raw, index) => {
    const name = canonical.get(raw.trim().toLowerCase());
    if (name === undefined) {
      problems.push({ row: header.row, field: HEADER_FIELD, reason: `unknown column ${quoted(raw.trim())} (column ${index + 1}); ${expected}` });
    } else if (seen.has(name)) {
      problems.push({ row: header.row, field: HEADER_FIELD, reason: `column ${quoted(name)} appears twice` });
    } else {
      seen.add(name);
    }
    names.push(name ?? raw);
  });
  const missing = columns.required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    problems.push({ row: header.row, field: HEADER_FIELD, reason: `missing required column(s): ${missing.join(', ')}; ${expected}` });
  }
  return problems.length > 0 ? { problems } : { names };
}

/**
 * Reads a CSV file into named rows, checking syntax, the header and each
 * row's field count. The readable rows come back even when other rows have
 * problems, so their values can be checked too and the report lists every bad
 * row at once; with a broken header no row can be interpreted, so none come
 * back. Values are passed on untrimmed: trimming and empty cells are the row
 * parser's rules, not the file format's.
 */
export function readCsvRows(text: string, columns: CsvColumns, options?: CsvOptions): { rows: NumberedRow[]; problems: RowProblem[] } {
  const document = parseCsv(text, options);
  const problems: RowProblem[] = document.problems.map((p) => ({ row: p.row, field: ROW_FIELD, reason: `line ${p.line}: ${p.reason}` }));
  const [header, ...data] = document.records;
  if (header === undefined || header.row !== 1) {
    return { rows: [], problems: [{ row: 1, field: HEADER_FIELD, reason: 'the first row must be a header naming the columns' }, ...problems] };
  }
  const read = readHeader(header, columns);
  if ('problems' in read) return { rows: [], problems: [...read.problems, ...problems] };

  const rows: NumberedRow[] = [];
  for (const record of data) {
    if (record.fields.length !== read.names.length) {
      problems.push({
        row: record.row,
        field: ROW_FIELD,
        reason: `has ${record.fields.length} value(s) but the header has ${read.names.length} column(s); quote values that contain "${options?.delimiter ?? ','}"`,
      });
      continue;
    }
    rows.push({ row: record.row, values: Object.fromEntries(read.names.map((name, i) => [name, record.fields[i] ?? ''])) });
  }
  return { rows, problems };
}

/**
 * The whole CSV import check: syntax, header, and every row through
 * `parseRow`, all problems in one report ordered by row. `ok` only when the
 * file is entirely good: the caller applies all of it or none.
 */
export function validateCsv<T>(text: string, columns: CsvColumns, parseRow: RowParser<T>, options?: CsvOptions): ImportValidation<T> {
  const read = readCsvRows(text, columns, options);
  const values = validateRows(read.rows, parseRow);
  if (read.problems.length === 0) return values;
  return { ok: false, problems: byRow([...read.problems, ...(values.ok ? values.leftOut : values.problems)]) };
}

// Partners: the first CSV shape. Assets and relationships add their own columns and parser.

export const PARTNER_CSV_COLUMNS: CsvColumns = { required: ['name', 'kind', 'country'], optional: ['wikidataId'] };

export interface PartnerCsvRow extends RegisterPartnerCommand {
  readonly wikidataId?: string;
}

type Problem = { field: string; message: string };

/**
 * A country cell: an ISO code or a country's English or German name
 * (country-names.ts). Blank is a problem; a value that cannot be placed goes
 * to `unplaced`, which leaves the row out when it is the row's only problem.
 */
function countryCell(values: CsvRow, column: string, problems: Problem[], unplaced: Problem[]): string | null {
  const value = (values[column] ?? '').trim();
  if (value === '') {
    problems.push({ field: column, message: 'is required: the country’s ISO code (such as NL) or its English or German name' });
    return null;
  }
  const reading = readCountryName(value);
  if (reading.ok) return reading.code;
  unplaced.push({ field: column, message: reading.reason });
  return null;
}

/** Every problem of the row, or RowLeftOut when the only ones are values it cannot place. */
function throwRowProblems(problems: readonly Problem[], unplaced: readonly Problem[]): never {
  if (problems.length > 0) throw new ValidationError([...problems, ...unplaced]);
  throw new RowLeftOut(unplaced);
}

/** The same rules as registering one partner by hand, plus the optional Wikidata id; the country by code or name. */
export function parsePartnerCsvRow(values: CsvRow): PartnerCsvRow {
  const problems: Problem[] = [];
  const unplaced: Problem[] = [];
  const country = countryCell(values, 'country', problems, unplaced);
  let partner: RegisterPartnerCommand | undefined;
  try {
    // A country not read is passed as unknown (null) so that the rules still check name and kind.
    partner = parseRegisterPartner({ name: values['name'] ?? '', kind: (values['kind'] ?? '').trim(), country });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.unshift(...error.problems);
  }
  const wikidataId = (values['wikidataId'] ?? '').trim();
  if (wikidataId !== '' && !isWikidataItemId(wikidataId)) {
    problems.push({ field: 'wikidataId', message: `${quoted(wikidataId)} is not a Wikidata item id (Q followed by digits, e.g. Q2861)` });
  }
  if (problems.length > 0 || unplaced.length > 0 || partner === undefined) throwRowProblems(problems, unplaced);
  return { ...partner, ...(wikidataId !== '' && { wikidataId }) };
}

export function validatePartnersCsv(text: string, options?: CsvOptions): ImportValidation<PartnerCsvRow> {
  return validateCsv(text, PARTNER_CSV_COLUMNS, parsePartnerCsvRow, options);
}

// Shared by the asset and relationship shapes.

/** Lists in one cell are separated by ";" (the comma separates cells): `DE;PL`. */
export const LIST_SEPARATOR = ';';

function cell(values: CsvRow, column: string): string | null {
  const value = (values[column] ?? '').trim();
  return value === '' ? null : value;
}

function listCell(values: CsvRow, column: string): string[] | null {
  const value = cell(values, column);
  return value === null ? null : value.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');
}

/** Vocabulary as stored (`key-industry`) or as GraphQL spells it (`KEY_INDUSTRY`): people copy either. */
function vocabularyCell(values: CsvRow, column: string): string | null {
  return cell(values, column)?.toLowerCase().replace(/_/g, '-') ?? null;
}

/**
 * A rule reports nested paths (`magnitude.currency`, `countries[1]`); the
 * report names the CSV column instead, and the item within a list.
 */
function inColumns(error: ValidationError, columnOf: Readonly<Record<string, string>>): ValidationError {
  return new ValidationError(
    error.problems.map((problem) => {
      const item = /^(\w+)\[(\d+)\]$/.exec(problem.field);
      if (item) return { field: item[1] as string, message: `item ${Number(item[2]) + 1}: ${problem.message}` };
      return { field: columnOf[problem.field] ?? problem.field, message: problem.message };
    }),
  );
}

function rethrowInColumns<T>(parse: () => T, columnOf: Readonly<Record<string, string>>): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValidationError) throw inColumns(error, columnOf);
    throw error;
  }
}

// Assets: the same rules as recording one asset by hand.

export const ASSET_CSV_COLUMNS: CsvColumns = {
  required: ['name', 'category', 'type'],
  optional: ['description', 'countries', 'sectors', 'magnitudeValue', 'magnitudeUnit', 'magnitudeCurrency', 'sourceOrganisation', 'asOf', 'confidentiality'],
};

const ASSET_COLUMN_OF: Readonly<Record<string, string>> = {
  magnitude: 'magnitudeValue',
  'magnitude.value': 'magnitudeValue',
  'magnitude.unit': 'magnitudeUnit',
  'magnitude.currency': 'magnitudeCurrency',
};

/**
 * The countries cell read item by item to ISO codes (names too). An item that
 * cannot be placed is passed on as written, and the rule's problem with it is
 * replaced by the reason it could not be placed. An asset's row is not left
 * out for it: an assets file is not deduplicated, so a row left out could not
 * be brought in by importing the fixed file again.
 */
function assetCountries(values: CsvRow): { countries: string[] | null; reasons: Map<string, string> } {
  const reasons = new Map<string, string>();
  const countries = listCell(values, 'countries')?.map((item, index) => {
    const reading = readCountryName(item);
    if (reading.ok) return reading.code;
    reasons.set(`countries[${index}]`, reading.reason);
    return item;
  });
  return { countries: countries ?? null, reasons };
}

export function parseAssetCsvRow(values: CsvRow, now: Date = new Date()): RecordAssetCommand {
  const { countries, reasons } = assetCountries(values);
  const magnitudeValue = cell(values, 'magnitudeValue');
  const magnitudeUnit = cell(values, 'magnitudeUnit');
  const magnitudeCurrency = cell(values, 'magnitudeCurrency');
  const hasMagnitude = magnitudeValue !== null || magnitudeUnit !== null || magnitudeCurrency !== null;
  const input: RecordAssetInput = {
    name: cell(values, 'name'),
    description: cell(values, 'description'),
    category: vocabularyCell(values, 'category'),
    type: vocabularyCell(values, 'type'),
    countries,
    sectors: listCell(values, 'sectors'),
    // "1,5" or "ten" is not a number: NaN makes the rule say so for the value column.
    magnitude: hasMagnitude ? { value: magnitudeValue === null ? null : Number(magnitudeValue), unit: magnitudeUnit, currency: magnitudeCurrency } : null,
    sourceOrganisation: cell(values, 'sourceOrganisation'),
    asOf: cell(values, 'asOf'),
    confidentiality: vocabularyCell(values, 'confidentiality'),
  };
  const parse = (): RecordAssetCommand => {
    try {
      return parseRecordAsset(input, now);
    } catch (error) {
      if (!(error instanceof ValidationError) || reasons.size === 0) throw error;
      throw new ValidationError(error.problems.map((problem) => ({ field: problem.field, message: reasons.get(problem.field) ?? problem.message })));
    }
  };
  return rethrowInColumns(parse, ASSET_COLUMN_OF);
}

export function validateAssetsCsv(text: string, now: Date = new Date(), options?: CsvOptions): ImportValidation<RecordAssetCommand> {
  return validateCsv(text, ASSET_CSV_COLUMNS, (values) => parseAssetCsvRow(values, now), options);
}

// Relationships: the same rules as establishing one by hand, with the partner named in one of three ways.

export const RELATIONSHIP_CSV_COLUMNS: CsvColumns = {
  required: ['type'],
  optional: [
    'partnerId',
    'partnerWikidataId',
    'partnerName',
    'partnerCountry',
    'status',
    'since',
    'until',
    'formalBasis',
    'politicalCycle',
    'politicalChampion',
    'technicalOwner',
    'leadDepartment',
    'priorityIds',
  ],
};

/**
 * Which partner a row means, in order of precedence: its registry id; its
 * Wikidata id; its name and country (matched ignoring case, accents and
 * punctuation). The partner must exist in the jurisdiction when the import is
 * validated; a relationships file never creates partners.
 */
export type PartnerReference =
  | { readonly by: 'partnerId'; readonly partnerId: string }
  | { readonly by: 'partnerWikidataId'; readonly wikidataId: string }
  | { readonly by: 'partnerName'; readonly name: string; readonly country: string };

export interface RelationshipCsvRow {
  readonly partner: PartnerReference;
  readonly relationship: Omit<EstablishRelationshipCommand, 'partnerId'>;
}

function readPartnerReference(values: CsvRow, problems: Problem[], unplaced: Problem[]): PartnerReference | undefined {
  const partnerId = cell(values, 'partnerId');
  if (partnerId !== null) return { by: 'partnerId', partnerId };
  const wikidataId = cell(values, 'partnerWikidataId')?.toUpperCase() ?? null;
  if (wikidataId !== null) {
    if (isWikidataItemId(wikidataId)) return { by: 'partnerWikidataId', wikidataId };
    problems.push({ field: 'partnerWikidataId', message: `${quoted(wikidataId)} is not a Wikidata item id (Q followed by digits, e.g. Q2861)` });
    return undefined;
  }
  const name = cell(values, 'partnerName');
  const written = cell(values, 'partnerCountry');
  if (name === null && written === null) {
    problems.push({ field: 'partnerId', message: 'name the partner: give partnerId, partnerWikidataId, or partnerName with partnerCountry' });
    return undefined;
  }
  if (name === null) problems.push({ field: 'partnerName', message: 'is required with partnerCountry' });
  if (written === null) {
    problems.push({ field: 'partnerCountry', message: 'is required with partnerName: the country’s ISO code (such as DK) or its English or German name' });
    return undefined;
  }
  const country = countryCell(values, 'partnerCountry', problems, unplaced);
  return name !== null && country !== null ? { by: 'partnerName', name, country } : undefined;
}

export function parseRelationshipCsvRow(values: CsvRow): RelationshipCsvRow {
  const problems: Problem[] = [];
  const unplaced: Problem[] = [];
  const partner = readPartnerReference(values, problems, unplaced);
  let relationship: EstablishRelationshipCommand | undefined;
  try {
    relationship = parseRelationship({
      // The partner is resolved against the registry later; the rule only needs a placeholder here.
      partnerId: partner?.by === 'partnerId' ? partner.partnerId : 'to-be-resolved',
      type: vocabularyCell(values, 'type'),
      status: vocabularyCell(values, 'status'),
      since: cell(values, 'since'),
      until: cell(values, 'until'),
      formalBasis: cell(values, 'formalBasis'),
      politicalCycle: cell(values, 'politicalCycle'),
      politicalChampion: cell(values, 'politicalChampion'),
      technicalOwner: cell(values, 'technicalOwner'),
      leadDepartment: cell(values, 'leadDepartment'),
      priorityIds: listCell(values, 'priorityIds'),
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...inColumns(error, {}).problems);
  }
  if (problems.length > 0 || unplaced.length > 0 || partner === undefined || relationship === undefined) throwRowProblems(problems, unplaced);
  const { partnerId: _placeholder, ...rest } = relationship;
  return { partner, relationship: rest };
}

export function validateRelationshipsCsv(text: string, options?: CsvOptions): ImportValidation<RelationshipCsvRow> {
  return validateCsv(text, RELATIONSHIP_CSV_COLUMNS, parseRelationshipCsvRow, options);
}
