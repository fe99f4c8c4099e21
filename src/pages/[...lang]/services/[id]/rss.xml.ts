import type { APIRoute, GetStaticPaths } from 'astro';
import { feedChannel } from '../../../../outputs/feeds.ts';
import { rssUrl } from '../../../../outputs/links.ts';
import { rssResponse } from '../../../../outputs/rss.ts';
import { getContent, getFeedEntries, getLedger, getPageData, inEveryLanguage } from '../../../../site/ledger.ts';

export const getStaticPaths = (async () => {
  const ledger = await getLedger();
  return inEveryLanguage(ledger.services.map((entry) => ({ params: { id: entry.service.id }, props: { service: entry.service } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const { site } = await getContent();
  const { language } = await getPageData(params.lang);
  const { service } = props;
  return rssResponse({ ...feedChannel(site, language, service), self: rssUrl(site, service.id, language) }, await getFeedEntries(params.lang, service.id));
};
