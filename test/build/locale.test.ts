import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import type { Localized } from '../../src/core/types.ts';
import { originalOf } from '../../src/i18n/language.ts';
import { builtSite } from './build-site.ts';
import { FIXTURE_FILES, FIXTURE_NOW, FIXTURE_SLA } from './fixture.ts';
import { SERVICES_YAML, SITE_YAML } from '../builders.ts';
import { runEmbed } from '../outputs/parsers.ts';

const build = builtSite(inject('builds').zh!.outDir);

/** What the editor wrote into the zh site: names and titles (one line each), and the text nodes of the Markdown they wrote. */
function editorText(): { names: string[]; prose: Set<string> } {
  const { content } = resolveContent(
    {
      dir: 'content',
      site: `${SITE_YAML}locale: zh-CN\n`,
      services: SERVICES_YAML,
      sla: FIXTURE_SLA,
      incidents: Object.entries(FIXTURE_FILES).map(([path, text]) => ({ path: `content/${path}`, text })),
      others: [],
    },
    FIXTURE_NOW * 1000,
  );
  const first = <T>(text: Localized<T>): T => originalOf(text, content.site);
  const names = [
    first(content.site.title),
    first(content.site.description),
    content.site.timeZone,
    ...content.site.support.map((contact) => first(contact.label)),
    ...content.services.flatMap((service) => [first(service.name), first(service.group), first(service.description)]),
    ...content.policies.flatMap((policy) => [first(policy.name), policy.timeZone, ...policy.tiers.map((tier) => first(tier.name))]),
    ...content.incidents.map((incident) => first(incident.title)),
  ];
  const markdown = content.incidents.flatMap((incident) => [
    first(incident.summary),
    ...incident.updates.map((update) => first(update.text).html),
    incident.postmortem ? first(incident.postmortem).html : '',
  ]);
  return {
    names: names.filter((name) => name !== '').sort((a, b) => b.length - a.length),
    prose: new Set(markdown.flatMap((html) => textNodes(parse(html), { skipTasks: true }))),
  };
}

/**
 * The text nodes under `element`, each with its white space collapsed, empty
 * ones left out. `skipTasks`: not the marks of task list items, which pages
 * put words to (they are the interface's, not the editor's).
 */
function textNodes(element: HTMLElement, options: { skipTasks?: boolean } = {}): string[] {
  const texts: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      const element = child as HTMLElement;
      if (child.nodeType === 3) texts.push(child.textContent.replace(/\s+/g, ' ').trim());
      else if (['script', 'style', 'time'].includes(element.tagName?.toLowerCase())) continue;
      else if (!(options.skipTasks && element.classList?.contains('task'))) walk(element);
    }
  };
  walk(element);
  return texts.filter((text) => text !== '');
}

/** Words the interface keeps in every language: names of formats and standards. */
const SAME_EVERYWHERE = new Set(['SLA', 'API', 'JSON', 'RSS', 'CSV', 'Atom', 'iCalendar']);

/**
 * The interface's own text on a page: each text node a reader sees or hears,
 * and the attributes that are read or drawn (labels drawn by CSS,
 * placeholders, ARIA labels), without what the editor wrote: text nodes of
 * their Markdown, and their names and titles wherever they stand. Times are
 * figures, and left out. What is left must be Chinese.
 */
function interfaceText(page: HTMLElement, written: { names: string[]; prose: Set<string> }, join: string): string {
  const body = page.querySelector('body')!;
  const attributes = body
    .querySelectorAll('[data-label], [aria-label], [placeholder], [title], [alt]')
    .flatMap((element) => ['data-label', 'aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''));
  let text = [...textNodes(body).filter((node) => !written.prose.has(node)), '\n', ...attributes].join(join);
  for (const name of written.names) text = text.split(name).join('\n');
  return text;
}

const ZH_PAGES = [
  'index.html',
  'sla/index.html',
  'history/index.html',
  'history/2025-01/index.html',
  '404.html',
  ...['ecs', 'oss', 'cdn', 'console'].map((id) => `services/${id}/index.html`),
  ...Object.keys(FIXTURE_FILES).map((path) => `incidents/${path.replace(/^.*\//, '').replace(/\.md$/, '')}/index.html`),
];

describe('a site with locale: zh-CN', () => {
  it('speaks Chinese on every page type, with the page language set', () => {
    const home = build.read('index.html');
    expect(parse(home).querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(home).toContain('部分中断');
    expect(home).toContain('正在发生');
    expect(home).toContain('计划维护');
    const incident = build.read('incidents/2025-01-18-hangzhou-power/index.html');
    expect(incident).toContain('可用率影响与赔付');
    expect(incident).toContain('1 小时 29 分钟');
    expect(incident).toContain('已解决');
    expect(build.read('sla/index.html')).toContain('当月可获赔付');
    expect(build.read('history/index.html')).toContain('2025年2月');
    expect(build.read('services/oss/index.html')).toContain('SLA 月报');
  });

  it('leaves no English interface words on its pages', () => {
    for (const page of ['index.html', 'incidents/2025-01-18-hangzhou-power/index.html', 'services/oss/index.html', 'sla/index.html', 'history/index.html', '404.html']) {
      const text = parse(build.read(page)).querySelector('body')!.textContent;
      for (const english of ['Happening now', 'Recently resolved', 'Page built', 'Incident history', 'Availability', 'Provisional', 'Skip to content', 'Services']) {
        expect(text, `${page}: ${english}`).not.toContain(english);
      }
    }
  });

  it.each(ZH_PAGES)('%s has no English interface words and no ASCII punctuation in Chinese text', (path) => {
    const page = parse(build.read(path));
    const written = editorText();
    const words = interfaceText(page, written, ' ');
    const english = (words.match(/[A-Za-z][A-Za-z’']*/g) ?? []).filter((word) => !SAME_EVERYWHERE.has(word));
    expect(english, path).toEqual([]);
    // Text nodes read on, across links and times: a full stop after a link stands next to the link's last word.
    const inline = interfaceText(page, written, '');
    // A comma, full stop, question mark, colon, semicolon or parenthesis written in ASCII next to a Chinese character.
    const cjk = '[\\u3400-\\u9fff]';
    const punctuation = inline.match(new RegExp(`${cjk}[,.?!:;()]|[,.?!:;()]${cjk}`, 'g')) ?? [];
    expect(punctuation, path).toEqual([]);
    // Nor a space after a full-width mark: Chinese sentences and clauses follow each other directly.
    expect(inline.match(/[。，、；：！？] +\S/g) ?? [], path).toEqual([]);
  });

  it('writes feeds, badges, the calendar and the embed in Chinese', () => {
    expect(build.read('rss.xml')).toContain('<title>已确认：CDN errors in Europe</title>');
    expect(build.read('badges/overall.svg')).toContain('<title>状态：部分中断</title>');
    expect(build.read('maintenance.ics')).toContain('SUMMARY:维护：Storage upgrade');
    // The embed writes every non-ASCII character as \uXXXX (it runs on pages of any charset): read what it shows.
    expect(runEmbed(build.read('embed.js'))).toContain('：部分中断');
  });
});
