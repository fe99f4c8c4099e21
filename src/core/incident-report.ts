/**
 * An incident's availability impact as a page shows it: one row per affected
 * service and month.
 */
import type { ImpactMonth, IncidentImpact, IncidentLedger } from './ledger.ts';
import type { ServiceStatus } from './levels.ts';
import type { Tier } from './types.ts';

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
 * it is Scheduled; after, Completed), and a notice has none: `undefined`.
 */
export function shownLevel(entry: IncidentLedger): ServiceStatus | undefined {
  const { kind } = entry.incident;
  if (kind === 'notice' || (kind === 'maintenance' && !entry.active)) return undefined;
  return entry.active && entry.currentLevel !== 'operational' ? entry.currentLevel : entry.worstLevel;
}
