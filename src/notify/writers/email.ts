/**
 * Email: a plain-text and an HTML part with the same facts. The HTML takes
 * the update from the one safe Markdown renderer; everything else is escaped
 * here.
 */
import escapeHtml from 'escape-html';
import type { Notification } from '../notification.ts';

/** The parts and headers of one email, as nodemailer takes them (without from/to). */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  /** Stable per update, so a client can tell a resent copy from a new message. */
  messageId: string;
  /** Threads every update of one incident together. */
  references: string;
  /** `List-Unsubscribe` addresses, when the channel has any: one header, as RFC 2369 has it (nodemailer's nested list). */
  list?: { unsubscribe: string[][] };
}

/** Root-relative links in the update (`/sla/`) made absolute: a mail client has no site to resolve them against. */
function absoluteLinks(html: string, siteUrl: string): string {
  const origin = escapeHtml(new URL(siteUrl).origin);
  return html.replace(/ (href|src)="\/(?!\/)/g, ` $1="${origin}/`);
}

/** The email for `notification`; `unsubscribe` fills List-Unsubscribe and a footer line. */
export function emailMessage(notification: Notification, unsubscribe: readonly string[]): EmailMessage {
  const { id, incident, statusLabel, timeText, text, html, services, words, url, site } = notification;
  const host = new URL(site.url).hostname;
  const affectedText = services.length > 0 ? services.map((service) => `- ${service.name}: ${service.levelLabel}`).join('\n') : words.noServices;
  const plain = [
    `${statusLabel}: ${incident.title}`,
    timeText,
    '',
    ...(text ? [text, ''] : []),
    `${words.affected}:`,
    affectedText,
    '',
    `${words.view}: ${url}`,
    '',
    '-- ',
    words.sentBy,
    ...(unsubscribe.length > 0 ? [`${words.unsubscribe}: ${unsubscribe.join(' ')}`] : []),
  ].join('\n');
  const affectedHtml = services.length > 0
    ? `<ul>${services.map((service) => `<li>${escapeHtml(service.name)}: ${escapeHtml(service.levelLabel)}</li>`).join('')}</ul>`
    : `<p>${escapeHtml(words.noServices)}</p>`;
  const unsubscribeHtml = unsubscribe.length > 0
    ? ` <a href="${escapeHtml(unsubscribe[0]!)}">${escapeHtml(words.unsubscribe)}</a>`
    : '';
  const page = `<!doctype html>
<html lang="${escapeHtml(notification.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(words.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem">
<h1 style="font-size: 1.25rem">${escapeHtml(`${statusLabel}: ${incident.title}`)}</h1>
<p style="color: #555"><time datetime="${new Date(notification.time).toISOString()}">${escapeHtml(timeText)}</time></p>
${absoluteLinks(html, site.url)}
<h2 style="font-size: 1rem">${escapeHtml(words.affected)}</h2>
${affectedHtml}
<p><a href="${escapeHtml(url)}">${escapeHtml(words.view)}</a></p>
<p style="color: #555; font-size: 0.875rem">${escapeHtml(words.sentBy)}${unsubscribeHtml}</p>
</body></html>
`;
  return {
    subject: words.subject,
    text: plain,
    html: page,
    messageId: `<${id.replace(/[^A-Za-z0-9.-]/g, '.')}@${host}>`,
    references: `<${incident.id}@${host}>`,
    ...(unsubscribe.length > 0 ? { list: { unsubscribe: [[...unsubscribe]] } } : {}),
  };
}
