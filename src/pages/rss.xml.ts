import type { APIRoute } from 'astro';
import { feedChannel, feedEntries } from '../outputs/feeds.ts';
import { rssUrl } from '../outputs/links.ts';
import { rssResponse } from '../outputs/rss.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site, services } = await getContent();
  const { t } = await getPageData();
  const entries = feedEntries(await getLedger(), site, services, site.feedItems, t);
  return rssResponse({ ...feedChannel(site, t), self: rssUrl(site) }, entries);
};
