/**
 * The feed entry model, for every feed format alike (RSS and Atom): one entry
 * per update, newest first, each linking to its update and carrying that
 * update and the incident's impact; and what each feed is about. The writers
 * (rss.ts, atom.ts) only put this into their format.
 */
import escapeHtml from 'escape-html';
import { markedHtml, shown, wordsIn, type Language } from '../i18n/language.ts';
import { homeUrl, serviceUrl, updateUrl } from './links.ts';
import { formatDayOf, formatList, formatMinutes, statusLabel, taskWords, truncatePercent } from '../i18n/format.ts';
import { impactRows } from '../core/incident-report.ts';
import type { IncidentLedger, Ledger } from '../core/ledger.ts';
import type { Instant } from '../core/time.ts';
import type { Service, Site } from '../core/types.ts';

/** One feed entry: one update of an incident, maintenance or notice. */
export interface FeedEntry {
  /** "Identified: <title>", plain text. */
  title: string;
  /** The update on its incident page: unique and stable, so it is also the entry's id (RSS guid, Atom id). */
  url: string;
  /** When the update was posted. */
  at: Instant;
  /** Safe HTML: the update, then the incident's affected services and impact. */
  html: string;
}

/** What a feed follows: the whole site, or one service. */
export interface FeedChannel {
  /** Plain text. */
  title: string;
  /** Plain text. */
  description: string;
  /** The page the feed follows: the home page, or the service's page. */
  link: string;
  /** The site's WebSub hub (site.yaml `websubHub`), if any. */
  hub?: string;
  /** BCP 47 tag of the interface's language. */
  lang: string;
  /** Who publishes it: the site, by its title and address. */
  author: { name: string; uri: string };
}

/** What the site's feed in `language` follows, or with `service` that service's feed. */
export function feedChannel(site: Site, language: Language, service?: Service): FeedChannel {
  const { t } = language;
  const title = wordsIn(site.title, language);
  const common = { hub: site.websubHub, lang: t.lang, author: { name: title, uri: homeUrl(site, language) } };
  if (!service) return { title, description: wordsIn(site.description, language) || t.feed.description(title), link: homeUrl(site, language), ...common };
  const name = wordsIn(service.name, language);
  return { title: `${name} · ${title}`, description: t.feed.serviceDescription(name), link: serviceUrl(site, service.id, language), ...common };
}

/**
 * The newest `site.feedItems` updates over the incidents given (all, or those
 * affecting `serviceId`), newest first; ties keep the incidents' order; in
 * `language`, each update in it where translated. The one place that decides
 * what a feed entry says, whatever the format.
 */
export function feedEntries(ledger: Ledger, site: Site, language: Language, serviceId?: string): FeedEntry[] {
  const { t } = language;
  const entries = serviceId
    ? ledger.incidents.filter((entry) => entry.incident.affected.some((affected) => affected.service === serviceId))
    : ledger.incidents;
  const updates = entries.flatMap((entry) => entry.incident.updates.map((update) => ({ entry, update })));
  updates.sort((a, b) => b.update.at - a.update.at);
  return updates.slice(0, site.feedItems).map(({ entry, update }) => {
    const text = shown(update.text, language);
    return {
      title: `${statusLabel(update.status, t)}${t.colon}${wordsIn(entry.incident.title, language)}`,
      url: updateUrl(site, entry.incident, update, language),
      at: update.at,
      html: `${markedHtml({ ...text, value: taskWords(text.value.html, t, text.untranslated) }, language)}\n${impactHtml(entry, ledger, site, language)}`,
    };
  });
}

/** The incident's affected services and, once it has any, its availability impact, as a short HTML list. */
function impactHtml(entry: IncidentLedger, ledger: Ledger, site: Site, language: Language): string {
  const { t } = language;
  const name = (id: string) => {
    const service = ledger.serviceById.get(id)?.service;
    return escapeHtml(service ? wordsIn(service.name, language) : id);
  };
  const affected = entry.incident.affected.map((affected) => t.feed.serviceLevel(name(affected.service), statusLabel(affected.level, t).toLowerCase()));
  // Names are escaped above; the catalog's words are ours.
  const lines = affected.length > 0 ? [`<p>${t.feed.affected(formatList(affected, t))}</p>`] : [];
  const rows = impactRows(entry).filter((row) => row.eligible);
  if (rows.length > 0) {
    const items = rows.map((row) => {
      const credit = row.tier ? t.feed.credit(escapeHtml(wordsIn(row.tier.name, language)), truncatePercent(row.creditPercent)) : t.feed.noCredit;
      const state = row.final ? t.feed.final : t.feed.provisional;
      const figures = row.corrected ? t.feed.correctedOn(state, formatDayOf(row.corrected.at, site.timeZone, t)) : state;
      return `<li>${t.feed.month(name(row.service), row.month, formatMinutes(row.minutes), truncatePercent(row.availability), credit, figures)}</li>`;
    });
    lines.push(`<p>${t.feed.impact}</p><ul>${items.join('')}</ul>`);
  }
  return lines.join('\n');
}
