/**
 * What a published Correction means for the figures, worked out from the
 * content alone (the build has no git): when an incident was corrected,
 * whether the correction withdrew it, and which months' figures it changed.
 */
import type { Affected, Incident, Update } from './types.ts';
import { monthOf, monthsTouched, type Instant } from './time.ts';

/** The newest Correction update of `incident` published by `now`, or `null`. */
export function latestCorrection(incident: Incident, now: Instant): Update | null {
  // Updates are newest first.
  return incident.updates.find((update) => update.status === 'correction' && update.at <= now) ?? null;
}

/** When the newest Correction of `incident` was published by `now`, or `null`. */
export function correctedAt(incident: Incident, now: Instant): Instant | null {
  return latestCorrection(incident, now)?.at ?? null;
}

/**
 * Whether a correction withdrew `incident`: a Correction is published by
 * `now` and every affected service's window is of zero length (`to` equal
 * to `from`), so it counts no minute anywhere. A notice is never withdrawn:
 * it has no figures.
 */
export function isWithdrawn(incident: Incident, now: Instant): boolean {
  if (incident.kind === 'notice' || correctedAt(incident, now) === null) return false;
  return incident.affected.length > 0 && incident.affected.every((affected) => affected.to !== null && affected.to === affected.from);
}

/**
 * The calendar months (`YYYY-MM` in `timeZone`, ascending) whose figures a
 * correction of the incident changed for one affected service: the months
 * its window `[from, to)` touches now, or, for a window of zero length (a
 * withdrawn one), the month of its start. A window still open (none is, in
 * a resolved incident) runs to `now`. The content holds only the corrected
 * version: a window a correction moved out of a month marks the month it is
 * in now, and the Correction's text names the old value.
 */
export function correctedMonths(affected: Affected, timeZone: string, now: Instant): string[] {
  const to = affected.to ?? Math.max(now, affected.from);
  return to > affected.from ? monthsTouched({ from: affected.from, to }, timeZone) : [monthOf(affected.from, timeZone)];
}

/** A month's figures were changed by a correction: when (the newest), and by which incidents. */
export interface MonthCorrection {
  at: Instant;
  /** Ids of the corrected incidents, in the order given. */
  incidents: string[];
}

/**
 * For one service, the months a published correction changed
 * (correctedMonths, in the policy's `timeZone`), each with its newest
 * correction and the incidents corrected, from `incidents` (those affecting
 * the service).
 */
export function serviceCorrections(incidents: readonly Incident[], service: string, timeZone: string, now: Instant): Map<string, MonthCorrection> {
  const months = new Map<string, MonthCorrection>();
  for (const incident of incidents) {
    const at = correctedAt(incident, now);
    const affected = incident.affected.find((entry) => entry.service === service);
    if (at === null || !affected || incident.kind === 'notice') continue;
    for (const month of correctedMonths(affected, timeZone, now)) {
      const known = months.get(month);
      if (!known) months.set(month, { at, incidents: [incident.id] });
      else {
        known.at = Math.max(known.at, at);
        if (!known.incidents.includes(incident.id)) known.incidents.push(incident.id);
      }
    }
  }
  return months;
}
