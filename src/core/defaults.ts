/**
 * Defaults the content contract fills in where an editor leaves a field out.
 */
import type { Cause, WindowLevel } from './levels.ts';

/**
 * Weights of the standard policy. `under-maintenance` weighs as a major
 * outage: the service is down for the work, and an overrun costs that much.
 */
export const DEFAULT_WEIGHTS: Record<WindowLevel, number> = {
  'major-outage': 1,
  'partial-outage': 0.3,
  'degraded-performance': 0,
  'under-maintenance': 1,
};

/** Causes the standard policy does not count. */
export const DEFAULT_EXCLUDED_CAUSES: Cause[] = ['customer', 'third-party', 'maintenance', 'force-majeure'];

export const DEFAULT_CAP_PERCENT = 100;
export const DEFAULT_FEED_ITEMS = 50;
