/**
 * `/maintenance.ics`: every upcoming and recent maintenance window as an
 * RFC 5545 calendar, so a team can subscribe in its calendar client.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Messages } from '../i18n/messages.ts';
import { incidentUrl } from './api.ts';
import type { Ledger } from './ledger.ts';
import type { Instant } from './time.ts';
import type { Site } from './types.ts';

/** How far back a maintenance still counts as recent. */
export const RECENT_MAINTENANCE_DAYS = 90;

/** `[year, month, day, hour, minute]` of an instant, in UTC, as `ics` takes it. */
function utcParts(instant: Instant): [number, number, number, number, number] {
  const date = new Date(instant);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

/**
 * The calendar: one event per maintenance whose announced window ends within
 * the last RECENT_MAINTENANCE_DAYS or later, soonest first. DTSTAMP is the
 * build's now, so the same content and now give the same file.
 */
export function maintenanceCalendar(ledger: Ledger, site: Site, names: ReadonlyMap<string, string>, t: Messages): string {
  const since = ledger.now - RECENT_MAINTENANCE_DAYS * 86_400_000;
  const host = new URL(site.url).host;
  const events = ledger.incidents
    .filter((entry) => entry.incident.kind === 'maintenance' && entry.incident.scheduled && entry.incident.scheduled.to >= since)
    .toReversed()
    .map((entry): EventAttributes => {
      const { incident } = entry;
      const services = incident.affected.map((affected) => names.get(affected.service) ?? affected.service).join(', ');
      return Object.assign(
        {
          uid: `${incident.id}@${host}`,
          start: utcParts(incident.scheduled!.from),
          startInputType: 'utc' as const,
          startOutputType: 'utc' as const,
          end: utcParts(incident.scheduled!.to),
          endInputType: 'utc' as const,
          endOutputType: 'utc' as const,
          title: t.calendar.title(incident.title),
          description: `${services ? `${t.calendar.affects(services)} ` : ''}${incidentUrl(site, incident.id)}`,
          url: incidentUrl(site, incident.id),
          status: 'CONFIRMED' as const,
          busyStatus: 'FREE' as const,
        },
        // `ics` stamps DTSTAMP with the wall clock unless told: the build's now keeps output reproducible.
        { timestamp: ledger.now },
      );
    });
  const { error, value } = createEvents(events, { productId: `-//${host}//Status Ledger//EN`, calName: t.calendar.name(site.title) });
  if (error || value === null) throw error ?? new Error('the maintenance calendar could not be written');
  return value;
}
