import { describe, expect, it } from 'vitest';
import { MentionChannel } from '../../contacts/index.js';
import { FeedFormatError, parseFeed } from './feed-parser.js';

// Shapes from the RSS 2.0 specification's sample and RFC 4287's examples.
const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Liftoff News</title>
    <link>http://liftoff.msfc.nasa.gov/</link>
    <item>
      <title>Star City</title>
      <link>http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp</link>
      <description>How do Americans get ready to work with &lt;b&gt;Russians&lt;/b&gt; aboard the ISS?</description>
      <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate>
      <guid>http://liftoff.msfc.nasa.gov/2003/06/03.html#item573</guid>
      <dc:creator>Ana</dc:creator>
    </item>
    <item>
      <description><![CDATA[<p>Sky watchers in Europe &amp; Asia</p>]]></description>
      <guid isPermaLink="false">item-572</guid>
      <author>editor@example.com (Jane Editor)</author>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Feed</title>
  <author><name>John Doe</name></author>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Atom-Powered Robots Run Amok</title>
    <link href="http://example.org/2003/12/13/atom03"/>
    <link rel="edit" href="http://example.org/edit/1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2003-12-13T18:30:02Z</updated>
    <summary type="html">Some &lt;em&gt;text&lt;/em&gt;.</summary>
  </entry>
</feed>`;

describe(parseFeed.name, () => {
  it('reads RSS 2.0 items: guid, link, text without HTML, date and author', () => {
    const [first, second] = parseFeed(RSS, MentionChannel.NEWS);
    expect(first).toEqual({
      channel: MentionChannel.NEWS,
      externalId: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
      url: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
      text: 'Star City — How do Americans get ready to work with Russians aboard the ISS?',
      publishedAt: new Date('2003-06-03T09:39:21Z'),
      author: { handle: 'Ana', displayName: 'Ana' },
    });
    expect(second).toMatchObject({
      externalId: 'item-572',
      url: null,
      text: 'Sky watchers in Europe & Asia',
      author: { handle: 'Jane Editor' },
    });
  });

  it('reads Atom 1.0 entries with the alternate link and the feed author', () => {
    expect(parseFeed(ATOM, MentionChannel.BLOG)).toEqual([
      {
        channel: MentionChannel.BLOG,
        externalId: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
        url: 'http://example.org/2003/12/13/atom03',
        text: 'Atom-Powered Robots Run Amok — Some text.',
        publishedAt: new Date('2003-12-13T18:30:02Z'),
        author: { handle: 'John Doe', displayName: 'John Doe' },
      },
    ]);
  });

  it('refuses documents that are not feeds, are malformed or declare entities', () => {
    expect(() => parseFeed('<html><body/></html>', MentionChannel.BLOG)).toThrow(FeedFormatError);
    expect(() => parseFeed('<rss><channel>', MentionChannel.BLOG)).toThrow(FeedFormatError);
    expect(() =>
      parseFeed('<!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel/></rss>', MentionChannel.BLOG),
    ).toThrow(FeedFormatError);
  });
});
