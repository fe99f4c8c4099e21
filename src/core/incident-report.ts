/**
 * An incident's availability impact as a page shows it: one row per service
 * and month, whatever spans (a maintenance's announced window and overrun)
 * the impact was cut into.
 */
import type { ImpactMonth, IncidentLedger } from './ledger.ts';
import type { Cause } from './levels.ts';
import type { Tier } from './types.ts';

/** One service and month of an incident's impact. */
export interface ImpactRow extends Omit<ImpactMonth, 'minutes'> {
  service: string;
  /** This incident's own weighted minutes in the month, over all its spans. */
  minutes: number;
  /** Causes of its spans in the month; `eligible` when any of them counts. */
  causes: Cause[];
  eligible: boolean;
  /** The tier this incident moved the month into, when the month's tier differs without it. */
  movedInto: Tier | null | undefined;
}

/** Rows by service (in the incident's order), then month. */
export function impactRows(entry: IncidentLedger): ImpactRow[] {
  const rows = new Map<string, ImpactRow>();
  for (const impact of entry.impacts) {
    for (const month of impact.months) {
      const key = `${impact.service} ${month.month}`;
      const row = rows.get(key);
      if (row) {
        row.minutes += month.minutes;
        if (!row.causes.includes(impact.cause)) row.causes.push(impact.cause);
        row.eligible ||= impact.eligible;
      } else {
        rows.set(key, {
          ...month,
          service: impact.service,
          causes: [impact.cause],
          eligible: impact.eligible,
          movedInto: month.tier?.id === month.tierWithout?.id ? undefined : month.tier,
        });
      }
    }
  }
  return [...rows.values()];
}

/** Whether any service is at a partial or major outage in the incident: the page then shows support contacts. */
export function isSevere(entry: IncidentLedger): boolean {
  return entry.incident.kind !== 'notice' && entry.incident.affected.some((affected) => affected.level === 'partial-outage' || affected.level === 'major-outage');
}
