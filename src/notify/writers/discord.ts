/** Discord webhooks: one embed per update, mentions switched off. */
import type { Notification, Tone } from '../notification.ts';
import { escapeOutsideAddresses, fit } from './text.ts';

/** Embed colours by tone. */
const COLORS: Record<Tone, number> = {
  resolved: 0x2e7d32,
  notice: 0x1565c0,
  'under-maintenance': 0x1565c0,
  'degraded-performance': 0xf9a825,
  'partial-outage': 0xef6c00,
  'major-outage': 0xc62828,
};

/**
 * Discord's Markdown, escaped with backslashes so text reads as written (a
 * `*` stays a star, `<@123>` is no mention, `[x](y)` no masked link).
 * Addresses are left whole: escaping inside them would break the link.
 */
export function escapeDiscord(text: string): string {
  return escapeOutsideAddresses(text, (part) => part.replace(/[\\*_~`|<>[\]]/g, '\\$&').replace(/^(\s*)(#|>)/gm, '$1\\$2'));
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
