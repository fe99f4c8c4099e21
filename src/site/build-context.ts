/**
 * What the build takes from its environment, read in one place: the content
 * folder and "now". The core never reads either; it is handed them.
 */
import type { Instant } from '../core/time.ts';

/** The content folder: `STATUS_CONTENT_DIR`, default `content`. */
export function contentDir(): string {
  return process.env.STATUS_CONTENT_DIR || 'content';
}

let now: Instant | undefined;

/**
 * "Now" for the whole build: `SOURCE_DATE_EPOCH` (seconds) when set, else the
 * wall clock, read once so every page of a build agrees (the dev server reads
 * it per request).
 */
export function buildNow(): Instant {
  if (now === undefined || import.meta.env.DEV) {
    const epoch = process.env.SOURCE_DATE_EPOCH;
    if (epoch !== undefined && epoch !== '' && !/^\d+$/.test(epoch.trim())) {
      throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got '${epoch}'`);
    }
    now = epoch ? Number(epoch.trim()) * 1000 : Date.now();
  }
  return now;
}
