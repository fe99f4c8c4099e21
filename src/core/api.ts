/**
 * The JSON API, `/api/v1/*.json`, built from the ledger. Times are ISO 8601
 * in UTC; availability, credit and minutes are unrounded numbers.
 */
import type { IncidentLedger, Ledger } from './ledger.ts';
import type { Instant } from './time.ts';
import type { Site } from './types.ts';

function iso(instant: Instant): string;
function iso(instant: Instant | null): string | null;
function iso(instant: Instant | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

/** The absolute address of an incident's page. */
export function incidentUrl(site: Site, id: string): string {
  return `${site.url}/incidents/${id}/`;
}

function incidentJson(entry: IncidentLedger, site: Site) {
  const { incident } = entry;
  return {
    id: incident.id,
    title: incident.title,
    kind: incident.kind,
    cause: incident.cause,
    status: entry.status,
    started: iso(incident.started),
    resolved: iso(incident.resolved),
    scheduled: incident.scheduled && { from: iso(incident.scheduled.from), to: iso(incident.scheduled.to) },
    services: incident.affected.map((affected) => affected.service),
    url: incidentUrl(site, incident.id),
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
      })),
    })),
  };
}

/** `/api/v1/incidents.json`: every incident, newest first, with its computed impact. */
export function incidentsJson(ledger: Ledger, site: Site) {
  return {
    generatedAt: iso(ledger.now),
    incidents: ledger.incidents.map((entry) => incidentJson(entry, site)),
  };
}

/** `/api/v1/availability.json`: every service's monthly SLA report, one entry per month with any impact. */
export function availabilityJson(ledger: Ledger) {
  return {
    generatedAt: iso(ledger.now),
    services: ledger.services.map((entry) => ({
      id: entry.service.id,
      policy: entry.policy?.id ?? null,
      months: entry.months.map((month) => ({
        month: month.month,
        minutes: month.minutes,
        availability: month.availability,
        tier: month.tier?.id ?? null,
        creditPercent: month.creditPercent,
        final: month.final,
        incidents: month.incidents,
      })),
    })),
  };
}

function activeJson(entry: IncidentLedger, site: Site) {
  return {
    id: entry.incident.id,
    title: entry.incident.title,
    kind: entry.incident.kind,
    status: entry.status,
    level: entry.currentLevel,
    started: iso(entry.incident.started),
    scheduled: entry.incident.scheduled && { from: iso(entry.incident.scheduled.from), to: iso(entry.incident.scheduled.to) },
    services: entry.incident.affected.map((affected) => affected.service),
    url: incidentUrl(site, entry.incident.id),
  };
}

/** `/api/v1/summary.json`: overall status, each service's current status, active incidents, upcoming maintenance. */
export function summaryJson(ledger: Ledger, site: Site) {
  return {
    generatedAt: iso(ledger.now),
    status: ledger.overall,
    services: ledger.services.map((entry) => ({
      id: entry.service.id,
      name: entry.service.name,
      group: entry.service.group,
      status: entry.status,
      uptime90: entry.uptime,
    })),
    activeIncidents: ledger.active.map((entry) => activeJson(entry, site)),
    upcomingMaintenance: ledger.upcoming.map((entry) => activeJson(entry, site)),
  };
}
