/**
 * Feed items: one per update, newest first, each linking to its incident and
 * carrying that update and the incident's impact.
 */
import escapeHtml from 'escape-html';
import type { Messages } from '../i18n/messages.ts';
import { updateUrl } from './links.ts';
import { formatMinutes, statusLabel, truncatePercent } from '../i18n/format.ts';
import { impactRows } from '../core/incident-report.ts';
import type { IncidentLedger, Ledger } from '../core/ledger.ts';
import type { Instant } from '../core/time.ts';
import type { Service, Site, Update } from '../core/types.ts';

/** One RSS item. */
export interface FeedItem {
  /** "Identified: <title>" */
  title: string;
  /** The incident page, with the update's fragment: unique and stable, so it is the guid too. */
  link: string;
  pubDate: Instant;
  /** Safe HTML: the update, then the impact. */
  description: string;
}

/**
 * The newest `limit` updates over the incidents given (all, or those affecting
 * `serviceId`), newest first; ties keep the incidents' order.
 */
export function feedItems(ledger: Ledger, site: Site, services: readonly Service[], limit: number, t: Messages, serviceId?: string): FeedItem[] {
  const names = new Map(services.map((service) => [service.id, service.name]));
  const entries = serviceId
    ? ledger.incidents.filter((entry) => entry.incident.affected.some((affected) => affected.service === serviceId))
    : ledger.incidents;
  const updates = entries.flatMap((entry) => entry.incident.updates.map((update) => ({ entry, update })));
  updates.sort((a, b) => b.update.at - a.update.at);
  return updates.slice(0, limit).map(({ entry, update }) => ({
    title: `${statusLabel(update.status, t)}: ${entry.incident.title}`,
    link: updateUrl(site, entry.incident, update),
    pubDate: update.at,
    description: `${update.html}\n${impactHtml(entry, names, t)}`,
  }));
}

/** The incident's affected services and, once it has any, its availability impact, as a short HTML list. */
function impactHtml(entry: IncidentLedger, names: Map<string, string>, t: Messages): string {
  const name = (id: string) => escapeHtml(names.get(id) ?? id);
  const affected = entry.incident.affected.map((affected) => `${name(affected.service)} (${statusLabel(affected.level, t).toLowerCase()})`);
  // Names are escaped above; the catalog's words are ours.
  const lines = affected.length > 0 ? [`<p>${t.feed.affected(affected.join(', '))}</p>`] : [];
  const rows = impactRows(entry).filter((row) => row.eligible);
  if (rows.length > 0) {
    const items = rows.map((row) => {
      const credit = row.tier ? t.feed.credit(escapeHtml(row.tier.name), truncatePercent(row.creditPercent)) : t.feed.noCredit;
      return `<li>${t.feed.month(name(row.service), row.month, formatMinutes(row.minutes), truncatePercent(row.availability), credit, row.final ? t.feed.final : t.feed.provisional)}</li>`;
    });
    lines.push(`<p>${t.feed.impact}</p><ul>${items.join('')}</ul>`);
  }
  return lines.join('\n');
}
