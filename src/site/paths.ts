/**
 * Links inside the site. A site published under a path (GitHub Pages serves
 * a project at /<repo>/) gets that path in front of every internal link; it
 * comes from site.yaml's `url` (see astro.config.mjs).
 */
import { base as configBase } from 'astro:config/client';

// From Astro's config module, made anew for every build (a define such as
// import.meta.env.BASE_URL can survive in a cached transform of this file).
const base = configBase.replace(/\/$/, '');

/** The link to a page of the site, e.g. `href('/sla/')` → `/status/sla/`. */
export function href(path: string): string {
  return `${base}${path}`;
}

/** A page's path without the site's base, e.g. `/status/sla/` → `/sla/`. */
export function pagePath(pathname: string): string {
  return base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
}
