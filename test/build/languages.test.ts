import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { BILINGUAL_FILES } from './bilingual.ts';
import { chineseWords, fixtureContent, interfaceText, latinWords, writtenTexts } from './interface-words.ts';
import { FIXTURE_NOW } from './fixture.ts';
import { parseXml, runEmbed } from '../outputs/parsers.ts';
import { headerRules } from '../browser/serve.ts';

const bilingual = builtSite(inject('builds').bilingual!.outDir);
const oneLanguage = builtSite(inject('builds').fixture!.outDir);

/** Every file under `dir`, relative to it, with `/`. */
function files(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under)).flatMap((name) => {
    const relative = under ? `${under}/${name}` : name;
    return statSync(path.join(dir, relative)).isDirectory() ? files(dir, relative) : [relative];
  });
}

const html = (file: string) => parse(bilingual.read(file));
const PAGES = files(bilingual.outDir).filter((file) => file.endsWith('.html') && !file.startsWith('en/') && file !== '404.html');

/** Every text an editor wrote in the bilingual content, in every language. */
const WRITTEN = writtenTexts(fixtureContent(BILINGUAL_FILES, FIXTURE_NOW * 1000));

describe('a site in two languages', () => {
  it('publishes every page in each language: the first at the root, the other under its prefix', () => {
    expect(PAGES.length).toBeGreaterThan(10);
    for (const page of PAGES) expect(files(bilingual.outDir), page).toContain(`en/${page}`);
    const english = files(bilingual.outDir).filter((file) => file.startsWith('en/') && file.endsWith('.html'));
    expect(english.map((file) => file.slice(3)).sort()).toEqual([...PAGES].sort());
  });

  it.each(PAGES)('%s has its language, the alternates both ways with x-default, and a switch to the other', (page) => {
    const expected = (prefix: string) => `https://status.test${prefix}/${page.replace(/index\.html$/, '')}`;
    for (const [file, lang, other, otherLang, otherName] of [
      [page, 'zh-CN', `en/${page}`, 'en', 'English'],
      [`en/${page}`, 'en', page, 'zh-CN', '简体中文'],
    ] as const) {
      const document = html(file);
      expect(document.querySelector('html')!.getAttribute('lang'), file).toBe(lang);
      const alternates = Object.fromEntries(document.querySelectorAll('link[rel="alternate"][hreflang]').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));
      expect(alternates, file).toEqual({ 'zh-CN': expected(''), en: expected('/en'), 'x-default': expected('') });
      const switcher = document.querySelectorAll('nav.languages a');
      expect(switcher.map((link) => [link.getAttribute('href'), link.getAttribute('lang'), link.textContent]), file).toEqual([[`/${other.replace(/index\.html$/, '')}`, otherLang, otherName]]);
    }
  });

  it('marks text shown in a page whose language it is not written in, with its own lang, in the page’s words', () => {
    // The ongoing CDN incident: its newest update is not translated yet.
    const cdn = html('en/incidents/2025-02-10-cdn/index.html');
    const updates = cdn.querySelectorAll('.timeline li');
    expect(updates[0]!.querySelector('.prose')!.getAttribute('lang')).toBe('zh-CN');
    expect(updates[0]!.textContent).toContain('(not yet translated)');
    expect(updates[0]!.textContent).toContain('一个边缘节点故障。');
    expect(updates[1]!.querySelector('.prose')!.getAttribute('lang')).toBeUndefined();
    expect(updates[1]!.textContent).not.toContain('not yet translated');
    expect(cdn.querySelector('h1')!.textContent.trim()).toBe('CDN errors in Europe');
    // No translation at all: the title too.
    const console = html('en/incidents/2025-02-05-console/index.html');
    expect(console.querySelector('h1 [lang="zh-CN"]')!.textContent).toBe('控制台加载缓慢');
    expect(console.querySelector('h1')!.textContent).toContain('(not yet translated)');
    // A catalog name with no English: the service page's heading.
    expect(html('en/services/oss/index.html').querySelector('h1 [lang="zh-CN"]')!.textContent).toBe('对象存储');
    // The first language's pages have nothing to mark.
    for (const page of PAGES) expect(bilingual.read(page), page).not.toContain('尚未翻译');
  });

  it('shows every figure the same in both languages, from the one ledger', () => {
    const figures = (file: string) => (html(file).querySelector('main')!.textContent.match(/\d+(?:\.\d+)?%|\d+(?:\.\d+)? (?:min|分钟)/g) ?? []).map((figure) => figure.replace(' 分钟', ' min'));
    for (const page of ['incidents/2025-01-18-hangzhou-power/index.html', 'services/ecs/index.html', 'sla/index.html', 'index.html']) {
      expect(figures(`en/${page}`), page).toEqual(figures(page));
      expect(figures(page).length, page).toBeGreaterThan(0);
    }
    expect(bilingual.read('incidents/2025-01-18-hangzhou-power/index.html')).toContain('99.800%');
    expect(bilingual.read('en/incidents/2025-01-18-hangzhou-power/index.html')).toContain('99.800%');
  });

  it.each(PAGES)('%s speaks only its own language: no interface word of the other', (page) => {
    expect(latinWords(interfaceText(html(page), WRITTEN)), page).toEqual([]);
    expect(chineseWords(interfaceText(html(`en/${page}`), WRITTEN)), `en/${page}`).toEqual([]);
  });

  it('writes the feeds, calendar, badges and embed per language, linking to that language’s pages', () => {
    const rss = parseXml(bilingual.read('en/rss.xml'));
    expect(bilingual.read('en/rss.xml')).toContain('<language>en</language>');
    expect(bilingual.read('rss.xml')).toContain('<language>zh-CN</language>');
    expect(bilingual.read('en/rss.xml')).toContain('<title>Identified: CDN errors in Europe</title>');
    expect(bilingual.read('rss.xml')).toContain('<title>已确认：欧洲 CDN 错误</title>');
    expect(bilingual.read('en/rss.xml')).toContain('https://status.test/en/incidents/2025-02-10-cdn/#update-');
    expect(rss).toBeTruthy();
    expect(bilingual.read('en/history.atom')).toMatch(/<link rel="self" [^>]*href="https:\/\/status\.test\/en\/history\.atom"/);
    expect(bilingual.read('en/services/ecs/rss.xml')).toContain('Elastic Compute · Hangzhou');
    expect(bilingual.read('en/maintenance.ics')).toContain('X-WR-CALNAME:Test Cloud Status: maintenance');
    expect(bilingual.read('maintenance.ics')).toContain('X-WR-CALNAME:测试云状态：维护');
    expect(bilingual.read('en/badges/overall.svg')).toContain('<title>status: partial outage</title>');
    expect(bilingual.read('badges/overall.svg')).toContain('<title>状态：部分中断</title>');
    expect(runEmbed(bilingual.read('en/embed.js')).join('')).toContain('Test Cloud Status: Partial outage');
    expect(runEmbed(bilingual.read('embed.js')).join('')).toContain('测试云状态：部分中断');
  });

  it('lets any origin read every language’s API and feeds on hosts that apply _headers', async () => {
    const headers = await headerRules(bilingual.outDir);
    const readable = (file: string) => headers.some((rule) => rule.forRegExp.test(`/${file}`) && rule.values['Access-Control-Allow-Origin'] === '*');
    const shared = files(bilingual.outDir).filter((file) => /(^|\/)(api\/|rss\.xml$|history\.atom$)/.test(file));
    expect(shared.filter((file) => file.startsWith('en/')).length).toBeGreaterThan(10);
    expect(shared.filter((file) => !readable(file))).toEqual([]);
    expect(readable('en/incidents/2025-02-10-cdn/index.html')).toBe(false);
  });

  it('serves the Statuspage API per language, with the same ids, statuses and times', () => {
    const root = bilingual.json('api/v2/summary.json');
    const english = bilingual.json('en/api/v2/summary.json');
    expect(english.page).toEqual({ ...root.page, name: 'Test Cloud Status', url: 'https://status.test/en' });
    expect(root.page.name).toBe('测试云状态');
    const strip = (summary: any) => JSON.parse(JSON.stringify(summary), (key, value) => (['name', 'body', 'description', 'shortlink', 'url'].includes(key) ? undefined : value));
    expect(strip(english)).toEqual(strip(root));
    expect(english.components.find((component: any) => component.id === 'ecs').name).toBe('Elastic Compute · Hangzhou');
    expect(english.incidents[0].incident_updates.map((update: any) => update.body)).toEqual(['一个边缘节点故障。', 'Looking into it.']);
  });

  it('writes /api/v1 once: text in the first language, and what is translated under translations', () => {
    const incidents = bilingual.json('api/v1/incidents.json').incidents;
    const byId = Object.fromEntries(incidents.map((incident: any) => [incident.id, incident]));
    expect(byId['2025-01-18-hangzhou-power'].title).toBe('杭州可用区 H 实例不可达');
    expect(byId['2025-01-18-hangzhou-power'].translations).toEqual({ en: { title: 'Instances unreachable in Hangzhou zone H' } });
    expect(byId['2025-02-05-console'].translations).toEqual({});
    const summary = bilingual.json('api/v1/summary.json');
    expect(summary.services.find((service: any) => service.id === 'oss')).toMatchObject({ name: '对象存储', group: '存储', translations: { en: { group: 'Storage' } } });
    expect(files(bilingual.outDir).some((file) => file.startsWith('en/api/v1'))).toBe(false);
    expect(files(bilingual.outDir).filter((file) => file.endsWith('.csv')).every((file) => !file.startsWith('en/'))).toBe(true);
  });

  it('lists every page in the sitemap with its alternates in both languages', () => {
    const sitemap = bilingual.read('sitemap.xml');
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const urls = parse(sitemap).querySelectorAll('url');
    expect(urls.length).toBe(PAGES.length * 2);
    const sla = urls.find((url) => url.querySelector('loc')!.textContent === 'https://status.test/en/sla/')!;
    expect(sla.querySelectorAll('xhtml\\:link').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])).toEqual([
      ['zh-CN', 'https://status.test/sla/'],
      ['en', 'https://status.test/en/sla/'],
      ['x-default', 'https://status.test/sla/'],
    ]);
  });
});

describe('a site in one language', () => {
  const all = files(oneLanguage.outDir);

  it('gains no path, switch or alternate from the languages feature', () => {
    expect(all.filter((file) => /^(en|zh-cn)\//.test(file))).toEqual([]);
    for (const file of all.filter((name) => name.endsWith('.html'))) {
      const page = parse(oneLanguage.read(file));
      expect(page.querySelectorAll('link[hreflang]'), file).toEqual([]);
      expect(page.querySelectorAll('nav.languages'), file).toEqual([]);
      expect(oneLanguage.read(file), file).not.toContain('not yet translated');
    }
    expect(oneLanguage.read('sitemap.xml')).not.toContain('xhtml');
    expect(oneLanguage.read('api/v1/incidents.json')).not.toContain('translations');
    expect(oneLanguage.read('api/v1/summary.json')).not.toContain('translations');
  });
});
