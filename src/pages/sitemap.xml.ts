import type { APIRoute } from 'astro';
import { XMLBuilder } from 'fast-xml-parser';
import { siteLanguagesOf } from '../i18n/language.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

/**
 * Every HTML page, for search engines. A site in several languages lists
 * each page in each language, with the page's versions in every language
 * (`xhtml:link rel="alternate" hreflang`, the first language's also as
 * `x-default`), as search engines read translated pages.
 */
export const GET: APIRoute = async () => {
  const { site } = await getContent();
  const ledger = await getLedger();
  const { history } = await getPageData();
  const paths = [
    '/',
    '/history/',
    '/sla/',
    ...ledger.services.map((entry) => `/services/${entry.service.id}/`),
    ...history.map((month) => `/history/${month.month}/`),
    ...ledger.incidents.map((entry) => `/incidents/${entry.incident.id}/`),
  ];
  const languages = siteLanguagesOf(site);
  const translated = languages.length > 1;
  const alternates = (path: string) => [
    ...languages.map((language) => ({ '@_rel': 'alternate', '@_hreflang': language.t.lang, '@_href': `${site.url}${language.prefix}${path}` })),
    { '@_rel': 'alternate', '@_hreflang': 'x-default', '@_href': `${site.url}${path}` },
  ];
  const urls = languages.flatMap((language) =>
    paths.map((path) => ({ loc: `${site.url}${language.prefix}${path}`, ...(translated ? { 'xhtml:link': alternates(path) } : {}) })),
  );
  const xml = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      ...(translated ? { '@_xmlns:xhtml': 'http://www.w3.org/1999/xhtml' } : {}),
      url: urls,
    },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
