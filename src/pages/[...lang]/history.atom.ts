import type { APIRoute } from 'astro';
import { atomResponse } from '../../outputs/atom.ts';
import { feedChannel } from '../../outputs/feeds.ts';
import { atomUrl } from '../../outputs/links.ts';
import { getContent, getFeedEntries, getLedger, getPageData, inEveryLanguage } from '../../site/ledger.ts';

export const getStaticPaths = () => inEveryLanguage();

export const GET: APIRoute = async ({ params }) => {
  const { site } = await getContent();
  const { language } = await getPageData(params.lang);
  return atomResponse({ ...feedChannel(site, language), self: atomUrl(site, undefined, language) }, await getFeedEntries(params.lang), (await getLedger()).now);
};
