// @ts-check
import { defineConfig } from 'astro/config';

// STATUS_OUT_DIR and STATUS_CACHE_DIR let tests build fixture content beside
// the sample site without sharing its output or its content cache.
export default defineConfig({
  output: 'static',
  outDir: process.env.STATUS_OUT_DIR || './dist',
  cacheDir: process.env.STATUS_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Styles in cached files, not repeated in every page's HTML.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
