/**
 * The sitemap (sitemaps.org 0.9): every HTML page, for search engines. A
 * site in several languages lists each page in each language, with the
 * page's versions in every language (`xhtml:link rel="alternate"
 * hreflang`, the first language's also as `x-default`), as search engines
 * read translated pages. Written as text: at 10,000 incidents it lists tens
 * of thousands of addresses, and an XML builder took a third of a second to
 * make them, at every build.
 */
import type { HistoryMonth } from '../core/history.ts';
import type { Ledger } from '../core/ledger.ts';
import type { Site } from '../core/types.ts';
import { siteLanguagesOf } from '../i18n/language.ts';
import { xmlText } from './escape.ts';

/** The paths of every HTML page in one language, without the language's prefix. */
export function pagePaths(ledger: Pick<Ledger, 'services' | 'incidents'>, history: readonly Pick<HistoryMonth, 'month'>[]): string[] {
  return [
    '/',
    '/history/',
    '/sla/',
    ...ledger.services.map((entry) => `/services/${entry.service.id}/`),
    ...history.map((month) => `/history/${month.month}/`),
    ...ledger.incidents.map((entry) => `/incidents/${entry.incident.id}/`),
  ];
}

/** The sitemap of `paths` (pagePaths) on `site`, in every language it is published in. */
export function sitemapXml(site: Pick<Site, 'url' | 'locale' | 'languages'>, paths: readonly string[]): string {
  const languages = siteLanguagesOf(site);
  const translated = languages.length > 1;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${translated ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>`,
  ];
  const alternate = (lang: string, href: string) => `    <xhtml:link rel="alternate" hreflang="${xmlText(lang)}" href="${xmlText(href)}"/>`;
  for (const language of languages) {
    for (const path of paths) {
      lines.push('  <url>', `    <loc>${xmlText(`${site.url}${language.prefix}${path}`)}</loc>`);
      if (translated) {
        for (const other of languages) lines.push(alternate(other.t.lang, `${site.url}${other.prefix}${path}`));
        lines.push(alternate('x-default', `${site.url}${path}`));
      }
      lines.push('  </url>');
    }
  }
  lines.push('</urlset>');
  return `${lines.join('\n')}\n`;
}
