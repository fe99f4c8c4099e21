/**
 * What the build takes from its environment, read in one place: the content
 * folder and "now". The core never reads either; it is handed them.
 */
import type { Instant } from '../core/time.ts';

/**
 * The content folder as `env` names it: `STATUS_CONTENT_DIR`, default
 * `content` (an empty value too). The one place it is read, for the build,
 * `npm run check`, the editor commands, notify and the screenshots alike.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.STATUS_CONTENT_DIR || 'content';
}

/**
 * The build cache folder as `env` names it: `STATUS_CACHE_DIR`, default
 * `node_modules/.astro` (an empty value too). Every cache a build keeps is
 * under it (Astro's, and the content cache): an empty folder means a clean
 * build.
 */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.STATUS_CACHE_DIR || 'node_modules/.astro';
}

/** The latest "now" a build takes, 2100-01-01 UTC in seconds: later ones are typos (and past the year 275760 JavaScript dates stop). */
export const LATEST_EPOCH = 4_102_444_800;

/** A mistake in the build's environment: printed as its one line, without a stack. */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
    this.stack = message;
  }
}

/**
 * `SOURCE_DATE_EPOCH` as an instant: whole seconds since 1970-01-01 UTC, at
 * most LATEST_EPOCH; `undefined` when unset or empty. Anything else throws an
 * EnvironmentError that says what to write.
 */
export function sourceDateEpoch(value: string | undefined): Instant | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const fix = 'set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock';
  if (!/^\d+$/.test(value.trim())) throw new EnvironmentError(`SOURCE_DATE_EPOCH='${value}' is not a whole number of seconds; ${fix}`);
  const seconds = Number(value.trim());
  if (seconds > LATEST_EPOCH) throw new EnvironmentError(`SOURCE_DATE_EPOCH=${value.trim()} is after 2100-01-01; ${fix}`);
  return seconds * 1000;
}

/**
 * "Now" as the environment gives it: `SOURCE_DATE_EPOCH` (sourceDateEpoch)
 * when set, else the wall clock. The one place it is read, for the build,
 * `npm run check`, the editor commands and notify alike, so all hold content
 * to the same "now". Throws an EnvironmentError with a one-line message.
 */
export function nowFromEnvironment(env: Record<string, string | undefined> = process.env): Instant {
  return sourceDateEpoch(env.SOURCE_DATE_EPOCH) ?? Date.now();
}

let now: Instant | undefined;

/**
 * "Now" for the whole build (nowFromEnvironment), read once so every page of
 * a build agrees (the dev server reads it per request).
 */
export function buildNow(): Instant {
  if (now === undefined || import.meta.env.DEV) now = nowFromEnvironment();
  return now;
}
