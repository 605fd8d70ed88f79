import type { SourceSettings } from '../connector';
import { SourceReadError } from '../http/source-fetch';
import { amountsIn, deadlineIn, jointBidsIn } from './free-text';
import { mapFeedItem, readFeed } from './feed.mapper';
import { parseXmlTree } from './xml-tree';

const NOW = new Date('2026-12-01T12:00:00Z');
const SOURCE: SourceSettings = {
  sourceId: 'us-embassy-berlin',
  kind: 'feed',
  url: 'http://127.0.0.1/feed.xml',
  funder: 'U.S. Embassy Berlin',
  funderType: 'embassy-or-high-commission',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  countries: ['DE'],
  query: null,
};

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Embassy grants</title>
<item><title>Public Diplomacy Small Grants 2027</title><link>https://example.org/pd-2027</link><guid>pd-2027</guid>
<description>&lt;p&gt;Grants of up to €25,000 for German–American city partnerships. Deadline: 15 March 2027.&lt;/p&gt;</description>
<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><category>Civil Society</category><category>Youth &amp; Exchange</category></item>
<item><link>https://example.org/untitled</link></item>
<item><title>Old call</title><guid>old</guid><description>Applications closed on 1 June 2024.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Foundation calls</title>
<entry><id>urn:uuid:1</id><title type="html">Cities for Climate &lt;b&gt;2027&lt;/b&gt;</title><link rel="alternate" href="https://example.org/c4c"/>
<updated>2026-11-20T10:00:00Z</updated><summary>Consortia of at least three municipalities; between EUR 50 000 and EUR 200 000. Apply by 2027-02-28.</summary>
<category term="climate"/></entry></feed>`;

describe('feeds', () => {
  it('reads an RSS 2.0 item: deadline and amount from its text, the rest from the source', () => {
    const feed = readFeed(parseXmlTree(RSS));
    expect(feed.format).toBe('rss');
    const [good, untitled, old] = feed.items.map((item) => mapFeedItem(item, feed.title, SOURCE, NOW));
    expect(good?.record?.sourceRecordId).toBe('pd-2027');
    expect(good?.record?.content).toMatchObject({
      title: 'Public Diplomacy Small Grants 2027',
      funder: 'U.S. Embassy Berlin',
      funderType: 'embassy-or-high-commission',
      status: 'open',
      award: { floor: null, ceiling: 25000, total: null, currency: 'EUR' },
      eligibleCountries: ['DE'],
      themes: ['civil-society', 'youth-and-exchange'],
      timeZone: 'Europe/Berlin',
    });
    expect(good?.record?.content.closesAt?.toISOString()).toBe('2027-03-15T22:59:59.000Z');
    expect(good?.record?.content.postedAt?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(untitled?.problem).toEqual({ record: 'https://example.org/untitled', reason: 'has no title' });
    expect(old?.record?.content.status).toBe('closed');
  });

  it('reads an Atom entry, a consortium call with a range of amounts', () => {
    const feed = readFeed(parseXmlTree(ATOM));
    expect(feed.format).toBe('atom');
    const item = mapFeedItem(feed.items[0]!, feed.title, { ...SOURCE, funder: null, funderType: 'trust-or-foundation' }, NOW);
    expect(item.record?.content).toMatchObject({
      title: 'Cities for Climate 2027',
      funder: 'Foundation calls',
      url: 'https://example.org/c4c',
      award: { floor: 50000, ceiling: 200000, currency: 'EUR' },
      jointBidsAllowed: true,
      themes: ['climate'],
    });
    expect(item.record?.content.closesAt?.toISOString()).toBe('2027-02-28T22:59:59.000Z');
  });

  it('refuses HTML and other XML as a whole, naming what it got', () => {
    expect(() => readFeed(parseXmlTree('<html><body><p>Login</p></body></html>'))).toThrow('answered HTML where an RSS or Atom feed was expected');
    expect(() => readFeed(parseXmlTree('<Grants/>'))).toThrow(SourceReadError);
    expect(() => parseXmlTree('<rss><channel>')).toThrow(/malformed/);
  });

  it('finds deadlines, amounts and consortium wording in prose', () => {
    expect(deadlineIn('Closing date: March 5, 2027', 'UTC')?.toISOString()).toBe('2027-03-05T23:59:59.000Z');
    expect(deadlineIn('Bewerbungsschluss: 01.04.2027', 'Europe/Berlin')?.toISOString()).toBe('2027-04-01T21:59:59.000Z');
    expect(deadlineIn('No dates here', 'UTC')).toBeNull();
    expect(amountsIn('NZ$20,000 and up to $1.5 million? no: $2m')).toEqual([
      { amount: 20000, currency: 'NZD' },
      { amount: 1, currency: 'USD' },
      { amount: 2_000_000, currency: 'USD' },
    ]);
    expect(jointBidsIn('Joint applications are not eligible')).toBe(false);
    expect(jointBidsIn('Consortia are welcome')).toBe(true);
    expect(jointBidsIn('For single cities')).toBeNull();
  });
});
