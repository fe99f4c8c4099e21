import type { APIRoute } from 'astro';
import { feedChannel } from '../outputs/feeds.ts';
import { rssUrl } from '../outputs/links.ts';
import { rssResponse } from '../outputs/rss.ts';
import { getContent, getFeedEntries, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site } = await getContent();
  const { t } = await getPageData();
  return rssResponse({ ...feedChannel(site, t), self: rssUrl(site) }, await getFeedEntries());
};
