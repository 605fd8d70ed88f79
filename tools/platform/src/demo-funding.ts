import type { GraphqlCall } from './eurocities-seed';

/** The files the demo's funding sources read from the demo file server (demo-funding-files.ts): one per format funding scouts. */
export const DEMO_FILES = {
  extract: 'grants-gov-extract.zip',
  feed: 'embassy-grants.rss',
  csv: 'baltic-programmes.csv',
} as const;

/** A funding source as `addFundingSource` takes it. */
export interface DemoFundingSource {
  sourceId: string;
  name: string;
  kind: 'GRANTS_GOV_EXTRACT' | 'FEED' | 'CSV';
  url: string;
  scheduleMinutes: number;
  funder?: string;
  funderType?: string;
  countries?: string[];
  currency?: string;
  timeZone?: string;
}

/** The demo's sources, one per format, read from the demo file server at `filesUrl` once a day. */
export function demoFundingSources(filesUrl: string, idPrefix = ''): DemoFundingSource[] {
  return [
    { sourceId: `${idPrefix}demo-grants-gov`, name: 'Grants.gov extract (demo)', kind: 'GRANTS_GOV_EXTRACT', url: `${filesUrl}/${DEMO_FILES.extract}`, scheduleMinutes: 1440 },
    {
      sourceId: `${idPrefix}demo-embassy-berlin`,
      name: 'U.S. Embassy Berlin grants (demo)',
      kind: 'FEED',
      url: `${filesUrl}/${DEMO_FILES.feed}`,
      scheduleMinutes: 1440,
      funder: 'U.S. Embassy Berlin, Public Diplomacy Section',
      funderType: 'EMBASSY_OR_HIGH_COMMISSION',
      countries: ['DE'],
      currency: 'USD',
      timeZone: 'Europe/Berlin',
    },
    { sourceId: `${idPrefix}demo-programmes`, name: 'Regional and foundation programmes (demo)', kind: 'CSV', url: `${filesUrl}/${DEMO_FILES.csv}`, scheduleMinutes: 1440, timeZone: 'Europe/Berlin' },
  ];
}

/** The demo user whose saved search sends the demo's mail. */
export const DEMO_FUNDING_USER = 'rostock-staff';

/** The saved search the demo staff user starts with: instant, in the app and by mail, for eligible calls that fit a priority. */
export const DEMO_SEARCH = {
  name: 'Calls for our priorities',
  criteria: { matchesMyPriorities: true, eligibleOnly: true },
  cadence: { kind: 'INSTANT' },
  channels: { inApp: true, email: true },
};

/** The alert evaluator reloads its index of searches when it is older than 2 s; a call found sooner would miss a new search. */
const SEARCH_INDEX_RELOAD_MS = 2_500;

export interface DemoFundingOptions {
  graphql: GraphqlCall;
  /** Adds the sources. */
  platformAdminToken: () => Promise<string>;
  /** The user whose saved search the demo makes (rostock-staff in `npm start`). */
  staffToken: () => Promise<string>;
  /** The demo file server's base URL. */
  filesUrl: string;
  /** Put before each source id (tests keep theirs apart from `npm start`'s). */
  idPrefix?: string;
  log?: (line: string) => void;
}

export interface DemoFundingResult {
  /** Source ids added now; sources that existed are left as they are. */
  addedSources: string[];
  sources: string[];
  searchId: string;
  /** False when the search was there already. */
  searchCreated: boolean;
}

async function data<T>(call: ReturnType<GraphqlCall>): Promise<T> {
  const response = await call;
  if (response.errors?.length) throw new Error(response.errors.map((error) => error.message).join('; '));
  return response.data as T;
}

/**
 * Seeds the demo's funding, through the gateway as people would: the staff
 * user's saved search first (so the calls the sources bring alert it), then
 * the sources, each read at once by funding's scouting. Safe to run again: a
 * search of the same name and sources of the same id are left alone.
 */
export async function seedDemoFunding(options: DemoFundingOptions): Promise<DemoFundingResult> {
  const log = options.log ?? (() => undefined);
  const staff = await options.staffToken();
  const searches = await data<{ savedSearches: { nodes: Array<{ id: string; name: string }> } }>(options.graphql(staff, '{ savedSearches(first: 100) { nodes { id name } } }'));
  let search = searches.savedSearches.nodes.find((found) => found.name === DEMO_SEARCH.name);
  const searchCreated = !search;
  if (!search) {
    const saved = await data<{ saveSearch: { search: { id: string; name: string }; notice: string } }>(
      options.graphql(staff, 'mutation($input: SavedSearchInput!) { saveSearch(input: $input) { search { id name } notice } }', { input: DEMO_SEARCH }),
    );
    search = saved.saveSearch.search;
    log(`demo data: saved search "${search.name}" (${saved.saveSearch.notice})`);
    await new Promise((resolve) => setTimeout(resolve, SEARCH_INDEX_RELOAD_MS));
  }
  const admin = await options.platformAdminToken();
  const sources = demoFundingSources(options.filesUrl, options.idPrefix);
  const addedSources: string[] = [];
  for (const source of sources) {
    const added = await options.graphql(admin, 'mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }', { input: source });
    if (added.errors?.some((error) => error.extensions?.code === 'CONFLICT')) continue;
    if (added.errors?.length) throw new Error(`adding the funding source ${source.sourceId}: ${added.errors.map((error) => error.message).join('; ')}`);
    addedSources.push(source.sourceId);
  }
  log(
    addedSources.length > 0
      ? `demo data: funding sources ${addedSources.join(', ')} added (read at once from ${options.filesUrl})`
      : `demo data: the funding sources are there already (${sources.map((source) => source.sourceId).join(', ')})`,
  );
  return { addedSources, sources: sources.map((source) => source.sourceId), searchId: search.id, searchCreated };
}
