/**
 * What the home page lists besides the services: the incidents resolved
 * lately, and what is active, by kind.
 */
import type { IncidentLedger, Ledger } from './ledger.ts';

/** Incidents and maintenance resolved in the last `days` days, newest first, at most `limit`. */
export function recentlyResolved(ledger: Ledger, days = 14, limit = 5): IncidentLedger[] {
  const since = ledger.now - days * 86_400_000;
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
