import type { APIRoute } from 'astro';
import { getStatuspageApi } from '../../../site/ledger.ts';

export const GET: APIRoute = async () => Response.json((await getStatuspageApi()).incidents);
