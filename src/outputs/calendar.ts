/**
 * `/maintenance.ics`: every upcoming and recent maintenance window as an
 * RFC 5545 calendar, so a team can subscribe in its calendar client.
 */
import { formatList } from '../i18n/format.ts';
import { wordsIn, type Language } from '../i18n/language.ts';
import { incidentUrl } from './links.ts';
import { icsText } from './escape.ts';
import type { Ledger } from '../core/ledger.ts';
import { DAY_MS, type Instant } from '../core/time.ts';
import type { Site } from '../core/types.ts';

/** How far back a maintenance still counts as recent. */
export const RECENT_MAINTENANCE_DAYS = 90;

/** An instant as an RFC 5545 UTC date-time: `20250202T170000Z`. */
function icsTime(instant: Instant): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * One content line, folded as RFC 5545 section 3.1 asks: at most 75 octets
 * of UTF-8 per line, never inside a character, each continuation starting
 * with a space. `value` is written as it is: escape text with `icsText`.
 */
function contentLine(name: string, value: string): string {
  const lines: string[] = [];
  let line = '';
  let octets = 0;
  for (const char of `${name}:${value}`) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      lines.push(line);
      line = ' ';
      octets = 1;
    }
    line += char;
    octets += size;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/**
 * The calendar: one event per maintenance whose announced window ends within
 * the last RECENT_MAINTENANCE_DAYS or later, soonest first. DTSTAMP is the
 * build's now, so the same content and now give the same file. Every text
 * from content goes through `icsText`.
 */
export function maintenanceCalendar(ledger: Ledger, site: Site, language: Language): string {
  const { t } = language;
  const name = (id: string) => {
    const service = ledger.serviceById.get(id)?.service;
    return service ? wordsIn(service.name, language) : id;
  };
  const since = ledger.now - RECENT_MAINTENANCE_DAYS * DAY_MS;
  const host = new URL(site.url).host;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    contentLine('PRODID', icsText(`-//${host}//Status Ledger//EN`)),
    'METHOD:PUBLISH',
    contentLine('X-WR-CALNAME', icsText(t.calendar.name(wordsIn(site.title, language)))),
    'X-PUBLISHED-TTL:PT1H',
  ];
  const maintenance = ledger.incidents
    .filter((entry) => entry.incident.kind === 'maintenance' && entry.incident.scheduled && entry.incident.scheduled.to >= since)
    .toReversed();
  for (const { incident } of maintenance) {
    const services = formatList(incident.affected.map((affected) => name(affected.service)), t);
    const url = incidentUrl(site, incident.id, language);
    lines.push(
      'BEGIN:VEVENT',
      contentLine('UID', icsText(`${incident.id}@${host}`)),
      contentLine('SUMMARY', icsText(t.calendar.title(wordsIn(incident.title, language)))),
      `DTSTAMP:${icsTime(ledger.now)}`,
      `DTSTART:${icsTime(incident.scheduled!.from)}`,
      `DTEND:${icsTime(incident.scheduled!.to)}`,
      contentLine('DESCRIPTION', icsText(`${services ? `${t.calendar.affects(services)} ` : ''}${url}`)),
      // A URI value, not TEXT: the site's address is checked to need no escaping, and ids are [a-z0-9-].
      contentLine('URL', url),
      'STATUS:CONFIRMED',
      'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
