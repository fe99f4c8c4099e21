import type { APIRoute } from 'astro';
import { getContent } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site } = await getContent();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${site.url}/sitemap.xml\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
