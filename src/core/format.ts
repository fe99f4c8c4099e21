/**
 * How figures read on pages: percentages truncated toward the worse value,
 * times in the site's zone with their offset, durations in words.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Instant } from './time.ts';

export { truncatePercent } from './compensation.ts';

/** `2025-01-18 02:11 +08:00`: a time in `timeZone`, with the offset it had then. */
export function formatTime(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm xxx');
}

/** A duration as `1 h 29 min`, `3 d 4 h`, or `45 s` below a minute. */
export function formatDuration(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** Minutes with up to one decimal: `21.6`, `89`. */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}

const STATUS_LABELS: Record<string, string> = {
  operational: 'Operational',
  'under-maintenance': 'Under maintenance',
  'degraded-performance': 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
  'in-progress': 'In progress',
};

/** A status, level or cause as words: `partial-outage` → `Partial outage`. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/-/g, ' ');
}

const HEADLINES: Record<string, string> = {
  operational: 'All systems operational',
  'under-maintenance': 'Maintenance in progress',
  'degraded-performance': 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
};

/** The overall status as a headline: "All systems operational", "Partial outage". */
export function statusHeadline(status: string): string {
  return HEADLINES[status] ?? statusLabel(status);
}

/** `2026-11` → `November 2026`. */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return format(new Date(year, number - 1, 1), 'MMMM yyyy');
}

/** `2026-11-20` → `20 Nov 2026`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(year, month - 1, day), 'd MMM yyyy');
}

/** `2025-01-18 02:11` → a `datetime` attribute value in UTC. */
export function isoTime(instant: Instant): string {
  return new Date(instant).toISOString();
}

/** Days without the year: `2–5 Oct`, `28 Sep–3 Oct`, or `6 Oct` for one day. */
export function formatDayRange(from: string, to: string): string {
  const [, fromMonth, fromDay] = from.split('-').map(Number) as [number, number, number];
  const [, toMonth, toDay] = to.split('-').map(Number) as [number, number, number];
  const month = (number: number) => format(new Date(2000, number - 1, 1), 'MMM');
  if (from === to) return `${fromDay} ${month(fromMonth)}`;
  return fromMonth === toMonth ? `${fromDay}–${toDay} ${month(toMonth)}` : `${fromDay} ${month(fromMonth)}–${toDay} ${month(toMonth)}`;
}
