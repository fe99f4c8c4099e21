import type { APIRoute } from 'astro';
import { availabilityCsv, CSV_TYPE } from '../../../outputs/csv.ts';
import { getContent, getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () => new Response(availabilityCsv(await getLedger(), (await getContent()).site), { headers: { 'Content-Type': CSV_TYPE } });
