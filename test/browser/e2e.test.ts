import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './shared-chromium.ts';
import { PAGE_TYPES } from './pages.ts';

const base = inject('siteUrl');
const chromium = sharedChromium();

/** Opens `path` and collects console errors and failed requests while it loads. */
async function open(path: string, options: { width?: number; scheme?: 'light' | 'dark'; javaScript?: boolean } = {}) {
  const context = await chromium().newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.scheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: the page moved on (a click) before the request ended, as a favicon often does; a missing file shows as a 404 below.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/404.html')) problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}

describe('every page type', () => {
  it.each(Object.entries(PAGE_TYPES))('%s loads with no console error and no failed request', async (_, path) => {
    const { problems, close } = await open(path);
    expect(problems).toEqual([]);
    await close();
  });

  it.each(Object.entries(PAGE_TYPES))('%s does not overflow horizontally at 375 px', async (_, path) => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await open(path, { width: 375, scheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await close();
    }
  });
});

describe('the credit estimator', () => {
  it('turns each credit percent into an amount of the fee typed for its own service', async () => {
    const { page, close } = await open(PAGE_TYPES.incident!);
    const amount = page.locator('[data-credit-percent]').first();
    const service = (await amount.getAttribute('data-service'))!;
    const others = page.locator(`[data-credit-percent]:not([data-service="${service}"])`);
    await expect(amount.isHidden()).resolves.toBe(true);
    await page.locator(`#fee-${service}`).fill('1200');
    const percent = Number(await amount.getAttribute('data-credit-percent'));
    await expect(amount.isVisible()).resolves.toBe(true);
    expect(await amount.textContent()).toBe((Math.floor(1200 * percent) / 100).toFixed(2));
    // 560 minutes in June 2026 under the standard policy: 11.2962…% of 1200.
    expect(await amount.textContent()).toBe('135.55');
    // Another service's credit is a share of that service's fee, not given yet.
    for (const other of await others.all()) await expect(other.isHidden()).resolves.toBe(true);
    await close();
  });

  it('is not offered without JavaScript, and the percents are all there', async () => {
    const { page, close } = await open(PAGE_TYPES.incident!, { javaScript: false });
    await expect(page.locator('form[data-estimator]').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: '11.296%' }).count()).resolves.toBeGreaterThan(0);
    await close();
  });
});

describe('the 90-day bars', () => {
  it('reveal a day’s date, downtime and incidents on keyboard focus, and arrow keys move between days', async () => {
    // The English edition (the sample is Chinese first): its day words are checked below.
    const { page, close } = await open('/en/services/container-engine/');
    const bars = page.locator('.uptime-bars > li');
    await expect(bars.count()).resolves.toBe(90);
    // Tab reaches one bar per service (the newest day); arrows move along.
    await page.locator('a[href="#main"]').focus();
    for (let tab = 0; tab < 30; tab++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.uptime-bars') !== null)) break;
    }
    await expect(page.evaluate(() => document.activeElement === document.querySelector('.uptime-bars > li:last-child'))).resolves.toBe(true);
    const incidentDay = bars.filter({ hasText: 'Container Engine control plane API unavailable' }).first();
    const index = await incidentDay.evaluate((bar) => [...bar.parentElement!.children].indexOf(bar));
    for (let step = 89; step > index; step--) await page.keyboard.press('ArrowLeft');
    const tip = incidentDay.locator('span');
    await expect(tip.evaluate((element) => element.getBoundingClientRect().width)).resolves.toBeGreaterThan(100);
    expect(await tip.textContent()).toMatch(/^\d{1,2} \w{3} 2026: Major outage, \d+(\.\d)? min downtime\. /);
    await close();
  });

  it('reveal details on hover too', async () => {
    const { page, close } = await open('/');
    const bar = page.locator('.uptime-bars > li.major-outage, .uptime-bars > li.partial-outage').first();
    await bar.hover();
    await expect(bar.locator('span').evaluate((element) => element.getBoundingClientRect().width)).resolves.toBeGreaterThan(100);
    await close();
  });
});

describe('links between pages', () => {
  it('lead from home to an incident, its service, the history and the SLA page, and back', async () => {
    // The English edition, under /en/ (the sample is Chinese first): every link stays in it.
    const { page, problems, close } = await open('/en/');
    await page.getByRole('link', { name: 'Upload failures on Object Storage in Hangzhou' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Upload failures on Object Storage in Hangzhou');
    await page.getByRole('link', { name: 'Object Storage · Hangzhou' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Object Storage · Hangzhou');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Incident history');
    await page.getByRole('link', { name: 'June 2026' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('June 2026');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'SLA & credits' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('SLA and credits');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Status' }).click();
    expect(page.url()).toBe(`${base}/en/`);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the embed', () => {
  it('shows the overall status and the active incident on another page, with no further request and no cookie', async () => {
    const context = await chromium().newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // Another site: another origin on loopback (Chromium keeps public pages off loopback), serving a page with the one script tag.
    const other = createServer((_, response) => {
      response.setHeader('Content-Type', 'text/html');
      response.end(`<!doctype html><title>Other</title><p>Our app</p><script src="${base}/embed.js"></script><p>Footer</p>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
    await page.goto(otherUrl, { waitUntil: 'load' });
    const widget = page.locator('[data-status-ledger]');
    // The root's embed speaks the sample's first language, Chinese, with its full-width colon.
    await expect(widget.locator('a').first().textContent()).resolves.toBe('灵云状态：部分中断');
    await expect(widget.locator('a.incident').textContent()).resolves.toBe('杭州地域对象存储上传失败');
    await expect(page.evaluate(() => document.querySelector('[data-status-ledger]')!.previousElementSibling!.tagName)).resolves.toBe('SCRIPT');
    expect(requests).toEqual([otherUrl, `${base}/embed.js`]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
    other.close();
  });
});

export type { Page };

describe('polish', () => {
  it('keeps the footer at the bottom of the window on a short page', async () => {
    const { page, close } = await open('/history/2026-06/');
    const bottom = await page.evaluate(() => document.querySelector('footer')!.getBoundingClientRect().bottom);
    expect(bottom).toBe(800);
    await close();
  });

  it('draws no border under the last row of a table, its header cell included', async () => {
    const { page, close } = await open(PAGE_TYPES.incident!);
    const borders = await page.locator('.table-scroll tbody tr:last-child > *').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).borderBottomWidth));
    expect(borders.length).toBeGreaterThan(0);
    expect(new Set(borders)).toEqual(new Set(['0px']));
    await close();
  });

  it('leads back to the history with an arrow from a month as from an incident', async () => {
    for (const path of ['/history/2026-06/', PAGE_TYPES.incident!]) {
      const { page, close } = await open(path);
      const arrow = await page.locator('.crumb a').evaluate((link) => getComputedStyle(link, '::before').content);
      expect(arrow, path).toContain('←');
      await close();
    }
  });
});
