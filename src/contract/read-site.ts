/** site.yaml: the site's title, address, zone and support contacts. */
import { DEFAULT_FEED_ITEMS } from '../core/defaults.ts';
import { isTimeZone, readTime, type Instant } from '../core/time.ts';
import { LOCALES, type Locale, type Site, type SupportContact } from '../core/types.ts';
import { EARLY_FIX, Fields, isAbsoluteHttpUrl, shown, tooEarly } from './fields.ts';
import { isSafeHref } from './markdown.ts';
import type { ContentProblem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** The fields site.yaml may hold. */
export const SITE_FIELDS = ['title', 'description', 'url', 'timeZone', 'feedItems', 'support', 'locale', 'languages', 'websubHub', 'currency', 'since'];
/** The fields of one `support` entry. */
export const SUPPORT_FIELDS = ['label', 'href'];

/** Reads site.yaml; falls back to usable values where it has mistakes, so other files can still be checked. */
export function readSite(source: YamlSource, problems: ContentProblem[]): Site {
  const fields = Fields.at(source, [], source.value, problems, 'site.yaml');
  const site: Site = {
    title: { en: 'Status' },
    description: { en: '' },
    url: 'https://status.example.com',
    timeZone: 'UTC',
    feedItems: DEFAULT_FEED_ITEMS,
    support: [],
    locale: 'en',
    languages: [],
  };
  if (!fields) return site;
  fields.allowOnly(SITE_FIELDS, 'site.yaml');
  const locale = fields.oneOf('locale', LOCALE_TAGS, 'locale');
  site.locale = locale === undefined ? 'en' : localeOf(locale);
  site.languages = readLanguages(fields, site.locale);
  const languages = siteLanguages(site);
  site.title = fields.localized('title', true, 'name', languages) ?? { [site.locale]: 'Status' };
  site.description = fields.localized('description', false, 'description', languages) ?? { [site.locale]: '' };
  const url = fields.string('url', true);
  if (url !== undefined) {
    const read = siteUrl(url);
    if ('url' in read) site.url = read.url;
    else fields.report('url', `'url' ${read.fault}: ${shown(url)}`, read.fix);
  }
  const timeZone = fields.string('timeZone', false);
  if (timeZone !== undefined) {
    if (isTimeZone(timeZone)) site.timeZone = timeZone;
    else fields.report('timeZone', `unknown time zone '${timeZone}'`, 'use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC');
  }
  site.feedItems = fields.number('feedItems', { min: 1, max: 1000, integer: true }) ?? DEFAULT_FEED_ITEMS;
  site.support = readSupport(fields, problems, languages);
  site.currency = readCurrency(fields);
  site.since = readSince(fields, site.timeZone);
  const hub = fields.string('websubHub', false);
  if (hub !== undefined) {
    // The same rule as every other address an editor gives: absolute http(s), no white space, no credentials in it.
    if (isAbsoluteHttpUrl(hub)) site.websubHub = hub;
    else fields.report('websubHub', `'websubHub' is not an absolute http(s) address without a user name or password: '${hub}'`, "write the hub's address, e.g. https://pubsubhubbub.appspot.com/");
  }
  return site;
}

/**
 * `currency`: the ISO 4217 code of the currency fees are paid in (`CNY`,
 * `USD`), in any case; one that Intl does not know is refused.
 */
function readCurrency(fields: Fields): string | undefined {
  const text = fields.string('currency', false);
  if (text === undefined) return undefined;
  const code = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code)) return code;
  return fields.report('currency', `'currency' is not an ISO 4217 currency code: ${shown(text)}`, 'write the three-letter code, e.g. CNY, USD or EUR');
}

/**
 * `since` (site.yaml, or a service in services.yaml): when the records
 * start. A date (`2026-03-01`) is local midnight in `timeZone`; a time
 * (`2026-03-01 08:00`, with an optional offset) is read, and refused
 * before 1970, as every time is.
 */
export function readSince(fields: Fields, timeZone: string): Instant | undefined {
  const text = fields.string('since', false);
  if (text === undefined) return undefined;
  const reading = readTime(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} 00:00` : text, timeZone);
  if ('instant' in reading) return reading.instant;
  // Before 1970 as every other time is: said so, not "not a date".
  if ('early' in reading) return fields.report('since', `'since' is ${tooEarly(reading.early)}`, EARLY_FIX);
  return fields.report('since', `'since' is not a date: ${shown(text)}`, `write the day the records start, e.g. 2026-03-01 (midnight in ${timeZone}), or a time YYYY-MM-DD HH:mm`);
}

/** The site's languages, the first first: every page, feed and text exists in each. */
export function siteLanguages(site: Pick<Site, 'locale' | 'languages'>): Locale[] {
  return [site.locale, ...site.languages];
}

/** Language tags as site.yaml may write them, in lowercase (fields compare without case). */
const LOCALE_TAGS = LOCALES.map((locale) => locale.toLowerCase());

/** The language a tag names, whatever its case: `zh-cn` → `zh-CN`. */
function localeOf(tag: string): Locale {
  return LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase())!;
}

/** `languages`: the other languages, each once and never the first. */
function readLanguages(fields: Fields, first: Locale): Locale[] {
  const languages: Locale[] = [];
  (fields.list('languages') ?? []).forEach((entry, index) => {
    const at = (message: string, fix: string) => fields.problems.push({ file: fields.source.file, line: fields.source.lineOf(['languages', index]), message, fix });
    const tag = typeof entry === 'string' ? entry.trim() : undefined;
    const locale = tag === undefined ? undefined : LOCALES.find((candidate) => candidate.toLowerCase() === tag.toLowerCase());
    if (locale === undefined) return at(`unknown language ${tag === undefined ? JSON.stringify(entry) : `'${tag}'`} in 'languages'`, `use one of: ${LOCALES.join(', ')} (each has the interface's words)`);
    if (locale === first) return at(`'${locale}' in 'languages' is the site's first language ('locale')`, `remove it: 'languages' lists the other languages`);
    if (languages.includes(locale)) return at(`'${locale}' is listed twice in 'languages'`, 'list each language once');
    languages.push(locale);
  });
  return languages;
}

function readSupport(fields: Fields, problems: ContentProblem[], languages: readonly Locale[]): SupportContact[] {
  const contacts: SupportContact[] = [];
  (fields.list('support') ?? []).forEach((entry, index) => {
    const contact = Fields.at(fields.source, ['support', index], entry, problems, `support entry ${index + 1}`);
    if (!contact) return;
    contact.allowOnly(SUPPORT_FIELDS, 'a support contact');
    const label = contact.localized('label', true, 'name', languages);
    const href = contact.string('href', true);
    if (href !== undefined && !isSafeHref(href, ['https:', 'http:', 'mailto:', 'tel:'])) {
      contact.report('href', `support link '${href}' is not an http(s), mailto or tel address`, 'use https://…, mailto:… or tel:…');
    } else if (label !== undefined && href !== undefined) {
      contacts.push({ label, href });
    }
  });
  return contacts;
}

/** Path characters that need no escaping anywhere a link is written: letters, digits, `-._~` and `/`. */
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;

/**
 * The site's public address, read with the WHATWG URL parser as browsers
 * read it, or why it cannot be one: it must be absolute http(s), with no user
 * name or password, no query, no fragment, and a path that needs no escaping,
 * since every link, feed and the build's base path are made from it. The
 * address comes back as the parser writes it (host in lowercase, an
 * international name in punycode), without a trailing slash.
 */
export function siteUrl(text: string): { url: string } | { fault: string; fix: string } {
  const example = 'write the public address, e.g. https://status.example.com';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { fault: 'is not an absolute http(s) address', fix: example };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { fault: 'is not an absolute http(s) address', fix: example };
  if (!/^https?:\/\/[^/\\]/i.test(text)) return { fault: 'is not an absolute http(s) address', fix: example };
  if (url.username !== '' || url.password !== '') return { fault: 'holds a user name or password', fix: 'remove them: the address is public' };
  if (text.includes('?')) return { fault: 'has a query (?…)', fix: 'remove it: pages and feeds add their own paths to the address' };
  if (text.includes('#')) return { fault: 'has a fragment (#…)', fix: 'remove it: pages and feeds add their own paths to the address' };
  const path = text.replace(/^https?:\/\/[^/]*/i, '');
  if (!PLAIN_PATH.test(path) || !PLAIN_PATH.test(url.pathname)) {
    return { fault: 'has characters in its path that links would need to escape', fix: "use only letters, digits, '-', '.', '_', '~' and '/' in the path" };
  }
  return { url: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}
