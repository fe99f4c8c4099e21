/**
 * History: every incident, newest first, grouped by calendar month in the
 * site's zone, so a month's page stays small however long the history grows.
 */
import type { IncidentLedger, Ledger } from './ledger.ts';
import { worstStatus, type ServiceStatus } from './levels.ts';
import { monthOf } from './time.ts';

/** One month of history. */
export interface HistoryMonth {
  /** `YYYY-MM` in the site's zone. */
  month: string;
  /** Newest first. */
  incidents: IncidentLedger[];
  /** Worst level any of them had. */
  worst: ServiceStatus;
}

/** Months with any incident, maintenance or notice, newest first; each month's entries newest first. */
export function historyMonths(ledger: Ledger, timeZone: string): HistoryMonth[] {
  const months = new Map<string, IncidentLedger[]>();
  for (const entry of ledger.incidents) {
    const month = monthOf(entry.incident.started, timeZone);
    const list = months.get(month);
    if (list) list.push(entry);
    else months.set(month, [entry]);
  }
  return [...months]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([month, incidents]) => ({
      month,
      incidents,
      worst: worstStatus(incidents.map((entry) => entry.worstLevel)),
    }));
}

/** History months grouped by year, newest first, for the archive list. */
export function historyYears(months: readonly HistoryMonth[]): { year: string; months: HistoryMonth[] }[] {
  const years: { year: string; months: HistoryMonth[] }[] = [];
  for (const month of months) {
    const year = month.month.slice(0, 4);
    if (years.at(-1)?.year === year) years.at(-1)!.months.push(month);
    else years.push({ year, months: [month] });
  }
  return years;
}
