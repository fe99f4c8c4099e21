import type { APIRoute } from 'astro';
import { embedScript } from '../core/embed.ts';
import { getContent, getLedger } from '../site/ledger.ts';

export const GET: APIRoute = async () =>
  new Response(embedScript(await getLedger(), (await getContent()).site), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
