/** The one way the site writes an RSS feed, for the whole site and per service. */
import rss from '@astrojs/rss';
import type { FeedItem } from '../core/feed.ts';

export function rssResponse(channel: { title: string; description: string; link: string }, items: FeedItem[]): Promise<Response> {
  return rss({
    title: channel.title,
    description: channel.description,
    site: channel.link,
    items: items.map((item) => ({ ...item, pubDate: new Date(item.pubDate) })),
  });
}
