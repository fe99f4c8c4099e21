import type { APIRoute } from 'astro';
import { XMLBuilder } from 'fast-xml-parser';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

/** Every HTML page, for search engines. */
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
  const xml = new XMLBuilder({ ignoreAttributes: false, format: true }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: paths.map((path) => ({ loc: `${site.url}${path}` })) },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
