import type { APIRoute } from 'astro';
import { embedScript } from '../../outputs/embed.ts';
import { getContent, getLedger, getPageData, inEveryLanguage } from '../../site/ledger.ts';

export const getStaticPaths = () => inEveryLanguage();

export const GET: APIRoute = async ({ params }) =>
  new Response(embedScript(await getLedger(), (await getContent()).site, (await getPageData(params.lang)).language), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
