/**
 * How figures read on pages, in the site's language: percentages truncated
 * toward the worse value, times in the site's zone with their offset,
 * durations and dates in words.
 */
import { affectedServices } from '../core/home.ts';
import type { IncidentLedger, Ledger } from '../core/ledger.ts';
import { formatWallTime, type Instant } from '../core/time.ts';
import { TASK_MARKS } from '../contract/markdown.ts';
import { MESSAGES, type Messages } from './messages.ts';

export { truncatePercent } from '../core/compensation.ts';

const ENGLISH = MESSAGES.en;

/** `2025-01-18 02:11 +08:00`: a time in `timeZone`, with the offset it had then. */
export function formatTime(instant: Instant, timeZone: string): string {
  return formatWallTime(instant, timeZone, { offset: true });
}

/** `2025-01-18 02:11` → a `datetime` attribute value in UTC. */
export function isoTime(instant: Instant): string {
  return new Date(instant).toISOString();
}

/** A duration as `1 h 29 min`, `3 d 4 h`, or `45 s` below a minute. */
export function formatDuration(minutes: number, t: Messages = ENGLISH): string {
  if (minutes < 1) return t.units.seconds(Math.round(minutes * 60));
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) return t.units.daysHours(days, hours);
  if (hours > 0) return t.units.hoursMinutes(hours, rest);
  return t.units.minutes(rest);
}

/** Minutes with up to one decimal: `21.6`, `89`. */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}

/**
 * A status, level, update status, kind or cause in words:
 * `partial-outage` → `Partial outage`, `in-progress` → `In progress`.
 */
export function statusLabel(status: string, t: Messages = ENGLISH): string {
  const tables = [t.status, t.update, t.kind, t.cause] as Record<string, string>[];
  for (const table of tables) if (status in table) return table[status]!;
  return status.charAt(0).toUpperCase() + status.slice(1).replace(/-/g, ' ');
}

/** Items of a list in running text, with the language's separator: `a, b, c` (`a、b、c`). */
export function formatList(items: readonly string[], t: Messages = ENGLISH): string {
  return items.join(t.separator);
}

/**
 * Where an incident stands, in words: its status, except that a finished
 * maintenance is Completed, not Resolved (the API keeps `resolved` for both).
 */
export function incidentStatusLabel(entry: IncidentLedger, t: Messages = ENGLISH): string {
  return entry.status === 'resolved' && entry.incident.kind === 'maintenance' ? t.update.completed : statusLabel(entry.status, t);
}

/**
 * Rendered Markdown with the words of the language after each task mark:
 * `✓ Done:` and `○ Open:` (the renderer writes the marks alone).
 */
export function taskWords(html: string, t: Messages = ENGLISH): string {
  if (!html.includes('class="task ')) return html;
  // The space after a mark is the language's gap: none after a full-width colon.
  return html
    .replaceAll(`${TASK_MARKS.done} `, `${TASK_MARKS.done.replace('✓', `✓ ${t.incident.done}`)}${t.gap}`)
    .replaceAll(`${TASK_MARKS.open} `, `${TASK_MARKS.open.replace('○', `○ ${t.incident.open}`)}${t.gap}`);
}

/** The overall status as a headline: "All systems operational", "Partial outage". */
export function statusHeadline(status: string, t: Messages = ENGLISH): string {
  return (t.headline as Record<string, string>)[status] ?? statusLabel(status, t);
}

/** A calendar date (`YYYY-MM-DD`, or `YYYY-MM` with day 1) as a UTC instant, so no zone shifts it. */
function calendarDate(date: string): Date {
  const [year, month, day = 1] = date.split('-').map(Number) as [number, number, number?];
  return new Date(Date.UTC(year, month - 1, day));
}

/** The calendar-date formats, in UTC: calendarDate's instants are dates, not times. */
const DATE_FORMATS = {
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  date: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  day: { day: 'numeric', month: 'short', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Making a formatter costs far more than formatting with it, and the bars and
// claim notes format tens of thousands of dates a build: one per language and format.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of `format` in the language `intl` (a BCP 47 tag), made once. */
function dateFormatter(intl: string, format: keyof typeof DATE_FORMATS): Intl.DateTimeFormat {
  const key = `${intl} ${format}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intl, DATE_FORMATS[format]);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** `2026-11` → `November 2026` (`2026年11月`). */
export function formatMonth(month: string, t: Messages = ENGLISH): string {
  return dateFormatter(t.intl, 'month').format(calendarDate(month));
}

/** `2026-11-20` → `20 Nov 2026` (`2026年11月20日`). */
export function formatDate(date: string, t: Messages = ENGLISH): string {
  return dateFormatter(t.intl, 'date').format(calendarDate(date));
}

/** Days without the year: `2–5 Oct`, `28 Sep – 3 Oct`, or `6 Oct` for one day. */
export function formatDayRange(from: string, to: string, t: Messages = ENGLISH): string {
  const days = dateFormatter(t.intl, 'day');
  return from === to ? days.format(calendarDate(from)) : days.formatRange(calendarDate(from), calendarDate(to));
}

/** One sentence under the headline: which services are not operational, worst first (affectedServices). */
export function overallSummary(ledger: Ledger, t: Messages): string {
  const affected = affectedServices(ledger);
  if (affected.length === 0) return t.home.allWell(ledger.services.length);
  const list = formatList(affected.map((entry) => t.home.serviceStatus(entry.service.name, statusLabel(entry.status, t).toLowerCase())), t);
  return t.home.affected(affected.length, ledger.services.length, list);
}
