import type { APIRoute } from 'astro';
import { summaryJson } from '../../../outputs/api-v1.ts';
import { getContent, getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () =>
  Response.json(summaryJson(await getLedger(), (await getContent()).site));
