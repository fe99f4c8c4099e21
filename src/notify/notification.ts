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
import { markedHtml, shown, wordsIn, type Language } from '../i18n/language.ts';

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
  /** The message's language as a BCP 47 tag, for an HTML part's `lang`. */
  lang: string;
  incident: { id: string; title: string; kind: IncidentKind; url: string };
  status: UpdateStatus;
  /** The status in words, in the site's language. */
  statusLabel: string;
  time: number;
  /** The time in the site's zone, with its offset: `2025-01-18 02:40 +08:00`. */
  timeText: string;
  /**
   * The update as plain text; each writer escapes it for its format. Not
   * translated into the message's language yet: the original, after the
   * words "(not yet translated)".
   */
  text: string;
  /** The update as safe HTML, from the one Markdown renderer; not translated yet, marked and in its own `lang`. */
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

/**
 * Builds the notification of `update` of `incident` in `language`, with
 * service names from `services`: its words where a translation exists now,
 * otherwise the original's, marked as not yet translated.
 */
export function notificationFor(incident: Incident, update: Update, site: Site, services: readonly Service[], language: Language): Notification {
  const { t } = language;
  const names = new Map(services.map((service) => [service.id, wordsIn(service.name, language)]));
  const notified = incident.affected.map(({ service: id, level }) => ({ id, name: names.get(id) ?? id, level, levelLabel: statusLabel(level, t) }));
  const label = statusLabel(update.status, t);
  const siteTitle = wordsIn(site.title, language);
  const title = wordsIn(incident.title, language);
  const text = shown(update.text, language);
  return {
    id: updateId(incident, update),
    site: { title: siteTitle, url: site.url },
    lang: t.lang,
    incident: { id: incident.id, title, kind: incident.kind, url: incidentUrl(site, incident.id, language) },
    status: update.status,
    statusLabel: label,
    time: update.at,
    timeText: formatTime(update.at, site.timeZone),
    text: `${text.untranslated ? `(${t.language.notTranslated})\n\n` : ''}${renderPlainText(text.value.markdown)}`,
    html: markedHtml({ ...text, value: taskWords(text.value.html, t, text.untranslated) }, language),
    services: notified,
    tone: toneOf(incident, update, notified),
    url: updateUrl(site, incident, update, language),
    words: {
      subject: t.notify.subject(siteTitle, label, title),
      affected: t.notify.affected,
      noServices: t.notify.noServices,
      view: t.notify.view,
      sentBy: t.notify.sentBy(siteTitle),
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
