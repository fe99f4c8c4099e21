/**
 * The SLA report over recent months, including the months nothing happened:
 * a customer checking a bill wants to see 100% too; a month before the
 * service's records start (`since`) has no data, never 100%.
 */
import type { Ledger, ServiceLedger } from './ledger.ts';
import type { MonthReport } from './monthly-report.ts';
import { monthMinutes, monthOf, monthRange, type Instant, type Range } from './time.ts';
import type { Policy, Service, Tier } from './types.ts';

/** The last `count` calendar months up to the one holding `now`, newest first, in `timeZone`. */
export function recentMonths(now: Instant, timeZone: string, count: number): string[] {
  const months = [monthOf(now, timeZone)];
  while (months.length < count) months.push(monthOf(monthRange(months.at(-1)!, timeZone).from - 1, timeZone));
  return months;
}

/** A month with no impact: full availability, nothing owed. */
function quietMonth(month: string, timeZone: string, now: Instant): MonthReport {
  const range = monthRange(month, timeZone);
  return { month, range, monthMinutes: monthMinutes(month), minutes: 0, availability: 100, tier: null, creditPercent: 0, final: range.to <= now, incidents: [], claim: null, corrected: null };
}

/** A month that ends at or before the service's records start (`since`): nothing is known of it, so it has no figures at all. */
export interface NoDataMonth {
  month: string;
  range: Range;
  noData: true;
}

/** Whether a month of a recent report has figures. */
export function hasData(month: MonthReport | NoDataMonth): month is MonthReport {
  return !('noData' in month);
}

/**
 * A service's report for each of the last `count` months in its policy's
 * zone, newest first; empty for a service with no SLA. A month that ends at
 * or before the service's `since` is a NoDataMonth.
 */
export function recentReport(entry: ServiceLedger, now: Instant, count: number): (MonthReport | NoDataMonth)[] {
  if (!entry.policy) return [];
  const zone = entry.policy.timeZone;
  const since = entry.service.since;
  const byMonth = new Map(entry.months.map((month) => [month.month, month]));
  return recentMonths(now, zone, count).map((month): MonthReport | NoDataMonth => {
    const known = byMonth.get(month);
    if (known) return known;
    const range = monthRange(month, zone);
    return since !== undefined && range.to <= since ? { month, range, noData: true } : quietMonth(month, zone, now);
  });
}

/** Every service's full report, newest month first, for the service page. */
export function fullReport(entry: ServiceLedger): MonthReport[] {
  return entry.months.toReversed();
}

/** Each policy with the services under it and their last `count` months, for the SLA page. */
export function slaOverview(
  ledger: Ledger,
  policies: readonly Policy[],
  count: number,
): { policy: Policy; services: { entry: ServiceLedger; months: (MonthReport | NoDataMonth)[] }[] }[] {
  return policies.map((policy) => ({
    policy,
    services: ledger.services
      .filter((entry) => entry.policy?.id === policy.id)
      .map((entry) => ({ entry, months: recentReport(entry, ledger.now, count) })),
  }));
}

/**
 * The services of an SLA overview with a credit in any month shown, in the
 * overview's order: the credit estimator asks a fee for each of them.
 */
export function servicesOwed(overview: ReturnType<typeof slaOverview>): Service[] {
  return overview.flatMap(({ services }) =>
    services.filter(({ months }) => months.some((month) => hasData(month) && month.creditPercent > 0)).map(({ entry }) => entry.service),
  );
}

/** A tier with the availability range it covers: `[atLeast, below)`. */
export interface TierRange {
  tier: Tier;
  /** The next tier's `below`, or 0 for the last tier. */
  atLeast: number;
}

/** The policy's tiers from the mildest to the most severe, each with the range it covers. */
export function tierRanges(policy: Policy): TierRange[] {
  // policy.tiers is sorted by ascending `below`.
  return policy.tiers.map((tier, index) => ({ tier, atLeast: policy.tiers[index - 1]?.below ?? 0 })).toReversed();
}
