/**
 * Every page's cache key, in one place. A build leaves a page as the last
 * build wrote it, instead of rendering it, when its key is the same
 * (page-reuse.ts), so a key must change whenever anything the page shows
 * does, and whenever anything that decides how it shows it does:
 *
 * - the page's view (views.ts): what it shows, `now`-dependent facts
 *   included, never `now` itself;
 * - the inputs every page shows: site.yaml (title, description, address,
 *   zone, languages, support contacts, currency) and the page's language;
 * - the build stamp: the code that renders it (a digest of src/, the config
 *   and the lockfile), and what no digest of the code or the content covers
 *   (Node's version and its ICU, time zone and Unicode data, Astro's version
 *   and ours, KEY_VERSION).
 *
 * Pure: no clock, no environment; the stamp is handed in.
 */
import { createHash } from 'node:crypto';
import type { Site } from '../core/types.ts';

/** Bump when keys are worked out differently: every page then renders once. */
export const KEY_VERSION = 1;

/** What decides how pages are rendered that neither the content nor the code holds. */
export interface BuildStamp {
  keyVersion: number;
  /** `process.version`. */
  node: string;
  /** ICU, its time zone data and Unicode: dates, time zones, lists and plurals are formatted with them. */
  icu: string;
  tz: string;
  unicode: string;
  /** Astro's version and ours (package.json). */
  astro: string;
  statusLedger: string;
  /** A digest of the code (build-stamp.ts `codeDigest`). */
  code: string;
}

/** The stamp of a build that runs on `versions` (Node's `process.versions`), with Astro's and our package's versions and a digest of the code. */
export function buildStamp(versions: { node: string; icu?: string; tz?: string; unicode?: string }, astro: string, statusLedger: string, code: string): BuildStamp {
  return { keyVersion: KEY_VERSION, node: versions.node, icu: versions.icu ?? '', tz: versions.tz ?? '', unicode: versions.unicode ?? '', astro, statusLedger, code };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The part of every key that is the same for every page of a build: the
 * stamp and site.yaml as read, so a new title or support contact renders
 * every page.
 */
export function siteKey(stamp: BuildStamp, site: Site): string {
  return sha256(JSON.stringify([stamp, site]));
}

/** Digests of objects several keys name (an incident, shown in every language), worked out once per object. */
const digests = new WeakMap<object, string>();

/** The sha256 of `value`'s JSON, once per object: the same object is never serialised twice in a build. */
export function digestOf(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(value));
    digests.set(value, digest);
  }
  return digest;
}

/**
 * The key of the page of `route` in language `lang` (a route's `lang`
 * parameter: `undefined` for the first language) that shows `view`, on a
 * site whose siteKey is `site`. A view's `entry` (a whole incident, shared by
 * its pages in every language) goes in by its digest; everything else in
 * the view by its JSON. Every field of the view is in the key: a page shows
 * its view and nothing else.
 */
export function pageKey(site: string, route: string, lang: string | undefined, view: object): string {
  const { entry, ...rest } = view as { entry?: object };
  return sha256(JSON.stringify([site, route, lang ?? null, entry === undefined ? null : digestOf(entry), rest]));
}
