import type { APIRoute } from 'astro';
import { feedItems } from '../core/feed.ts';
import { rssResponse } from '../site/feed.ts';
import { getContent, getLedger } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site, services } = await getContent();
  const items = feedItems(await getLedger(), site, services, site.feedItems);
  return rssResponse({ title: site.title, description: site.description || `Incident updates from ${site.title}`, link: `${site.url}/` }, items);
};
