import type { APIRoute } from 'astro';
import { getApiPages } from '../../../site/ledger.ts';

export const GET: APIRoute = async () => Response.json((await getApiPages()).availability[0]);
