import type { OpportunityContent } from '../../opportunities/opportunity';
import type { ReadItem, SourceSettings } from '../connector';
import { SourceReadError } from '../http/source-fetch';
import { clean, htmlToText, themeOf } from '../text';
import { amountsIn, deadlineIn, jointBidsIn } from './free-text';
import { child, children, childText, XmlElement } from './xml-tree';

export interface FeedItem {
  position: number;
  id: string | null;
  title: string | null;
  link: string | null;
  description: string | null;
  published: string | null;
  categories: string[];
}

export interface ParsedFeed {
  format: 'rss' | 'atom';
  title: string | null;
  items: FeedItem[];
}

function atomLink(entry: XmlElement): string | null {
  const links = children(entry, 'link');
  const alternate = links.find((link) => (link.attributes['rel'] ?? 'alternate') === 'alternate') ?? links[0];
  return clean(alternate?.attributes['href']);
}

/** RSS 2.0 (`<rss><channel><item>`) or Atom (`<feed><entry>`), told apart by the root element; anything else is not a feed. */
export function readFeed(root: XmlElement): ParsedFeed {
  if (root.name === 'rss' || root.name === 'RDF') {
    const channel = child(root, 'channel') ?? root;
    const items = [...children(channel, 'item'), ...(root.name === 'RDF' ? children(root, 'item') : [])];
    return {
      format: 'rss',
      title: clean(childText(channel, 'title')),
      items: items.map((item, index) => ({
        position: index + 1,
        id: clean(childText(item, 'guid')) ?? clean(item.attributes['about']),
        title: childText(item, 'title'),
        link: clean(childText(item, 'link')),
        description: childText(item, 'encoded') ?? childText(item, 'description'),
        published: clean(childText(item, 'pubDate') ?? childText(item, 'date')),
        categories: children(item, 'category').map((c) => c.text),
      })),
    };
  }
  if (root.name === 'feed') {
    return {
      format: 'atom',
      title: clean(childText(root, 'title')),
      items: children(root, 'entry').map((entry, index) => ({
        position: index + 1,
        id: clean(childText(entry, 'id')),
        title: childText(entry, 'title'),
        link: atomLink(entry),
        description: childText(entry, 'content') ?? childText(entry, 'summary'),
        published: clean(childText(entry, 'published') ?? childText(entry, 'updated')),
        categories: children(entry, 'category').map((c) => c.attributes['term'] ?? c.text),
      })),
    };
  }
  throw new SourceReadError('wrong-format', root.name.toLowerCase() === 'html' ? 'answered HTML where an RSS or Atom feed was expected' : `the XML's root is <${root.name}>: neither RSS (<rss>) nor Atom (<feed>)`);
}

/** One feed item as an opportunity: deadline and amounts read from its text, the rest from the source's settings. */
export function mapFeedItem(item: FeedItem, feedTitle: string | null, source: SourceSettings, now: Date): ReadItem {
  const title = htmlToText(item.title, 500);
  const key = item.id ?? item.link;
  if (!key) return { problem: { record: `item ${item.position}`, reason: 'has neither a guid/id nor a link to key it by' } };
  if (!title) return { problem: { record: key, reason: 'has no title' } };
  const description = htmlToText(item.description);
  const text = `${title}\n${description ?? ''}`;
  const timeZone = source.timeZone ?? 'UTC';
  const closesAt = deadlineIn(text, timeZone);
  const amounts = amountsIn(text);
  const currency = amounts[0]?.currency ?? source.currency;
  const sameCurrency = amounts.filter((a) => a.currency === currency).map((a) => a.amount);
  const postedMs = item.published ? Date.parse(item.published) : NaN;
  const content: OpportunityContent = {
    title,
    reference: null,
    funder: source.funder ?? feedTitle ?? 'Unnamed funder',
    funderType: source.funderType ?? 'trust-or-foundation',
    description,
    url: item.link,
    status: closesAt && closesAt.getTime() < now.getTime() ? 'closed' : 'open',
    postedAt: Number.isNaN(postedMs) ? null : new Date(postedMs),
    closesAt,
    timeZone,
    award: {
      floor: sameCurrency.length > 1 ? Math.min(...sameCurrency) : null,
      ceiling: sameCurrency.length > 0 ? Math.max(...sameCurrency) : null,
      total: null,
      currency: sameCurrency.length > 0 ? currency : source.currency,
    },
    costSharing: /\b(co-?financing|match(ing)? funds?|cost[- ]shar)/i.test(text) ? true : null,
    eligibleApplicantTypes: [],
    eligibleCountries: [...source.countries],
    eligibilityText: null,
    themes: [...new Set(item.categories.flatMap((c) => themeOf(c) ?? []))].sort(),
    jointBidsAllowed: jointBidsIn(text),
  };
  return { record: { sourceRecordId: key.slice(0, 500), revision: null, content } };
}
