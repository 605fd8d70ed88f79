import { isIsoCountryCode, isIsoCurrencyCode } from '@entente/contracts';
import { parseCsv } from '@entente/validation';
import { FUNDER_TYPES, type FunderKind } from '../../funders/funder-types';
import { APPLICANT_TYPES, type ApplicantType, OPPORTUNITY_STATUSES, type OpportunityContent, type OpportunityStatus } from '../../opportunities/opportunity';
import type { ReadItem, SourceSettings } from '../connector';
import { SourceReadError } from '../http/source-fetch';
import { clean, htmlToText, themeOf } from '../text';
import { isTimeZone, zonedInstant } from '../zoned-time';

/**
 * The columns a CSV source may have, by the names people write in a header
 * (case, spaces and underscores do not matter). `id` and `title` are needed;
 * lists are separated by `;`. Unknown columns are ignored.
 */
export const CSV_COLUMNS = {
  id: ['id', 'sourceid', 'reference id', 'opportunityid'],
  title: ['title', 'name', 'opportunitytitle'],
  reference: ['reference', 'number', 'call', 'callidentifier'],
  funder: ['funder', 'agency', 'funder name'],
  funderType: ['fundertype', 'funder kind'],
  description: ['description', 'summary'],
  url: ['url', 'link'],
  status: ['status'],
  postedAt: ['postedat', 'posted', 'opens', 'opening date', 'start date'],
  closesAt: ['closesat', 'deadline', 'closing date', 'close date', 'closes'],
  timeZone: ['timezone', 'time zone', 'tz'],
  awardFloor: ['awardfloor', 'minimum', 'min amount', 'floor'],
  awardCeiling: ['awardceiling', 'maximum', 'max amount', 'ceiling', 'amount'],
  awardTotal: ['awardtotal', 'total', 'budget', 'total funding'],
  currency: ['currency'],
  costSharing: ['costsharing', 'cofinancing', 'match funding'],
  applicantTypes: ['applicanttypes', 'eligible applicants', 'eligibility types'],
  countries: ['countries', 'eligible countries'],
  eligibility: ['eligibility', 'eligibility text'],
  themes: ['themes', 'categories', 'keywords'],
  jointBids: ['jointbids', 'joint bids allowed', 'consortium'],
} as const;
type Column = keyof typeof CSV_COLUMNS;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_NAME = new Map<string, Column>(
  (Object.entries(CSV_COLUMNS) as [Column, readonly string[]][]).flatMap(([column, names]) => names.map((name) => [normalise(name), column] as const)),
);

class RowError extends Error {}

function fail(column: Column, value: string, expected: string): never {
  throw new RowError(`${column} ${JSON.stringify(value.slice(0, 60))}: ${expected}`);
}

function readAmount(column: Column, value: string): number | null {
  const text = value.trim();
  if (text === '' || /^none$/i.test(text)) return null;
  const digits = text.replace(/[,\s\u00a0]/g, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) fail(column, value, 'expected an amount such as 25000 or 25,000.50');
  return Number(digits);
}

function readBoolean(column: Column, value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (['yes', 'y', 'true', '1', 'ja'].includes(text)) return true;
  if (['no', 'n', 'false', '0', 'nein'].includes(text)) return false;
  return fail(column, value, 'expected yes or no');
}

/** `YYYY-MM-DD` (end of that day for a deadline, its start otherwise, in `timeZone`) or an ISO date-time with an offset. */
function readDate(column: Column, value: string, timeZone: string, endOfDay: boolean): Date | null {
  const text = value.trim();
  if (text === '') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (month < 1 || month > 12 || new Date(Date.UTC(year, month - 1, date)).getUTCDate() !== date) fail(column, value, 'is not a calendar date');
    return endOfDay ? zonedInstant(year, month, date, 23, 59, 59, timeZone) : zonedInstant(year, month, date, 0, 0, 0, timeZone);
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (local) return zonedInstant(Number(local[1]), Number(local[2]), Number(local[3]), Number(local[4]), Number(local[5]), Number(local[6] ?? 0), timeZone);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text);
  return fail(column, value, 'expected a date as YYYY-MM-DD or a date-time as YYYY-MM-DDTHH:MM (with an offset or in the time zone column)');
}

function list(value: string): string[] {
  return value.split(';').map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Reads a CSV of opportunities: a header row mapped by name, then one
 * opportunity per row. A bad row is reported with its row number and the
 * column at fault and left out; a header without `id` and `title` fails the
 * file as a whole.
 */
export function* readCsvOpportunities(csv: string, source: SourceSettings, now: Date): Generator<ReadItem> {
  const document = parseCsv(csv, { delimiter: sniffDelimiter(csv) });
  const [header, ...rows] = document.records;
  if (!header) throw new SourceReadError('wrong-format', 'the CSV is empty: expected a header row naming at least id and title');
  const columns = header.fields.map((name) => BY_NAME.get(normalise(name)) ?? null);
  for (const needed of ['id', 'title'] as const) {
    if (!columns.includes(needed)) throw new SourceReadError('wrong-format', `the CSV header has no ${needed} column (it has ${header.fields.map((f) => JSON.stringify(f)).join(', ')})`);
  }
  for (const syntax of document.problems) yield { problem: { record: `row ${syntax.row}`, reason: syntax.reason } };
  for (const row of rows) {
    const cells = new Map<Column, string>();
    columns.forEach((column, index) => {
      if (column && !cells.has(column)) cells.set(column, row.fields[index] ?? '');
    });
    const id = clean(cells.get('id'));
    if (!id) {
      yield { problem: { record: `row ${row.row}`, reason: 'id is empty' } };
      continue;
    }
    try {
      yield { record: { sourceRecordId: id.slice(0, 200), revision: null, content: rowContent(cells, source, now) } };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      yield { problem: { record: `row ${row.row} (${id.slice(0, 40)})`, reason: error.message } };
    }
  }
}

function rowContent(cells: Map<Column, string>, source: SourceSettings, now: Date): OpportunityContent {
  const get = (column: Column): string => cells.get(column) ?? '';
  const title = htmlToText(get('title'), 500);
  if (!title) fail('title', '', 'is empty');
  const timeZone = clean(get('timeZone')) ?? source.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) fail('timeZone', timeZone, 'expected an IANA time zone such as Europe/Berlin');
  const funderTypeText = clean(get('funderType'));
  let funderType: FunderKind | null = source.funderType;
  if (funderTypeText) {
    const known = FUNDER_TYPES.find((type) => type.kind === funderTypeText.toLowerCase());
    if (!known) fail('funderType', funderTypeText, `expected one of ${FUNDER_TYPES.map((type) => type.kind).join(', ')}`);
    funderType = known.kind;
  }
  const currency = (clean(get('currency')) ?? source.currency ?? '').toUpperCase() || null;
  if (currency && !isIsoCurrencyCode(currency)) fail('currency', currency, 'expected an ISO 4217 code such as EUR');
  const countries = list(get('countries')).map((code) => code.toUpperCase());
  const badCountry = countries.find((code) => !isIsoCountryCode(code));
  if (badCountry) fail('countries', badCountry, 'expected ISO 3166-1 alpha-2 codes such as DE, separated by ;');
  const applicantTypes = list(get('applicantTypes')).map((type) => type.toLowerCase());
  const badType = applicantTypes.find((type) => !(APPLICANT_TYPES as readonly string[]).includes(type));
  if (badType) fail('applicantTypes', badType, `expected types such as ${APPLICANT_TYPES.slice(0, 4).join(', ')}, separated by ;`);
  const closesAt = readDate('closesAt', get('closesAt'), timeZone, true);
  const statusText = clean(get('status'))?.toLowerCase();
  if (statusText && !(OPPORTUNITY_STATUSES as readonly string[]).includes(statusText)) fail('status', statusText, `expected one of ${OPPORTUNITY_STATUSES.join(', ')}`);
  let status = (statusText as OpportunityStatus | undefined) ?? 'open';
  if (status === 'open' && closesAt && closesAt.getTime() < now.getTime()) status = 'closed';
  const url = clean(get('url'));
  if (url && !/^https?:\/\/\S+$/i.test(url)) fail('url', url, 'expected an http or https address');
  return {
    title,
    reference: clean(get('reference')),
    funder: clean(get('funder')) ?? source.funder ?? fail('funder', '', 'is empty and the source names no funder'),
    funderType: funderType ?? 'national',
    description: htmlToText(get('description')),
    url,
    status,
    postedAt: readDate('postedAt', get('postedAt'), timeZone, false),
    closesAt,
    timeZone,
    award: { floor: readAmount('awardFloor', get('awardFloor')), ceiling: readAmount('awardCeiling', get('awardCeiling')), total: readAmount('awardTotal', get('awardTotal')), currency },
    costSharing: readBoolean('costSharing', get('costSharing')),
    eligibleApplicantTypes: [...new Set(applicantTypes as ApplicantType[])].sort(),
    eligibleCountries: countries.length > 0 ? [...new Set(countries)].sort() : [...source.countries],
    eligibilityText: clean(get('eligibility')),
    themes: [...new Set(list(get('themes')).flatMap((word) => themeOf(word) ?? []))].sort(),
    jointBidsAllowed: readBoolean('jointBids', get('jointBids')),
  };
}

/** `;` when the header has more semicolons than commas (spreadsheets in locales with a decimal comma). */
function sniffDelimiter(csv: string): string {
  const firstLine = csv.slice(0, csv.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}
