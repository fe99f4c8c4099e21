/** The one way the site writes an RSS feed, for the whole site and per service. */
import rss from '@astrojs/rss';
import escapeHtml from 'escape-html';
import { xmlCharacters } from '../core/escape.ts';
import type { FeedItem } from '../core/feed.ts';

/**
 * An RSS 2.0 feed. The library escapes markup; what XML forbids outright is
 * removed here (`xmlCharacters`). Readers show a channel's description as
 * HTML, as they do an item's, so it is HTML-escaped text, never markup.
 */
export function rssResponse(channel: { title: string; description: string; link: string }, items: FeedItem[]): Promise<Response> {
  return rss({
    title: xmlCharacters(channel.title),
    description: xmlCharacters(escapeHtml(channel.description)),
    site: channel.link,
    items: items.map((item) => ({
      title: xmlCharacters(item.title),
      link: item.link,
      description: xmlCharacters(item.description),
      pubDate: new Date(item.pubDate),
    })),
  });
}
