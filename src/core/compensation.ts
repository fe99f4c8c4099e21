/**
 * Availability, tier and credit of one month under one policy: rules 4 to 6
 * of docs/credits.md, each in one function.
 */
import type { Policy, Tier } from './types.ts';

/**
 * Floating point leaves availability a few ulps off the exact value
 * (99.95 may come out as 99.94999999999999). One second of downtime in a month
 * moves availability by about 4e-5 percent, so treating anything closer than
 * 1e-9 percent as equal never merges two real figures.
 */
export const PERCENT_EPSILON = 1e-9;

/**
 * Availability in percent, unrounded: 100 × (P − D) / P. Downtime is capped
 * at the month's minutes: in the month a DST change adds an hour, a month-long
 * outage cannot drive availability below zero.
 */
export function availabilityPercent(downtimeMinutes: number, monthMinutes: number): number {
  const downtime = Math.min(downtimeMinutes, monthMinutes);
  return (100 * (monthMinutes - downtime)) / monthMinutes;
}

/**
 * The tier a month falls into: the one with the smallest `below` that is still
 * greater than `availability`; `null` when availability is at or above every
 * `below`. Boundaries are exact: availability equal to `below` is not in it.
 */
export function tierFor(policy: Policy, availability: number): Tier | null {
  // policy.tiers is sorted by ascending `below`.
  return policy.tiers.find((tier) => availability < tier.below - PERCENT_EPSILON) ?? null;
}

/**
 * Credit as a percent of the month's fee:
 * min(capPercent, (prorated ? 100 × D / P : 0) + creditPercent); 0 with no tier.
 */
export function creditPercent(policy: Policy, tier: Tier | null, downtimeMinutes: number, monthMinutes: number): number {
  if (!tier) return 0;
  const downtime = Math.min(downtimeMinutes, monthMinutes);
  const prorated = tier.prorated ? (100 * downtime) / monthMinutes : 0;
  return Math.min(policy.capPercent, prorated + tier.creditPercent);
}

/** Decimals every percent is written with, on pages, badges and feeds alike. */
export const PERCENT_DECIMALS = 3;

/**
 * The one way a percent is written: PERCENT_DECIMALS decimals, truncated
 * toward the worse (lower) value, so a month below a threshold never shows
 * the threshold: 99.94993 → "99.949". Figures within PERCENT_EPSILON of a
 * shown value are that value (99.94999999999999 is 99.95).
 */
export function truncatePercent(percent: number): string {
  const scale = 10 ** PERCENT_DECIMALS;
  return (Math.floor(percent * scale + PERCENT_EPSILON * scale) / scale).toFixed(PERCENT_DECIMALS);
}
