/**
 * Impact levels, causes and the one rule that orders service statuses.
 */

/** Levels an editor can give an incident's impact. */
export const IMPACT_LEVELS = ['degraded-performance', 'partial-outage', 'major-outage'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

/** Levels an impact window can carry: maintenance adds `under-maintenance`. */
export const WINDOW_LEVELS = ['under-maintenance', ...IMPACT_LEVELS] as const;
export type WindowLevel = (typeof WINDOW_LEVELS)[number];

/**
 * Every status a service can be in, from best to worst. Announced maintenance
 * ranks below any real impact: a major outage during maintenance shows as one.
 */
export const SERVICE_STATUSES = ['operational', ...WINDOW_LEVELS] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Causes an editor can give; a policy may exclude any of them from its SLA. */
export const CAUSES = ['platform', 'customer', 'third-party', 'maintenance', 'force-majeure'] as const;
export type Cause = (typeof CAUSES)[number];

/** Returns the worst of the given statuses, `operational` when there are none. */
export function worstStatus(statuses: Iterable<ServiceStatus>): ServiceStatus {
  let worst = 0;
  for (const status of statuses) worst = Math.max(worst, SERVICE_STATUSES.indexOf(status));
  return SERVICE_STATUSES[worst]!;
}
