import type { Connector, ConnectorContext, ReadItem, ReadResult } from '../connector';
import { describeUrl, expectContentType, fetchSource, readBoundedText, SourceReadError } from '../http/source-fetch';
import { EU_GRANT_TYPES, mapEuResult } from './eu-tenders.mapper';

export const EU_PAGE_SIZE = 50;
/** A guard against an answer whose totalResults never ends. */
const MAX_PAGES = 400;
const MAX_PAGE_BYTES = 30 * 1024 * 1024;
/** The portal's public key when the source names none. */
const PUBLIC_API_KEY = 'SEDIA';

/**
 * The EU Funding & Tenders portal's search API (FUNDING-FORMATS.md §3): POST
 * with multipart parts `query` (grants, forthcoming or open), `languages` and
 * `sort`; paged by pageNumber until totalResults are read.
 */
export class EuFundingTendersConnector implements Connector {
  readonly kind = 'eu-funding-tenders' as const;

  open(context: ConnectorContext): Promise<ReadResult> {
    return Promise.resolve({ notModified: false, validators: null, items: pages(context) });
  }
}

function searchUrl(base: string, apiKey: string, text: string, page: number): string {
  const url = new URL(base);
  url.searchParams.set('apiKey', apiKey);
  url.searchParams.set('text', text);
  url.searchParams.set('pageSize', String(EU_PAGE_SIZE));
  url.searchParams.set('pageNumber', String(page));
  return url.toString();
}

function searchForm(): FormData {
  const form = new FormData();
  const query = { bool: { must: [{ terms: { type: EU_GRANT_TYPES } }, { terms: { status: ['31094501', '31094502'] } }] } };
  form.append('query', new Blob([JSON.stringify(query)], { type: 'application/json' }), 'blob');
  form.append('languages', new Blob([JSON.stringify(['en'])], { type: 'application/json' }), 'blob');
  form.append('sort', new Blob([JSON.stringify({ field: 'sortStatus', order: 'ASC' })], { type: 'application/json' }), 'blob');
  return form;
}

async function* pages(context: ConnectorContext): AsyncGenerator<ReadItem> {
  const base = context.source.url;
  let position = 0;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const url = searchUrl(base, context.apiKey ?? PUBLIC_API_KEY, context.source.query ?? '***', page);
    const answer = await fetchSource({ url, method: 'POST', headers: { accept: 'application/json' }, body: searchForm() }, context.policy);
    expectContentType(answer.response, url, ['json'], 'JSON');
    const text = await readBoundedText(answer.response, MAX_PAGE_BYTES, url);
    let parsed: { totalResults?: unknown; results?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new SourceReadError('wrong-format', `${describeUrl(url)}: page ${page} is not JSON`);
    }
    if (!Array.isArray(parsed.results)) throw new SourceReadError('wrong-format', `${describeUrl(url)}: page ${page} has no results list`);
    for (const raw of parsed.results) {
      position += 1;
      yield mapEuResult(raw, position, context.source);
    }
    const total = Number(parsed.totalResults ?? 0);
    if (parsed.results.length === 0 || page * EU_PAGE_SIZE >= total) return;
  }
}
