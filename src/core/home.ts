/**
 * What the home page says in words: the overall status as a sentence, and the
 * incidents resolved lately.
 */
import type { Messages } from '../i18n/messages.ts';
import { statusLabel } from './format.ts';
import type { IncidentLedger, Ledger } from './ledger.ts';

/** One sentence under the headline: which services are not operational, worst first. */
export function overallSummary(ledger: Ledger, t: Messages): string {
  const order = ['major-outage', 'partial-outage', 'degraded-performance', 'under-maintenance'];
  const affected = ledger.services
    .filter((entry) => entry.status !== 'operational')
    .toSorted((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  if (affected.length === 0) return t.home.allWell(ledger.services.length);
  const list = affected.map((entry) => `${entry.service.name} (${statusLabel(entry.status, t).toLowerCase()})`).join(', ');
  return t.home.affected(affected.length, ledger.services.length, list);
}

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
