/**
 * The pages' one way to the data: content from the collections, the ledger
 * computed from it once per build.
 */
import { getCollection, getEntry } from 'astro:content';
import { availabilityPages, incidentsPages } from '../outputs/api-v1.ts';
import { statuspageApi, type StatuspageApi } from '../outputs/api-v2.ts';
import { feedEntries, type FeedEntry } from '../outputs/feeds.ts';
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

let content: Promise<Content> | undefined;
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

/** The resolved content, in catalog and file order. */
export function getContent(): Promise<Content> {
  // The dev server keeps modules alive across edits: read afresh on every request there.
  if (import.meta.env.DEV) content = undefined;
  content ??= (async () => {
    if (import.meta.env.DEV && (await getEntry('problems', 'problems'))) return NO_CONTENT;
    const [site, services, policies, incidents] = await Promise.all([
      getEntry('site', 'site'),
      getCollection('services'),
      getCollection('policies'),
      getCollection('incidents'),
    ]);
    if (!site) throw new Error('The site collection is empty: the content loader did not run');
    const inOrder = <T extends { order: number }>(entries: { data: T }[]) =>
      entries.map((entry) => entry.data).sort((a, b) => a.order - b.order);
    return {
      site: site.data,
      services: inOrder(services),
      policies: inOrder(policies),
      incidents: inOrder(incidents),
    };
  })();
  return content;
}

/** The ledger as of the build's now. */
export function getLedger(): Promise<Ledger> {
  if (import.meta.env.DEV) ledger = undefined;
  ledger ??= getContent().then((resolved) => computeLedger(resolved, buildNow()));
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
