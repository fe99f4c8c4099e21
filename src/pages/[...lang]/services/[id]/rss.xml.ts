import type { APIRoute } from 'astro';
import { rssResponse } from '../../../../outputs/rss.ts';
import { serviceFeedPaths, type FeedView } from '../../../../site/ledger.ts';

export const getStaticPaths = () => serviceFeedPaths('rss');

export const GET: APIRoute<{ view: FeedView }> = ({ props }) => rssResponse(props.view.channel, props.view.entries);
