/** The Atom 1.0 (RFC 4287) writer over the feed entry model (feeds.ts), for the whole site and per service. */
import type { Instant } from '../core/time.ts';
import { xmlText } from './escape.ts';
import type { FeedChannel, FeedEntry } from './feeds.ts';

/** An RFC 3339 date-time in UTC, as Atom's date constructs take it. */
function atomDate(instant: Instant): string {
  return new Date(instant).toISOString();
}

/**
 * An Atom 1.0 feed document. The feed's id is its own address, each entry's
 * id the address of its update (the same as the RSS guid, stable from build
 * to build); `updated` is the newest entry's time, or `now` for a feed with
 * none. Titles are text, content is HTML carried as text; everything from
 * content goes through `xmlText`. A channel `hub` (site.yaml `websubHub`)
 * adds WebSub's `<link rel="hub">`.
 */
export function atomFeed(channel: FeedChannel & { self: string }, entries: FeedEntry[], now: Instant): string {
  const link = (rel: string, href: string, type?: string) => `<link rel="${rel}"${type ? ` type="${type}"` : ''} href="${xmlText(href)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(channel.lang)}">`,
    `  <id>${xmlText(channel.self)}</id>`,
    `  <title type="text">${xmlText(channel.title)}</title>`,
    `  <subtitle type="text">${xmlText(channel.description)}</subtitle>`,
    `  <updated>${atomDate(entries[0]?.at ?? now)}</updated>`,
    `  <author><name>${xmlText(channel.author.name)}</name><uri>${xmlText(channel.author.uri)}</uri></author>`,
    `  ${link('self', channel.self, 'application/atom+xml')}`,
    `  ${link('alternate', channel.link, 'text/html')}`,
    ...(channel.hub ? [`  ${link('hub', channel.hub)}`] : []),
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${xmlText(entry.url)}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <updated>${atomDate(entry.at)}</updated>`,
      `    <published>${atomDate(entry.at)}</published>`,
      `    ${link('alternate', entry.url, 'text/html')}`,
      `    <content type="html">${xmlText(entry.html)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The feed as a response with Atom's media type. */
export function atomResponse(...args: Parameters<typeof atomFeed>): Response {
  return new Response(atomFeed(...args), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
