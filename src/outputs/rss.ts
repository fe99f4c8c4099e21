/** The one way the site writes an RSS feed, for the whole site and per service. */
import rss from '@astrojs/rss';
import escapeHtml from 'escape-html';
import { xmlCharacters } from './escape.ts';
import type { FeedItem } from './feeds.ts';

/**
 * An RSS 2.0 feed. The library escapes markup; what XML forbids outright is
 * removed here (`xmlCharacters`). Readers show a channel's description as
 * HTML, as they do an item's, so it is HTML-escaped text, never markup.
 * `hub` (site.yaml `websubHub`) adds WebSub's `<atom:link rel="hub">` and the
 * feed's own address as `rel="self"`, the topic a subscriber asks the hub for.
 */
export function rssResponse(
  channel: { title: string; description: string; link: string; self: string; hub?: string },
  items: FeedItem[],
): Promise<Response> {
  const hub = channel.hub
    ? `<atom:link href="${escapeHtml(channel.hub)}" rel="hub"/><atom:link href="${escapeHtml(channel.self)}" rel="self" type="application/rss+xml"/>`
    : undefined;
  return rss({
    title: xmlCharacters(channel.title),
    description: xmlCharacters(escapeHtml(channel.description)),
    site: channel.link,
    ...(hub ? { xmlns: { atom: 'http://www.w3.org/2005/Atom' }, customData: hub } : {}),
    items: items.map((item) => ({
      title: xmlCharacters(item.title),
      link: item.link,
      description: xmlCharacters(item.description),
      pubDate: new Date(item.pubDate),
    })),
  });
}
