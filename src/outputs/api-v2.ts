/**
 * The Statuspage-compatible API, `/api/v2/*.json`: the eight files of
 * Atlassian Statuspage's public API v2, with its field names, nesting and
 * enum values, built from the same ledger as the pages and `/api/v1`, so that
 * widgets, dashboards, aggregators and menu-bar apps written for Statuspage
 * read our site unchanged.
 *
 * Times are RFC 3339 on the site's wall clock with its offset and
 * milliseconds (`2025-01-18T02:11:00.000+08:00`), as Statuspage writes them
 * in the page's zone. Ids: the page's is opaque (links.ts), a service's
 * component id is its id, a group's is derived from its name (links.ts), an
 * incident's is its id, an update's is its update id. Bodies are plain text.
 */
import { renderPlainText } from '../contract/markdown.ts';
import { incidentStatus, type IncidentLedger, type IncidentStatus, type Ledger } from '../core/ledger.ts';
import { worstStatus, type ServiceStatus } from '../core/levels.ts';
import { dateOf, earliest, formatIsoTime, latest, type Instant } from '../core/time.ts';
import type { IncidentKind, Site, Update } from '../core/types.ts';
import { homeUrl, incidentUrl, statuspageGroupId, statuspagePageId, updateId } from './links.ts';
import { originalOf, wordsIn, type Language } from '../i18n/language.ts';

/** How many incidents `incidents.json`, and maintenances `scheduled-maintenances.json`, hold: the newest, as Statuspage's do. */
export const NEWEST_LISTED = 50;

/** Statuspage's component statuses. */
export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
/**
 * Statuspage's page indicator (`status.indicator`), and an incident's
 * `impact`, which uses the same words (`maintenance` for scheduled
 * maintenances only).
 */
export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
/** Statuspage's incident statuses. */
export type IncidentStatusV2 = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';
/** Statuspage's scheduled maintenance statuses. */
export type MaintenanceStatusV2 = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

/** A service's status in Statuspage's words. */
const COMPONENT_STATUS: Record<ServiceStatus, ComponentStatus> = {
  operational: 'operational',
  'degraded-performance': 'degraded_performance',
  'partial-outage': 'partial_outage',
  'major-outage': 'major_outage',
  'under-maintenance': 'under_maintenance',
};

/**
 * The overall status as Statuspage's `status` object. The descriptions are
 * the ones Statuspage gives a page whose worst component is at that status
 * (its top-level status for one component); each indicator follows the
 * worst status alone, so each indicator has one description.
 */
const STATUS_INDICATOR: Record<ServiceStatus, { indicator: Indicator; description: string }> = {
  operational: { indicator: 'none', description: 'All Systems Operational' },
  'degraded-performance': { indicator: 'minor', description: 'Partially Degraded Service' },
  'partial-outage': { indicator: 'major', description: 'Partial System Outage' },
  'major-outage': { indicator: 'critical', description: 'Major System Outage' },
  'under-maintenance': { indicator: 'maintenance', description: 'Service Under Maintenance' },
};

/**
 * An entry's impact: a maintenance's is `maintenance`; an incident's is the
 * indicator of the worst level it gave any service (a notice's is `none`).
 */
function impactOf(entry: IncidentLedger): Indicator {
  return entry.incident.kind === 'maintenance' ? 'maintenance' : STATUS_INDICATOR[entry.worstLevel].indicator;
}

/**
 * Where an incident or maintenance stands, or stood at an update, in
 * Statuspage's words. A notice has no status of its own while it is shown:
 * it is `identified` (what it says is known; nothing is being looked into).
 */
const STATUS_WORDS: Record<IncidentKind, Partial<Record<IncidentStatus, IncidentStatusV2 | MaintenanceStatusV2>>> = {
  incident: { investigating: 'investigating', identified: 'identified', monitoring: 'monitoring', resolved: 'resolved' },
  notice: { active: 'identified', resolved: 'resolved' },
  maintenance: { scheduled: 'scheduled', 'in-progress': 'in_progress', verifying: 'verifying', completed: 'completed', resolved: 'completed' },
};

/** `page`, the same in every file. */
export interface PageV2 {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

/** A component: a service, or a group of them. */
export interface ComponentV2 {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  /** 1-based, among the groups, or among the services of one group. */
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** A group's services, by component id. */
  components?: string[];
}

/** One entry of `incident_updates`. */
export interface IncidentUpdateV2 {
  id: string;
  status: IncidentStatusV2 | MaintenanceStatusV2;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

/** An incident, or with `scheduled_for` and `scheduled_until` a scheduled maintenance. */
export interface IncidentV2 {
  id: string;
  name: string;
  status: IncidentStatusV2 | MaintenanceStatusV2;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Indicator;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: IncidentUpdateV2[];
  components: ComponentV2[];
  scheduled_for?: string;
  scheduled_until?: string;
  postmortem_body: string | null;
}

/** The eight files, by what they hold. */
export interface StatuspageApi {
  /** `summary.json`: page, components, unresolved incidents, maintenance in progress and upcoming, status. */
  summary: { page: PageV2; components: ComponentV2[]; incidents: IncidentV2[]; scheduled_maintenances: IncidentV2[]; status: StatusV2 };
  /** `status.json` */
  status: { page: PageV2; status: StatusV2 };
  /** `components.json`: groups, each followed by its services. */
  components: { page: PageV2; components: ComponentV2[] };
  /** `incidents.json`: the newest NEWEST_LISTED incidents and notices, newest first. */
  incidents: { page: PageV2; incidents: IncidentV2[] };
  /** `incidents/unresolved.json`: every incident and notice not resolved, newest first. */
  unresolved: { page: PageV2; incidents: IncidentV2[] };
  /** `scheduled-maintenances.json`: the newest NEWEST_LISTED maintenances, newest first. */
  maintenances: { page: PageV2; scheduled_maintenances: IncidentV2[] };
  /** `scheduled-maintenances/upcoming.json`: maintenance not started, soonest first. */
  upcoming: { page: PageV2; scheduled_maintenances: IncidentV2[] };
  /** `scheduled-maintenances/active.json`: maintenance in progress or verifying, newest first. */
  active: { page: PageV2; scheduled_maintenances: IncidentV2[] };
}

/** `status`: the indicator and Statuspage's words for it. */
export interface StatusV2 {
  indicator: Indicator;
  description: string;
}

/**
 * Instants at which what an entry says changed, up to `now`: its start and
 * resolution, each affected service's start and end, and its updates.
 */
function changesOf(entry: IncidentLedger, now: Instant): Instant[] {
  const { incident } = entry;
  const times = [
    incident.started,
    incident.resolved,
    ...incident.affected.flatMap((affected) => [affected.from, affected.to]),
    ...incident.updates.map((update) => update.at),
  ];
  return times.filter((time): time is Instant => time !== null && time <= now);
}

/** When an entry came on record: its start or its first update, whichever is earlier, and never after now. */
function createdAt(entry: IncidentLedger, now: Instant): Instant {
  return earliest(entry.incident.updates.map((update) => update.at), Math.min(entry.incident.started, now));
}

/** When an entry last changed (changesOf), or when it came on record. */
function updatedAt(entry: IncidentLedger, now: Instant): Instant {
  return latest(changesOf(entry, now), createdAt(entry, now));
}

/** Where an entry stands now, in Statuspage's words: a resolved incident with a postmortem is `postmortem`. */
function statusNow(entry: IncidentLedger): IncidentStatusV2 | MaintenanceStatusV2 {
  if (entry.status === 'resolved' && entry.incident.kind !== 'maintenance' && entry.incident.postmortem) return 'postmortem';
  return STATUS_WORDS[entry.incident.kind][entry.status]!;
}

/**
 * Where an entry stood at one of its updates, in Statuspage's words: the
 * update's own status, or for an Update or a Correction (a further word, no
 * change of status) the status the entry had at that moment.
 */
function statusAt(entry: IncidentLedger, update: Update): IncidentStatusV2 | MaintenanceStatusV2 {
  // A Correction, like an Update, changes no status: Statuspage has no word for it, and the incident stays resolved.
  const status = update.status === 'update' || update.status === 'correction' ? incidentStatus(entry.incident, update.at) : update.status;
  return STATUS_WORDS[entry.incident.kind][status]!;
}

/**
 * Builds the eight files of the Statuspage-compatible API as of the ledger's
 * now, in `language` (`/api/v2/` is the first language's, `/en/api/v2/`
 * English's …): names and texts in it where translated; ids, statuses and
 * times the same in every language. Every file carries the same `page`; the
 * incidents, maintenances and components in them are the same objects
 * wherever they appear.
 */
export function statuspageApi(ledger: Ledger, site: Site, language: Language): StatuspageApi {
  const { now } = ledger;
  const time = (instant: Instant) => formatIsoTime(instant, site.timeZone);
  const pageId = statuspagePageId(site);
  // Services have no creation time of their own: they are on record from the site's first entry.
  // (Folds, not spreads: a long history has more entries than a call takes arguments.)
  const onRecord = ledger.incidents.reduce((first, entry) => Math.min(first, createdAt(entry, now)), now);
  const lastChange = (entries: IncidentLedger[]) => entries.reduce((last, entry) => Math.max(last, updatedAt(entry, now)), onRecord);
  // The page's address without a trailing slash, as site.yaml's url is written: the language's root.
  const page: PageV2 = { id: pageId, name: wordsIn(site.title, language), url: homeUrl(site, language).slice(0, -1), time_zone: site.timeZone, updated_at: time(lastChange(ledger.incidents)) };

  const components: ComponentV2[] = [];
  const byService = new Map<string, ComponentV2>();
  ledger.groups.forEach((group, index) => {
    // Known by its first-language name, so the id is the same in every language.
    const groupId = statuspageGroupId(originalOf(group.name, site));
    const changed = group.services.map((entry) => lastChange(entry.incidents.map((id) => ledger.byId.get(id)!)));
    const members = group.services.map((entry, position): ComponentV2 => ({
      id: entry.service.id,
      name: wordsIn(entry.service.name, language),
      status: COMPONENT_STATUS[entry.status],
      created_at: time(onRecord),
      updated_at: time(changed[position]!),
      position: position + 1,
      description: wordsIn(entry.service.description, language) || null,
      showcase: true,
      // Statuspage's "date the component started being used": the service's `since`, on the site's calendar.
      start_date: entry.service.since === undefined ? null : dateOf(entry.service.since, site.timeZone),
      group_id: groupId,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    }));
    components.push({
      id: groupId,
      name: wordsIn(group.name, language),
      status: COMPONENT_STATUS[worstStatus(group.services.map((entry) => entry.status))],
      created_at: time(onRecord),
      updated_at: time(latest(changed)),
      position: index + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((member) => member.id),
    });
    for (const member of members) {
      components.push(member);
      byService.set(member.id, member);
    }
  });

  const incidentJson = (entry: IncidentLedger): IncidentV2 => {
    const { incident } = entry;
    const statuses = incident.updates.map((update) => statusAt(entry, update));
    // When it last moved to monitoring (verifying, for a maintenance): an Update after it changes nothing.
    const monitoring = incident.updates.find((update) => update.at <= now && (update.status === 'monitoring' || update.status === 'verifying'));
    return {
      id: incident.id,
      name: wordsIn(incident.title, language),
      status: statusNow(entry),
      created_at: time(createdAt(entry, now)),
      updated_at: time(updatedAt(entry, now)),
      monitoring_at: monitoring ? time(monitoring.at) : null,
      resolved_at: incident.resolved !== null && incident.resolved <= now ? time(incident.resolved) : null,
      impact: impactOf(entry),
      shortlink: incidentUrl(site, incident.id, language),
      started_at: time(incident.started),
      page_id: pageId,
      incident_updates: incident.updates.map((update, index) => ({
        id: updateId(incident, update),
        status: statuses[index]!,
        body: renderPlainText(wordsIn(update.text, language).markdown),
        incident_id: incident.id,
        created_at: time(update.at),
        updated_at: time(update.at),
        display_at: time(update.at),
        affected_components: null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      })),
      components: [...new Set(incident.affected.map((affected) => affected.service))].flatMap((id) => byService.get(id) ?? []),
      ...(incident.scheduled ? { scheduled_for: time(incident.scheduled.from), scheduled_until: time(incident.scheduled.to) } : {}),
      postmortem_body: incident.postmortem ? renderPlainText(wordsIn(incident.postmortem, language).markdown) : null,
    };
  };
  // Written only for the entries some file lists (a long history has thousands), once each.
  const written = new Map<IncidentLedger, IncidentV2>();
  const list = (entries: IncidentLedger[]) =>
    entries.map((entry) => written.get(entry) ?? written.set(entry, incidentJson(entry)).get(entry)!);
  const isMaintenance = (entry: IncidentLedger) => entry.incident.kind === 'maintenance';

  const status = STATUS_INDICATOR[ledger.overall];
  const unresolved = list(ledger.active.filter((entry) => !isMaintenance(entry)));
  const active = list(ledger.active.filter(isMaintenance));
  const upcoming = list(ledger.upcoming);
  return {
    summary: { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    status: { page, status },
    components: { page, components },
    incidents: { page, incidents: list(ledger.incidents.filter((entry) => !isMaintenance(entry)).slice(0, NEWEST_LISTED)) },
    unresolved: { page, incidents: unresolved },
    maintenances: { page, scheduled_maintenances: list(ledger.incidents.filter(isMaintenance).slice(0, NEWEST_LISTED)) },
    upcoming: { page, scheduled_maintenances: upcoming },
    active: { page, scheduled_maintenances: active },
  };
}
