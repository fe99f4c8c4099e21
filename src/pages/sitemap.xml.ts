import type { APIRoute } from 'astro';
import { pagePaths, sitemapXml } from '../outputs/sitemap.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site } = await getContent();
  const { history } = await getPageData();
  return new Response(sitemapXml(site, pagePaths(await getLedger(), history)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
