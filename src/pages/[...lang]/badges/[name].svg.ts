import type { APIRoute } from 'astro';
import { badgePaths } from '../../../site/ledger.ts';

export const getStaticPaths = badgePaths;

export const GET: APIRoute<{ view: { svg: string } }> = ({ props }) => new Response(props.view.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
