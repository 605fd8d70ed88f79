import type { Connector, ConnectorContext, ReadItem, ReadResult } from '../connector';
import { describeUrl, expectContentType, fetchSource, readBoundedText, SourceReadError } from '../http/source-fetch';
import { mapSimplerOpportunity } from './simpler-grants.mapper';

/** Results per page (the API allows up to 5000; smaller pages keep each answer quick to retry). */
export const SIMPLER_PAGE_SIZE = 100;
/** A guard against an answer whose total_pages never ends. */
const MAX_PAGES = 1000;
const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * Simpler.Grants.gov's search API (FUNDING-FORMATS.md §2): POST with the API
 * key in X-API-Key, paged by page_offset until total_pages, oldest first so
 * a record does not move between pages while they are read. The source's
 * query (if any) is the search text; forecasted and posted calls are asked
 * for (closed ones change no one's plans).
 */
export class SimplerGrantsConnector implements Connector {
  readonly kind = 'simpler-grants-gov' as const;

  open(context: ConnectorContext): Promise<ReadResult> {
    if (!context.apiKey) throw new SourceReadError('http-status', 'Simpler.Grants.gov needs an API key: the source names no key, or the variable it names is not set');
    return Promise.resolve({ notModified: false, validators: null, items: pages(context) });
  }
}

async function* pages(context: ConnectorContext): AsyncGenerator<ReadItem> {
  const { url } = context.source;
  let position = 0;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const body = {
      ...(context.source.query ? { query: context.source.query } : {}),
      filters: { opportunity_status: { one_of: ['forecasted', 'posted'] } },
      pagination: { page_offset: page, page_size: SIMPLER_PAGE_SIZE, sort_order: [{ order_by: 'opportunity_id', sort_direction: 'ascending' }] },
    };
    const answer = await fetchSource(
      { url, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': context.apiKey ?? '' }, body: JSON.stringify(body) },
      context.policy,
    );
    expectContentType(answer.response, url, ['json'], 'JSON');
    const text = await readBoundedText(answer.response, MAX_PAGE_BYTES, url);
    let parsed: { data?: unknown; pagination_info?: { total_pages?: unknown } };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new SourceReadError('wrong-format', `${describeUrl(url)}: page ${page} is not JSON`);
    }
    if (!Array.isArray(parsed.data)) throw new SourceReadError('wrong-format', `${describeUrl(url)}: page ${page} has no data list`);
    for (const raw of parsed.data) {
      position += 1;
      yield mapSimplerOpportunity(raw, position);
    }
    const totalPages = Number(parsed.pagination_info?.total_pages ?? 0);
    if (!Number.isInteger(totalPages) || page >= totalPages || parsed.data.length === 0) return;
  }
}
