/**
 * The customer's journey on a phone: 375 px wide, light and dark. Tables are
 * cards with every value labelled, the 90-day bars are days a finger can hit
 * (WCAG 2.2 target size, 24 × 24 px) whose words stay on the screen, and
 * maintenance says what it is.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PAGE_TYPES } from './pages.ts';
import { sharedChromium } from './shared-chromium.ts';

const base = inject('siteUrl');
const chromium = sharedChromium();
const WIDTH = 375;
const HEIGHT = 740;
const SCHEMES = ['light', 'dark'] as const;

async function open(path: string, scheme: 'light' | 'dark', options: { javaScript?: boolean } = {}) {
  const context = await chromium().newContext({ viewport: { width: WIDTH, height: HEIGHT }, colorScheme: scheme, hasTouch: true, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

/** Every problem with the stacked tables of a page: a row or cell off the screen, a value cut, a cell without its label, a header row on show. */
function tableProblems(page: Page) {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const tables = [...document.querySelectorAll('.stack table')];
    if (tables.length === 0) problems.push('no stacked table');
    for (const [t, table] of tables.entries()) {
      const head = table.querySelector('thead')!.getBoundingClientRect();
      if (head.height > 1 || head.width > 1) problems.push(`table ${t}: the header row shows`);
      for (const [r, row] of [...table.querySelectorAll('tbody tr')].entries()) {
        const box = row.getBoundingClientRect();
        if (box.left < 0 || box.right > width) problems.push(`table ${t} row ${r}: ${box.left}–${box.right} is off the screen`);
        let cells = 0;
        for (const [c, cell] of [...(row.children as HTMLCollectionOf<HTMLElement>)].entries()) {
          const where = `table ${t} row ${r} cell ${c}`;
          const rect = cell.getBoundingClientRect();
          cells += rect.height;
          if (getComputedStyle(cell).display === 'none' || rect.height === 0) problems.push(`${where}: hidden`);
          if (rect.left < 0 || rect.right > width) problems.push(`${where}: off the screen`);
          if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${where}: cut (${cell.scrollWidth} > ${cell.clientWidth})`);
          if (cell.tagName === 'TD') {
            const label = getComputedStyle(cell, '::before').content;
            if (!cell.dataset.label || label !== JSON.stringify(cell.dataset.label)) problems.push(`${where}: no label (${label})`);
          }
        }
        // No blank height: a card is as tall as its values, with its padding.
        if (box.height > cells + 40) problems.push(`table ${t} row ${r}: ${box.height} px tall for ${cells} px of values`);
      }
    }
    return problems;
  }, WIDTH);
}

describe('at 375 px', () => {
  describe.each(SCHEMES)('%s', (scheme) => {
    it.each([
      ['an incident’s impact and its affected services', PAGE_TYPES.incident!],
      ['a service’s monthly report', '/services/oss-hangzhou/'],
      ['the SLA page’s tiers and months', PAGE_TYPES.sla!],
      ['a maintenance', PAGE_TYPES.maintenance!],
    ])('shows %s as cards, every value labelled and on the screen', async (_, path) => {
      const { page, close } = await open(path, scheme);
      expect(await tableProblems(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await close();
    });

    it('gives every day shown on the home page a 24 × 24 px target, the last 30 days', async () => {
      const { page, close } = await open('/', scheme);
      const strips = await page.locator('.uptime-bars').evaluateAll((lists) =>
        lists.map((list) => {
          const shown = [...list.children].filter((bar) => (bar as HTMLElement).offsetParent !== null) as HTMLElement[];
          const days = shown.reduce((sum, bar) => sum + Number(bar.style.getPropertyValue('--n') || bar.style.getPropertyValue('--d') || 1), 0);
          const smallest = Math.min(...shown.flatMap((bar) => [bar.getBoundingClientRect().width, bar.getBoundingClientRect().height]));
          return { days, smallest };
        }),
      );
      expect(strips.length).toBeGreaterThan(10);
      for (const strip of strips) {
        expect(strip.days).toBe(30);
        expect(strip.smallest).toBeGreaterThanOrEqual(24);
      }
      await close();
    });

    it('lays a service’s 90 days out as targets of 24 × 24 px or more', async () => {
      const { page, close } = await open('/services/container-engine/', scheme);
      const sizes = await page.locator('.uptime-bars > li').evaluateAll((bars) => bars.filter((bar) => (bar as HTMLElement).offsetParent !== null).map((bar) => bar.getBoundingClientRect()).map(({ width, height }) => Math.min(width, height)));
      expect(sizes).toHaveLength(90);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
      await close();
    });

    it.each(['/', '/services/container-engine/'])('keeps the words of %s’s edge days on the screen, tapped or focused', async (path) => {
      const { page, close } = await open(path, scheme);
      // The strip with the most days shown (on the home page, a service with incidents in the last 30 days).
      const counts = await page.locator('.uptime-bars').evaluateAll((lists) => lists.map((list) => [...list.children].filter((bar) => (bar as HTMLElement).offsetParent !== null).length));
      const list = page.locator('.uptime-bars').nth(counts.indexOf(Math.max(...counts)));
      const shown = list.locator('> li:visible');
      const count = await shown.count();
      expect(count).toBeGreaterThan(2);
      for (const index of [0, 1, count - 2, count - 1]) {
        const bar = shown.nth(index);
        for (const how of ['tap', 'focus'] as const) {
          if (how === 'tap') await bar.tap();
          else await bar.focus();
          const tip = await bar.locator('span').evaluate((span) => {
            const { left, right, top, bottom, width } = span.getBoundingClientRect();
            return { left, right, top, bottom, width };
          });
          expect(tip.width, `${path} day ${index} (${how})`).toBeGreaterThan(100);
          expect(tip.left, `${path} day ${index} (${how})`).toBeGreaterThanOrEqual(0);
          expect(tip.right, `${path} day ${index} (${how})`).toBeLessThanOrEqual(WIDTH);
          expect(tip.top, `${path} day ${index} (${how})`).toBeGreaterThanOrEqual(0);
          expect(tip.bottom, `${path} day ${index} (${how})`).toBeLessThanOrEqual(HEIGHT);
          await page.locator('h1').first().focus({ timeout: 1000 }).catch(() => page.mouse.click(1, 1));
        }
      }
      await close();
    });

    it('has no WCAG 2.2 AA violation, target size included, on the home, a service and an incident page', async () => {
      for (const path of ['/', '/services/container-engine/', PAGE_TYPES.incident!, PAGE_TYPES.sla!]) {
        const { page, close } = await open(path, scheme);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((violation) => `${path} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
        await close();
      }
    });

    it('calls a maintenance that has not started Scheduled, with its announced end, and a finished one Completed', async () => {
      // The English edition, under /en/: the sample is Chinese first since it became bilingual.
      const upcoming = await open('/en/incidents/2026-12-05-dns-control-plane-upgrade/', scheme);
      const badges = await upcoming.page.locator('.badges > *').allInnerTexts();
      expect(badges.map((badge) => badge.trim())).toEqual(['Scheduled', 'Maintenance']);
      const facts = await upcoming.page.locator('.facts').innerText();
      expect(facts).toMatch(/Announced window\s+2026-12-05 01:00 \+08:00 to 2026-12-05 03:00 \+08:00/);
      expect(facts).toMatch(/Completed\s+Not yet; announced end 2026-12-05 03:00 \+08:00/);
      expect(facts).not.toMatch(/Ongoing|Under maintenance| To /);
      await upcoming.close();
      const done = await open(`/en${PAGE_TYPES.maintenance!}`, scheme);
      expect((await done.page.locator('.badges > *').allInnerTexts()).map((badge) => badge.trim())).toEqual(['Completed', 'Maintenance']);
      expect(await done.page.locator('.facts').innerText()).toMatch(/Completed\s+2026-04-07/);
      await done.close();
      const home = await open('/en/', scheme);
      const card = await home.page.locator('#upcoming').locator('xpath=..').innerText();
      expect(card).toContain('Scheduled');
      expect(card).not.toContain('Under maintenance');
      await home.close();
    });
  });

  it('shows every table and value without JavaScript too', async () => {
    const { page, close } = await open(PAGE_TYPES.incident!, 'light', { javaScript: false });
    expect(await tableProblems(page)).toEqual([]);
    await close();
  });
});
