import type { APIRoute } from 'astro';
import { atomResponse } from '../outputs/atom.ts';
import { feedChannel } from '../outputs/feeds.ts';
import { atomUrl } from '../outputs/links.ts';
import { getContent, getFeedEntries, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site } = await getContent();
  const { t } = await getPageData();
  return atomResponse({ ...feedChannel(site, t), self: atomUrl(site) }, await getFeedEntries(), (await getLedger()).now);
};
