import type { APIRoute } from 'astro';
import { feedItems } from '../outputs/feeds.ts';
import { rssUrl } from '../outputs/links.ts';
import { rssResponse } from '../outputs/rss.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site, services } = await getContent();
  const { t } = await getPageData();
  const items = feedItems(await getLedger(), site, services, site.feedItems, t);
  return rssResponse({ title: site.title, description: site.description || t.feed.description(site.title), link: `${site.url}/`, self: rssUrl(site), hub: site.websubHub }, items);
};
