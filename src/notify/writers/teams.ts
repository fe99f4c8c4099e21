/**
 * Microsoft Teams through a Workflows webhook ("When a Teams webhook request
 * is received"): a message with one Adaptive Card.
 */
import type { Notification, Tone } from '../notification.ts';

/** TextBlock colours by tone, from Adaptive Cards' named colours. */
const COLORS: Record<Tone, string> = {
  resolved: 'Good',
  notice: 'Accent',
  'under-maintenance': 'Accent',
  'degraded-performance': 'Warning',
  'partial-outage': 'Warning',
  'major-outage': 'Attention',
};

/** The JSON body of a Teams workflow webhook request for `notification`. */
export function teamsMessage(notification: Notification) {
  const { incident, statusLabel, timeText, text, services, words, url } = notification;
  const body: object[] = [
    { type: 'TextBlock', text: `${statusLabel}: ${incident.title}`, weight: 'Bolder', size: 'Medium', color: COLORS[notification.tone], wrap: true, style: 'heading' },
    { type: 'TextBlock', text: timeText, isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (text !== '') body.push({ type: 'TextBlock', text, wrap: true });
  body.push(
    { type: 'TextBlock', text: words.affected, weight: 'Bolder', wrap: true },
    services.length > 0
      ? { type: 'FactSet', facts: services.map((service) => ({ title: service.name, value: service.levelLabel })) }
      : { type: 'TextBlock', text: words.noServices, wrap: true },
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
