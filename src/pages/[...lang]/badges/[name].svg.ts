import type { APIRoute, GetStaticPaths } from 'astro';
import { statusBadges } from '../../../outputs/badges.ts';
import { getContent, getLedger, languageParams } from '../../../site/ledger.ts';
import { languageOfParam } from '../../../i18n/language.ts';

export const getStaticPaths = (async () => {
  const [{ site }, ledger] = await Promise.all([getContent(), getLedger()]);
  return (await languageParams()).flatMap((lang) =>
    statusBadges(ledger, languageOfParam(site, lang)).map((badge) => ({ params: { lang, name: badge.name }, props: { svg: badge.svg } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
