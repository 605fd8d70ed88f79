import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type SampleGrantRecord, writeSampleExtractZip } from '@entente/funding';
import { DEMO_FILES } from './demo-funding';
import { answerMailbox } from './demo-mailbox';

/** Records in the demo extract: a few hundred, about one opportunity in eight still open or forecasted. */
export const DEMO_EXTRACT_RECORDS = 300;
const DEMO_EXTRACT_SEED = 20270101;

const DAY = 86_400_000;

/**
 * Noon UTC on the Monday of `now`'s week: the day every demo date counts
 * from. The demo files (DEMO_FILES) are generated, not fetched (the machines
 * reach no live source); counted from this day, a restart in the same week
 * serves the same bytes (a re-read finds nothing new) and the calls stay open
 * week after week.
 */
export function demoAnchor(now: Date): Date {
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysSinceMonday, 12));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function prose(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An embassy's public-diplomacy grants feed (RSS 2.0), as U.S. embassies
 * publish their notices of funding opportunity: deadlines and amounts in the
 * prose, topics as categories. The calls are illustrative.
 */
export function demoEmbassyFeed(anchor: Date): string {
  const day = (offset: number) => new Date(anchor.getTime() + offset * DAY);
  const items = [
    {
      guid: 'pd-berlin-youth-school-exchanges',
      title: 'German-American youth and school exchange small grants',
      categories: ['Youth', 'Schools', 'Exchanges'],
      text: `The Public Diplomacy Section invites German municipalities, schools and civil-society organisations to propose youth and school exchanges with partner communities in the United States. Awards of up to $25,000. Deadline: ${prose(day(24))}.`,
      published: day(-9),
    },
    {
      guid: 'pd-berlin-energy-transition-ports',
      title: 'Transatlantic energy transition exchanges for port cities',
      categories: ['Energy transition', 'Offshore wind'],
      text: `Expert exchanges between German and U.S. port cities on offshore wind, grid connections and district heating. Awards from $10,000 up to $50,000; joint applications by a German and a U.S. partner are welcome. Deadline: ${prose(day(38))}.`,
      published: day(-4),
    },
    {
      guid: 'pd-berlin-media-literacy',
      title: 'Media literacy and countering disinformation',
      categories: ['Media literacy'],
      text: `Projects that strengthen media literacy among young adults. Awards of up to $40,000. Deadline: ${prose(day(52))}.`,
      published: day(-2),
    },
    {
      guid: 'pd-berlin-alumni-2026',
      title: 'Alumni engagement small grants',
      categories: ['Alumni'],
      text: `Small grants for alumni of U.S. government exchange programmes. Awards of up to $5,000. Deadline: ${prose(day(-20))}.`,
      published: day(-70),
    },
  ];
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>https://de.usembassy.gov/grants/${item.guid}/</link>
      <guid isPermaLink="false">${item.guid}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
${item.categories.map((category) => `      <category>${escapeXml(category)}</category>`).join('\n')}
      <description>${escapeXml(item.text)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>U.S. Embassy Berlin: grant opportunities (demo)</title>
    <link>https://de.usembassy.gov/grants/</link>
    <description>Notices of funding opportunity of the Public Diplomacy Section (illustrative demo data)</description>
${entries.join('\n')}
  </channel>
</rss>
`;
}

/**
 * A list of regional, foundation and state programmes as a CSV, the way a
 * state office or a foundation exports one: one call per row, lists
 * separated by `;`. Calls for each demo jurisdiction's priorities, and one
 * already closed. The calls are illustrative.
 */
export function demoProgrammesCsv(anchor: Date): string {
  const day = (offset: number) => isoDay(new Date(anchor.getTime() + offset * DAY));
  const rows = [
    ['id', 'title', 'funder', 'funderType', 'status', 'opens', 'deadline', 'timeZone', 'maximum', 'currency', 'applicantTypes', 'countries', 'themes', 'jointBids', 'url'],
    ['sb-small-ports-2027', 'Small projects: green ports and short-sea shipping', 'Interreg South Baltic', 'eu', 'open', day(-30), day(21), 'Europe/Berlin', '100000', 'EUR', 'local-governments;regional-governments', 'DE;DK;LT;PL;SE', 'ports;shipping;regional development', 'yes', 'https://southbaltic.eu/calls'],
    ['bsr-youth-mobility-2027', 'Baltic Sea youth mobility fund', 'Baltic Sea youth foundation', 'trust-or-foundation', 'open', day(-14), day(45), 'Europe/Berlin', '30000', 'EUR', 'local-governments;independent-school-districts;nonprofits', 'DE;FI;LV;PL', 'youth;schools', 'yes', 'https://example.org/baltic-youth'],
    ['mv-offshore-wind-partnerships', 'Offshore wind partnerships with Danish and Polish ports', 'State of Mecklenburg-Vorpommern', 'state', 'forecasted', day(20), day(90), 'Europe/Berlin', '60000', 'EUR', 'city-or-township-governments;county-governments', 'DE', 'offshore wind;energy transition', 'no', 'https://example.org/mv-wind'],
    ['md-sister-ports-2027', 'Sister-port cooperation grants', 'Maryland Department of Commerce', 'state', 'open', day(-7), day(35), 'America/New_York', '75000', 'USD', 'state-governments;local-governments', 'US;MX;JP', 'ports;exports', 'yes', 'https://example.org/md-ports'],
    ['nz-agritech-asia-2027', 'Agritech research partnerships with Asia', 'Asia–New Zealand research trust', 'trust-or-foundation', 'open', day(-21), day(28), 'Pacific/Auckland', '40000', 'NZD', 'local-governments;public-higher-education', 'NZ;CN', 'food;research', 'yes', 'https://example.org/nz-agritech'],
    ['sb-culture-2026', 'Cultural heritage of Hanseatic towns', 'Interreg South Baltic', 'eu', 'closed', day(-120), day(-10), 'Europe/Berlin', '50000', 'EUR', 'local-governments', 'DE;PL;LT', 'culture;heritage', 'yes', 'https://southbaltic.eu/calls'],
  ];
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

/**
 * The generated extract's port calls made open to state governments:
 * Maryland's sister-port priority names logistics, so Maryland finds them
 * among its matches (the extract's calls are open to the US only).
 */
function openPortCallsToStates(record: SampleGrantRecord): SampleGrantRecord {
  const title = record.fields.find(([name]) => name === 'OpportunityTitle')?.[1] ?? '';
  if (!/logistics/i.test(title) || record.fields.some(([name, value]) => name === 'EligibleApplicants' && value === '00')) return record;
  const at = record.fields.findIndex(([name]) => name === 'EligibleApplicants');
  const fields = [...record.fields];
  fields.splice(at < 0 ? fields.length : at, 0, ['EligibleApplicants', '00']);
  return { ...record, fields };
}

export interface DemoFile {
  name: string;
  contentType: string;
  body: Buffer;
}

/** Writes the three demo files into `dir` (the extract is generated for the week of `now`) and answers them. */
export async function writeDemoFundingFiles(dir: string, now: Date): Promise<DemoFile[]> {
  mkdirSync(dir, { recursive: true });
  const anchor = demoAnchor(now);
  const extractPath = join(dir, DEMO_FILES.extract);
  await writeSampleExtractZip(extractPath, { records: DEMO_EXTRACT_RECORDS, seed: DEMO_EXTRACT_SEED, today: anchor, edit: openPortCallsToStates });
  writeFileSync(join(dir, DEMO_FILES.feed), demoEmbassyFeed(anchor));
  writeFileSync(join(dir, DEMO_FILES.csv), demoProgrammesCsv(anchor));
  return [
    { name: DEMO_FILES.extract, contentType: 'application/zip', body: readFileSync(extractPath) },
    { name: DEMO_FILES.feed, contentType: 'application/rss+xml; charset=utf-8', body: readFileSync(join(dir, DEMO_FILES.feed)) },
    { name: DEMO_FILES.csv, contentType: 'text/csv; charset=utf-8', body: readFileSync(join(dir, DEMO_FILES.csv)) },
  ];
}

export interface DemoFileServer {
  /** The base URL; each file is at `<url>/<name>`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the demo files over HTTP on 127.0.0.1: GET and HEAD, an ETag of
 * each file's content and 304 to a matching If-None-Match (the sources'
 * conditional requests), 404 for anything else. Given `mailApiUrl`
 * (GreenMail's API), it also serves the demo's mailbox page at
 * /mail/<address> (demo-mailbox.ts).
 */
export async function startDemoFileServer(options: { dir: string; port: number; host?: string; now?: Date; mailApiUrl?: string | null }): Promise<DemoFileServer> {
  const files = new Map((await writeDemoFundingFiles(options.dir, options.now ?? new Date())).map((file) => [`/${file.name}`, { ...file, etag: `"${createHash('sha1').update(file.body).digest('hex')}"` }]));
  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    if (options.mailApiUrl && request.method === 'GET' && answerMailbox(options.mailApiUrl, request, response)) return;
    const file = files.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file || !['GET', 'HEAD'].includes(request.method ?? '')) {
      response.writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(file ? 'GET or HEAD only\n' : `not found; the demo files are ${[...files.keys()].join(', ')}${options.mailApiUrl ? ', and the demo mail is read at /mail/<address>' : ''}\n`);
      return;
    }
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, { etag: file.etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.length), etag: file.etag });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
  const server = createServer(answer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
