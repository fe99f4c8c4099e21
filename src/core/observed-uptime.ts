/**
 * Observed uptime: what users saw, day by day in the site's zone. It uses the
 * policy's weights over every cause, leaving out only impact inside an
 * announced maintenance window, unlike SLA availability, which applies the
 * policy's exclusions.
 */
import type { ImpactWindow } from './impact-windows.ts';
import { worstStatus, type ServiceStatus, type WindowLevel } from './levels.ts';
import { intersect, lastDays, minutesIn, type Instant, type Range } from './time.ts';
import { weightedMinutes } from './weighted-downtime.ts';

/** One day's bar. */
export interface DayBar {
  /** `YYYY-MM-DD` in the site's zone. */
  date: string;
  /**
   * The day as of now: today ends at now; the day the service's records
   * start begins at `since`; a day with no data is empty (from = to).
   */
  range: Range;
  /** The day ends at or before the service's records start (`since`): no data, never 100%. */
  noData: boolean;
  /** Worst level of any window that day, maintenance included. */
  status: ServiceStatus;
  /** Observed weighted downtime in minutes. */
  minutes: number;
  /** Ids of incidents with impact that day, in order of first impact. */
  incidents: string[];
}

/**
 * Returns the last `count` days up to now, oldest first, for one service's
 * windows, cut at local midnight in `timeZone`. With `since` (when the
 * service's records start), a day that ends at or before it has no data,
 * and the day it falls in counts from it.
 */
export function dailyBars(
  windows: readonly ImpactWindow[],
  weights: Record<WindowLevel, number>,
  now: Instant,
  timeZone: string,
  count = 90,
  since?: Instant,
): DayBar[] {
  const days = lastDays(now, count, timeZone);
  const first = days[0]!.range.from;
  const recent = windows.filter((window) => window.to > first).toSorted((a, b) => a.from - b.from);
  return days.map(({ date, range: day }) => {
    const to = Math.min(day.to, now);
    const noData = since !== undefined && to <= since;
    if (noData) return { date, range: { from: to, to }, noData, status: 'operational', minutes: 0, incidents: [] };
    const range = { from: since === undefined ? day.from : Math.max(day.from, since), to };
    const touching = recent.filter((window) => intersect(window, range));
    const observed = touching
      .filter((window) => !window.announced)
      .map((window) => ({ from: window.from, to: window.to, weight: weights[window.level] }));
    return {
      date,
      range,
      status: worstStatus(touching.map((window) => window.level)),
      minutes: weightedMinutes(observed, range),
      incidents: [...new Set(touching.map((window) => window.incident))],
      noData,
    };
  });
}

/**
 * Observed uptime in percent over the given days, those with data only:
 * 100 × (1 − downtime / minutes elapsed); `null` when no day has a minute
 * of data (the records start after them): no data is never 100%.
 */
export function observedUptime(bars: readonly DayBar[]): number | null {
  const total = bars.reduce((sum, bar) => sum + (bar.noData ? 0 : minutesIn(bar.range)), 0);
  const down = bars.reduce((sum, bar) => sum + bar.minutes, 0);
  return total === 0 ? null : (100 * (total - down)) / total;
}

/** Days the bars show on a narrow screen (the home page): the rest are on each service's page. */
export const NARROW_BAR_DAYS = 30;

/** Consecutive days drawn as one element: a run of quiet days, a run of days with no data, or one day with impact. */
export interface BarRun {
  days: DayBar[];
  /** No impact on any of these days. */
  quiet: boolean;
  /** These days have no data: they end before the service's records start. */
  noData: boolean;
  /**
   * Set on the run holding the first of the last `recentDays` days (see
   * barRuns): how many of its days are among them. A narrow screen shows this
   * run, with that many days, and the runs after it.
   */
  recent?: number;
}

/**
 * Groups days into runs so a page need not draw ninety elements per service:
 * consecutive quiet days (no impact at all) form one run, and so do
 * consecutive days with no data; every other day is a run of its own. With `groupQuiet: false` every day is its own run. With
 * `recentDays`, the run that holds the first of the last `recentDays` days
 * says how many of its days are recent, so a narrow screen can show only
 * those.
 */
export function barRuns(days: readonly DayBar[], options: { groupQuiet?: boolean; recentDays?: number } = {}): BarRun[] {
  const { groupQuiet = true, recentDays } = options;
  const runs: BarRun[] = [];
  const firstRecent = recentDays === undefined ? -1 : Math.max(0, days.length - recentDays);
  days.forEach((day, index) => {
    const quiet = day.status === 'operational' && day.incidents.length === 0;
    const last = runs.at(-1);
    if (groupQuiet && quiet && last?.quiet && last.noData === day.noData) last.days.push(day);
    else runs.push({ days: [day], quiet, noData: day.noData });
    if (index === firstRecent) runs.at(-1)!.recent = 1;
    else if (index > firstRecent && firstRecent >= 0 && runs.at(-1)!.recent !== undefined) runs.at(-1)!.recent! += 1;
  });
  return runs;
}
