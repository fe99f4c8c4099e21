// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { buildCache } from './src/site/build-cache.ts';
import { cacheDir } from './src/site/build-context.ts';

/**
 * The path the site is published under, from site.yaml's `url`
 * (https://example.github.io/status → /status/), so internal links work on a
 * host that serves the site below its root. A missing or bad url gives `/`:
 * the content check reports it.
 */
function basePath() {
  try {
    const site = parse(readFileSync(path.join(process.env.STATUS_CONTENT_DIR || 'content', 'site.yaml'), 'utf8'));
    return new URL(site.url).pathname.replace(/\/*$/, '/');
  } catch {
    return '/';
  }
}

// STATUS_OUT_DIR and STATUS_CACHE_DIR let tests build fixture content beside
// the sample site without sharing its output or its cache. Every cache a
// build keeps is under STATUS_CACHE_DIR: empty it (or `astro build --force`)
// for a clean build.
export default defineConfig({
  output: 'static',
  base: basePath(),
  outDir: process.env.STATUS_OUT_DIR || './dist',
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Styles in cached files, not repeated in every page's HTML. Eight pages at a time: while one page's
  // file is written, the next renders (docs/performance.md has the figures).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  vite: {
    build: {
      // Scripts too (the bars' script is on every page with bars: the home page has a byte budget).
      assetsInlineLimit: 0,
      // A rebuild leaves the pages it need not render where they are (src/site/page-reuse.ts); the
      // build cache integration removes what it cannot vouch for and what is no longer built.
      emptyOutDir: false,
    },
  },
  integrations: [buildCache()],
  devToolbar: { enabled: false },
});
