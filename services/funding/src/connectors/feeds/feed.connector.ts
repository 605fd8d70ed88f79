import type { Connector, ConnectorContext, ReadItem, ReadResult } from '../connector';
import { fetchTextSource } from '../http/source-fetch';
import { mapFeedItem, readFeed } from './feed.mapper';
import { parseXmlTree } from './xml-tree';

const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** RSS 2.0 and Atom feeds of embassies, high commissions, foundations and agencies (FUNDING-FORMATS.md §4). */
export class FeedConnector implements Connector {
  readonly kind = 'feed' as const;

  async open(context: ConnectorContext): Promise<ReadResult> {
    const answer = await fetchTextSource(
      { url: context.source.url, validators: context.validators, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8' },
      { types: ['xml', 'rss', 'atom'], what: 'an RSS or Atom feed', maxBytes: MAX_FEED_BYTES },
      context.policy,
    );
    const feed = answer.notModified ? null : readFeed(parseXmlTree(answer.text));
    const items = (async function* (): AsyncGenerator<ReadItem> {
      for (const item of feed?.items ?? []) yield mapFeedItem(item, feed?.title ?? null, context.source, context.now);
    })();
    return { notModified: answer.notModified, validators: answer.validators, items };
  }
}
