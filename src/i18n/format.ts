/**
 * How figures read on pages, in the site's language: percentages truncated
 * toward the worse value, times in the site's zone with their offset,
 * durations and dates in words.
 */
import { affectedServices } from '../core/home.ts';
import type { IncidentLedger, Ledger } from '../core/ledger.ts';
import { dateOf, formatWallTime, type Instant } from '../core/time.ts';
import { TASK_MARKS } from '../contract/markdown.ts';
import { format } from 'date-fns/format';
import type { Locale } from 'date-fns/locale';
import { enUS } from 'date-fns/locale/en-US';
import { zhCN } from 'date-fns/locale/zh-CN';
import { wordsIn, type Language } from './language.ts';
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

const listFormats = new Map<string, Intl.ListFormat>();

/** The language's way of joining a list in running text (Intl.ListFormat, `conjunction`): `a, b and c` (`a、b和c`). */
export function listFormat(t: Messages = ENGLISH): Intl.ListFormat {
  let format = listFormats.get(t.intl);
  if (!format) listFormats.set(t.intl, (format = new Intl.ListFormat(t.intl, { style: 'long', type: 'conjunction' })));
  return format;
}

/** Items of a list in running text, joined as the language joins them: `a, b and c` (`a、b和c`). */
export function formatList(items: readonly string[], t: Messages = ENGLISH): string {
  return listFormat(t).format(items);
}

/**
 * Where an incident stands, in words: its status, except that a finished
 * maintenance is Completed, not Resolved (the API keeps `resolved` for both),
 * and one withdrawn by a correction is Withdrawn.
 */
export function incidentStatusLabel(entry: Pick<IncidentLedger, 'withdrawn' | 'status'> & { incident: Pick<IncidentLedger['incident'], 'kind'> }, t: Messages = ENGLISH): string {
  if (entry.withdrawn) return t.incident.withdrawn;
  return entry.status === 'resolved' && entry.incident.kind === 'maintenance' ? t.update.completed : statusLabel(entry.status, t);
}

/**
 * Rendered Markdown with the words of the language after each task mark:
 * `✓ Done:` and `○ Open:` (the renderer writes the marks alone). In text
 * written in another language (not translated yet), `foreign` is true: the
 * words then say which language they are in (`lang`).
 */
export function taskWords(html: string, t: Messages = ENGLISH, foreign = false): string {
  if (!html.includes('class="task ')) return html;
  const words = (word: string) => (foreign ? `<span lang="${t.lang}">${word}</span>` : word);
  // The space after a mark is the language's gap: none after a full-width colon.
  return html
    .replaceAll(`${TASK_MARKS.done} `, `${TASK_MARKS.done.replace('✓', `✓ ${words(t.incident.done)}`)}${t.gap}`)
    .replaceAll(`${TASK_MARKS.open} `, `${TASK_MARKS.open.replace('○', `○ ${words(t.incident.open)}`)}${t.gap}`);
}

/** The overall status as a headline: "All systems operational", "Partial outage". */
export function statusHeadline(status: string, t: Messages = ENGLISH): string {
  return (t.headline as Record<string, string>)[status] ?? statusLabel(status, t);
}

/** date-fns' locale of each catalog language: month names and the like. */
const DATE_LOCALES: Record<string, Locale> = { en: enUS, 'zh-CN': zhCN };

/**
 * A calendar date (`YYYY-MM-DD`, or `YYYY-MM` with day 1) as a Date whose
 * local fields are that day: date-fns formats local fields, so no zone,
 * the machine's included, shifts the day.
 */
function calendarDate(date: string): Date {
  const [year, month, day = 1] = date.split('-').map(Number) as [number, number, number?];
  return new Date(year, month - 1, day, 12);
}

// The bars and claim notes format tens of thousands of dates a build, nearly
// all of them the same few hundred days: each is formatted once per pattern and language.
const formattedDates = new Map<string, string>();

/** A calendar date in the pattern `pattern` (a date-fns `format` pattern), in `t`'s language. */
function formatCalendar(date: string, pattern: string, t: Messages): string {
  const key = `${t.lang} ${pattern} ${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = format(calendarDate(date), pattern, { locale: DATE_LOCALES[t.lang] ?? enUS });
    formattedDates.set(key, text);
  }
  return text;
}

/** `2026-11` → `November 2026` (`2026年11月`). */
export function formatMonth(month: string, t: Messages = ENGLISH): string {
  return formatCalendar(month, t.dates.month, t);
}

/** `2026-11-20` → `20 Nov 2026` (`2026年11月20日`): claim deadlines, day labels, dates in sentences. */
export function formatDate(date: string, t: Messages = ENGLISH): string {
  return formatCalendar(date, t.dates.date, t);
}

/** The local calendar date of `instant` in `timeZone`, in words: `12 Mar 2026` (`2026年3月12日`). */
export function formatDayOf(instant: Instant, timeZone: string, t: Messages = ENGLISH): string {
  return formatDate(dateOf(instant, timeZone), t);
}

/** Days without the year: `2–5 Oct`, `28 Sep – 3 Oct`, or `6 Oct` for one day (`10月2日至5日`, `9月28日至10月3日`, `10月6日`). */
export function formatDayRange(from: string, to: string, t: Messages = ENGLISH): string {
  if (from === to) return formatCalendar(from, t.dates.day, t);
  if (from.slice(0, 7) === to.slice(0, 7)) return t.dates.sameMonth.join(formatCalendar(from, t.dates.sameMonth.from, t), formatCalendar(to, t.dates.sameMonth.to, t));
  return t.dates.range(formatCalendar(from, t.dates.day, t), formatCalendar(to, t.dates.day, t));
}

/** One sentence under the headline in `language`: which services are not operational, worst first (affectedServices). */
export function overallSummary(ledger: Ledger, language: Language): string {
  const { t } = language;
  const affected = affectedServices(ledger);
  if (affected.length === 0) return t.home.allWell(ledger.services.length);
  const list = formatList(affected.map((entry) => t.home.serviceStatus(wordsIn(entry.service.name, language), statusLabel(entry.status, t).toLowerCase())), t);
  return t.home.affected(affected.length, ledger.services.length, list);
}
