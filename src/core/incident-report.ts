/**
 * An incident's availability impact as a page shows it: one row per affected
 * service and month.
 */
import type { ImpactMonth, IncidentImpact, IncidentLedger } from './ledger.ts';
import type { ServiceStatus, WindowLevel } from './levels.ts';
import type { Instant } from './time.ts';
import type { Affected, Tier } from './types.ts';

/** One service and month of an incident's impact. */
export interface ImpactRow extends ImpactMonth, Pick<IncidentImpact, 'service' | 'causes' | 'eligible' | 'announcedMaintenance'> {
  /** The tier this incident moved the month into, when the month's tier differs without it. */
  movedInto: Tier | null | undefined;
}

/** Rows by service (in the incident's order), then month. */
export function impactRows(entry: IncidentLedger): ImpactRow[] {
  return entry.impacts.flatMap(({ service, causes, eligible, announcedMaintenance, months }) =>
    months.map((month) => ({
      ...month,
      service,
      causes,
      eligible,
      announcedMaintenance,
      movedInto: month.tier?.id === month.tierWithout?.id ? undefined : month.tier,
    })),
  );
}

/** The ids of the services with a credit in any row, in the rows' order: the credit estimator asks a fee for each. */
export function servicesOwed(rows: readonly ImpactRow[]): string[] {
  return [...new Set(rows.filter((row) => row.creditPercent > 0).map((row) => row.service))];
}

/**
 * The level an affected service is shown at: its level once its window has
 * started by `now`, `undefined` before (an upcoming maintenance's services
 * are not under maintenance yet).
 */
export function affectedLevel(affected: Affected, now: Instant): WindowLevel | undefined {
  return affected.from <= now ? affected.level : undefined;
}

/** Whether any service is at a partial or major outage in the incident: the page then shows support contacts. */
export function isSevere(entry: IncidentLedger): boolean {
  return entry.incident.kind !== 'notice' && entry.incident.affected.some((affected) => affected.level === 'partial-outage' || affected.level === 'major-outage');
}

/**
 * The level an incident's badge shows, on its page and on the home page's
 * card alike. While it is active: the worst level open now, or, once every
 * window has ended (typically while Monitoring), the worst it gave any
 * service, so an open incident never reads "Operational". Once resolved: the
 * worst it gave. A maintenance's level is only news while it goes on (before,
 * it is Scheduled; after, Completed), and a notice, or an incident a
 * correction withdrew, has none: `undefined`.
 */
export function shownLevel(entry: IncidentLedger): ServiceStatus | undefined {
  const { kind } = entry.incident;
  if (kind === 'notice' || entry.withdrawn || (kind === 'maintenance' && !entry.active)) return undefined;
  return entry.active && entry.currentLevel !== 'operational' ? entry.currentLevel : entry.worstLevel;
}
