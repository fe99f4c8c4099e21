/**
 * Microsoft Teams through a Workflows webhook ("When a Teams webhook request
 * is received"): a message with one Adaptive Card.
 */
import type { Notification, Tone } from '../notification.ts';
import { escapeOutsideAddresses } from './text.ts';

/** TextBlock colours by tone, from Adaptive Cards' named colours. */
const COLORS: Record<Tone, string> = {
  resolved: 'Good',
  notice: 'Accent',
  'under-maintenance': 'Accent',
  'degraded-performance': 'Warning',
  'partial-outage': 'Warning',
  'major-outage': 'Attention',
};

/**
 * Teams' Markdown in an Adaptive Card (a TextBlock's text, a fact's title and
 * value: bold, italic, lists and links), escaped with CommonMark's
 * backslashes so text reads as written: `**x**` and `_x_` are no emphasis,
 * `[x](https://…)` no link, a line starting `- `, `+ ` or `1. ` no list.
 * Addresses are left whole: Teams links them itself, and escaping inside one
 * would break it.
 */
export function escapeTeams(text: string): string {
  return escapeOutsideAddresses(text, (part) =>
    part
      // A backslash that would escape what follows it is itself escaped first.
      .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
      .replace(/[*_[\]]/g, '\\$&')
      .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2'),
  );
}

/** The JSON body of a Teams workflow webhook request for `notification`. */
export function teamsMessage(notification: Notification) {
  const { incident, statusLabel, timeText, text, services, words, url } = notification;
  // Every text below is read as Markdown by Teams: all of it goes through escapeTeams.
  const body: object[] = [
    { type: 'TextBlock', text: escapeTeams(`${statusLabel}: ${incident.title}`), weight: 'Bolder', size: 'Medium', color: COLORS[notification.tone], wrap: true, style: 'heading' },
    { type: 'TextBlock', text: escapeTeams(timeText), isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (text !== '') body.push({ type: 'TextBlock', text: escapeTeams(text), wrap: true });
  body.push(
    { type: 'TextBlock', text: escapeTeams(words.affected), weight: 'Bolder', wrap: true },
    services.length > 0
      ? { type: 'FactSet', facts: services.map((service) => ({ title: escapeTeams(service.name), value: escapeTeams(service.levelLabel) })) }
      : { type: 'TextBlock', text: escapeTeams(words.noServices), wrap: true },
  );
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body,
          actions: [{ type: 'Action.OpenUrl', title: words.view, url }],
        },
      },
    ],
  };
}
