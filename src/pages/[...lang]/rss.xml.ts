import type { APIRoute } from 'astro';
import { feedChannel } from '../../outputs/feeds.ts';
import { rssUrl } from '../../outputs/links.ts';
import { rssResponse } from '../../outputs/rss.ts';
import { getContent, getFeedEntries, getPageData, inEveryLanguage } from '../../site/ledger.ts';

export const getStaticPaths = () => inEveryLanguage();

export const GET: APIRoute = async ({ params }) => {
  const { site } = await getContent();
  const { language } = await getPageData(params.lang);
  return rssResponse({ ...feedChannel(site, language), self: rssUrl(site, undefined, language) }, await getFeedEntries(params.lang));
};
