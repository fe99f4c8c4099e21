/** Discord webhooks: one embed per update, mentions switched off. */
import type { Notification, Tone } from '../notification.ts';
import { fit } from './text.ts';

/** Embed colours by tone. */
const COLORS: Record<Tone, number> = {
  resolved: 0x2e7d32,
  notice: 0x1565c0,
  'under-maintenance': 0x1565c0,
  'degraded-performance': 0xf9a825,
  'partial-outage': 0xef6c00,
  'major-outage': 0xc62828,
};

const URL_PATTERN = /https?:\/\/[^\s<>()]+/g;

/**
 * Discord's Markdown, escaped with backslashes so text reads as written (a
 * `*` stays a star, `<@123>` is no mention, `[x](y)` no masked link).
 * Addresses are left whole: escaping inside them would break the link.
 */
export function escapeDiscord(text: string): string {
  const escape = (part: string) => part.replace(/[\\*_~`|<>[\]]/g, '\\$&').replace(/^(\s*)(#|>)/gm, '$1\\$2');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

/** The JSON body of a Discord webhook execution for `notification`. */
export function discordMessage(notification: Notification) {
  const { incident, statusLabel, timeText, text, services, words, url, site } = notification;
  const affected = services.length > 0
    ? services.map((service) => `${escapeDiscord(service.name)}: ${service.levelLabel}`).join('\n')
    : words.noServices;
  return {
    // Nothing an editor writes may ping a channel or a person.
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: fit(`${statusLabel}: ${incident.title}`, 256),
        url,
        description: fit(text || statusLabel, 4096, escapeDiscord),
        color: COLORS[notification.tone],
        timestamp: new Date(notification.time).toISOString(),
        fields: [{ name: fit(words.affected, 256), value: fit(affected, 1024), inline: false }],
        footer: { text: fit(`${site.title} · ${timeText}`, 2048) },
      },
    ],
  };
}
