import type { APIRoute } from 'astro';
import { embedScript } from '../outputs/embed.ts';
import { getContent, getLedger, getPageData } from '../site/ledger.ts';

export const GET: APIRoute = async () =>
  new Response(embedScript(await getLedger(), (await getContent()).site, (await getPageData()).t), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
