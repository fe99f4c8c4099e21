/**
 * What the build takes from its environment, read in one place: the content
 * folder and "now". The core never reads either; it is handed them.
 */
import type { Instant } from '../core/time.ts';

/** The content folder: `STATUS_CONTENT_DIR`, default `content`. */
export function contentDir(): string {
  return process.env.STATUS_CONTENT_DIR || 'content';
}

/**
 * "Now" as the environment gives it: `SOURCE_DATE_EPOCH` (whole seconds since
 * 1970-01-01 UTC) when set, else the wall clock. The one place it is read, for
 * the build, `npm run check` and the editor commands alike, so all three hold
 * content to the same "now". Throws an Error with a one-line message when the
 * variable is not whole seconds.
 */
export function nowFromEnvironment(env: Record<string, string | undefined> = process.env): Instant {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch.trim())) {
    throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got '${epoch}'`);
  }
  return epoch ? Number(epoch.trim()) * 1000 : Date.now();
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
