import type { APIRoute, GetStaticPaths } from 'astro';
import { feedChannel } from '../../../outputs/feeds.ts';
import { rssUrl } from '../../../outputs/links.ts';
import { rssResponse } from '../../../outputs/rss.ts';
import { getContent, getFeedEntries, getLedger, getPageData } from '../../../site/ledger.ts';

export const getStaticPaths = (async () => {
  const ledger = await getLedger();
  return ledger.services.map((entry) => ({ params: { id: entry.service.id }, props: { service: entry.service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site } = await getContent();
  const { t } = await getPageData();
  const { service } = props;
  return rssResponse({ ...feedChannel(site, t, service), self: rssUrl(site, service.id) }, await getFeedEntries(service.id));
};
