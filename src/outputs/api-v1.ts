/**
 * The JSON API, `/api/v1/*.json`, built from the ledger. Times are ISO 8601
 * in UTC; availability, credit and minutes are unrounded numbers.
 */
import { incidentUrl, updateId, updateUrl } from './links.ts';
import type { MonthCorrection } from '../core/corrections.ts';
import type { IncidentLedger, Ledger, ServiceLedger } from '../core/ledger.ts';
import { DAY_MS, type Instant } from '../core/time.ts';
import type { Locale, Localized, Site } from '../core/types.ts';
import { originalOf } from '../i18n/language.ts';

function iso(instant: Instant): string;
function iso(instant: Instant | null): string | null;
function iso(instant: Instant | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

/**
 * `translations` of an object's text fields (`/api/v1` is written once, its
 * text in the first language): by language, the fields translated into it;
 * a language with none is left out. Nothing on a one-language site, whose
 * files stay as they were.
 */
function translations(site: Site, fields: Record<string, Localized>): { translations?: Partial<Record<Locale, Record<string, string>>> } {
  if (site.languages.length === 0) return {};
  const byLanguage: Partial<Record<Locale, Record<string, string>>> = {};
  for (const locale of site.languages) {
    const translated = Object.entries(fields).flatMap(([key, text]) => (text[locale] === undefined ? [] : [[key, text[locale]!] as const]));
    if (translated.length > 0) byLanguage[locale] = Object.fromEntries(translated);
  }
  return { translations: byLanguage };
}

function incidentJson(entry: IncidentLedger, site: Site) {
  const { incident } = entry;
  return {
    id: incident.id,
    title: originalOf(incident.title, site),
    kind: incident.kind,
    cause: incident.cause,
    status: entry.status,
    started: iso(incident.started),
    resolved: iso(incident.resolved),
    scheduled: incident.scheduled && { from: iso(incident.scheduled.from), to: iso(incident.scheduled.to) },
    services: incident.affected.map((affected) => affected.service),
    url: incidentUrl(site, incident.id),
    corrected: iso(entry.correction?.at ?? null),
    withdrawn: entry.withdrawn,
    impacts: entry.impacts.map((impact) => ({
      service: impact.service,
      level: impact.level,
      from: iso(impact.from),
      to: iso(impact.to),
      eligible: impact.eligible,
      months: impact.months.map((month) => ({
        month: month.month,
        minutes: month.minutes,
        monthMinutes: month.monthMinutes,
        availability: month.availability,
        tier: month.tier?.id ?? null,
        creditPercent: month.creditPercent,
        tierWithout: month.tierWithout?.id ?? null,
        final: month.final,
        corrected: correctedJson(month.corrected),
      })),
    })),
    ...translations(site, { title: incident.title }),
  };
}

/** Incidents per page of `/api/v1/incidents.json`. */
export const INCIDENTS_PER_PAGE = 200;
/** Month entries per page of `/api/v1/availability.json` (a service is never split across pages). */
export const MONTHS_PER_PAGE = 1000;

/**
 * The address of page `page` of an API list: page 1 is `/api/v1/<name>.json`,
 * the rest `/api/v1/<name>/<page>.json`.
 */
export function apiPagePath(name: string, page: number): string {
  return page === 1 ? `/api/v1/${name}.json` : `/api/v1/${name}/${page}.json`;
}

/** Paging fields: which page this is, how many there are, and the next one's absolute address. */
function paging(site: Site, name: string, page: number, pages: number) {
  return { page, pages, next: page < pages ? `${site.url}${apiPagePath(name, page + 1)}` : null };
}

/**
 * `/api/v1/incidents.json` and its further pages: every incident, newest
 * first, with its computed impact, INCIDENTS_PER_PAGE to a page so that no
 * file grows with the history. A site with fewer has them all in one file.
 */
export function incidentsPages(ledger: Ledger, site: Site) {
  const pages = Math.max(1, Math.ceil(ledger.incidents.length / INCIDENTS_PER_PAGE));
  return Array.from({ length: pages }, (_, index) => ({
    generatedAt: iso(ledger.now),
    incidents: ledger.incidents.slice(index * INCIDENTS_PER_PAGE, (index + 1) * INCIDENTS_PER_PAGE).map((entry) => incidentJson(entry, site)),
    ...paging(site, 'incidents', index + 1, pages),
  }));
}

/** A month's correction: when, and which incidents; `null` when none changed it. */
function correctedJson(corrected: MonthCorrection | null) {
  return corrected && { at: iso(corrected.at), incidents: corrected.incidents };
}

function serviceReportJson(entry: ServiceLedger) {
  return {
    id: entry.service.id,
    policy: entry.policy?.id ?? null,
    since: iso(entry.service.since ?? null),
    months: entry.months.map((month) => ({
      month: month.month,
      minutes: month.minutes,
      availability: month.availability,
      tier: month.tier?.id ?? null,
      creditPercent: month.creditPercent,
      final: month.final,
      incidents: month.incidents,
      corrected: correctedJson(month.corrected),
    })),
  };
}

/**
 * `/api/v1/availability.json` and its further pages: every service's monthly
 * SLA report, one entry per month with any impact. Services fill a page in
 * catalog order up to MONTHS_PER_PAGE month entries; a site under that has
 * them all in one file.
 */
export function availabilityPages(ledger: Ledger, site: Site) {
  const groups: ServiceLedger[][] = [[]];
  let count = 0;
  for (const entry of ledger.services) {
    if (count > 0 && count + entry.months.length > MONTHS_PER_PAGE) {
      groups.push([]);
      count = 0;
    }
    groups.at(-1)!.push(entry);
    count += entry.months.length;
  }
  return groups.map((services, index) => ({
    generatedAt: iso(ledger.now),
    services: services.map(serviceReportJson),
    ...paging(site, 'availability', index + 1, groups.length),
  }));
}

function activeJson(entry: IncidentLedger, site: Site) {
  return {
    id: entry.incident.id,
    title: originalOf(entry.incident.title, site),
    kind: entry.incident.kind,
    status: entry.status,
    level: entry.currentLevel,
    started: iso(entry.incident.started),
    scheduled: entry.incident.scheduled && { from: iso(entry.incident.scheduled.from), to: iso(entry.incident.scheduled.to) },
    services: entry.incident.affected.map((affected) => affected.service),
    url: incidentUrl(site, entry.incident.id),
    ...translations(site, { title: entry.incident.title }),
  };
}

/** `/api/v1/summary.json`: overall status, each service's current status, active incidents, upcoming maintenance. */
export function summaryJson(ledger: Ledger, site: Site) {
  return {
    generatedAt: iso(ledger.now),
    status: ledger.overall,
    services: ledger.services.map((entry) => ({
      id: entry.service.id,
      name: originalOf(entry.service.name, site),
      group: originalOf(entry.service.group, site),
      status: entry.status,
      uptime90: entry.uptime,
      ...translations(site, { name: entry.service.name, group: entry.service.group }),
    })),
    activeIncidents: ledger.active.map((entry) => activeJson(entry, site)),
    upcomingMaintenance: ledger.upcoming.map((entry) => activeJson(entry, site)),
  };
}

/** How far back `/api/v1/updates.json` lists the updates of resolved incidents. */
export const UPDATES_DAYS = 90;

/**
 * `/api/v1/updates.json`, the manifest notifications compare builds by: every
 * update at or after `now − UPDATES_DAYS × 24 h` and every update of an
 * incident not resolved by now (ongoing, upcoming maintenance, active
 * notices), newest first. Updates at the same time keep the ledger's order:
 * incidents newest first, and within one incident the file's order.
 */
export function updatesJson(ledger: Ledger, site: Site) {
  const since = ledger.now - UPDATES_DAYS * DAY_MS;
  const listed = ledger.incidents.flatMap((entry) =>
    entry.incident.updates
      .filter((update) => entry.status !== 'resolved' || update.at >= since)
      .map((update) => ({ incident: entry.incident, update })),
  );
  // A stable sort: ties keep the order above.
  listed.sort((a, b) => b.update.at - a.update.at);
  return {
    generatedAt: iso(ledger.now),
    updates: listed.map(({ incident, update }) => ({
      id: updateId(incident, update),
      incident: incident.id,
      status: update.status,
      time: iso(update.at),
      url: updateUrl(site, incident, update),
    })),
  };
}
