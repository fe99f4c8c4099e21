import AxeBuilder from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './shared-chromium.ts';
import { PAGES_IN_EVERY_LANGUAGE } from './pages.ts';

const base = inject('siteUrl');
const chromium = sharedChromium();

describe('accessibility: WCAG 2.1 AA and best practices (axe)', () => {
  const cases = PAGES_IN_EVERY_LANGUAGE.flatMap(([name, path]) =>
    (['light', 'dark'] as const).map((scheme) => ({ name, path, scheme })),
  );
  it.each(cases)('$name ($scheme) has no violations', async ({ path, scheme }) => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const violations = results.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`,
    );
    expect(violations).toEqual([]);
    await context.close();
  });

  it('catches a violation when one is planted, so a clean result means something', async () => {
    const context = await chromium().newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/"></a>'));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
    await context.close();
  });
});
