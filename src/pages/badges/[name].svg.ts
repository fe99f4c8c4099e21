import type { APIRoute, GetStaticPaths } from 'astro';
import { statusBadges } from '../../outputs/badges.ts';
import { getLedger, getPageData } from '../../site/ledger.ts';

export const getStaticPaths = (async () =>
  statusBadges(await getLedger(), (await getPageData()).t).map((badge) => ({ params: { name: badge.name }, props: { svg: badge.svg } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
