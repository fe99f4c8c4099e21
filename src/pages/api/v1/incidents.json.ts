import type { APIRoute } from 'astro';
import { incidentsJson } from '../../../core/api.ts';
import { getContent, getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () =>
  Response.json(incidentsJson(await getLedger(), (await getContent()).site));
