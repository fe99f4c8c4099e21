/**
 * The pages' one way to the data: the content the content loader read, the
 * ledger computed from it once per build.
 */
import { availabilityPages, incidentsPages } from '../outputs/api-v1.ts';
import { statuspageApi, type StatuspageApi } from '../outputs/api-v2.ts';
import { feedChannel, feedEntries, type FeedChannel, type FeedEntry } from '../outputs/feeds.ts';
import { atomPath, atomUrl, rssPath, rssUrl } from '../outputs/links.ts';
import { statusBadges } from '../outputs/badges.ts';
import type { Instant } from '../core/time.ts';
import { historyMonths, historyYears, type HistoryMonth } from '../core/history.ts';
import { activeByKind, recentlyResolved } from '../core/home.ts';
import { overallSummary } from '../i18n/format.ts';
import { BAR_DAYS, computeLedger, type IncidentLedger, type Ledger } from '../core/ledger.ts';
import { supportLink } from '../core/support.ts';
import { lastDays } from '../core/time.ts';
import type { Messages } from '../i18n/messages.ts';
import { languageOfParam, languageParam, shown, siteLanguagesOf, type Language, type Shown } from '../i18n/language.ts';
import { href } from './paths.ts';
import type { Content, SupportContact } from '../core/types.ts';
import { buildNow } from './build-context.ts';
import { publishedStamp } from './build-stamp.ts';
import { pageKey, siteKey } from './page-keys.ts';
import { reuses } from './page-reuse.ts';
import { contentRead, type ContentRead } from './shared-content.ts';
import { incidentView, monthView, serviceView, type IncidentView, type MonthView, type ServiceView } from './views.ts';

let read: Promise<ContentRead> | undefined;
let ledger: Promise<Ledger> | undefined;

/**
 * The content the dev server works from while the folder has mistakes:
 * nothing. Every address then answers with the problems (src/middleware.ts);
 * routes with paths from the content simply have none.
 */
const NO_CONTENT: Content = {
  site: { title: { en: 'Status' }, description: { en: '' }, url: 'https://status.example.com', timeZone: 'UTC', feedItems: 1, support: [], locale: 'en', languages: [] },
  services: [],
  policies: [],
  incidents: [],
};

/** The content loader's read (src/content.config.ts), in the dev server afresh on every request. */
function getRead(): Promise<ContentRead> {
  // The dev server keeps modules alive across edits: ask again on every request there.
  if (import.meta.env.DEV) read = undefined;
  read ??= import.meta.env.DEV
    ? contentRead().get().catch(() => ({ content: NO_CONTENT, now: buildNow() }))
    : contentRead().get();
  return read;
}

/** The resolved content, in catalog and file order. */
export async function getContent(): Promise<Content> {
  return (await getRead()).content;
}

/** The ledger as of the build's now: the now the content was checked at (in the dev server, the clock's at each request). */
export function getLedger(): Promise<Ledger> {
  if (import.meta.env.DEV) ledger = undefined;
  ledger ??= getRead().then(({ content, now }) => computeLedger(content, import.meta.env.DEV ? buildNow() : now));
  return ledger;
}

/** Views several pages share, computed once from the ledger: the same in every language. */
interface Views {
  /** Active incidents and maintenance, and active notices, newest first. */
  active: { incidents: IncidentLedger[]; notices: IncidentLedger[] };
  recentlyResolved: IncidentLedger[];
  history: HistoryMonth[];
  /** The same months by year, newest first. */
  historyYears: { year: string; months: HistoryMonth[] }[];
  /** The first day the 90-day bars show, `YYYY-MM-DD`. */
  barsFrom: string;
  /** Where every "contact support" link goes (supportLink): `null` when site.yaml lists no contact. */
  supportContact: SupportContact | null;
}

let views: Promise<Views> | undefined;

function getViews(): Promise<Views> {
  if (import.meta.env.DEV) views = undefined;
  views ??= Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => {
    const history = historyMonths(ledger, site.timeZone);
    return {
      active: activeByKind(ledger),
      recentlyResolved: recentlyResolved(ledger),
      history,
      historyYears: historyYears(history),
      barsFrom: lastDays(ledger.now, BAR_DAYS, site.timeZone)[0]!.date,
      supportContact: supportLink(site.support),
    };
  });
  return views;
}

/** What the pages of one language read: the shared views, and the words of that language. */
export interface PageData extends Views {
  /** The page's language. */
  language: Language;
  /** Every language the site is published in, the first first: the switch and the alternates. */
  languages: Language[];
  /** The interface's words, in the page's language. */
  t: Messages;
  /** An internal link in the page's language: `link('/sla/')` → `/en/sla/` (with the site's base path). */
  link: (path: string) => string;
  /** The site's title and description in the page's language. */
  siteTitle: Shown;
  siteDescription: Shown;
  /** Incident titles by id, in the page's language where translated. */
  titles: Map<string, Shown>;
  /** Service names by id, likewise. */
  names: Map<string, Shown>;
  homeSummary: string;
}

const pageData = new Map<string | undefined, Promise<PageData>>();

/**
 * The data of the pages in the language a route's `lang` parameter names
 * (`Astro.params.lang`: none for the first language), computed once per
 * language.
 */
export function getPageData(lang?: string): Promise<PageData> {
  if (import.meta.env.DEV) pageData.clear();
  if (!pageData.has(lang)) {
    pageData.set(
      lang,
      Promise.all([getContent(), getLedger(), getViews()]).then(([{ site }, ledger, shared]) => {
        const language = languageOfParam(site, lang);
        return {
          ...shared,
          language,
          languages: siteLanguagesOf(site),
          t: language.t,
          link: (path: string) => href(`${language.prefix}${path}`),
          siteTitle: shown(site.title, language),
          siteDescription: shown(site.description, language),
          titles: new Map(ledger.incidents.map((entry) => [entry.incident.id, shown(entry.incident.title, language)])),
          names: new Map(ledger.services.map((entry) => [entry.service.id, shown(entry.service.name, language)])),
          homeSummary: overallSummary(ledger, language),
        };
      }),
    );
  }
  return pageData.get(lang)!;
}

/** The `lang` parameter of each language the site is published in: `undefined` (the root) first. */
export async function languageParams(): Promise<(string | undefined)[]> {
  const { site } = await getContent();
  return siteLanguagesOf(site).map(languageParam);
}

/**
 * A route's paths in every language: each of `paths` once per language, with
 * the `lang` parameter added (`getStaticPaths` of every page under
 * `[...lang]/`). Without `paths`, the route's one page in every language.
 */
export async function inEveryLanguage<P extends Record<string, string>, T>(
  paths: { params: P; props?: T }[] = [{ params: {} as P }],
): Promise<{ params: P & { lang: string | undefined }; props: T }[]> {
  const langs = await languageParams();
  return langs.flatMap((lang) => paths.map((path) => ({ params: { ...path.params, lang }, props: path.props as T })));
}

let apiPages: Promise<{ incidents: ReturnType<typeof incidentsPages>; availability: ReturnType<typeof availabilityPages> }> | undefined;

/** The paged API files (`/api/v1/`, written once), computed once. */
export function getApiPages() {
  if (import.meta.env.DEV) apiPages = undefined;
  apiPages ??= Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => ({
    incidents: incidentsPages(ledger, site),
    availability: availabilityPages(ledger, site),
  }));
  return apiPages;
}

const statuspage = new Map<string | undefined, Promise<StatuspageApi>>();

/** The eight files of the Statuspage-compatible API (`/api/v2/`, `/en/api/v2/` …) in the language `lang` names, computed once. */
export function getStatuspageApi(lang?: string): Promise<StatuspageApi> {
  if (import.meta.env.DEV) statuspage.clear();
  if (!statuspage.has(lang)) {
    statuspage.set(lang, Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => statuspageApi(ledger, site, languageOfParam(site, lang))));
  }
  return statuspage.get(lang)!;
}

const feeds = new Map<string, Promise<FeedEntry[]>>();

/**
 * The entries of the site's feed, or of one service's, in the language `lang`
 * names: computed once for both its RSS and its Atom file.
 */
export function getFeedEntries(lang: string | undefined, serviceId?: string): Promise<FeedEntry[]> {
  if (import.meta.env.DEV) feeds.clear();
  const key = `${lang ?? ''}/${serviceId ?? ''}`;
  if (!feeds.has(key)) {
    feeds.set(key, Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => feedEntries(ledger, site, languageOfParam(site, lang), serviceId)));
  }
  return feeds.get(key)!;
}

let common: Promise<string> | undefined;

/** The part of every page's key that is the same for the whole build (siteKey): the build stamp and site.yaml. */
function getSiteKey(): Promise<string> {
  if (import.meta.env.DEV) common = undefined;
  common ??= getContent().then(({ site }) => siteKey(publishedStamp(), site));
  return common;
}

/** One path of a route, as `getStaticPaths` returns it: its parameters and its view. */
export interface KeyedPath<P, V> {
  params: P & { lang: string | undefined };
  props: { view: V };
}

/**
 * The paths of the route `route` in every language that this build renders,
 * each with its view: `views` gives each path's parameters and view in one
 * language, and `file` the file the route writes for those parameters
 * (below the output folder, as `/…`, in the first language). A path whose file
 * the last build wrote under the same key (page-keys.ts) is left out: its
 * file stays as it is (page-reuse.ts). The page renders the view it is
 * given, and the key is that view's: the one way a keyed route's paths are
 * made.
 */
export async function keyedPaths<P extends Record<string, string>, V extends object>(
  route: string,
  file: (params: P) => string,
  views: (data: PageData, ledger: Ledger) => { params: P; view: V }[] | Promise<{ params: P; view: V }[]>,
): Promise<KeyedPath<P, V>[]> {
  const [ledger, site, langs] = await Promise.all([getLedger(), getSiteKey(), languageParams()]);
  const paths: KeyedPath<P, V>[] = [];
  for (const lang of langs) {
    const data = await getPageData(lang);
    for (const { params, view } of await views(data, ledger)) {
      if (reuses(`${data.language.prefix}${file(params)}`.slice(1), pageKey(site, route, lang, view))) continue;
      paths.push({ params: { ...params, lang }, props: { view } });
    }
  }
  return paths;
}

/** Every incident's page in every language (`/incidents/<id>/`). */
export function incidentPaths(): Promise<KeyedPath<{ id: string }, IncidentView>[]> {
  return keyedPaths(
    'incident',
    ({ id }) => `/incidents/${id}/index.html`,
    (data, ledger) => ledger.incidents.map((entry) => ({ params: { id: entry.incident.id }, view: incidentView(entry, ledger.now, data) })),
  );
}

/** Every service's page in every language (`/services/<id>/`). */
export function servicePaths(): Promise<KeyedPath<{ id: string }, ServiceView>[]> {
  return keyedPaths(
    'service',
    ({ id }) => `/services/${id}/index.html`,
    (data, ledger) => ledger.services.map((entry) => ({ params: { id: entry.service.id }, view: serviceView(entry, ledger, ledger.now, data) })),
  );
}

/** Every month of history's page in every language (`/history/<YYYY-MM>/`). */
export function monthPaths(): Promise<KeyedPath<{ month: string }, MonthView>[]> {
  return keyedPaths(
    'month',
    ({ month }) => `/history/${month}/index.html`,
    (data) => data.history.map((month, index) => ({ params: { month: month.month }, view: monthView(data.history, index, data) })),
  );
}

/** What a feed file shows: what it follows, its entries, and its `updated` time (the newest entry's, or now for a feed with none). */
export interface FeedView {
  channel: FeedChannel & { self: string };
  entries: FeedEntry[];
  updated: Instant;
}

/** Every service's own feed in `format` in every language (`/services/<id>/rss.xml`, `…/history.atom`). */
export async function serviceFeedPaths(format: 'rss' | 'atom'): Promise<KeyedPath<{ id: string }, FeedView>[]> {
  const { site } = await getContent();
  const self = format === 'rss' ? rssUrl : atomUrl;
  return keyedPaths(`service-${format}`, ({ id }) => (format === 'rss' ? rssPath(id) : atomPath(id)), ({ language }, ledger) =>
    Promise.all(
      ledger.services.map(async ({ service }) => {
        const entries = await getFeedEntries(languageParam(language), service.id);
        const channel = { ...feedChannel(site, language, service), self: self(site, service.id, language) };
        return { params: { id: service.id }, view: { channel, entries, updated: entries[0]?.at ?? ledger.now } };
      }),
    ),
  );
}

/** Every status badge in every language (`/badges/<name>.svg`): the view is the image itself. */
export function badgePaths(): Promise<KeyedPath<{ name: string }, { svg: string }>[]> {
  return keyedPaths('badge', ({ name }) => `/badges/${name}.svg`, ({ language }, ledger) => statusBadges(ledger, language).map((badge) => ({ params: { name: badge.name }, view: { svg: badge.svg } })));
}
