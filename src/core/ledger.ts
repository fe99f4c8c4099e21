/**
 * The ledger: everything the site shows, computed once from resolved content
 * and an explicit `now`. Pages, feeds and the API only read it.
 */
import { causeAtStart, impactWindows, type ImpactWindow } from './impact-windows.ts';
import { worstStatus, type Cause, type ServiceStatus, type WindowLevel } from './levels.ts';
import { isEligible, monthDowntime, monthFigures, monthlyReports, windowsByMonth, type MonthReport } from './monthly-report.ts';
import { dailyBars, observedUptime, type DayBar } from './observed-uptime.ts';
import type { CreditClaim } from './claims.ts';
import { correctedAt, isWithdrawn, latestCorrection, serviceCorrections, type MonthCorrection } from './corrections.ts';
import { earliest, MINUTE_MS, monthsTouched, type Instant, type Range } from './time.ts';
import { CLOSING_STATUSES, type Affected, type Content, type Localized, type Incident, type Policy, type Service, type Tier, type Update, type UpdateStatus } from './types.ts';
import { DEFAULT_WEIGHTS } from './defaults.ts';

/** Days shown in the uptime bars. */
export const BAR_DAYS = 90;

/** One service as of now. */
export interface ServiceLedger {
  service: Service;
  policy: Policy | null;
  status: ServiceStatus;
  /** Every impact window on the service, by start. */
  windows: ImpactWindow[];
  /** SLA report, one entry per month with any impact, oldest first; empty with no policy. */
  months: MonthReport[];
  /** The last BAR_DAYS days, oldest first. */
  days: DayBar[];
  /** Observed uptime over those days that have data, in percent; `null` when none has (the records start later). */
  uptime: number | null;
  /** Ids of incidents that affect the service, newest first. */
  incidents: string[];
}

/** A group of services, in catalog order. */
export interface ServiceGroup {
  /** The group's name; groups are told apart by their first-language name. */
  name: Localized;
  services: ServiceLedger[];
}

/** One month of an incident's impact on one service. */
export interface ImpactMonth {
  month: string;
  /** This incident's own weighted minutes in the month; 0 when not eligible. */
  minutes: number;
  /** The month's weighted downtime with every eligible incident counted. */
  monthMinutes: number;
  availability: number;
  tier: Tier | null;
  creditPercent: number;
  /** The tier the month would have had without this incident. */
  tierWithout: Tier | null;
  final: boolean;
  /** The month's instants in the policy's zone. */
  range: Range;
  /** How to claim the month's credit; `null` when it earns none. */
  claim: CreditClaim | null;
  /** A published correction changed the month's figures: when, and which incidents; `null` when none did. */
  corrected: MonthCorrection | null;
}

/** An incident's impact on one affected service. */
export interface IncidentImpact {
  service: string;
  level: WindowLevel;
  /** Causes its spans count under: a maintenance that overran has `maintenance` and `platform`. */
  causes: Cause[];
  /** Part of it fell inside an announced maintenance window. */
  announcedMaintenance: boolean;
  from: Instant;
  /** The end, `null` while ongoing. */
  to: Instant | null;
  /** Any of it counts against the service's SLA (false for a service with no SLA). */
  eligible: boolean;
  months: ImpactMonth[];
}

/** Where an incident stands as of now. */
export type IncidentStatus = UpdateStatus | 'active';

/** One incident as of now. */
export interface IncidentLedger {
  incident: Incident;
  status: IncidentStatus;
  /** Started and not yet resolved. */
  active: boolean;
  /** A maintenance that has not started. */
  upcoming: boolean;
  impacts: IncidentImpact[];
  /** Worst level of its impact now, `operational` when none is open. */
  currentLevel: ServiceStatus;
  /** Worst level it gives any service, open or not; `operational` for a notice, and for an incident a correction withdrew. */
  worstLevel: ServiceStatus;
  /** The newest update published by now, if any. */
  latest: Update | null;
  /** From start to resolution, `null` while ongoing. */
  durationMinutes: number | null;
  /** From start to the first update. */
  firstUpdateMinutes: number | null;
  /** Its newest Correction published by now, `null` when it has none. */
  correction: Update | null;
  /** A correction withdrew it: every window is of zero length, and it counts no minute (isWithdrawn). */
  withdrawn: boolean;
}

/** Everything the build shows. */
export interface Ledger {
  now: Instant;
  overall: ServiceStatus;
  services: ServiceLedger[];
  groups: ServiceGroup[];
  /** Every incident, maintenance and notice, newest first. */
  incidents: IncidentLedger[];
  /** Started and not resolved, newest first. */
  active: IncidentLedger[];
  /** Maintenance not yet started, soonest first. */
  upcoming: IncidentLedger[];
  /** Every entry by incident id. */
  byId: Map<string, IncidentLedger>;
  /** Every service by id. */
  serviceById: Map<string, ServiceLedger>;
}

/** Newest first by start, then by id, so the order never depends on file order. */
function byNewest(a: Incident, b: Incident): number {
  return b.started - a.started || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The status of an incident as of now: its latest update that says where it stands. */
export function incidentStatus(incident: Incident, now: Instant): IncidentStatus {
  if (incident.resolved !== null && incident.resolved <= now) return 'resolved';
  if (incident.kind === 'maintenance' && incident.started > now) return 'scheduled';
  const latest = incident.updates.find(
    (update) => update.at <= now && update.status !== 'update' && update.status !== 'correction' && !CLOSING_STATUSES.includes(update.status),
  )?.status;
  if (incident.kind === 'notice') return 'active';
  if (incident.kind === 'maintenance') return !latest || latest === 'scheduled' ? 'in-progress' : latest;
  return latest ?? 'investigating';
}

/**
 * Computes the ledger for `content` as of `now`. Never reads the clock: the
 * same content and `now` give the same ledger.
 */
export function computeLedger(content: Content, now: Instant): Ledger {
  const policies = new Map(content.policies.map((policy) => [policy.id, policy]));
  const incidents = content.incidents.toSorted(byNewest);
  const windowsByService = new Map<string, ImpactWindow[]>(content.services.map((service) => [service.id, []]));
  const windowsByIncident = new Map<string, ImpactWindow[]>();
  const incidentsByService = new Map<string, string[]>(content.services.map((service) => [service.id, []]));
  for (const incident of incidents) {
    const windows = impactWindows(incident, now);
    windowsByIncident.set(incident.id, windows);
    for (const window of windows) windowsByService.get(window.service)?.push(window);
    for (const service of new Set(incident.affected.map((affected) => affected.service))) {
      incidentsByService.get(service)?.push(incident.id);
    }
  }

  const monthIndex = new Map<string, MonthIndex>();
  // Corrections are few: each service looks only at the corrected incidents.
  const corrected = incidents.filter((incident) => correctedAt(incident, now) !== null);
  const services = content.services.map((service): ServiceLedger => {
    const policy = service.sla === null ? null : (policies.get(service.sla) ?? null);
    const windows = windowsByService.get(service.id)!.sort((a, b) => a.from - b.from);
    const days = dailyBars(windows, policy?.weights ?? DEFAULT_WEIGHTS, now, content.site.timeZone, BAR_DAYS, service.since);
    const byMonth = policy ? windowsByMonth(windows, policy.timeZone) : new Map<string, ImpactWindow[]>();
    const months = policy ? monthlyReports(byMonth, policy, now, service.id, serviceCorrections(corrected, service.id, policy.timeZone, now)) : [];
    monthIndex.set(service.id, { policy, months: new Map(months.map((report) => [report.month, { report, windows: byMonth.get(report.month) ?? [] }])) });
    return {
      service,
      policy,
      status: worstStatus(windows.filter((window) => window.open).map((window) => window.level)),
      windows,
      months,
      days,
      uptime: observedUptime(days),
      incidents: incidentsByService.get(service.id)!,
    };
  });

  const incidentLedgers = incidents.map((incident): IncidentLedger => {
    const windows = windowsByIncident.get(incident.id)!;
    const status = incidentStatus(incident, now);
    const upcoming = status === 'scheduled';
    const withdrawn = isWithdrawn(incident, now);
    return {
      incident,
      status,
      active: !upcoming && status !== 'resolved' && incident.started <= now,
      upcoming,
      impacts: incidentImpacts(incident, windows, monthIndex, now),
      currentLevel: worstStatus(windows.filter((window) => window.open).map((window) => window.level)),
      worstLevel: worstStatus(incident.kind === 'notice' || withdrawn ? [] : incident.affected.map((affected) => affected.level)),
      latest: incident.updates.find((update) => update.at <= now) ?? null,
      durationMinutes:
        incident.resolved !== null && incident.resolved <= now ? (incident.resolved - incident.started) / MINUTE_MS : null,
      firstUpdateMinutes: firstUpdateMinutes(incident),
      correction: latestCorrection(incident, now),
      withdrawn,
    };
  });

  const groups: ServiceGroup[] = [];
  const first = content.site.locale;
  for (const entry of services) {
    const group = groups.find((candidate) => candidate.name[first] === entry.service.group[first]);
    if (group) group.services.push(entry);
    else groups.push({ name: entry.service.group, services: [entry] });
  }

  return {
    now,
    overall: worstStatus(services.map((entry) => entry.status)),
    services,
    groups,
    incidents: incidentLedgers,
    active: incidentLedgers.filter((entry) => entry.active),
    upcoming: incidentLedgers.filter((entry) => entry.upcoming).reverse(),
    byId: new Map(incidentLedgers.map((entry) => [entry.incident.id, entry])),
    serviceById: new Map(services.map((entry) => [entry.service.id, entry])),
  };
}

/** Minutes from start to the earliest update, `null` without updates. */
function firstUpdateMinutes(incident: Incident): number | null {
  if (incident.updates.length === 0) return null;
  const first = earliest(incident.updates.map((update) => update.at));
  return (first - incident.started) / MINUTE_MS;
}

/**
 * One impact per affected service, in the order the file lists them, from the
 * moment the file exists: an upcoming maintenance, or a window of zero
 * length, has its entry with no months. Notices have none.
 */
function incidentImpacts(incident: Incident, windows: readonly ImpactWindow[], monthIndex: ReadonlyMap<string, MonthIndex>, now: Instant): IncidentImpact[] {
  if (incident.kind === 'notice') return [];
  return incident.affected.flatMap((affected) => {
    const index = monthIndex.get(affected.service);
    if (!index) return [];
    return [incidentImpact(incident, affected, windows.filter((window) => window.service === affected.service), index, now)];
  });
}

/** A service's months with their report and the windows in each, for lookups by month. */
interface MonthIndex {
  policy: Policy | null;
  months: Map<string, { report: MonthReport; windows: ImpactWindow[] }>;
}

/**
 * One affected service's impact, month by month, against its service's report.
 * `windows` are the spans of that one affected entry (a maintenance cuts its
 * impact at the announced window), none when it holds no minute yet; its own
 * minutes are the month's downtime of those spans alone.
 */
function incidentImpact(incident: Incident, affected: Affected, windows: ImpactWindow[], index: MonthIndex, now: Instant): IncidentImpact {
  const policy = index.policy;
  // What it counts under: its spans' causes, or, before it holds a minute, the cause of its start.
  const spans: readonly { cause: Cause; announced: boolean }[] = windows.length > 0 ? windows : [causeAtStart(incident, affected.from)];
  const causes = [...new Set(spans.map((span) => span.cause))];
  const months = policy
    ? [...new Set(windows.flatMap((window) => monthsTouched(window, policy.timeZone)))].map((month): ImpactMonth => {
        const { report, windows: inMonth } = index.months.get(month)!;
        const others = inMonth.filter((other) => other.incident !== incident.id);
        return {
          month,
          minutes: monthDowntime(windows, policy, month),
          monthMinutes: report.minutes,
          availability: report.availability,
          tier: report.tier,
          creditPercent: report.creditPercent,
          tierWithout: monthFigures(others, policy, month).tier,
          final: report.final,
          range: report.range,
          claim: report.claim,
          corrected: report.corrected,
        };
      })
    : [];
  return {
    service: affected.service,
    level: affected.level,
    causes,
    announcedMaintenance: spans.some((span) => span.announced),
    from: affected.from,
    to: affected.to !== null && affected.to <= now ? affected.to : null,
    eligible: policy !== null && spans.some((span) => isEligible(span, policy)),
    months,
  };
}
