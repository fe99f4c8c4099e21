import type { APIRoute } from 'astro';
import { atomResponse } from '../outputs/atom.ts';
import { feedChannel, feedEntries } from '../outputs/feeds.ts';
import { atomUrl } from '../outputs/links.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { site, services } = await getContent();
  const { t } = await getPageData();
  const ledger = await getLedger();
  const entries = feedEntries(ledger, site, services, site.feedItems, t);
  return atomResponse({ ...feedChannel(site, t), self: atomUrl(site) }, entries, ledger.now);
};
