import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems } from '../../../outputs/feeds.ts';
import { rssUrl } from '../../../outputs/links.ts';
import { rssResponse } from '../../../outputs/rss.ts';
import { getContent, getLedger, getPageData } from '../../../site/ledger.ts';

export const getStaticPaths = (async () => {
  const ledger = await getLedger();
  return ledger.services.map((entry) => ({ params: { id: entry.service.id }, props: { service: entry.service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { site, services } = await getContent();
  const { t } = await getPageData();
  const { service } = props;
  const items = feedItems(await getLedger(), site, services, site.feedItems, t, service.id);
  const channel = { title: `${service.name} · ${site.title}`, description: t.feed.serviceDescription(service.name), link: `${site.url}/services/${service.id}/`, self: rssUrl(site, service.id), hub: site.websubHub };
  return rssResponse(channel, items);
};
