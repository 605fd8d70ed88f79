import type { OpportunityContent, OpportunityStatus } from '../../opportunities/opportunity';
import type { ReadItem, SourceSettings } from '../connector';
import { clean, htmlToText, themeOf } from '../text';

/** The EU portal's status codes (FUNDING-FORMATS.md §3). */
export const EU_STATUS_CODES: Record<string, OpportunityStatus> = { '31094501': 'forecasted', '31094502': 'open', '31094503': 'closed' };
/** Result types that are grants; `0` is a tender. */
export const EU_GRANT_TYPES = ['1', '2', '8'];
export const EU_TIME_ZONE = 'Europe/Brussels';

const PROGRAMMES: Record<string, string> = { '43108390': 'Horizon Europe', '43152860': 'Digital Europe', '43251567': 'CERV', '43353764': 'Erasmus+', '43252405': 'LIFE', '43298203': 'Interreg' };

/** Types of action funded only for consortia of several partners. */
const CONSORTIUM_ACTIONS = /\b(RIA|IA|CSA|HORIZON-(RIA|IA|CSA)|ERASMUS-LS|Cooperation partnerships|Interreg)\b/i;

type Metadata = Record<string, unknown>;

function first(metadata: Metadata, key: string): string | null {
  const value = metadata[key];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? clean(value[0]) : null;
  return typeof value === 'string' ? clean(value) : null;
}

function all(metadata: Metadata, key: string): string[] {
  const value = metadata[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

/** An EU date-time (`2027-04-15T17:00:00.000+0200`, or a bare date meaning 17:00 Brussels, the portal's usual deadline hour). */
function euInstant(value: string | null): Date | null | 'bad' {
  if (!value) return null;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(normalised);
  return Number.isNaN(parsed) ? 'bad' : new Date(parsed);
}

/** The call's total budget in euro from `budgetOverview` (a JSON document inside a string); null when it cannot be read. */
export function euBudget(overview: string | null): number | null {
  if (!overview) return null;
  try {
    const parsed = JSON.parse(overview) as { budgetTopicActionMap?: Record<string, Array<{ budgetYearMap?: Record<string, number> }>> };
    let total = 0;
    for (const actions of Object.values(parsed.budgetTopicActionMap ?? {})) {
      for (const action of actions ?? []) for (const amount of Object.values(action.budgetYearMap ?? {})) if (typeof amount === 'number' && amount > 0) total += amount;
    }
    return total > 0 ? total : null;
  } catch {
    return null;
  }
}

/** One search result as the platform's opportunity, or the reason it is left out. */
export function mapEuResult(raw: unknown, position: number, source: SourceSettings): ReadItem {
  if (typeof raw !== 'object' || raw === null) return { problem: { record: `result ${position}`, reason: 'is not an object' } };
  const result = raw as { reference?: unknown; url?: unknown; summary?: unknown; content?: unknown; metadata?: unknown };
  const metadata = (typeof result.metadata === 'object' && result.metadata !== null ? result.metadata : {}) as Metadata;
  const id = first(metadata, 'identifier') ?? (typeof result.reference === 'string' ? clean(result.reference) : null);
  if (!id) return { problem: { record: `result ${position}`, reason: 'has no identifier' } };
  const type = first(metadata, 'type');
  if (type !== null && !EU_GRANT_TYPES.includes(type)) return { problem: { record: id, reason: `is of type ${type} (a tender), not a grant` } };
  const statusCode = first(metadata, 'status');
  const status = statusCode ? EU_STATUS_CODES[statusCode] : undefined;
  if (!status) return { problem: { record: id, reason: `status ${JSON.stringify(statusCode)} is none of 31094501 (forthcoming), 31094502 (open), 31094503 (closed)` } };
  const title = htmlToText(first(metadata, 'title') ?? (typeof result.summary === 'string' ? result.summary : null) ?? first(metadata, 'callTitle'), 500);
  if (!title) return { problem: { record: id, reason: 'has no title' } };
  const deadlines = all(metadata, 'deadlineDate').map(euInstant);
  if (deadlines.includes('bad')) return { problem: { record: id, reason: `deadlineDate ${JSON.stringify(all(metadata, 'deadlineDate')[0])} is not a date` } };
  const postedAt = euInstant(first(metadata, 'startDate'));
  if (postedAt === 'bad') return { problem: { record: id, reason: `startDate ${JSON.stringify(first(metadata, 'startDate'))} is not a date` } };
  // Two-stage calls list a deadline per stage: the first one is what an applicant must meet.
  const closesAt = (deadlines.filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime())[0] ?? null) as Date | null;
  const programme = first(metadata, 'frameworkProgramme');
  const actions = all(metadata, 'typesOfAction').join(' ');
  const description = htmlToText(first(metadata, 'descriptionByte') ?? (typeof result.content === 'string' ? result.content : null));
  const content: OpportunityContent = {
    title,
    reference: first(metadata, 'callIdentifier') ?? id,
    funder: programme && PROGRAMMES[programme] ? `European Commission — ${PROGRAMMES[programme]}` : 'European Commission',
    funderType: 'eu',
    description,
    url: typeof result.url === 'string' ? clean(result.url) : `https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/${encodeURIComponent(id)}`,
    status,
    postedAt,
    closesAt,
    timeZone: EU_TIME_ZONE,
    award: { floor: null, ceiling: null, total: euBudget(first(metadata, 'budgetOverview')), currency: 'EUR' },
    costSharing: null,
    eligibleApplicantTypes: [],
    eligibleCountries: [...source.countries],
    eligibilityText: null,
    themes: [...new Set(all(metadata, 'keywords').flatMap((word) => themeOf(word) ?? []))].sort().slice(0, 30),
    jointBidsAllowed: CONSORTIUM_ACTIONS.test(actions) || /consortium|consortia/i.test(description ?? '') ? true : null,
  };
  return { record: { sourceRecordId: id, revision: null, content } };
}
