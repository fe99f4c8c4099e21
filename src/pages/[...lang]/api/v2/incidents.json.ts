import type { APIRoute } from 'astro';
import { getStatuspageApi, inEveryLanguage } from '../../../../site/ledger.ts';

export const getStaticPaths = () => inEveryLanguage();

export const GET: APIRoute = async ({ params }) => Response.json((await getStatuspageApi(params.lang)).incidents);
