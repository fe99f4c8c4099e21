/**
 * Impact windows: the spans of time an incident put a service at a level, with
 * the cause each span counts under. All ranges are half-open `[from, to)`.
 */
import type { Cause, WindowLevel } from './levels.ts';
import { intersect, type Instant } from './time.ts';
import type { Incident } from './types.ts';

/** A span of one incident's impact on one service, cut to what has happened by now. */
export interface ImpactWindow {
  incident: string;
  service: string;
  level: WindowLevel;
  cause: Cause;
  from: Instant;
  /** End as of now: the written end, or now while the impact goes on. */
  to: Instant;
  /** Still going on at now: the service is at this level now. */
  open: boolean;
  /**
   * Its figures can no longer change: its end is written and has passed and,
   * for a maintenance, the maintenance is resolved (a maintenance window is
   * open until then, in every piece). A month is final only when
   * every window touching it is settled.
   */
  settled: boolean;
  /** Inside a maintenance's announced window: users were told, so observed uptime leaves it out. */
  announced: boolean;
}

/**
 * The cause a span of an affected service counts under: inside a
 * maintenance's announced window `maintenance`, outside it `platform`; for an
 * incident its cause, `platform` while unknown.
 */
function causeOf(incident: Incident, inside: boolean): Cause {
  if (incident.kind === 'maintenance') return inside ? 'maintenance' : 'platform';
  return incident.cause ?? 'platform';
}

/**
 * Returns the impact windows of one incident as of `now`. Notices have none.
 * A window without an end, or with an end after now, ends at now and is open;
 * so is every piece of it (a maintenance's early start, announced window and
 * overrun). A maintenance's windows are unsettled until the maintenance is
 * resolved, also where an affected service's own `to` has passed: the months
 * they touch stay provisional until then.
 * A maintenance's impact inside its announced window has cause `maintenance`;
 * outside it (an overrun, or work started early) it counts as `platform`.
 * An incident with no cause counts as `platform`. Windows that start at or
 * after now, and windows of zero length, are left out: they hold no minute.
 */
export function impactWindows(incident: Incident, now: Instant): ImpactWindow[] {
  if (incident.kind === 'notice') return [];
  const windows: ImpactWindow[] = [];
  for (const affected of incident.affected) {
    const open = affected.to === null || affected.to > now;
    const span = { from: affected.from, to: open ? now : affected.to! };
    if (span.to <= span.from) continue;
    const unresolved = incident.kind === 'maintenance' && (incident.resolved === null || incident.resolved > now);
    const base = { incident: incident.id, service: affected.service, level: affected.level, open, settled: !open && !unresolved };
    const push = (from: Instant, to: Instant, inside: boolean) => {
      windows.push({ ...base, cause: causeOf(incident, inside), announced: inside, from, to });
    };
    const inside = incident.kind === 'maintenance' && incident.scheduled ? intersect(span, incident.scheduled) : undefined;
    if (!inside) {
      push(span.from, span.to, false);
      continue;
    }
    if (span.from < inside.from) push(span.from, inside.from, false);
    push(inside.from, inside.to, true);
    if (inside.to < span.to) push(inside.to, span.to, false);
  }
  return windows;
}

/**
 * The cause an affected service's impact counts under before it holds any
 * minute (an upcoming maintenance, a window of zero length): that of its start.
 */
export function causeAtStart(incident: Incident, from: Instant): { cause: Cause; announced: boolean } {
  const inside = incident.kind === 'maintenance' && incident.scheduled !== null && incident.scheduled.from <= from && from < incident.scheduled.to;
  return { cause: causeOf(incident, inside), announced: inside };
}
