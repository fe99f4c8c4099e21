import type { APIRoute, GetStaticPaths } from 'astro';
import { availabilityCsv, CSV_TYPE } from '../../../outputs/csv.ts';
import { getContent, getLedger } from '../../../site/ledger.ts';

export const getStaticPaths = (async () => (await getLedger()).services.map((entry) => ({ params: { id: entry.service.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(availabilityCsv(await getLedger(), (await getContent()).site, params.id), { headers: { 'Content-Type': CSV_TYPE } });
