import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { FIXTURE_FILES } from './fixture.ts';
import { HOSTILE_SERVICE, HOSTILE_TITLE } from './sites.ts';

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
    expect(api.incidents[0].title).toBe(HOSTILE_TITLE);
    expect(hostile.json('api/v1/summary.json').services[0].name).toBe(HOSTILE_SERVICE);
  });

  it('escapes hostile titles and bodies in the feeds: each item is safe HTML once unescaped', () => {
    for (const feed of ['rss.xml', 'services/api/rss.xml']) {
      const xml = hostile.read(feed);
      expect(xml).not.toMatch(/<script|<img|<iframe/);
      const items = [...xml.matchAll(/<item>[\s\S]*?<description>([\s\S]*?)<\/description>[\s\S]*?<\/item>/g)];
      expect(items).toHaveLength(2);
      for (const [, description] of items) expectSafe(parse(unescapeXml(description!)), feed);
      expect(xml).toContain('<title>Resolved: &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    }
  });
});

describe('reproducible', () => {
  it('gives byte-identical output for the same content and SOURCE_DATE_EPOCH', () => {
    const first = digest(hostile.outDir);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(digest(again.outDir)).toEqual(first);
  });
});
