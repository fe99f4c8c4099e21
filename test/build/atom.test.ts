import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from 'feedsmith';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { elements, parseXml, type XmlElement } from '../outputs/parsers.ts';
import { builtSite } from './build-site.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time (RFC 4287 §3.3), as Atom requires it: an offset or Z, always. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const builds = inject('builds');
const SITES = Object.entries(builds)
  .filter(([name, built]) => built.ok && name !== 'hostileAgain')
  .map(([name, built]) => ({ name, site: builtSite(built.outDir) }));

/** Every Atom file of a built site, relative to it: the site's and one per service. */
function atomFiles(outDir: string): string[] {
  const services = readdirSync(path.join(outDir, 'services'));
  return ['history.atom', ...services.map((id) => `services/${id}/history.atom`)];
}

const own = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
const one = (element: XmlElement, name: string) => {
  const found = own(element, name);
  expect(found, `exactly one <${name}> in <${element.name}>`).toHaveLength(1);
  return found[0]!;
};

describe('Atom feeds (RFC 4287)', () => {
  describe.each(SITES)('$name', ({ site, name }) => {
    const url = site.json('api/v2/summary.json').page.url as string;

    it.each(atomFiles(site.outDir))('%s is well-formed Atom 1.0 with every element the RFC requires', (file) => {
      const feed = parseXml(site.read(file));
      expect(feed.name).toBe('feed');
      expect(feed.attributes.xmlns).toBe(ATOM);
      expect(one(feed, 'id').text).toBe(`${url}/${file}`);
      expect(one(feed, 'title').attributes.type).toBe('text');
      expect(one(feed, 'updated').text).toMatch(RFC_3339);
      expect(one(one(feed, 'author'), 'name').text).not.toBe('');
      const links = own(feed, 'link').map((link) => link.attributes);
      expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${url}/${file}` });
      expect(links.filter((link) => link.rel === 'alternate')).toHaveLength(1);
      const entries = own(feed, 'entry');
      const ids = new Set<string>();
      for (const entry of entries) {
        const id = one(entry, 'id').text;
        expect(id).toMatch(/^https?:\/\/[^/]+\/.*#update-/);
        expect(ids.has(id), `duplicate id ${id}`).toBe(false);
        ids.add(id);
        expect(one(entry, 'title').attributes.type).toBe('text');
        expect(one(entry, 'updated').text).toMatch(RFC_3339);
        expect(one(entry, 'content').attributes.type).toBe('html');
        expect(own(entry, 'link').map((link) => link.attributes)).toEqual([{ rel: 'alternate', type: 'text/html', href: id }]);
      }
      const dates = entries.map((entry) => Date.parse(one(entry, 'updated').text));
      expect(dates, 'newest first').toEqual(dates.toSorted((a, b) => b - a));
      if (entries.length > 0) expect(one(feed, 'updated').text).toBe(one(entries[0]!, 'updated').text);
      // A feed reader's parser reads it as Atom, every entry with its id, title, date and link.
      const read = parseFeed(site.read(file));
      if (read.format !== 'atom') throw new Error(`${file} reads as ${read.format}, not Atom`);
      expect(read.feed.entries?.map((entry) => entry.id) ?? []).toEqual([...ids]);
    });

    it.each(atomFiles(site.outDir))('%s has the same entries as its RSS twin, from the one entry model', (file) => {
      const entries = own(parseXml(site.read(file)), 'entry');
      const items = elements(parseXml(site.read(file.replace('history.atom', 'rss.xml'))), 'item');
      const field = (element: XmlElement, name: string) => own(element, name)[0]?.text;
      expect(entries.map((entry) => [field(entry, 'id'), field(entry, 'title'), Date.parse(field(entry, 'updated')!), field(entry, 'content')])).toEqual(
        items.map((item) => [field(item, 'guid'), field(item, 'title'), Date.parse(field(item, 'pubDate')!), field(item, 'description')]),
      );
    });

    it('is linked from every page’s head, and a service’s own from its page, next to RSS', () => {
      const home = parseHtml(site.read('index.html'));
      expect(home.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe(`${url}/history.atom`);
      const footer = home.querySelectorAll('footer a').map((link) => link.getAttribute('href'));
      expect(footer.indexOf(`${new URL(url).pathname.replace(/\/$/, '')}/history.atom`)).toBe(footer.findIndex((href) => href?.endsWith('/rss.xml')) + 1);
      const [service] = readdirSync(path.join(site.outDir, 'services'));
      const page = parseHtml(site.read(`services/${service}/index.html`));
      const alternates = page.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]').map((link) => link.getAttribute('href'));
      expect(alternates).toEqual([`${url}/history.atom`, `${url}/services/${service}/history.atom`]);
      expect(page.querySelectorAll('main a').some((link) => link.getAttribute('href')?.endsWith(`/services/${service}/history.atom`))).toBe(true);
      if (name === 'zh') expect(parseXml(site.read('history.atom')).attributes['xml:lang']).toBe('zh-CN');
    });
  });

  it('names the WebSub hub when site.yaml has one, and nothing otherwise', () => {
    const base = builtSite(builds.base!.outDir);
    const links = (file: string) => own(parseXml(base.read(file)), 'link').map((link) => link.attributes);
    expect(links('history.atom')).toContainEqual({ rel: 'hub', href: 'https://hub.example.com/?a=1&b=2' });
    expect(links('services/oss/history.atom')).toContainEqual({ rel: 'hub', href: 'https://hub.example.com/?a=1&b=2' });
    expect(builtSite(builds.fixture!.outDir).read('history.atom')).not.toContain('rel="hub"');
  });
});
