// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';

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
// the sample site without sharing its output or its content cache.
export default defineConfig({
  output: 'static',
  base: basePath(),
  outDir: process.env.STATUS_OUT_DIR || './dist',
  cacheDir: process.env.STATUS_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Styles in cached files, not repeated in every page's HTML.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts too (the bars' script is on every page with bars: the home page has a byte budget).
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
