/**
 * A service's monthly SLA report: the rules of docs/credits.md applied to its impact
 * windows, month by month in the policy's zone.
 */
import { creditClaim, type CreditClaim } from './claims.ts';
import type { MonthCorrection } from './corrections.ts';
import { availabilityPercent, creditPercent, tierFor } from './compensation.ts';
import type { ImpactWindow } from './impact-windows.ts';
import { monthMinutes, monthRange, monthsTouched, type Instant, type Range } from './time.ts';
import type { Policy, Tier } from './types.ts';
import { weightedMinutes } from './weighted-downtime.ts';

/** What a month costs under a policy. */
export interface MonthFigures {
  /** Weighted downtime D in minutes, unrounded. */
  minutes: number;
  /** Availability in percent, unrounded. */
  availability: number;
  tier: Tier | null;
  /** Credit in percent of the month's fee, unrounded. */
  creditPercent: number;
}

/** One month of a service's SLA report. */
export interface MonthReport extends MonthFigures {
  /** `YYYY-MM` in the policy's zone. */
  month: string;
  range: Range;
  /** P: the month's days × 1440. */
  monthMinutes: number;
  /** The month is over and every window on it is settled (ended, and a maintenance resolved). */
  final: boolean;
  /** Ids of the incidents with impact in the month, in order of first impact. */
  incidents: string[];
  /** How to claim the month's credit; `null` when it earns none. */
  claim: CreditClaim | null;
  /** A published correction changed the month's figures (serviceCorrections): when, and which incidents; `null` when none did. */
  corrected: MonthCorrection | null;
}

/** Whether the policy counts a window's cause against the SLA. */
export function isEligible(window: Pick<ImpactWindow, 'cause'>, policy: Policy): boolean {
  return !policy.excludedCauses.includes(window.cause);
}

/**
 * Weighted downtime D of `month` (`YYYY-MM`, cut in the policy's zone) from
 * the windows given: only eligible ones count, each weighted by the policy,
 * each instant of the month's range `[from, to)` once at its highest weight.
 * Never more than the month's minutes P (a month a DST change makes an hour
 * longer would otherwise go below 0%): the one place that cap is applied.
 */
export function monthDowntime(windows: readonly ImpactWindow[], policy: Policy, month: string): number {
  const ranges = windows
    .filter((window) => isEligible(window, policy))
    .map((window) => ({ from: window.from, to: window.to, weight: policy.weights[window.level] }));
  return Math.min(weightedMinutes(ranges, monthRange(month, policy.timeZone)), monthMinutes(month));
}

/**
 * Availability, tier and credit of `month` from the windows given (any
 * service's; only eligible ones count), each instant once at its highest weight.
 */
export function monthFigures(windows: readonly ImpactWindow[], policy: Policy, month: string): MonthFigures {
  const minutes = monthDowntime(windows, policy, month);
  const availability = availabilityPercent(minutes, monthMinutes(month));
  const tier = tierFor(policy, availability);
  return { minutes, availability, tier, creditPercent: creditPercent(policy, tier, minutes, monthMinutes(month)) };
}

/**
 * Groups windows by the months (in `timeZone`) they touch, months ascending.
 */
export function windowsByMonth(windows: readonly ImpactWindow[], timeZone: string): Map<string, ImpactWindow[]> {
  const byMonth = new Map<string, ImpactWindow[]>();
  for (const window of windows) {
    for (const month of monthsTouched(window, timeZone)) {
      const list = byMonth.get(month);
      if (list) list.push(window);
      else byMonth.set(month, [window]);
    }
  }
  return new Map([...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Returns one report per month of `byMonth` (service `service`'s windows
 * grouped by windowsByMonth in the policy's zone) and per month a published
 * correction changed (`corrections`, by month: a withdrawn incident leaves
 * its month with no window, and the month still says it was corrected),
 * oldest first. A month is final once it is over and every window on it is
 * settled.
 */
export function monthlyReports(
  byMonth: ReadonlyMap<string, ImpactWindow[]>,
  policy: Policy,
  now: Instant,
  service: string,
  corrections: ReadonlyMap<string, MonthCorrection> = new Map(),
): MonthReport[] {
  const months = [...new Set([...byMonth.keys(), ...corrections.keys()])].sort();
  return months.map((month) => {
    const inMonth = byMonth.get(month) ?? [];
    const range = monthRange(month, policy.timeZone);
    const figures = monthFigures(inMonth, policy, month);
    const incidents = [...new Set(inMonth.toSorted((a, b) => a.from - b.from).map((window) => window.incident))];
    const final = range.to <= now && inMonth.every((window) => window.settled);
    return {
      month,
      range,
      monthMinutes: monthMinutes(month),
      ...figures,
      final,
      incidents,
      claim: creditClaim(policy, { service, month, incidents, creditPercent: figures.creditPercent, final }, now),
      corrected: corrections.get(month) ?? null,
    };
  });
}

/** Why a month's figures may still change, or `final` when they will not. */
export type FiguresState = 'final' | 'month-open' | 'incident-open';

/**
 * Whether a month's figures are final and, when not, why: the month is not
 * over yet (`now` before the end of its range), or it is over but an impact
 * window on it is still open.
 */
export function figuresState(month: { final: boolean; range: Range }, now: Instant): FiguresState {
  if (month.final) return 'final';
  return now < month.range.to ? 'month-open' : 'incident-open';
}
