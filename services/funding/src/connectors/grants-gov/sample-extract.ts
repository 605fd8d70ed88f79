import { seededRandom } from '@entente/random';
import { grantsGovDate } from './grants-gov.mapper';
import { writeSingleEntryZip } from './zip-writer';

/**
 * A generated Grants.gov extract with the variety real ones have
 * (FUNDING-FORMATS.md §1): synopses and forecasts, missing optional elements,
 * `none` amounts, HTML in descriptions escaped with entities, one opportunity
 * in several versions, and mostly past close dates. Deterministic: one seed,
 * one file, byte for byte. Records average about 3.8 kB of XML, as the real
 * extract's ~300 MB for ~80,000 records do.
 */
export interface SampleExtractOptions {
  /** Records in the file, versions included. */
  records: number;
  seed?: number;
  /** The day the extract is "taken": most close dates fall before it. */
  today?: Date;
  /** Changes a record before it is written (a test moves one close date). */
  edit?: (record: SampleGrantRecord) => SampleGrantRecord;
}

/** One record as it will be written: element names to texts (lists for the repeatable ones). Dates are MMDDYYYY. */
export interface SampleGrantRecord {
  kind: 'synopsis' | 'forecast';
  fields: Array<[string, string]>;
}

export const SAMPLE_EXTRACT_TODAY = new Date('2026-12-01T12:00:00Z');

const AGENCIES: Array<[string, string]> = [
  ['DOS-ECA', 'Bureau of Educational and Cultural Affairs'],
  ['DOC-EDA', 'Economic Development Administration'],
  ['HUD', 'Department of Housing and Urban Development'],
  ['EPA', 'Environmental Protection Agency'],
  ['DOT-FTA', 'Federal Transit Administration'],
  ['USDA-RD', 'Rural Development'],
  ['NEA', 'National Endowment for the Arts'],
  ['NEH', 'National Endowment for the Humanities'],
  ['DOE', 'Department of Energy'],
  ['HHS-CDC', 'Centers for Disease Control and Prevention'],
  ['DOL-ETA', 'Employment and Training Administration'],
  ['NSF', 'National Science Foundation'],
  ['DOS-PD', 'U.S. Mission to Germany — Public Diplomacy Section'],
  ['USAID', 'Agency for International Development'],
];
const CATEGORIES = ['RA', 'AG', 'AR', 'BC', 'CD', 'CP', 'DPR', 'ED', 'ELT', 'EN', 'ENV', 'FN', 'HL', 'HO', 'HU', 'IIJ', 'IS', 'ISS', 'LJL', 'NR', 'OZ', 'RD', 'ST', 'T', 'ACA', 'O'];
const APPLICANTS = ['00', '01', '02', '04', '05', '06', '07', '08', '11', '12', '13', '20', '21', '22', '23', '25', '99'];
const INSTRUMENTS = ['G', 'CA', 'PC', 'O'];
const TOPICS = [
  'sister-city exchanges',
  'export readiness for small manufacturers',
  'regional innovation clusters',
  'brownfield redevelopment',
  'transit-oriented development',
  'youth leadership exchanges',
  'cultural heritage preservation',
  'climate resilience planning',
  'workforce pipelines in advanced manufacturing',
  'broadband in rural communities',
  'public health data modernisation',
  'port infrastructure and logistics',
  'civic technology partnerships',
  'trade promotion in the Baltic region',
];
const SENTENCES = [
  'The program supports projects that strengthen ties between communities in the United States and their international partners.',
  'Applicants must demonstrate how the proposed activities advance measurable outcomes for residents and local businesses.',
  'Funding may be used for personnel, travel, participant costs, evaluation and dissemination of results.',
  'Cost sharing is encouraged but is not a factor in the merit review unless stated otherwise in this notice.',
  'Proposals should describe the partnership, its governance, and how responsibilities are shared among partners.',
  'The agency anticipates making awards in the fourth quarter of the fiscal year, subject to the availability of funds.',
  'Projects must be completed within the period of performance and may not supplant existing funding.',
  'Priority will be given to applications that serve underserved communities and rural areas.',
  'All applicants must be registered in SAM.gov and hold a Unique Entity Identifier before submitting.',
  'A webinar for prospective applicants will be held; its recording will be posted on the program website.',
  'Letters of support from partner organisations should be attached as a single PDF document.',
  'The merit review panel will assess the technical approach, the capacity of the team and the budget justification.',
  'Indirect costs are allowable at the applicant’s negotiated rate or the de minimis rate of 15 percent.',
  'Reports on progress are due semi-annually; a final report is due within 120 days of the end of the award.',
];
const ENTITY_DRESSING = ['&nbsp;', '&rsquo;', '&ldquo;', '&rdquo;', '&mdash;', '&amp;', '&#8211;', '&eacute;'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function mmddyyyy(date: Date): string {
  return `${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}${date.getUTCFullYear()}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const DAY = 86_400_000;

/** The records of the extract, in file order; each opportunity's versions are adjacent-ish, oldest first, as real extracts list them. */
export function* sampleGrantRecords(options: SampleExtractOptions): Generator<SampleGrantRecord> {
  const random = seededRandom(options.seed ?? 20261201);
  const today = (options.today ?? SAMPLE_EXTRACT_TODAY).getTime();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const some = <T>(values: readonly T[], max: number): T[] => {
    const count = 1 + Math.floor(random() * max);
    return [...new Set(Array.from({ length: count }, () => pick(values)))];
  };
  let written = 0;
  let opportunityId = 300_000;
  while (written < options.records) {
    opportunityId += 1 + Math.floor(random() * 3);
    // ~12% of opportunities come in 2–3 versions (a synopsis revised, or a forecast followed by its synopsis).
    const versions = random() < 0.12 ? 2 + Math.floor(random() * 2) : 1;
    const forecastFirst = random() < 0.1;
    const [agencyCode, agencyName] = pick(AGENCIES);
    const topic = pick(TOPICS);
    // Mostly past: posted 0–12 years ago; about one in eight still open or forecast.
    const current = random() < 0.12;
    const posted = current ? today - Math.floor(random() * 60) * DAY : today - (90 + Math.floor(random() * 4300)) * DAY;
    const close = posted + (30 + Math.floor(random() * 90)) * DAY;
    const ceilingBase = pick([5_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000]);
    const description = descriptionOf(random, pick, topic, agencyName);
    const number = `${agencyCode}-${new Date(posted).getUTCFullYear()}-${pad(Math.floor(random() * 9999), 4)}`;
    const categories = some(CATEGORIES, 3);
    const applicants = some(APPLICANTS, 5);
    const instruments = some(INSTRUMENTS, 2);
    for (let v = 1; v <= versions && written < options.records; v += 1) {
      const forecast = forecastFirst && v === 1;
      const kind: SampleGrantRecord['kind'] = forecast || (current && random() < 0.2 && versions === 1) ? 'forecast' : 'synopsis';
      const updated = Math.min(today - DAY, posted + (v - 1) * 7 * DAY + Math.floor(random() * 5) * DAY);
      const closeThis = close + (v - 1) * 14 * DAY;
      const fields: Array<[string, string]> = [
        ['OpportunityID', String(opportunityId)],
        ['OpportunityTitle', `${pick(['FY', 'Fiscal Year'])} ${new Date(posted).getUTCFullYear() + 1} ${topic.replace(/^\w/, (c) => c.toUpperCase())} ${pick(['Program', 'Grants', 'Initiative', 'Cooperative Agreements'])}`],
        ['OpportunityNumber', number],
        ['OpportunityCategory', pick(['D', 'D', 'D', 'M', 'C', 'E', 'O'])],
        ...instruments.map((code): [string, string] => ['FundingInstrumentType', code]),
        ...categories.map((code): [string, string] => ['CategoryOfFundingActivity', code]),
      ];
      if (categories.includes('O')) fields.push(['CategoryExplanation', `Activities related to ${topic}.`]);
      fields.push(['CFDANumbers', `${pad(10 + Math.floor(random() * 89), 2)}.${pad(Math.floor(random() * 999), 3)}`]);
      for (const code of applicants) fields.push(['EligibleApplicants', code]);
      if (random() < 0.6) fields.push(['AdditionalInformationOnEligibility', escapeXml(`Eligible applicants include ${pick(['cities', 'counties', 'states', 'nonprofits', 'universities'])} and their partners; see Section C&nbsp;of the notice.`)]);
      fields.push(['AgencyCode', agencyCode], ['AgencyName', escapeXml(agencyName)], ['PostDate', mmddyyyy(new Date(posted))]);
      if (kind === 'synopsis') {
        if (random() > 0.04) fields.push(['CloseDate', mmddyyyy(new Date(closeThis))]);
        if (random() < 0.3) fields.push(['CloseDateExplanation', escapeXml('Electronically submitted applications must be submitted no later than 11:59 p.m., ET, on the listed application due date.')]);
      }
      fields.push(['LastUpdatedDate', mmddyyyy(new Date(updated))]);
      if (!current || random() < 0.5) fields.push(['ArchiveDate', mmddyyyy(new Date(closeThis + 30 * DAY))]);
      const none = random() < 0.15;
      fields.push(
        ['AwardCeiling', none ? 'none' : String(ceilingBase * (1 + (v - 1) * 0.1))],
        ['AwardFloor', none || random() < 0.3 ? 'none' : String(Math.round(ceilingBase / 10))],
      );
      if (random() < 0.85) fields.push(['EstimatedTotalProgramFunding', String(ceilingBase * (5 + Math.floor(random() * 20)))]);
      if (random() < 0.8) fields.push(['ExpectedNumberOfAwards', String(1 + Math.floor(random() * 40))]);
      fields.push(['Description', description]);
      fields.push(['Version', `${kind === 'forecast' ? 'Forecast' : 'Synopsis'} ${v}`]);
      fields.push(['CostSharingOrMatchingRequirement', random() < 0.35 ? 'Yes' : 'No']);
      if (random() < 0.9) fields.push(['GrantorContactEmail', `grants@${agencyCode.toLowerCase().replace(/[^a-z]/g, '')}.example.gov`]);
      if (random() < 0.5) fields.push(['GrantorContactEmailDescription', 'Program office']);
      fields.push(['GrantorContactText', escapeXml(`${pick(['Dana', 'Lee', 'Morgan', 'Sam', 'Avery'])} ${pick(['Smith', 'García', 'Nguyen', 'Müller', 'O’Brien'])}, Program Officer`)]);
      if (random() < 0.75) fields.push(['AdditionalInformationURL', `https://www.example.gov/${agencyCode.toLowerCase()}/funding/${opportunityId}`]);
      if (random() < 0.4) fields.push(['AdditionalInformationText', 'Full announcement']);
      if (kind === 'forecast') {
        fields.push(
          ['EstimatedSynopsisPostDate', mmddyyyy(new Date(posted + 30 * DAY))],
          ['EstimatedApplicationDueDate', mmddyyyy(new Date(closeThis + 30 * DAY))],
          ['EstimatedAwardDate', mmddyyyy(new Date(closeThis + 120 * DAY))],
          ['EstimatedProjectStartDate', mmddyyyy(new Date(closeThis + 150 * DAY))],
          ['FiscalYear', String(new Date(posted).getUTCFullYear() + 1)],
        );
      }
      const record = { kind, fields };
      yield options.edit ? options.edit(record) : record;
      written += 1;
    }
  }
}

function descriptionOf(random: () => number, pick: <T>(values: readonly T[]) => T, topic: string, agency: string): string {
  const paragraphs: string[] = [`<p>The ${agency} invites applications for projects on ${topic}.</p>`];
  const target = 1500 + Math.floor(random() * 1700);
  let length = paragraphs[0]!.length;
  while (length < target) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SENTENCES)).join(' ');
    const dressed = random() < 0.5 ? sentences.replace(' ', pick(ENTITY_DRESSING)) : sentences;
    const paragraph = random() < 0.2 ? `<ul><li>${dressed}</li></ul>` : `<p>${dressed}</p>`;
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  // Descriptions are HTML escaped into the XML: entities inside them appear as &amp;nbsp; and tags as &lt;p&gt;.
  return escapeXml(paragraphs.join(''));
}

/** The extract's XML in chunks of about 64 kB. */
export function* sampleExtractXml(options: SampleExtractOptions): Generator<string> {
  let buffer = '<?xml version="1.0" encoding="UTF-8"?>\n<Grants xmlns="http://apply.grants.gov/system/OpportunityDetail-V1.0">\n';
  for (const record of sampleGrantRecords(options)) {
    const element = record.kind === 'synopsis' ? 'OpportunitySynopsisDetail_1_0' : 'OpportunityForecastDetail_1_0';
    buffer += `<${element}>\n${record.fields.map(([name, value]) => `  <${name}>${value}</${name}>\n`).join('')}</${element}>\n`;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}</Grants>\n`;
}

/** Writes the zipped extract to `path`; answers the sizes. */
export async function writeSampleExtractZip(path: string, options: SampleExtractOptions): Promise<{ records: number; xmlBytes: number; zipBytes: number }> {
  const today = options.today ?? SAMPLE_EXTRACT_TODAY;
  const entry = `GrantsDBExtract${today.getUTCFullYear()}${pad(today.getUTCMonth() + 1, 2)}${pad(today.getUTCDate(), 2)}v2.xml`;
  const sizes = await writeSingleEntryZip(path, entry, sampleExtractXml(options), today);
  return { records: options.records, xmlBytes: sizes.uncompressed, zipBytes: sizes.compressed };
}

/**
 * The id of an opportunity the generated extract lists once, as an open
 * synopsis closing more than 40 days after `today`: moving its close date
 * changes one record and nothing else (no version supersedes it, no status
 * moves).
 */
export function steadyOpenRecordId(options: Omit<SampleExtractOptions, 'edit'>): string {
  const today = options.today ?? SAMPLE_EXTRACT_TODAY;
  const seen = new Map<string, SampleGrantRecord[]>();
  for (const record of sampleGrantRecords(options)) {
    const id = record.fields.find(([name]) => name === 'OpportunityID')?.[1] ?? '';
    seen.set(id, [...(seen.get(id) ?? []), record]);
  }
  for (const [id, records] of seen) {
    const [only] = records;
    if (records.length !== 1 || only?.kind !== 'synopsis') continue;
    const close = grantsGovDate(only.fields.find(([name]) => name === 'CloseDate')?.[1], true);
    const archive = only.fields.find(([name]) => name === 'ArchiveDate');
    if (close && !archive && close.getTime() > today.getTime() + 40 * 86_400_000) return id;
  }
  throw new Error('the generated extract has no steady open record');
}

/** An `edit` that moves one opportunity's close date a year later (MMDDYYYY), leaving every other record as it is. */
export function closeDateMovedOf(opportunityId: string): (record: SampleGrantRecord) => SampleGrantRecord {
  return (record) =>
    record.fields.some(([name, value]) => name === 'OpportunityID' && value === opportunityId)
      ? { ...record, fields: record.fields.map(([name, value]): [string, string] => (name === 'CloseDate' ? [name, `${value.slice(0, 4)}${Number(value.slice(4)) + 1}`] : [name, value])) }
      : record;
}
