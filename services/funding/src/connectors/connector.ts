import type { OpportunityContent, SourceKind } from '../opportunities/opportunity';
import type { FunderKind } from '../funders/funder-types';
import type { FetchPolicy, Validators } from './http/source-fetch';

/**
 * What a connector needs to know of the source it reads: where, and the
 * defaults for what its format does not say (a feed names no funder type; a
 * CSV may name no currency).
 */
export interface SourceSettings {
  sourceId: string;
  kind: SourceKind;
  url: string;
  /** The funder's name and kind where the format does not carry them (feeds, CSV). */
  funder: string | null;
  funderType: FunderKind | null;
  /** ISO 4217, for amounts that name no currency. */
  currency: string | null;
  /** IANA zone for dates that carry none. */
  timeZone: string | null;
  /** ISO 3166-1 alpha-2 countries eligible when a record names none. */
  countries: string[];
  /** Search text for the APIs (Simpler.Grants.gov query, EU portal text); null for all. */
  query: string | null;
}

/** One record as read, before it is stored: its key at the source and what it says. */
export interface SourceRecord {
  sourceRecordId: string;
  /**
   * Orders versions of one record that the source states (Grants.gov's last
   * update, synopsis over forecast, version number), comparable as strings:
   * a record older than the one stored is not applied. Null when the source
   * states none: then the content alone decides.
   */
  revision: string | null;
  content: OpportunityContent;
}

/** A record left out, and why: `record` is its id at the source when known, else its position. */
export interface RecordProblem {
  record: string;
  reason: string;
}

export type ReadItem = { record: SourceRecord; problem?: undefined } | { record?: undefined; problem: RecordProblem };

export interface ConnectorContext {
  source: SourceSettings;
  /** The clock statuses are derived with (closed once the deadline passed). */
  now: Date;
  /** The previous run's validators, for a conditional request. */
  validators: Validators | null;
  /** The API key the source's key reference names, if any. */
  apiKey: string | null;
  policy?: FetchPolicy;
}

/**
 * The outcome of opening a source. `items` is read once, lazily: records come
 * as the source gives them (pages, stream chunks), so memory stays flat. An
 * error of the source as a whole (timeout, HTML instead of XML, broken XML
 * half-way) is a SourceReadError, thrown by `open` or by the iteration.
 */
export interface ReadResult {
  notModified: boolean;
  validators: Validators | null;
  items: AsyncIterable<ReadItem>;
}

export interface Connector {
  readonly kind: SourceKind;
  open(context: ConnectorContext): Promise<ReadResult>;
}

export function problem(record: string, reason: string): ReadItem {
  return { problem: { record, reason } };
}
