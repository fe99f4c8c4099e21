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
  /** The day as of now: today ends at now. */
  range: Range;
  /** Worst level of any window that day, maintenance included. */
  status: ServiceStatus;
  /** Observed weighted downtime in minutes. */
  minutes: number;
  /** Ids of incidents with impact that day, in order of first impact. */
  incidents: string[];
}

/**
 * Returns the last `count` days up to now, oldest first, for one service's
 * windows, cut at local midnight in `timeZone`.
 */
export function dailyBars(
  windows: readonly ImpactWindow[],
  weights: Record<WindowLevel, number>,
  now: Instant,
  timeZone: string,
  count = 90,
): DayBar[] {
  const days = lastDays(now, count, timeZone);
  const first = days[0]!.range.from;
  const recent = windows.filter((window) => window.to > first).toSorted((a, b) => a.from - b.from);
  return days.map(({ date, range: day }) => {
    const range = { from: day.from, to: Math.min(day.to, now) };
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
    };
  });
}

/** Observed uptime in percent over the given days: 100 × (1 − downtime / minutes elapsed). */
export function observedUptime(bars: readonly DayBar[]): number {
  const total = bars.reduce((sum, bar) => sum + minutesIn(bar.range), 0);
  const down = bars.reduce((sum, bar) => sum + bar.minutes, 0);
  return total === 0 ? 100 : (100 * (total - down)) / total;
}

/** Days the bars show on a narrow screen (the home page): the rest are on each service's page. */
export const NARROW_BAR_DAYS = 30;

/** Consecutive days drawn as one element: a run of quiet days, or one day with impact. */
export interface BarRun {
  days: DayBar[];
  /** No impact on any of these days. */
  quiet: boolean;
  /**
   * Set on the run holding the first of the last `recentDays` days (see
   * barRuns): how many of its days are among them. A narrow screen shows this
   * run, with that many days, and the runs after it.
   */
  recent?: number;
}

/**
 * Groups days into runs so a page need not draw ninety elements per service:
 * consecutive quiet days (no impact at all) form one run, every other day is
 * a run of its own. With `groupQuiet: false` every day is its own run. With
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
    if (groupQuiet && quiet && last?.quiet) last.days.push(day);
    else runs.push({ days: [day], quiet });
    if (index === firstRecent) runs.at(-1)!.recent = 1;
    else if (index > firstRecent && firstRecent >= 0 && runs.at(-1)!.recent !== undefined) runs.at(-1)!.recent! += 1;
  });
  return runs;
}
