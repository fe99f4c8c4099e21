// @ts-check
import { defineConfig } from 'astro/config';

// STATUS_OUT_DIR lets tests build fixture content beside the sample site.
export default defineConfig({
  output: 'static',
  outDir: process.env.STATUS_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
