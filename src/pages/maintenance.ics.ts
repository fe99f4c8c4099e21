import type { APIRoute } from 'astro';
import { maintenanceCalendar } from '../outputs/calendar.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () => {
  const { names, t } = await getPageData();
  const calendar = maintenanceCalendar(await getLedger(), (await getContent()).site, names, t);
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
