/** The RSS 2.0 writer over the feed entry model (feeds.ts), for the whole site and per service. */
import rss from '@astrojs/rss';
import escapeHtml from 'escape-html';
import { xmlCharacters, xmlText } from './escape.ts';
import type { FeedChannel, FeedEntry } from './feeds.ts';

/**
 * An RSS 2.0 feed. The library escapes markup; what XML forbids outright is
 * removed here (`xmlCharacters`). Readers show a channel's description as
 * HTML, as they do an item's, so it is HTML-escaped text, never markup.
 * A channel `hub` (site.yaml `websubHub`) adds WebSub's `<atom:link
 * rel="hub">` and the feed's own address as `rel="self"`, the topic a
 * subscriber asks the hub for: raw XML to the library, so both addresses go
 * through `xmlText`.
 */
export function rssResponse(channel: FeedChannel & { self: string }, entries: FeedEntry[]): Promise<Response> {
  const hub = channel.hub
    ? `<atom:link href="${xmlText(channel.hub)}" rel="hub"/><atom:link href="${xmlText(channel.self)}" rel="self" type="application/rss+xml"/>`
    : '';
  // The channel's language (RSS 2.0 <language>, a BCP 47 tag from the catalog): readers and aggregators sort by it.
  const language = `<language>${xmlText(channel.lang)}</language>`;
  return rss({
    title: xmlCharacters(channel.title),
    description: xmlCharacters(escapeHtml(channel.description)),
    site: channel.link,
    ...(hub ? { xmlns: { atom: 'http://www.w3.org/2005/Atom' } } : {}),
    customData: `${language}${hub}`,
    items: entries.map((entry) => ({
      title: xmlCharacters(entry.title),
      link: entry.url,
      description: xmlCharacters(entry.html),
      pubDate: new Date(entry.at),
    })),
  });
}
