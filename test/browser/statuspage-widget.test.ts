/**
 * A real consumer of the Statuspage-compatible API that nobody here wrote:
 * Atlassian's own `<statuspage-widget>` web component (the npm package
 * @statuspage/status-widget, its bundle as published), on a host page of
 * another origin, pointed at a built site. It fetches `/api/v2/summary.json`
 * across origins and shows `status.indicator` and `status.description`; the
 * site is served as Netlify or Cloudflare Pages would serve it, with its
 * `_headers` file, which is what allows the read.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import escapeHtml from 'escape-html';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeContentFolder } from '../builders.ts';
import { buildSite } from '../build/build-site.ts';
import { FIXTURE_NOW } from '../build/fixture.ts';
import { serve, type Served } from './serve.ts';
import { sharedChromium } from './shared-chromium.ts';

const chromium = sharedChromium();
const widgetScript = readFileSync(createRequire(import.meta.url).resolve('@statuspage/status-widget/dist/index.js'));

/** Content folders in other states than the sample's, built at FIXTURE_NOW (2025-02-10 08:00 in Asia/Shanghai). */
const STATES: Record<string, Record<string, string>> = {
  'a major outage': {
    'incidents/2025-02-10-down.md': '---\ntitle: Compute is down\nstarted: 2025-02-10 06:00\nlevel: major-outage\naffected: [ecs]\n---\n## Investigating — 2025-02-10 06:05\nLooking.\n',
  },
  'maintenance in progress and nothing else': {
    'incidents/2025-02-10-upgrade.md': '---\ntitle: Storage upgrade\nkind: maintenance\nscheduled:\n  from: 2025-02-10 07:00\n  to: 2025-02-10 09:00\naffected: [oss]\n---\n## Scheduled — 2025-02-03 10:00\nPlanned.\n',
  },
  'everything resolved': {
    'incidents/2025-02-09-blip.md': '---\ntitle: A blip\nstarted: 2025-02-09 10:00\nresolved: 2025-02-09 10:20\nlevel: partial-outage\naffected: [cdn]\n---\n## Resolved — 2025-02-09 10:20\nGone.\n',
  },
};

const sites: Record<string, Served> = {};
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  // One after another: Astro keeps build files in the project.
  for (const [name, files] of Object.entries(STATES)) {
    const build = buildSite(writeContentFolder(files, 'status-ledger-widget-'), FIXTURE_NOW);
    if (!build.ok) throw new Error(`The ${name} site did not build:\n${build.output}`);
    sites[name] = await serve(build.outDir);
  }
  sites['the sample, on a host that ignores _headers'] = await serve(inject('siteDir'), 0, { headers: false });
  // The partner's page: another origin (another port on loopback), with the widget's own bundle and no polyfill.
  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/status-widget.js') {
      response.setHeader('Content-Type', 'text/javascript');
      response.end(widgetScript);
      return;
    }
    const appearance = url.searchParams.get('appearance');
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(
      `<!doctype html><html lang="en"><title>Partner dashboard</title><p>Our provider:</p>` +
        `<statuspage-widget src="${escapeHtml(url.searchParams.get('src') ?? '')}"${appearance ? ` appearance="${escapeHtml(appearance)}"` : ''}></statuspage-widget>` +
        `<script src="/status-widget.js"></script></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(Object.values(sites).map((site) => site.close()));
  await new Promise((resolve) => host?.close(resolve));
});

/** Opens the partner's page with the widget pointed at `src`; records the requests it makes and the errors it logs. */
async function openWidget(src: string, appearance?: string) {
  const context = await chromium().newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => {
    // The published bundle starts with "use strict" and ends by assigning an undeclared
    // `parcelRequire`, after it has defined the element: every page that loads it logs this.
    if (error.message !== 'parcelRequire is not defined') errors.push(error.message);
  });
  const query = new URLSearchParams({ src, ...(appearance ? { appearance } : {}) });
  await page.goto(`${hostUrl}/?${query}`, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

describe("Atlassian's <statuspage-widget> on another origin", () => {
  const cases = [
    { state: 'the sample: a partial outage', site: () => inject('siteUrl'), indicator: 'major', description: 'Partial System Outage' },
    { state: 'a major outage', site: () => sites['a major outage']!.url, indicator: 'critical', description: 'Major System Outage' },
    {
      state: 'maintenance in progress and nothing else',
      site: () => sites['maintenance in progress and nothing else']!.url,
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    },
    { state: 'everything resolved', site: () => sites['everything resolved']!.url, indicator: 'none', description: 'All Systems Operational' },
  ];

  it.each(cases)('shows our status for $state: $indicator, "$description"', async ({ site, indicator, description }) => {
    const { page, requests, errors, close } = await openWidget(`${site()}/`);
    const text = page.locator('statuspage-widget .status-text');
    await text.waitFor({ timeout: 10_000 });
    expect(await text.textContent()).toBe(description);
    expect(await page.locator('statuspage-widget .status-indicator').getAttribute('class')).toBe(`status-indicator ${indicator}`);
    // It read our summary across origins, and linked the visitor to our site.
    expect(requests).toContain(`${site()}/api/v2/summary.json`);
    expect(new URL(site()).origin).not.toBe(hostUrl);
    expect(await page.locator('statuspage-widget a').getAttribute('href')).toBe(`${site()}/`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows it in the badge appearance too', async () => {
    const { page, close } = await openWidget(`${inject('siteUrl')}/`, 'badge');
    const indicator = page.locator('statuspage-widget .status-indicator');
    await indicator.waitFor({ timeout: 10_000 });
    expect((await indicator.textContent())?.trim()).toBe('Partial System Outage');
    expect(await indicator.getAttribute('class')).toBe('status-indicator major');
    await close();
  });

  it('shows nothing when the host ignores _headers: the browser refuses the cross-origin read the file allows', async () => {
    const site = sites['the sample, on a host that ignores _headers']!.url;
    const { page, requests, errors, close } = await openWidget(`${site}/`);
    await page.waitForTimeout(1_500);
    expect(requests).toContain(`${site}/api/v2/summary.json`);
    expect(await page.locator('statuspage-widget .status-text').count()).toBe(0);
    expect(errors.join('\n')).toMatch(/CORS|Access-Control-Allow-Origin/);
    await close();
  });
});
