/**
 * Instants, calendar months and days. An instant is milliseconds since the
 * Unix epoch (UTC). Every range is half-open, `[from, to)`. Months and days are
 * cut at local midnight in the IANA zone passed in.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';

/** Milliseconds since the Unix epoch, UTC. */
export type Instant = number;

/** A half-open range of instants, `[from, to)`. */
export interface Range {
  from: Instant;
  to: Instant;
}

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** 24 hours in milliseconds: a span of time, not a calendar day (days in a zone may be 23 or 25 hours). */
export const DAY_MS = 86_400_000;

/**
 * The earliest of `instants` and `bound` (`Infinity` by default, which an
 * empty list gives). A loop, never `Math.min(...instants)`: a list of any
 * length spread into a call's arguments overflows the stack (an incident
 * with 200,000 updates does).
 */
export function earliest(instants: Iterable<Instant>, bound: Instant = Infinity): Instant {
  let found = bound;
  for (const instant of instants) if (instant < found) found = instant;
  return found;
}

/** The latest of `instants` and `bound` (`-Infinity` by default, which an empty list gives); see `earliest`. */
export function latest(instants: Iterable<Instant>, bound: Instant = -Infinity): Instant {
  let found = bound;
  for (const instant of instants) if (instant > found) found = instant;
  return found;
}

// Offsets come from Intl (through @date-fns/tz), which is the costliest step
// of reading times. A zone's offset at the start and at the end of a UTC day
// is remembered per day; when the two agree (every day but the few with a
// change: no zone changes its offset twice in one day), the whole day has it.
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: Instant, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(instant / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = intlOffset(day * DAY_MS, timeZone);
    offset = first === intlOffset(day * DAY_MS + DAY_MS - 1, timeZone) ? first : null;
    days.set(day, offset);
  }
  return offset ?? intlOffset(instant, timeZone);
}

function intlOffset(instant: Instant, timeZone: string): number {
  return Math.round(tzOffset(timeZone, new Date(instant)) * MINUTE_MS);
}

/**
 * The instant of a wall time in `timeZone`, the wall time given as the
 * milliseconds `Date.UTC` gives for its fields. A wall time that a DST change
 * repeats is the earlier of its two instants; one that a change skips moves
 * forward by the gap (02:30 on a night that jumps from 02:00 to 03:00 is 03:30).
 */
export function instantOfWallTime(wall: number, timeZone: string): Instant {
  // The offsets a day either side hold the one before and the one after any
  // change near this wall time; a candidate fits when its own offset gives it back.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((instant) => instant + offsetAt(instant, timeZone) === wall);
  if (fits.length > 0) return earliest(fits);
  // Skipped: read with the offset in force before the change, it lands after the change by the gap.
  return wall - before;
}

/** The wall time of `instant` in `timeZone`, as milliseconds to read with the `getUTC…` methods. */
function wallClock(instant: Instant, timeZone: string): Date {
  return new Date(instant + offsetAt(instant, timeZone));
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * `instant` as editors write it in `timeZone`: `2025-01-18 02:11`, with
 * `seconds` `2025-01-18 02:11:30`, with `offset` `2025-01-18 02:11 +08:00`
 * (the offset in force then, which tells the two readings of a repeated hour apart).
 */
export function formatWallTime(instant: Instant, timeZone: string, options: { seconds?: boolean; offset?: boolean } = {}): string {
  const local = wallClock(instant, timeZone);
  let text = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  if (options.seconds) text += `:${two(local.getUTCSeconds())}`;
  if (options.offset) text += ` ${offsetText(instant, timeZone)}`;
  return text;
}

/** The offset of `timeZone` at `instant` as `+08:00`, `-05:00`, `+00:00`. */
function offsetText(instant: Instant, timeZone: string): string {
  const minutes = Math.round(offsetAt(instant, timeZone) / MINUTE_MS);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}`;
}

/**
 * `instant` as an RFC 3339 date-time on the wall clock of `timeZone`, with
 * milliseconds and the offset in force then: `2025-01-18T02:11:00.000+08:00`,
 * `2025-01-17T18:11:00.000+00:00` in UTC. Statuspage writes its times this
 * way, in the page's zone; every ISO 8601 reader gives back the same instant.
 */
export function formatIsoTime(instant: Instant, timeZone: string): string {
  const local = wallClock(instant, timeZone).toISOString();
  return `${local.slice(0, -1)}${offsetText(instant, timeZone)}`;
}

const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?$/;

/** Times before this year are refused: `0026-11-18` is a typo (and date libraries read years 0–99 as 1900–1999). */
export const EARLIEST_YEAR = 1970;
/** The earliest instant an editor may write, 1970-01-01 00:00 UTC: an offset must not carry `1970-01-01 00:00+08:00` into 1969. */
export const EARLIEST_INSTANT: Instant = 0;

/**
 * What an editor's time reads as: its instant; `early`, a time before 1970
 * (`the year 0026`, or `1969-12-31 16:00 UTC` for a 1970 wall time an
 * offset puts before it); or `invalid`, not a time.
 */
export type TimeReading = { instant: Instant } | { early: string } | { invalid: true };

/**
 * Reads an editor's time: `YYYY-MM-DD HH:mm`, seconds optional, a `T` may
 * replace the space, with an optional `Z` or `±HH:MM` offset. Without an
 * offset the wall time is read in `timeZone`; a wall time skipped by a DST
 * change moves forward by the gap, a repeated one takes the earlier instant.
 * Impossible dates are `invalid`; a year before EARLIEST_YEAR, or an instant
 * before EARLIEST_INSTANT, is `early`.
 */
export function readTime(text: string, timeZone: string): TimeReading {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return { invalid: true };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const offset = match[7];
  if (year < EARLIEST_YEAR) return { early: `the year ${match[1]}` };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { invalid: true };
  if (hour > 23 || minute > 59 || second > 59) return { invalid: true };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant: Instant;
  if (offset === undefined) instant = instantOfWallTime(utc, timeZone);
  else if (offset === 'Z') instant = utc;
  else {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [offsetHours, offsetMinutes] = offset.slice(1).split(':').map(Number) as [number, number];
    if (offsetHours > 23 || offsetMinutes > 59) return { invalid: true };
    instant = utc - sign * (offsetHours * 60 + offsetMinutes) * MINUTE_MS;
  }
  if (instant < EARLIEST_INSTANT) return { early: `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC` };
  return { instant };
}

/** An editor's time (see readTime) as an instant; `undefined` for anything else, times before 1970 included. */
export function parseTime(text: string, timeZone: string): Instant | undefined {
  const reading = readTime(text, timeZone);
  return 'instant' in reading ? reading.instant : undefined;
}

const IANA_NAME = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z0-9_+\-/]+$/;

/**
 * Whether `timeZone` is an IANA zone name this runtime knows, spelled as IANA
 * spells it (`Asia/Shanghai`, `UTC`). Abbreviations such as `CST` are refused
 * although `Intl` takes them: `CST` would silently mean America/Chicago.
 */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC') return true;
  if (!IANA_NAME.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM` of a year and a 0-based month, which may run past either end of the year. */
function monthKey(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The calendar month `count` months after `month` (`YYYY-MM`); a negative count goes back. */
export function shiftMonth(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthKey(year, monthNumber - 1 + count);
}

// Zone arithmetic (Intl offsets) is the engine's costliest step, and months
// repeat endlessly: each month's range is worked out once per zone.
const monthRanges = new Map<string, Range>();

/** The instants of calendar month `month` (`YYYY-MM`) in `timeZone`. */
export function monthRange(month: string, timeZone: string): Range {
  const key = `${timeZone} ${month}`;
  let range = monthRanges.get(key);
  if (!range) {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    range = {
      from: instantOfWallTime(Date.UTC(year, monthNumber - 1, 1), timeZone),
      to: instantOfWallTime(Date.UTC(year, monthNumber, 1), timeZone),
    };
    monthRanges.set(key, range);
  }
  return range;
}

/**
 * The calendar month (`YYYY-MM`) that holds `instant` in `timeZone`. Zone
 * offsets are under a day, so it is the UTC month or a neighbour, told apart
 * by the month ranges.
 */
export function monthOf(instant: Instant, timeZone: string): string {
  const utc = new Date(instant);
  const year = utc.getUTCFullYear();
  const index = utc.getUTCMonth();
  const range = monthRange(monthKey(year, index), timeZone);
  if (instant < range.from) return monthKey(year, index - 1);
  if (instant >= range.to) return monthKey(year, index + 1);
  return monthKey(year, index);
}

/** Days in a month; day 0 of the next month is the last day of this one. */
function daysIn(year: number, monthNumber: number): number {
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/** Minutes the SLA counts in a month: its days × 1440, whatever DST does. */
export function monthMinutes(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return daysIn(year, monthNumber) * 1440;
}

/** The calendar months (`YYYY-MM`, ascending) that `[from, to)` touches in `timeZone`; none when empty. */
export function monthsTouched(range: Range, timeZone: string): string[] {
  if (range.to <= range.from) return [];
  const months: string[] = [];
  let month = monthOf(range.from, timeZone);
  const last = monthOf(range.to - 1, timeZone);
  for (;;) {
    months.push(month);
    if (month === last) return months;
    month = monthOf(monthRange(month, timeZone).to, timeZone);
  }
}

/** The local calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function dateOf(instant: Instant, timeZone: string): string {
  return formatWallTime(instant, timeZone).slice(0, 10);
}

const dayLists = new Map<string, { date: string; range: Range }[]>();

/**
 * The last `count` local days up to and including the day of `now`, oldest
 * first, each cut at local midnight in `timeZone` (23 or 25 hours across DST).
 * Every service asks for the same days, so they are worked out once; the
 * list returned is shared and must not be changed.
 */
export function lastDays(now: Instant, count: number, timeZone: string): { date: string; range: Range }[] {
  const key = `${timeZone} ${now} ${count}`;
  const cached = dayLists.get(key);
  if (cached) return cached;
  const today = wallClock(now, timeZone);
  const midnight = (back: number) => instantOfWallTime(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back), timeZone);
  const days: { date: string; range: Range }[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = midnight(back);
    days.push({ date: dateOf(start, timeZone), range: { from: start, to: midnight(back - 1) } });
  }
  // A dev server asks with a new now on every request: keep only a few.
  if (dayLists.size >= 8) dayLists.clear();
  dayLists.set(key, days);
  return days;
}

/** Minutes in `[from, to)`, unrounded; 0 when empty. */
export function minutesIn(range: Range): number {
  return Math.max(0, range.to - range.from) / MINUTE_MS;
}

/** The overlap of two ranges, or `undefined` when they do not overlap. */
export function intersect(a: Range, b: Range): Range | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from < to ? { from, to } : undefined;
}
