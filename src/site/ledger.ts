/**
 * The pages' one way to the data: the content the content loader read, the
 * ledger computed from it once per build.
 */
import { availabilityPages, incidentsPages } from '../outputs/api-v1.ts';
import { statuspageApi, type StatuspageApi } from '../outputs/api-v2.ts';
import { feedEntries, type FeedEntry } from '../outputs/feeds.ts';
import { historyMonths, historyYears, type HistoryMonth } from '../core/history.ts';
import { activeByKind, recentlyResolved } from '../core/home.ts';
import { overallSummary } from '../i18n/format.ts';
import { BAR_DAYS, computeLedger, type IncidentLedger, type Ledger } from '../core/ledger.ts';
import { supportLink } from '../core/support.ts';
import { lastDays } from '../core/time.ts';
import { messagesFor, type Messages } from '../i18n/messages.ts';
import type { Content, SupportContact } from '../core/types.ts';
import { buildNow } from './build-context.ts';
import { contentRead, type ContentRead } from './shared-content.ts';

let read: Promise<ContentRead> | undefined;
let ledger: Promise<Ledger> | undefined;

/**
 * The content the dev server works from while the folder has mistakes:
 * nothing. Every address then answers with the problems (src/middleware.ts);
 * routes with paths from the content simply have none.
 */
const NO_CONTENT: Content = {
  site: { title: 'Status', description: '', url: 'https://status.example.com', timeZone: 'UTC', feedItems: 1, support: [], locale: 'en' },
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

/** Views several pages share, computed once from the ledger. */
export interface PageData {
  /** The interface's words, in the site's language. */
  t: Messages;
  /** Incident titles by id, for bars and lists. */
  titles: Map<string, string>;
  /** Service names by id. */
  names: Map<string, string>;
  /** Where every "contact support" link goes (supportLink): `null` when site.yaml lists no contact. */
  supportContact: SupportContact | null;
  homeSummary: string;
  /** The first day the 90-day bars show, `YYYY-MM-DD`. */
  barsFrom: string;
  /** Active incidents and maintenance, and active notices, newest first. */
  active: { incidents: IncidentLedger[]; notices: IncidentLedger[] };
  recentlyResolved: IncidentLedger[];
  history: HistoryMonth[];
  /** The same months by year, newest first. */
  historyYears: { year: string; months: HistoryMonth[] }[];
}

let pageData: Promise<PageData> | undefined;

export function getPageData(): Promise<PageData> {
  if (import.meta.env.DEV) pageData = undefined;
  pageData ??= Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => ({
    t: messagesFor(site.locale),
    titles: new Map(ledger.incidents.map((entry) => [entry.incident.id, entry.incident.title])),
    names: new Map(ledger.services.map((entry) => [entry.service.id, entry.service.name])),
    supportContact: supportLink(site.support),
    homeSummary: overallSummary(ledger, messagesFor(site.locale)),
    barsFrom: lastDays(ledger.now, BAR_DAYS, site.timeZone)[0]!.date,
    active: activeByKind(ledger),
    recentlyResolved: recentlyResolved(ledger),
    history: historyMonths(ledger, site.timeZone),
  })).then((data) => ({ ...data, historyYears: historyYears(data.history) }));
  return pageData;
}

let apiPages: Promise<{ incidents: ReturnType<typeof incidentsPages>; availability: ReturnType<typeof availabilityPages> }> | undefined;

/** The paged API files, computed once. */
export function getApiPages() {
  if (import.meta.env.DEV) apiPages = undefined;
  apiPages ??= Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => ({
    incidents: incidentsPages(ledger, site),
    availability: availabilityPages(ledger, site),
  }));
  return apiPages;
}

let statuspage: Promise<StatuspageApi> | undefined;

/** The eight files of the Statuspage-compatible API (`/api/v2/`), computed once. */
export function getStatuspageApi(): Promise<StatuspageApi> {
  if (import.meta.env.DEV) statuspage = undefined;
  statuspage ??= Promise.all([getContent(), getLedger()]).then(([{ site }, ledger]) => statuspageApi(ledger, site));
  return statuspage;
}

const feeds = new Map<string, Promise<FeedEntry[]>>();

/** The entries of the site's feed, or of one service's: computed once for both its RSS and its Atom file. */
export function getFeedEntries(serviceId?: string): Promise<FeedEntry[]> {
  if (import.meta.env.DEV) feeds.clear();
  const key = serviceId ?? '';
  if (!feeds.has(key)) {
    feeds.set(key, Promise.all([getContent(), getLedger(), getPageData()]).then(([{ site }, ledger, { t }]) => feedEntries(ledger, site, t, serviceId)));
  }
  return feeds.get(key)!;
}
