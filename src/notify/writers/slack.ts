/** Slack incoming webhooks: Block Kit with a plain-text fallback. */
import type { Notification } from '../notification.ts';
import { fit } from './text.ts';

/** Slack's mrkdwn escaping: `&`, `<` and `>` are its only control characters (links, mentions, @channel). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link `<url|text>`: the address escaped too, and `|`, which would end it, percent-encoded. */
function slackLink(url: string, text: string): string {
  return `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(text).replace(/\|/g, '¦')}>`;
}

/** The JSON body of a Slack incoming webhook message for `notification`. */
export function slackMessage(notification: Notification) {
  const { incident, statusLabel, timeText, text, services, words, url } = notification;
  const title = `${statusLabel}: ${incident.title}`;
  const affected = services.length > 0
    ? services.map((service) => `${service.name} (${service.levelLabel.toLowerCase()})`).join(', ')
    : words.noServices;
  const blocks: object[] = [{ type: 'header', text: { type: 'plain_text', text: fit(title, 150), emoji: false } }];
  if (text !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(text, 3000, escapeSlack) } });
  blocks.push(
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${escapeSlack(statusLabel)}*\n${escapeSlack(timeText)}` },
        { type: 'mrkdwn', text: `*${escapeSlack(words.affected)}*\n${fit(affected, 1900, escapeSlack)}` },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackLink(url, words.view) }] },
  );
  return {
    // The fallback shown in notifications and by clients without blocks.
    text: fit(`${title} (${timeText}): ${url}`, 3000, escapeSlack),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
