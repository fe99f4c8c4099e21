import type { APIRoute, GetStaticPaths } from 'astro';
import { getApiPages } from '../../../../site/ledger.ts';

export const getStaticPaths = (async () =>
  (await getApiPages()).incidents.slice(1).map((body, index) => ({ params: { page: String(index + 2) }, props: { body } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.body);
