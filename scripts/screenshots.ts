/**
 * `npm run screenshots`: photographs the built site (dist/) with Chromium at
 * phone and desktop widths, light and dark, into docs/screenshots/.
 * Usage: npm run build && npm run screenshots [-- /path/one/ /path/two/]
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../test/browser/chromium.ts';
import { serve } from '../test/browser/serve.ts';

const dist = process.env.STATUS_OUT_DIR || 'dist';
const out = 'docs/screenshots';
const pages = process.argv.slice(2);
const defaults: Record<string, string> = {
  home: '/',
  incident: '/incidents/2026-06-23-hangzhou-zone-h-power-outage/',
  service: '/services/ecs-hangzhou/',
};
const targets = pages.length > 0 ? Object.fromEntries(pages.map((page, index) => [`page${index + 1}`, page])) : defaults;

mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await launchChromium();
try {
  for (const [name, path] of Object.entries(targets)) {
    for (const width of [375, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        const file = `${out}/${name}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
