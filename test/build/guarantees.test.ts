import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { FIXTURE_FILES } from './fixture.ts';
import { asXmlReadsIt, badCalendarLines, elements, parseCalendar, parseXml, runEmbed } from '../outputs/parsers.ts';
import { HOSTILE_BODY, HOSTILE_DESCRIPTION, HOSTILE_MAINTENANCE, HOSTILE_SERVICE, HOSTILE_SITE_TITLE, HOSTILE_TITLE, RTL_SERVICE } from './sites.ts';

/** Every file of a built site with the SHA-256 of its bytes. */
function digest(outDir: string): Record<string, string> {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [path.relative(outDir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** No hostile markup made it into `root` as markup: only text. */
function expectSafe(root: HTMLElement, where: string): void {
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    expect(['iframe', 'b', 'i', 'u', 'img', 'object', 'embed'], `${where}: <${tag}>`).not.toContain(tag);
    if (tag === 'script') expect(element.textContent, where).not.toContain('alert');
    if (tag === 'svg') expect(element.getAttribute('onload'), where).toBeUndefined();
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.startsWith('on'), `${where}: ${name} on <${tag}>`).toBe(false);
      if (name === 'href' || name === 'src') expect(value, where).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

const builds = inject('builds');
const hostile = builtSite(builds.hostile!.outDir);
const again = builtSite(builds.hostileAgain!.outDir);

describe('nothing lost', () => {
  const fixture = builtSite(builds.fixture!.outDir);

  it('turns every incident file into exactly one page and one API entry, and every update into one timeline entry', () => {
    const api = fixture.json('api/v1/incidents.json');
    const files = Object.entries(FIXTURE_FILES);
    expect(api.incidents).toHaveLength(files.length);
    for (const [file, text] of files) {
      const id = path.basename(file, '.md');
      expect(api.incidents.filter((entry: { id: string }) => entry.id === id)).toHaveLength(1);
      const updates = text.split('\n').filter((line) => /^## /.test(line) && !/^## Postmortem/.test(line)).length;
      const html = fixture.read(`incidents/${id}/index.html`);
      expect(html.match(/<li id="update-/g) ?? []).toHaveLength(updates);
    }
    const pages = readdirSync(path.join(fixture.outDir, 'incidents'));
    expect(pages.toSorted()).toEqual(files.map(([file]) => path.basename(file, '.md')).toSorted());
  });
});

describe('nothing unsafe', () => {
  const htmlFiles = () =>
    readdirSync(hostile.outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.join(entry.parentPath, entry.name));

  it('escapes hostile titles, names and bodies on every page, and drops unsafe links', () => {
    for (const file of htmlFiles()) {
      const where = path.relative(hostile.outDir, file);
      expectSafe(parse(readFileSync(file, 'utf8')), where);
    }
    const page = hostile.read('incidents/2025-01-10-hostile/index.html');
    expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(page).toContain('<a href="https://example.com/path?a=1&amp;b=2">ok</a>');
    expect(page).toContain('<a href="mailto:ops@example.com">mail</a>');
    expect(page).toContain('<a href="/sla/">rel</a>');
  });

  it('keeps hostile text as plain data in the JSON API', () => {
    const api = hostile.json('api/v1/incidents.json');
    expect(api.incidents.find((entry: { id: string }) => entry.id === '2025-01-10-hostile').title).toBe(HOSTILE_TITLE);
    expect(hostile.json('api/v1/summary.json').services[0].name).toBe(HOSTILE_SERVICE);
  });

  it('escapes hostile titles and bodies in the feeds: each item is safe HTML once unescaped', () => {
    for (const feed of ['rss.xml', 'services/api/rss.xml']) {
      const xml = hostile.read(feed);
      expect(xml).not.toMatch(/<script|<img|<iframe/);
      const items = [...xml.matchAll(/<item>[\s\S]*?<description>([\s\S]*?)<\/description>[\s\S]*?<\/item>/g)];
      expect(items).toHaveLength(feed === 'rss.xml' ? 3 : 2);
      for (const [, description] of items) expectSafe(parse(unescapeXml(description!)), feed);
      expect(xml).toContain('<title>Resolved: &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    }
  });
});

describe('every output of the hostile site parses in its own language and gives back the text, never markup', () => {
  const files = (ending: string) =>
    readdirSync(hostile.outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
      .map((entry) => path.relative(hostile.outDir, path.join(entry.parentPath, entry.name)));

  it('embed.js is ASCII, runs, and shows a title that ends a comment and a script element as text', () => {
    const script = hostile.read('embed.js');
    expect(script).toMatch(/^[\x20-\x7e\n]*$/);
    expect(script).not.toMatch(/<\/script|<!--/i);
    expect(runEmbed(script)).toContain(HOSTILE_SITE_TITLE);
  });

  it('maintenance.ics has valid content lines and reads back with the title and the site name as written', () => {
    const ics = hostile.read('maintenance.ics');
    expect(badCalendarLines(ics)).toEqual([]);
    const calendar = parseCalendar(ics);
    expect(calendar.name).toBe(`${HOSTILE_SITE_TITLE}: maintenance`);
    expect(calendar.events.map((event) => event.summary)).toEqual([`Maintenance: ${HOSTILE_MAINTENANCE}`]);
    expect(calendar.events[0]!.description).toBe(`Affects ${RTL_SERVICE}. https://status.test/incidents/2025-02-20-upgrade/`);
  });

  it('every feed, badge and the sitemap is well-formed XML; a channel description is text, never markup', () => {
    for (const file of [...files('.xml'), ...files('.svg')]) expect(() => parseXml(hostile.read(file)), file).not.toThrow();
    const channel = (file: string) => elements(parseXml(hostile.read(file)), 'channel')[0]!.children;
    const description = (file: string) => parse(channel(file).find((child) => child.name === 'description')!.text);
    expect(description('rss.xml').querySelectorAll('*')).toHaveLength(0);
    expect(description('rss.xml').text).toBe(HOSTILE_DESCRIPTION);
    expect(description('services/api/rss.xml').querySelectorAll('*')).toHaveLength(0);
    expect(description('services/api/rss.xml').text).toBe(`Incident updates for ${HOSTILE_SERVICE}`);
    expect(channel('rss.xml').find((child) => child.name === 'title')!.text).toBe(HOSTILE_SITE_TITLE);
    const items = elements(parseXml(hostile.read('rss.xml')), 'item').map((item) => item.children.find((child) => child.name === 'description')!.text);
    expect(items.some((html) => parse(html).text.includes(HOSTILE_BODY))).toBe(true);
    for (const html of items) expectSafe(parse(html), 'rss.xml');
    expect(elements(parseXml(hostile.read('badges/store.svg')), 'title')[0]!.text).toBe(asXmlReadsIt(`${RTL_SERVICE}: operational`));
  });

  it('every JSON file parses and gives the names back as written', () => {
    for (const file of files('.json')) expect(() => hostile.json(file), file).not.toThrow();
    expect(hostile.json('api/v1/summary.json').services.map((entry: { name: string }) => entry.name)).toEqual([HOSTILE_SERVICE, RTL_SERVICE]);
  });

  it('isolates names and titles in running text, and free text by its own direction', () => {
    const month = parse(hostile.read('history/2025-02/index.html'));
    expect(month.querySelectorAll('.incident-list bdi').map((element) => element.text)).toEqual([HOSTILE_MAINTENANCE, RTL_SERVICE]);
    const sla = parse(hostile.read('sla/index.html'));
    expect(sla.querySelectorAll('.policy bdi').map((element) => element.text)).toEqual([HOSTILE_SERVICE, RTL_SERVICE]);
    const page = parse(hostile.read('incidents/2025-02-20-upgrade/index.html'));
    expect(page.querySelector('h1')!.getAttribute('dir')).toBe('auto');
    const update = page.querySelector('.timeline .prose')!;
    expect(update.getAttribute('dir')).toBe('auto');
    expect(update.text).toBe(HOSTILE_BODY);
    expect(parse(hostile.read('index.html')).querySelectorAll('.service .name bdi').map((element) => element.text)).toEqual([HOSTILE_SERVICE, RTL_SERVICE]);
  });
});

describe('a build with SOURCE_DATE_EPOCH past 2100', () => {
  it('stops with one line that says so, not a stack or an exhausted heap', () => {
    const build = builds.lateEpoch!;
    expect(build.ok).toBe(false);
    expect(build.output).toContain('SOURCE_DATE_EPOCH=99999999999999 is after 2100-01-01; set it to whole seconds since 1970-01-01 UTC');
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});

describe('reproducible', () => {
  it('gives byte-identical output for the same content and SOURCE_DATE_EPOCH', () => {
    const first = digest(hostile.outDir);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(digest(again.outDir)).toEqual(first);
  });
});
