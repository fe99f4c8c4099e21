import type { APIRoute } from 'astro';
import { availabilityCsv, CSV_TYPE } from '../../../outputs/csv.ts';
import { getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () => new Response(availabilityCsv(await getLedger()), { headers: { 'Content-Type': CSV_TYPE } });
