import type { APIRoute } from 'astro';
import { atomResponse } from '../../../../outputs/atom.ts';
import { serviceFeedPaths, type FeedView } from '../../../../site/ledger.ts';

export const getStaticPaths = () => serviceFeedPaths('atom');

export const GET: APIRoute<{ view: FeedView }> = ({ props }) => atomResponse(props.view.channel, props.view.entries, props.view.updated);
