/**
 * The languages a site is published in, and content's words in each. The
 * first language (site.yaml `locale`) is at the root; each other one under
 * its prefix (`/en/`, `/zh-cn/`) with the same paths. Figures never depend on
 * the language: only words do, from the catalog (messages.ts) or from what
 * editors wrote (`Localized` texts, which fall back to the first language).
 */
import type { Locale, Localized, Site } from '../core/types.ts';
import { messagesFor, type Messages } from './messages.ts';

/** One language the site is published in. */
export interface Language {
  locale: Locale;
  /** The site's first language: what every text is written in, and what an untranslated one falls back to. */
  original: Locale;
  /** Before every path of this language's pages: `''` for the first language, `/en` for English as another. */
  prefix: string;
  /** The interface's words in this language. */
  t: Messages;
}

/** The path prefix of `locale` on `site`: none for the first language, `/<tag in lowercase>` for another. */
export function languagePrefix(site: Pick<Site, 'locale'>, locale: Locale): string {
  return locale === site.locale ? '' : `/${locale.toLowerCase()}`;
}

/** `locale` on `site` (the first language when left out). */
export function languageOf(site: Pick<Site, 'locale'>, locale: Locale = site.locale): Language {
  return { locale, original: site.locale, prefix: languagePrefix(site, locale), t: messagesFor(locale) };
}

/** Every language the site is published in, the first first. */
export function siteLanguagesOf(site: Pick<Site, 'locale' | 'languages'>): Language[] {
  return [site.locale, ...site.languages].map((locale) => languageOf(site, locale));
}

/**
 * The language a route's `lang` parameter names: `undefined` is the first
 * language (at the root), `en` or `zh-cn` another. Throws for a parameter the
 * site has no language for: routes only ever get their own.
 */
export function languageOfParam(site: Pick<Site, 'locale' | 'languages'>, param: string | undefined): Language {
  const found = siteLanguagesOf(site).find((language) => (language.prefix === '' ? param === undefined : language.prefix === `/${param}`));
  if (!found) throw new Error(`No language '${param}' on this site`);
  return found;
}

/** The `lang` route parameter of `language`: `undefined` at the root. */
export function languageParam(language: Language): string | undefined {
  return language.prefix === '' ? undefined : language.prefix.slice(1);
}

/** Text as a language shows it: in that language when written in it, else the first language's. */
export interface Shown<T = string> {
  value: T;
  /** The language `value` is written in. */
  lang: Locale;
  /** `value` is in another language than the one asked for: shown marked "not yet translated". */
  untranslated: boolean;
}

/** `text` in `language`, falling back to the first language. */
export function shown<T>(text: Localized<T>, language: Pick<Language, 'locale' | 'original'>): Shown<T> {
  const own = text[language.locale];
  if (own !== undefined) return { value: own, lang: language.locale, untranslated: false };
  return { value: text[language.original]!, lang: language.original, untranslated: language.locale !== language.original };
}

/** `text`'s words in `language`, falling back to the first language, for outputs that carry no mark (JSON, badges). */
export function wordsIn<T>(text: Localized<T>, language: Pick<Language, 'locale' | 'original'>): T {
  return shown(text, language).value;
}

/** `text` in the site's first language: what editors wrote first, for outputs written once (`/api/v1`, CSV). */
export function originalOf<T>(text: Localized<T>, site: Pick<Site, 'locale'>): T {
  return text[site.locale]!;
}

/**
 * The translations of `text` into the site's other languages that an editor
 * wrote (a plain string in a catalog counts for every language), by language;
 * `undefined` when there is none.
 */
export function translationsOf<T>(text: Localized<T>, site: Pick<Site, 'locale' | 'languages'>): Partial<Record<Locale, T>> | undefined {
  const found = site.languages.filter((locale) => text[locale] !== undefined);
  return found.length === 0 ? undefined : Object.fromEntries(found.map((locale) => [locale, text[locale]!]));
}

/**
 * HTML an editor wrote, as a feed or a message in `language` carries it: as
 * it is, or, not translated yet, in its own language (`lang`) after the
 * words "not yet translated".
 */
export function markedHtml(text: Shown, language: Language): string {
  if (!text.untranslated) return text.value;
  return `<p><em>${language.t.language.notTranslated}</em></p>\n<div lang="${text.lang}">${text.value}</div>`;
}
