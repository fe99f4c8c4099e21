import type { APIRoute } from 'astro';
import { updatesJson } from '../../../outputs/api-v1.ts';
import { getContent, getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () =>
  Response.json(updatesJson(await getLedger(), (await getContent()).site));
