import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { MentionChannel } from '../../contacts/index.js';
import type { IngestMention } from '../../ingest/index.js';
import { htmlToText } from '../runtime/html-text.js';

/** Items read from one poll; a feed usually carries its latest 10 to 50. */
export const MAX_FEED_ITEMS = 200;
const MAX_TEXT = 20_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

export class FeedFormatError extends Error {}

type Node = Record<string, unknown>;

/** Posts of an RSS 2.0 or Atom 1.0 document, as mentions on `channel`. */
export function parseFeed(xml: string, channel: MentionChannel, now = new Date()): IngestMention[] {
  // Entity declarations are how XML bombs work; feeds have no use for them.
  if (/<!ENTITY/i.test(xml)) throw new FeedFormatError('Feed declares XML entities');
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch {
    throw new FeedFormatError('Feed is not well-formed XML');
  }
  const rss = (document.rss as Node | undefined)?.channel as Node | undefined;
  if (rss)
    return asArray(rss.item)
      .slice(0, MAX_FEED_ITEMS)
      .flatMap((item) => fromRssItem(item as Node, text(rss.title), channel, now));
  const atom = document.feed as Node | undefined;
  if (atom) {
    const feedAuthor = text((atom.author as Node | undefined)?.name) || text(atom.title);
    return asArray(atom.entry)
      .slice(0, MAX_FEED_ITEMS)
      .flatMap((entry) => fromAtomEntry(entry as Node, feedAuthor, channel, now));
  }
  throw new FeedFormatError('Neither an RSS 2.0 nor an Atom feed');
}

function fromRssItem(
  item: Node,
  feedTitle: string,
  channel: MentionChannel,
  now: Date,
): IngestMention[] {
  const link = text(asArray(item.link)[0]);
  const body = joinText(
    text(item.title),
    htmlToText(text(item['content:encoded']) || text(item.description)),
  );
  const id = text(item.guid) || link;
  if (!body || !id) return [];
  const author =
    text(item['dc:creator']) || rssAuthorName(text(item.author)) || feedTitle || 'unknown';
  return [
    mention(channel, id, link, body, text(item.pubDate) || text(item['dc:date']), author, now),
  ];
}

function fromAtomEntry(
  entry: Node,
  feedAuthor: string,
  channel: MentionChannel,
  now: Date,
): IngestMention[] {
  const links = asArray(entry.link) as Node[];
  const alternate =
    links.find((link) => !link['@_rel'] || link['@_rel'] === 'alternate') ?? links[0];
  const link = text(alternate?.['@_href']);
  const body = joinText(
    htmlToText(text(entry.title)),
    htmlToText(text(entry.content) || text(entry.summary)),
  );
  const id = text(entry.id) || link;
  if (!body || !id) return [];
  const author =
    text((asArray(entry.author)[0] as Node | undefined)?.name) || feedAuthor || 'unknown';
  return [
    mention(channel, id, link, body, text(entry.published) || text(entry.updated), author, now),
  ];
}

function mention(
  channel: MentionChannel,
  id: string,
  link: string,
  body: string,
  published: string,
  author: string,
  now: Date,
): IngestMention {
  const date = new Date(published);
  return {
    channel,
    // Ids beyond the ingestion limit are replaced by their digest, stable across polls.
    externalId: id.length <= 200 ? id : createHash('sha256').update(id).digest('hex'),
    url: URL.canParse(link) && /^https?:/i.test(link) ? link : null,
    text: body.slice(0, MAX_TEXT),
    publishedAt: Number.isNaN(date.getTime()) ? now : date,
    author: { handle: author.slice(0, 200), displayName: author.slice(0, 200) },
  };
}

/** RSS `<author>` is an e-mail, often `mail@host (Name)`: keep the name when there is one. */
function rssAuthorName(author: string): string {
  return /\(([^)]+)\)/.exec(author)?.[1]?.trim() ?? author;
}

function joinText(title: string, description: string): string {
  if (!description || description.startsWith(title)) return description || title;
  return title ? `${title} — ${description}` : description;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  if (typeof value === 'object' && '#text' in (value as Node))
    return text((value as Node)['#text']);
  return '';
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
