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
  /** The end as written, `null` while ongoing or when written after now. */
  end: Instant | null;
  /** Still going on at now. */
  open: boolean;
  /** Inside a maintenance's announced window: users were told, so observed uptime leaves it out. */
  announced: boolean;
}

/**
 * Returns the impact windows of one incident as of `now`. Notices have none.
 * A window without an end, or with an end after now, ends at now and is open.
 * A maintenance's impact inside its announced window has cause `maintenance`;
 * outside it (an overrun, or work started early) it counts as `platform`.
 * An incident with no cause counts as `platform`. Windows that start after now
 * are left out: they have not happened.
 */
export function impactWindows(incident: Incident, now: Instant): ImpactWindow[] {
  if (incident.kind === 'notice') return [];
  const windows: ImpactWindow[] = [];
  for (const affected of incident.affected) {
    const open = affected.to === null || affected.to > now;
    const span = { from: affected.from, to: open ? now : affected.to! };
    if (span.to <= span.from) continue;
    const base = { incident: incident.id, service: affected.service, level: affected.level, open };
    const push = (from: Instant, to: Instant, cause: Cause, announced = false) => {
      const isLast = to === span.to;
      windows.push({ ...base, cause, announced, from, to, open: isLast && open, end: isLast && !open ? to : isLast ? null : to });
    };
    if (incident.kind === 'maintenance' && incident.scheduled) {
      const inside = intersect(span, incident.scheduled);
      if (!inside) {
        push(span.from, span.to, 'platform');
        continue;
      }
      if (span.from < inside.from) push(span.from, inside.from, 'platform');
      push(inside.from, inside.to, 'maintenance', true);
      if (inside.to < span.to) push(inside.to, span.to, 'platform');
    } else {
      push(span.from, span.to, incident.cause ?? 'platform');
    }
  }
  return windows;
}
