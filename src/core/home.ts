/**
 * What the home page lists besides the services: the services not
 * operational, the incidents resolved lately, and what is active, by kind.
 */
import type { IncidentLedger, Ledger, ServiceLedger } from './ledger.ts';
import { SERVICE_STATUSES } from './levels.ts';
import { DAY_MS } from './time.ts';

/** Incidents and maintenance resolved in the last `days` days, newest first, at most `limit`. */
export function recentlyResolved(ledger: Ledger, days = 14, limit = 5): IncidentLedger[] {
  const since = ledger.now - days * DAY_MS;
  return ledger.incidents
    .filter((entry) => entry.status === 'resolved' && entry.incident.resolved !== null && entry.incident.resolved >= since)
    .slice(0, limit);
}

/** Active entries split for the home page: incidents and maintenance in progress, and notices. */
export function activeByKind(ledger: Ledger): { incidents: IncidentLedger[]; notices: IncidentLedger[] } {
  return {
    incidents: ledger.active.filter((entry) => entry.incident.kind !== 'notice'),
    notices: ledger.active.filter((entry) => entry.incident.kind === 'notice'),
  };
}

/** The services not operational now, worst status first (SERVICE_STATUSES), in catalog order within a status. */
export function affectedServices(ledger: Ledger): ServiceLedger[] {
  return ledger.services
    .filter((entry) => entry.status !== 'operational')
    .toSorted((a, b) => SERVICE_STATUSES.indexOf(b.status) - SERVICE_STATUSES.indexOf(a.status));
}
