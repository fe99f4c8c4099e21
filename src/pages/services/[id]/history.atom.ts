import type { APIRoute, GetStaticPaths } from 'astro';
import { atomResponse } from '../../../outputs/atom.ts';
import { feedChannel, feedEntries } from '../../../outputs/feeds.ts';
import { atomUrl } from '../../../outputs/links.ts';
import { getContent, getLedger, getPageData } from '../../../site/ledger.ts';

export const getStaticPaths = (async () => {
  const ledger = await getLedger();
  return ledger.services.map((entry) => ({ params: { id: entry.service.id }, props: { service: entry.service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, services } = await getContent();
  const { t } = await getPageData();
  const ledger = await getLedger();
  const { service } = props;
  const entries = feedEntries(ledger, site, services, site.feedItems, t, service.id);
  return atomResponse({ ...feedChannel(site, t, service), self: atomUrl(site, service.id) }, entries, ledger.now);
};
