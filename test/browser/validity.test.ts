import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { describe, expect, inject, it } from 'vitest';

const base = inject('siteUrl');
const dir = inject('siteDir');

function files(extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * html-validate's recommended rules, less two that fight the design on
 * purpose: a bar's width and a card's accent are custom properties set per
 * element (`style="--days: 12"`), and `aria-label` on a list names the bars.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off' },
});

describe('validity', () => {
  it('every built page is valid HTML', async () => {
    const pages = files('.html');
    expect(pages.length).toBeGreaterThan(40);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), path.relative(dir, file));
      for (const result of report.results) {
        for (const message of result.messages) errors.push(`${result.filePath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('no internal link is broken, fragments included', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: `${base}/`,
      recurse: true,
      checkFragments: true,
      concurrency: 8,
      // Internal links only: the site's public address and mailto/tel are not on this machine.
      linksToSkip: async (link) => !link.startsWith(base),
    });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.url} (from ${link.parent}, ${link.status})`);
    expect(broken).toEqual([]);
    expect(result.links.filter((link) => link.state === 'OK').length).toBeGreaterThan(50);
  });

  describe('feeds', () => {
    const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
    const feeds = () => files('.xml').filter((file) => file.endsWith('rss.xml'));

    it('there is a site feed and one per service', () => {
      expect(feeds().map((file) => path.relative(dir, file))).toContain('rss.xml');
      expect(feeds().length).toBeGreaterThan(10);
    });

    it('every feed is well-formed RSS 2.0 with RFC 822 dates, absolute links and unique guids', () => {
      for (const file of feeds()) {
        const where = path.relative(dir, file);
        const xml = readFileSync(file, 'utf8');
        expect(XMLValidator.validate(xml), where).toBe(true);
        const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml).rss;
        expect(rss['@_version'], where).toBe('2.0');
        const channel = rss.channel;
        for (const field of ['title', 'link', 'description']) expect(channel[field], `${where} channel ${field}`).toBeTruthy();
        expect(channel.link, where).toMatch(/^https?:\/\//);
        const items: Record<string, any>[] = channel.item ?? [];
        const guids = new Set<string>();
        for (const item of items) {
          expect(item.title || item.description, where).toBeTruthy();
          expect(item.link, where).toMatch(/^https?:\/\/[^/]+\//);
          expect(item.pubDate, where).toMatch(RFC_822);
          const guid = typeof item.guid === 'object' ? item.guid['#text'] : item.guid;
          expect(guid, where).toBeTruthy();
          expect(guids.has(guid), `${where}: duplicate guid ${guid}`).toBe(false);
          guids.add(guid);
        }
        const dates = items.map((item) => Date.parse(item.pubDate));
        expect(dates, `${where} newest first`).toEqual(dates.toSorted((a, b) => b - a));
      }
    });

    // The Atom files' structure is checked on every build (test/build/atom.test.ts); here, how a host serves them.
    it('serves the Atom feeds with Atom’s media type, readable from other origins', async () => {
      for (const file of ['/history.atom', '/services/ecs-hangzhou/history.atom']) {
        const atom = await fetch(`${base}${file}`);
        expect(atom.status, file).toBe(200);
        expect(atom.headers.get('access-control-allow-origin'), file).toBe('*');
        expect(atom.headers.get('content-type'), file).toMatch(/^application\/atom\+xml/);
      }
    });
  });

  it('serves the CSV exports as UTF-8 text/csv, a service’s readable from other origins', async () => {
    for (const file of ['/api/v1/availability.csv', '/services/ecs-hangzhou/sla.csv']) {
      const csv = await fetch(`${base}${file}`);
      expect(csv.status, file).toBe(200);
      expect(csv.headers.get('content-type'), file).toBe('text/csv; charset=utf-8');
    }
    expect((await fetch(`${base}/services/ecs-hangzhou/sla.csv`)).headers.get('access-control-allow-origin')).toBe('*');
  });
});
