/**
 * What each page shows, as data: a page renders from its view and nothing
 * else of the content (besides the site-wide inputs every page shows, see
 * page-keys.ts), and its cache key is a digest of that same view. So the
 * facts `now` decides (a status reached, a window still open, a claim period
 * over, a day in the bars) are worked out here, once, and a page never
 * reads the build's now.
 *
 * Views are projections: a list shows an incident's title and status, not
 * its updates, so a list's view holds only those, and a new paragraph in an
 * update re-renders the incident's own page, not every list it is on.
 */
import { truncatePercent } from '../core/compensation.ts';
import { affectedLevel, impactRows, type ImpactRow } from '../core/incident-report.ts';
import type { IncidentLedger, IncidentStatus, Ledger, ServiceLedger } from '../core/ledger.ts';
import type { ServiceStatus, WindowLevel } from '../core/levels.ts';
import { figuresState, type FiguresState, type MonthReport } from '../core/monthly-report.ts';
import { barRuns, type BarRun, type DayBar } from '../core/observed-uptime.ts';
import { fullReport } from '../core/sla-report.ts';
import { supportOffer, type SupportOffer } from '../core/support.ts';
import type { Instant } from '../core/time.ts';
import type { IncidentKind, Policy, Service } from '../core/types.ts';
import type { HistoryMonth } from '../core/history.ts';
import type { Shown } from '../i18n/language.ts';

/** Words a page takes from other files: service names and incident titles in the page's language, by id. */
export interface Lookups {
  names: ReadonlyMap<string, Shown>;
  titles: ReadonlyMap<string, Shown>;
}

/** An incident as a list shows it (IncidentList): one line. */
export interface ListedIncident {
  id: string;
  kind: IncidentKind;
  title: Shown;
  status: IncidentStatus;
  withdrawn: boolean;
  /** The icon: the worst level it gave any service (a notice has its own icon). */
  worstLevel: ServiceStatus;
  started: Instant;
  durationMinutes: number | null;
  /** The services it affects, in the page's language. */
  services: Shown[];
}

/** One incident as a list line (ListedIncident). */
export function listedIncident(entry: IncidentLedger, lookups: Lookups): ListedIncident {
  const { incident } = entry;
  return {
    id: incident.id,
    kind: incident.kind,
    title: lookups.titles.get(incident.id)!,
    status: entry.status,
    withdrawn: entry.withdrawn,
    worstLevel: entry.worstLevel,
    started: incident.started,
    durationMinutes: entry.durationMinutes,
    services: incident.affected.map((affected) => lookups.names.get(affected.service)!),
  };
}

/** A month's figures as a table row shows them, with whether they are final as of now (FiguresNote). */
export type WithFigures<T> = T & { figures: FiguresState };

/** What an incident's page shows. */
export interface IncidentView {
  /** The incident as of now: its text in every language, status, figures, claims. */
  entry: IncidentLedger;
  /** The names of the services it affects, in the page's language, by id. */
  names: Record<string, Shown>;
  /** Each affected service's level as shown now, in the file's order: none before its window starts (affectedLevel). */
  levels: (WindowLevel | null)[];
  /** Whether the page lists every support contact, one link, or none (the 7-day window after a severe incident). */
  support: SupportOffer;
  /** Its impact, one row per service and month, each with whether the month's figures are final now. */
  rows: WithFigures<ImpactRow>[];
}

/** The view of `entry`'s page as of `now`, in the language `lookups` are in. */
export function incidentView(entry: IncidentLedger, now: Instant, lookups: Lookups): IncidentView {
  const { affected } = entry.incident;
  return {
    entry,
    names: Object.fromEntries(affected.map((item) => [item.service, lookups.names.get(item.service)!])),
    levels: affected.map((item) => affectedLevel(item, now) ?? null),
    support: supportOffer(entry, now),
    rows: impactRows(entry).map((row) => ({ ...row, figures: figuresState(row, now) })),
  };
}

/** A day of the 90-day bars as a page shows it: without the instants (today's end is now). */
export type ShownDay = Omit<DayBar, 'range'>;

/** A run of the bars (barRuns) as a page shows it. */
export type ShownRun = Omit<BarRun, 'days'> & { days: ShownDay[] };

/** What a service's page shows. */
export interface ServiceView {
  service: Service;
  policy: Policy | null;
  status: ServiceStatus;
  /**
   * Observed uptime over the 90 days as shown (truncatePercent), `null`
   * without data: the figure itself moves with every minute of today.
   */
  uptime: string | null;
  /** The last 90 days, one run per day. */
  runs: ShownRun[];
  /** Every month with impact, newest first, with whether its figures are final now. */
  months: WithFigures<MonthReport>[];
  /** How many incidents affect it in all. */
  count: number;
  /** The newest ones, as the list shows them. */
  listed: ListedIncident[];
  /** The titles of the incidents its bars and its months name, by id. */
  titles: Record<string, Shown>;
}

/** The newest incidents a service's page lists; the monthly report and the history link to every one. */
export const SERVICE_LISTED = 50;

/** The view of a service's page as of `now`. */
export function serviceView(entry: ServiceLedger, ledger: Pick<Ledger, 'byId'>, now: Instant, lookups: Lookups): ServiceView {
  const months = fullReport(entry);
  const named = new Set([
    ...entry.days.flatMap((day) => day.incidents),
    ...months.flatMap((month) => [...month.incidents, ...(month.corrected?.incidents ?? [])]),
  ]);
  return {
    service: entry.service,
    policy: entry.policy,
    status: entry.status,
    uptime: entry.uptime === null ? null : truncatePercent(entry.uptime),
    runs: barRuns(entry.days, { groupQuiet: false }).map((run) => ({ ...run, days: run.days.map(({ range: _, ...day }) => day) })),
    months: months.map((month) => ({ ...month, figures: figuresState(month, now) })),
    count: entry.incidents.length,
    listed: entry.incidents.slice(0, SERVICE_LISTED).map((id) => listedIncident(ledger.byId.get(id)!, lookups)),
    titles: Object.fromEntries([...named].sort().map((id) => [id, lookups.titles.get(id)!])),
  };
}

/** What a month of history shows: its incidents, and the months before and after it. */
export interface MonthView {
  month: string;
  listed: ListedIncident[];
  newer: string | undefined;
  older: string | undefined;
}

/** The view of the month at `index` of `history` (newest first). */
export function monthView(history: readonly HistoryMonth[], index: number, lookups: Lookups): MonthView {
  const month = history[index]!;
  return {
    month: month.month,
    listed: month.incidents.map((entry) => listedIncident(entry, lookups)),
    newer: history[index - 1]?.month,
    older: history[index + 1]?.month,
  };
}
