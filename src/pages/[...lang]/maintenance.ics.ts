import type { APIRoute } from 'astro';
import { maintenanceCalendar } from '../../outputs/calendar.ts';
import { getContent, getLedger, getPageData, inEveryLanguage } from '../../site/ledger.ts';

export const getStaticPaths = () => inEveryLanguage();

export const GET: APIRoute = async ({ params }) => {
  const { language } = await getPageData(params.lang);
  const calendar = maintenanceCalendar(await getLedger(), (await getContent()).site, language);
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
