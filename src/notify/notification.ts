/**
 * What a notification says, decided once for every channel: the entry model
 * the channel writers (Slack, Discord, Teams, webhook, email) lay out, each
 * escaping for its own format.
 */
import { incidentUrl, updateId, updateUrl } from '../outputs/links.ts';
import { formatTime, statusLabel, taskWords } from '../i18n/format.ts';
import { worstStatus, type ServiceStatus, type WindowLevel } from '../core/levels.ts';
import { CLOSING_STATUSES, type Incident, type IncidentKind, type Service, type Site, type Update, type UpdateStatus } from '../core/types.ts';
import { renderPlainText } from '../contract/markdown.ts';
import { messagesFor } from '../i18n/messages.ts';

/** One affected service at the level the incident gives it (the reader lists each service once). */
export interface NotifiedService {
  id: string;
  name: string;
  level: WindowLevel;
  /** The level in words, in the site's language. */
  levelLabel: string;
}

/** How serious the update reads: a closing update is good news whatever the level was. */
export type Tone = 'resolved' | 'notice' | Exclude<ServiceStatus, 'operational'>;

/** One update of one incident, as every channel tells it. */
export interface Notification {
  /** The update's id (`updateId`): the webhooks' Idempotency-Key. */
  id: string;
  site: { title: string; url: string };
  /** The site's language as a BCP 47 tag, for an HTML part's `lang`. */
  lang: string;
  incident: { id: string; title: string; kind: IncidentKind; url: string };
  status: UpdateStatus;
  /** The status in words, in the site's language. */
  statusLabel: string;
  time: number;
  /** The time in the site's zone, with its offset: `2025-01-18 02:40 +08:00`. */
  timeText: string;
  /** The update as plain text; each writer escapes it for its format. */
  text: string;
  /** The update as safe HTML, from the one Markdown renderer. */
  html: string;
  services: NotifiedService[];
  tone: Tone;
  /** The update on the incident page. */
  url: string;
  /** The words around the facts, in the site's language. */
  words: {
    subject: string;
    affected: string;
    noServices: string;
    view: string;
    sentBy: string;
    unsubscribe: string;
  };
}

/** Builds the notification of `update` of `incident`, with service names from `services`. */
export function notificationFor(incident: Incident, update: Update, site: Site, services: readonly Service[]): Notification {
  const t = messagesFor(site.locale);
  const names = new Map(services.map((service) => [service.id, service.name]));
  const notified = incident.affected.map(({ service: id, level }) => ({ id, name: names.get(id) ?? id, level, levelLabel: statusLabel(level, t) }));
  const label = statusLabel(update.status, t);
  return {
    id: updateId(incident, update),
    site: { title: site.title, url: site.url },
    lang: t.lang,
    incident: { id: incident.id, title: incident.title, kind: incident.kind, url: incidentUrl(site, incident.id) },
    status: update.status,
    statusLabel: label,
    time: update.at,
    timeText: formatTime(update.at, site.timeZone),
    text: renderPlainText(update.markdown),
    html: taskWords(update.html, t),
    services: notified,
    tone: toneOf(incident, update, notified),
    url: updateUrl(site, incident, update),
    words: {
      subject: t.notify.subject(site.title, label, incident.title),
      affected: t.notify.affected,
      noServices: t.notify.noServices,
      view: t.notify.view,
      sentBy: t.notify.sentBy(site.title),
      unsubscribe: t.notify.unsubscribe,
    },
  };
}

function toneOf(incident: Incident, update: Update, services: readonly NotifiedService[]): Tone {
  if (CLOSING_STATUSES.includes(update.status)) return 'resolved';
  // A Correction comes after the end: news about figures, not an outage going on.
  if (update.status === 'correction') return 'notice';
  if (incident.kind === 'notice') return 'notice';
  const worst = worstStatus(services.map((service) => service.level));
  return worst === 'operational' ? 'notice' : worst;
}
