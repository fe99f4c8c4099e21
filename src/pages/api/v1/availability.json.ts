import type { APIRoute } from 'astro';
import { availabilityJson } from '../../../core/api.ts';
import { getLedger } from '../../../site/ledger.ts';

export const GET: APIRoute = async () => Response.json(availabilityJson(await getLedger()));
