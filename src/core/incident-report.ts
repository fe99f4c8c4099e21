/**
 * An incident's availability impact as a page shows it: one row per affected
 * service and month.
 */
import type { ImpactMonth, IncidentImpact, IncidentLedger } from './ledger.ts';
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
