/**
 * `npm run screenshots`: builds the sample site with now pinned so the
 * pictures show an ongoing incident and an upcoming maintenance, and
 * photographs it in each of its languages (the first at the root, the others
 * under their prefix) with Chromium at phone and desktop widths, light and
 * dark, into docs/screenshots/ (`home-375-light.png` in English,
 * `home-375-light-zh.png` in Chinese …).
 * Usage: npm run screenshots [-- /path/one/ /path/two/]
 * SOURCE_DATE_EPOCH picks another now; Chinese needs fonts-noto-cjk.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/browser/chromium.ts';
import { serve } from '../test/browser/serve.ts';
import { SAMPLE_NOW } from '../test/browser/setup.ts';
import { readCatalogFiles, resolveCatalogs } from '../src/contract/load-content.ts';
import { siteLanguagesOf } from '../src/i18n/language.ts';
import { contentDir } from '../src/site/build-context.ts';

const out = 'docs/screenshots';
const content = contentDir();
const now = process.env.SOURCE_DATE_EPOCH || String(SAMPLE_NOW);
const pages = process.argv.slice(2);
const defaults: Record<string, string> = {
  home: '/',
  incident: '/incidents/2026-06-23-hangzhou-zone-h-power-outage/',
  service: '/services/oss-hangzhou/',
};
const targets = pages.length > 0 ? Object.fromEntries(pages.map((page, index) => [`page${index + 1}`, page])) : defaults;

/** The temporary folders this run makes, removed when it ends. */
const temporary: string[] = [];

/** A new temporary folder, removed when the run ends. */
function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(folder);
  return folder;
}

/** Builds `dir` into a new temporary folder, as `npm run build` would, and returns the folder. */
function build(dir: string): string {
  const work = temporaryFolder('status-ledger-screenshots-');
  const dist = path.join(work, 'dist');
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, STATUS_CONTENT_DIR: dir, STATUS_OUT_DIR: dist, STATUS_CACHE_DIR: path.join(work, 'cache'), SOURCE_DATE_EPOCH: now },
  });
  if (result.status !== 0) throw new Error(`the build of ${dir} failed:\n${result.stdout}${result.stderr}`);
  return dist;
}

/** Each language's path prefix and file-name suffix: English has none, Chinese `-zh`. */
const { site } = resolveCatalogs(await readCatalogFiles(content));
const languages = siteLanguagesOf(site).map((language) => ({ prefix: language.prefix, suffix: language.locale === 'en' ? '' : `-${language.locale.split('-')[0]}` }));

mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  const server = await serve(build(content));
  try {
    for (const { prefix, suffix } of languages) {
      for (const [name, page] of Object.entries(targets)) {
        for (const width of [375, 1280]) {
          for (const scheme of ['light', 'dark'] as const) {
            const tab = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
            await tab.goto(`${server.url}${prefix}${page}`, { waitUntil: 'networkidle' });
            const file = `${out}/${name}-${width}-${scheme}${suffix}.png`;
            await tab.screenshot({ path: file, fullPage: true });
            console.log(file);
            await tab.close();
          }
        }
      }
    }
  } finally {
    await server.close();
  }
} finally {
  await browser.close();
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
}
