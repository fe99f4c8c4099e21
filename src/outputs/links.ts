/**
 * Addresses and ids of what the site publishes, one function each, for every
 * writer alike (pages, JSON, feeds, calendar, embed, notifications). An
 * address in a language other than the first has its prefix (`/en`) after
 * the site's address; left out, it is the first language's, at the root.
 */
import { createHash } from 'node:crypto';
import type { Incident, Site, Update } from '../core/types.ts';

/** Which language's address: its path prefix (`''` for the first language, `/en` …). */
export type InLanguage = { prefix: string } | undefined;

/** The absolute address of a language's root: the site's address, then the language's prefix. */
function rootUrl(site: Pick<Site, 'url'>, language: InLanguage): string {
  return `${site.url}${language?.prefix ?? ''}`;
}

/** The absolute address of the home page. */
export function homeUrl(site: Pick<Site, 'url'>, language?: InLanguage): string {
  return `${rootUrl(site, language)}/`;
}

/** The absolute address of a service's page. */
export function serviceUrl(site: Pick<Site, 'url'>, serviceId: string, language?: InLanguage): string {
  return `${rootUrl(site, language)}/services/${serviceId}/`;
}

/** The absolute address of an incident's page. */
export function incidentUrl(site: Pick<Site, 'url'>, id: string, language?: InLanguage): string {
  return `${rootUrl(site, language)}/incidents/${id}/`;
}

/**
 * An update's id: `<incident id>#<anchor>`. Unique across the site (anchors
 * are unique within an incident, incident ids across the site) and stable
 * from build to build while the update keeps its status and time, so
 * notifications use it to tell new updates from sent ones and as the
 * webhooks' `Idempotency-Key`.
 */
export function updateId(incident: Incident, update: Update): string {
  return `${incident.id}#${updateAnchor(update, incident.updates)}`;
}

/** The absolute address of an update: its incident's page, at the update's anchor. */
export function updateUrl(site: Pick<Site, 'url'>, incident: Incident, update: Update, language?: InLanguage): string {
  return `${incidentUrl(site, incident.id, language)}#${updateAnchor(update, incident.updates)}`;
}

/** `update-<UTC time>-<status>`: what an anchor says before it is made unique. */
function anchorBase(update: Update): string {
  return `update-${new Date(update.at).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${update.status}`;
}

/**
 * The fragment id of an update on its incident page, also its feed guid and
 * the update id notifications use: unique within the incident (`updates`, all
 * of its updates) and stable as updates are added. Updates that share time and
 * status are numbered from the bottom of the file: the oldest keeps the plain
 * anchor, the next `-2`, and a newer one added above takes the next number.
 */
export function updateAnchor(update: Update, updates: readonly Update[]): string {
  return anchorsOf(updates).get(update) ?? anchorBase(update);
}

/** Every update's anchor, worked out once per list of updates (a page, a feed and the API ask for each). */
const anchors = new WeakMap<readonly Update[], Map<Update, string>>();

/**
 * The anchors of `updates`: bottom of the file first, each base counted as
 * it comes, so an incident with thousands of updates costs one pass, not a
 * pass per update.
 */
function anchorsOf(updates: readonly Update[]): Map<Update, string> {
  let found = anchors.get(updates);
  if (found) return found;
  found = new Map();
  const seen = new Map<string, number>();
  for (const update of updates.toSorted((a, b) => b.line - a.line)) {
    const base = anchorBase(update);
    const below = seen.get(base) ?? 0;
    seen.set(base, below + 1);
    found.set(update, below === 0 ? base : `${base}-${below + 1}`);
  }
  anchors.set(updates, found);
  return found;
}

/**
 * The path of the site's RSS feed, or of one service's, below the site's
 * address: `/rss.xml`, `/services/<id>/rss.xml` (pages link it with `href`).
 */
export function rssPath(serviceId?: string): string {
  return serviceId === undefined ? '/rss.xml' : `/services/${serviceId}/rss.xml`;
}

/** The absolute address of the site's RSS feed, or of one service's. */
export function rssUrl(site: Pick<Site, 'url'>, serviceId?: string, language?: InLanguage): string {
  return `${rootUrl(site, language)}${rssPath(serviceId)}`;
}

/**
 * The path of the site's Atom feed, or of one service's, below the site's
 * address: `/history.atom`, `/services/<id>/history.atom`.
 */
export function atomPath(serviceId?: string): string {
  return serviceId === undefined ? '/history.atom' : `/services/${serviceId}/history.atom`;
}

/** The absolute address of the site's Atom feed, or of one service's. */
export function atomUrl(site: Pick<Site, 'url'>, serviceId?: string, language?: InLanguage): string {
  return `${rootUrl(site, language)}${atomPath(serviceId)}`;
}

/** 12 lowercase hex characters of SHA-256: an opaque id shaped like Statuspage's own. */
function opaqueId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * The site's page id in the Statuspage-compatible API (`page.id`,
 * `page_id`): opaque, like Statuspage's, and the same in every build while
 * site.yaml's `url` stays.
 */
export function statuspagePageId(site: Pick<Site, 'url'>): string {
  return opaqueId(`page:${site.url}`);
}

/**
 * A service group's component id in the Statuspage-compatible API:
 * `group_<12 hex characters>`. Groups have no id of their own, so it comes
 * from the group's name (stable while the name stays); a service's component
 * id is its own id from services.yaml, which never has an underscore, so the
 * two never meet.
 */
export function statuspageGroupId(group: string): string {
  return `group_${opaqueId(`group:${group}`)}`;
}
