import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { PAGE_TYPES } from './pages.ts';

const base = inject('siteUrl');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Lighthouse's default settings are mobile: a throttled mid-range phone on a slow 4G link. */
const BAR = 0.95;

let chrome: LaunchedChrome;

beforeAll(async () => {
  chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
});
afterAll(async () => {
  await chrome?.kill();
});

describe('Lighthouse, mobile settings', () => {
  it.each(['home', 'incident', 'service'])(`scores at least ${BAR} in every category on the %s page`, async (name) => {
    const url = `${base}${PAGE_TYPES[name]}`;
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, result!.lhr.categories[category]!.score]));
    console.log(`Lighthouse ${name} ${PAGE_TYPES[name]}: ${CATEGORIES.map((category) => `${category} ${scores[category]}`).join(', ')}`);
    const failing = Object.values(result!.lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual')
      .map((audit) => `${audit.id} (${audit.score})`);
    for (const category of CATEGORIES) expect(scores[category], `${category}; audits below 0.9: ${failing.join(', ')}`).toBeGreaterThanOrEqual(BAR);
  });
});
