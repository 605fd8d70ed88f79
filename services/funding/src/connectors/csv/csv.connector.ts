import type { Connector, ConnectorContext, ReadItem, ReadResult } from '../connector';
import { fetchTextSource } from '../http/source-fetch';
import { readCsvOpportunities } from './csv-opportunities';

const MAX_CSV_BYTES = 50 * 1024 * 1024;

/** A CSV list of opportunities served over HTTP (FUNDING-FORMATS.md §5): manual lists, exports from other tools. */
export class CsvConnector implements Connector {
  readonly kind = 'csv' as const;

  async open(context: ConnectorContext): Promise<ReadResult> {
    const answer = await fetchTextSource(
      { url: context.source.url, validators: context.validators, accept: 'text/csv, text/plain;q=0.8' },
      { types: ['csv', 'text/plain', 'octet-stream', 'excel'], what: 'a CSV file', maxBytes: MAX_CSV_BYTES },
      context.policy,
    );
    const items = (async function* (): AsyncGenerator<ReadItem> {
      if (!answer.notModified) yield* readCsvOpportunities(answer.text, context.source, context.now);
    })();
    return { notModified: answer.notModified, validators: answer.validators, items };
  }
}
