import { describe, expect, it } from 'vitest';
import { resolveContent, type ContentFiles } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { translationName } from '../../src/contract/read-translation.ts';
import { translationGaps } from '../../src/core/translation-gaps.ts';
import { SERVICES_YAML, SLA_YAML } from '../builders.ts';

/** A Chinese-first site with English beside it. */
const SITE = `title: {zh-CN: 灵云状态, en: Nimbus Cloud Status}
url: https://status.test
timeZone: Asia/Shanghai
locale: zh-CN
languages: [en]
`;

const ORIGINAL = `---
title: 杭州上传失败
started: 2026-11-26 22:40
resolved: 2026-11-26 23:50
affected: [oss]
---
部分分片上传失败。

## 已解决 — 2026-11-26 23:50
上传已恢复。

## Identified — 2026-11-26 23:15
最近一次部署处理分片编号有误。

## 调查中 — 2026-11-26 22:48
正在调查分片上传失败。

## 复盘
- [x] 回滚
`;

const TRANSLATION = `---
title: Upload failures in Hangzhou
---
Some multipart uploads failed.

## Identified — 2026-11-26 23:15
A recent deployment mishandled part numbers above 1,000.

## Investigating — 2026-11-26 22:48
We are investigating failed multipart uploads.
`;

const NOW = Date.parse('2026-12-01T00:00:00Z');

function resolve(incidents: Record<string, string>, overrides: Partial<ContentFiles> = {}) {
  return resolveContent(
    {
      dir: 'content',
      site: SITE,
      services: SERVICES_YAML,
      sla: SLA_YAML,
      incidents: Object.entries(incidents).map(([path, text]) => ({ path: `content/incidents/${path}`, text })),
      others: [],
      ...overrides,
    },
    NOW,
  );
}

function problems(incidents: Record<string, string>, overrides: Partial<ContentFiles> = {}): string[] {
  return resolve(incidents, overrides).problems.map(formatProblem);
}

describe('translationName', () => {
  it.each([
    ['2026-11-26-upload.en.md', { id: '2026-11-26-upload', tag: 'en', locale: 'en' }],
    ['a/b/x.zh-CN.md', { id: 'x', tag: 'zh-CN', locale: 'zh-CN' }],
    ['x.ZH-cn.md', { id: 'x', tag: 'ZH-cn', locale: 'zh-CN' }],
    ['x.fr.md', { id: 'x', tag: 'fr', locale: undefined }],
  ])('reads %s as a translation', (file, expected) => {
    expect(translationName(file)).toEqual(expected);
  });

  it.each(['x.md', '2026-11-26-upload.md', 'x.v2.md', 'x.en.txt'])('reads %s as no translation', (file) => {
    expect(translationName(file)).toBeUndefined();
  });
});

describe('catalog text in several languages', () => {
  it('takes a plain string as the text of every language and a map by language as written', () => {
    const { content, problems: found } = resolve({}, { services: '- id: oss\n  name: {zh-CN: 对象存储, en: Object Storage}\n  group: OSS\n' });
    expect(found).toEqual([]);
    expect(content.site.title).toEqual({ 'zh-CN': '灵云状态', en: 'Nimbus Cloud Status' });
    expect(content.site.languages).toEqual(['en']);
    expect(content.services[0]!.name).toEqual({ 'zh-CN': '对象存储', en: 'Object Storage' });
    expect(content.services[0]!.group).toEqual({ 'zh-CN': 'OSS', en: 'OSS' });
  });

  it('lets a map leave out another language: it falls back to the first', () => {
    const { content, problems: found } = resolve({}, { services: '- id: oss\n  name: {zh-CN: 对象存储}\n' });
    expect(found).toEqual([]);
    expect(content.services[0]!.name).toEqual({ 'zh-CN': '对象存储' });
  });

  it('reads language tags in any case', () => {
    const { content, problems: found } = resolve({}, { site: SITE.replace('zh-CN: 灵云状态', 'ZH-cn: 灵云状态').replace('locale: zh-CN', 'locale: zh-cn').replace('[en]', '[EN]') });
    expect(found).toEqual([]);
    expect(content.site.locale).toBe('zh-CN');
    expect(content.site.title['zh-CN']).toBe('灵云状态');
  });

  it.each([
    ['a map without the first language', '- id: oss\n  name: {en: Object Storage}\n', "content/services.yaml:2: 'name' has no text in 'zh-CN', the site's first language; add a line 'zh-CN: …' under 'name': every other language falls back to it"],
    ['a language the site does not list', '- id: oss\n  name: {zh-CN: 对象存储, ja: オブジェクト}\n', "content/services.yaml:2: 'name' has text in 'ja', which is not a language the site can be published in; write it for 'zh-CN' or 'en'"],
    ['text of one language written twice', '- id: oss\n  name: {zh-CN: 对象存储, zh-cn: 存储}\n', "content/services.yaml:2: 'name' has two texts in 'zh-CN'; keep one"],
    ['a line break in one language', '- id: oss\n  name: {zh-CN: 对象存储, en: "Object\\nStorage"}\n', "content/services.yaml:2: 'en' holds a line break or a tab; write it on one line"],
  ])('refuses %s with its line and a fix', (_, services, expected) => {
    expect(problems({}, { services })).toContain(expected);
  });

  it('refuses a map naming a language the site can be in but does not list', () => {
    const site = SITE.replace('languages: [en]\n', '');
    expect(problems({}, { site: site.replace('{zh-CN: 灵云状态, en: Nimbus Cloud Status}', '灵云状态'), services: '- id: oss\n  name: {zh-CN: 对象存储, en: Object Storage}\n' })).toContain(
      "content/services.yaml:2: 'name' has text in 'en', which site.yaml does not list in 'languages'; add en to 'languages' in site.yaml, or remove this line",
    );
  });

  it.each([
    ['an unknown language', 'languages: [fr]', "content/site.yaml:5: unknown language 'fr' in 'languages'; use one of: en, zh-CN (each has the interface's words)"],
    ['the first language again', 'languages: [zh-CN]', "content/site.yaml:5: 'zh-CN' in 'languages' is the site's first language ('locale'); remove it: 'languages' lists the other languages"],
    ['a language twice', 'languages: [en, EN]', "content/site.yaml:5: 'en' is listed twice in 'languages'; list each language once"],
  ])('refuses %s in languages', (_, line, expected) => {
    expect(problems({}, { site: SITE.replace('languages: [en]', line) })).toContain(expected);
  });
});

describe('an incident and its translation', () => {
  it('reads the translation into the original: words only, matched by status and instant in either language', () => {
    const { content, problems: found } = resolve({ '2026/x.md': ORIGINAL, '2026/x.en.md': TRANSLATION });
    expect(found).toEqual([]);
    expect(content.incidents).toHaveLength(1);
    const [incident] = content.incidents;
    expect(incident!.id).toBe('x');
    expect(incident!.title).toEqual({ 'zh-CN': '杭州上传失败', en: 'Upload failures in Hangzhou' });
    expect(incident!.summary.en).toBe('<p>Some multipart uploads failed.</p>');
    expect(incident!.updates.map((update) => [update.status, update.text.en?.markdown ?? null])).toEqual([
      ['resolved', null],
      ['identified', 'A recent deployment mishandled part numbers above 1,000.'],
      ['investigating', 'We are investigating failed multipart uploads.'],
    ]);
    expect(incident!.postmortem!.en).toBeUndefined();
    expect(incident!.translations).toEqual({ en: 'content/incidents/2026/x.en.md' });
  });

  it.each([
    ['更正 in the original, Correction in the translation', '## 更正 — 2026-11-30 10:00', '## Correction — 2026-11-30 10:00'],
    ['Correction in the original, 更正 in the translation', '## Correction — 2026-11-30 10:00', '## 更正 — 2026-11-30 10:00'],
  ])('translates a Correction by its status and instant, in either language’s word (%s)', (_, original, translated) => {
    const corrected = ORIGINAL.replace('## 已解决 —', `${original}\n结束时间记录晚了。\n\n## 已解决 —`);
    const { content, problems: found } = resolve({ '2026/x.md': corrected, '2026/x.en.md': `${TRANSLATION}\n${translated}\nThe end was logged late.\n` });
    expect(found).toEqual([]);
    const [correction] = content.incidents[0]!.updates;
    expect(correction).toMatchObject({ status: 'correction', at: Date.parse('2026-11-30T02:00:00Z') });
    expect(correction!.text).toEqual({ 'zh-CN': { html: '<p>结束时间记录晚了。</p>', markdown: '结束时间记录晚了。' }, en: { html: '<p>The end was logged late.</p>', markdown: 'The end was logged late.' } });
  });

  it('changes no figure: times, levels and services are the original’s alone', () => {
    const alone = resolve({ '2026/x.md': ORIGINAL }).content.incidents[0]!;
    const translated = resolve({ '2026/x.md': ORIGINAL, '2026/x.en.md': TRANSLATION }).content.incidents[0]!;
    const figures = (incident: typeof alone) => ({ ...incident, title: null, summary: null, updates: incident.updates.map((update) => [update.status, update.at, update.line]), postmortem: null, translations: null });
    expect(figures(translated)).toEqual(figures(alone));
  });

  it('counts what is not translated yet, never as a problem', () => {
    const { content } = resolve({ '2026/x.md': ORIGINAL, '2026/x.en.md': TRANSLATION, '2026/y.md': ORIGINAL });
    const gaps = translationGaps(content.incidents, 'en', 'zh-CN');
    expect(gaps.map((gap) => [gap.incident.id, gap.words, gap.updates.map((update) => update.status)])).toEqual([
      ['x', ['postmortem'], ['resolved']],
      ['y', ['title', 'summary', 'postmortem'], ['resolved', 'identified', 'investigating']],
    ]);
  });

  it('takes an empty title or an empty section as not translated yet, as the skeleton writes them', () => {
    const skeleton = '---\ntitle: "" # 杭州上传失败\n---\n\n## Resolved — 2026-11-26 23:50\n\n## Identified — 2026-11-26 23:15\nTranslated.\n';
    const { content, problems: found } = resolve({ '2026/x.md': ORIGINAL, '2026/x.en.md': skeleton });
    expect(found).toEqual([]);
    const incident = content.incidents[0]!;
    expect(incident.title.en).toBeUndefined();
    expect(incident.updates.map((update) => update.text.en?.markdown ?? null)).toEqual([null, 'Translated.', null]);
  });

  it('pairs two updates that share status and time in file order', () => {
    const original = ORIGINAL.replace('## 调查中 — 2026-11-26 22:48\n正在调查分片上传失败。', '## 更新 — 2026-11-26 22:48\n第一条。\n\n## 更新 — 2026-11-26 22:48\n第二条。');
    const translation = '---\ntitle: T\n---\n## Update — 2026-11-26 22:48\nFirst.\n\n## Update — 2026-11-26 22:48\nSecond.\n';
    const { content, problems: found } = resolve({ 'x.md': original, 'x.en.md': translation });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.updates.filter((update) => update.status === 'update').map((update) => [update.text['zh-CN']!.markdown, update.text.en!.markdown])).toEqual([
      ['第一条。', 'First.'],
      ['第二条。', 'Second.'],
    ]);
  });

  it.each([
    ['a front matter field other than title', '---\ntitle: T\nresolved: 2026-11-26 23:55\n---\n', "content/incidents/x.en.md:3: 'resolved' in a translation: times, levels, services and the cause are set in the original only; remove it; change it in content/incidents/x.md if it is wrong"],
    [
      'a heading that matches no update',
      '---\ntitle: T\n---\n## Monitoring — 2026-11-26 23:30\nWatching.\n',
      "content/incidents/x.en.md:4: heading '## Monitoring — 2026-11-26 23:30 +08:00' matches no update of content/incidents/x.md (it has: Resolved — 2026-11-26 23:50 +08:00; Identified — 2026-11-26 23:15 +08:00; Investigating — 2026-11-26 22:48 +08:00); use the status and time of the update it translates, as the original writes them",
    ],
    [
      'a heading whose time differs from the update it means',
      '---\ntitle: T\n---\n## Identified — 2026-11-26 23:16\nA deployment.\n',
      "content/incidents/x.en.md:4: heading '## Identified — 2026-11-26 23:16 +08:00' matches no update of content/incidents/x.md (it has: Resolved — 2026-11-26 23:50 +08:00; Identified — 2026-11-26 23:15 +08:00; Investigating — 2026-11-26 22:48 +08:00); use the status and time of the update it translates, as the original writes them",
    ],
    ['the same update translated twice', '---\ntitle: T\n---\n## Identified — 2026-11-26 23:15\nOne.\n\n## Identified — 2026-11-26 23:15\nTwo.\n', 'content/incidents/x.en.md:7: a second translation of the Identified update of 2026-11-26 23:15 +08:00 (the other is on line 4); keep one'],
    ['a heading that is not a status and time', '---\ntitle: T\n---\n## Fixed — 2026-11-26 23:15\nDone.\n', "content/incidents/x.en.md:4: heading '## Fixed — 2026-11-26 23:15' is not a known status and time; use one of: Investigating, Identified, Monitoring, Update, Resolved, Scheduled, In progress, Verifying, Completed, Correction, Postmortem e.g. '## Investigating — 2025-01-18 02:20'"],
  ])('refuses %s with its line and a fix', (_, translation, expected) => {
    expect(problems({ 'x.md': ORIGINAL, 'x.en.md': translation })).toContain(expected);
  });

  it('refuses a postmortem the original does not have', () => {
    const original = ORIGINAL.replace('\n## 复盘\n- [x] 回滚\n', '\n');
    expect(problems({ 'x.md': original, 'x.en.md': `${TRANSLATION}\n## Postmortem\nWhat happened.\n` })).toContain(
      "content/incidents/x.en.md:12: a postmortem, but content/incidents/x.md has none; add '## Postmortem' to the original first, or remove it here",
    );
  });

  it.each([
    ['without its original', { 'y.en.md': TRANSLATION }, "content/incidents/y.en.md:1: a translation of 'y', which has no incident file; a translation is named after its original: <id>.en.md beside <id>.md"],
    ['into a language site.yaml does not list', { 'x.md': ORIGINAL, 'x.fr.md': TRANSLATION }, "content/incidents/x.fr.md:1: a translation into 'fr', which site.yaml does not list in 'languages'; name it <id>.<language>.md with one of: en"],
    ['into the first language', { 'x.md': ORIGINAL, 'x.zh-CN.md': TRANSLATION }, "content/incidents/x.zh-CN.md:1: a translation into 'zh-CN', the site's first language: the original is written in it; move its words into the original file, and remove this one"],
    ['away from its original', { '2026/x.md': ORIGINAL, '2025/x.en.md': TRANSLATION }, 'content/incidents/2025/x.en.md:1: a translation of \'x\' away from its original (content/incidents/2026/x.md); move it into the same folder as the original'],
    ['twice, in two cases', { 'x.md': ORIGINAL, 'x.en.md': TRANSLATION, 'x.EN.md': TRANSLATION }, "content/incidents/x.en.md:1: a second en translation of 'x' (the other is content/incidents/x.EN.md); keep one translation per language"],
  ])('refuses a translation %s', (_, incidents, expected) => {
    expect(problems(incidents)).toContain(expected);
  });

  // The translation reader shares splitIncidentFile, readBody and parseTimeline with originals: these guard that it keeps to.
  const EARLY = 'check the year and the offset: it is likely a typo (times start at 1970-01-01 00:00 UTC)';
  it.each([
    ['a heading in 1969', `${TRANSLATION}\n## Investigating — 1969-12-31 23:00\nLooking.\n`, `content/incidents/x.en.md:12: heading '## Investigating — 1969-12-31 23:00' is in the year 1969, before 1970; ${EARLY}`],
    ['a heading that the zone puts in 1969', `${TRANSLATION}\n## Investigating — 1970-01-01 07:59\nLooking.\n`, `content/incidents/x.en.md:12: heading '## Investigating — 1970-01-01 07:59' is 1969-12-31 23:59 UTC, before 1970; ${EARLY}`],
    [
      'emphasis nested 2,000 deep, which overflows the Markdown parser',
      TRANSLATION.replace('A recent deployment', `${'*a '.repeat(2000)}x${' a*'.repeat(2000)}`),
      'content/incidents/x.en.md:4: the text nests Markdown too deeply to be read (emphasis, links, quotes or lists inside one another, thousands deep); write it flatter, with fewer marks (*, _, ~, [ ]) inside one another',
    ],
  ])('refuses a translation with %s at its path and line, as it refuses an original', (_, translation, expected) => {
    expect(problems({ 'x.md': ORIGINAL, 'x.en.md': translation })).toEqual([expected]);
  });

  it('never makes a translation an incident of its own', () => {
    const { content } = resolve({ 'x.md': ORIGINAL, 'x.en.md': TRANSLATION });
    expect(content.incidents.map((incident) => incident.id)).toEqual(['x']);
  });

  it('refuses a translation on a one-language site', () => {
    const site = 'title: Status\nurl: https://status.test\ntimeZone: Asia/Shanghai\n';
    expect(problems({ 'x.md': ORIGINAL.replace('## 已解决', '## Resolved').replace('## 调查中', '## Investigating').replace('## 复盘', '## Postmortem'), 'x.en.md': TRANSLATION }, { site })).toContain(
      "content/incidents/x.en.md:1: a translation into 'en', the site's first language: the original is written in it; move its words into the original file, and remove this one",
    );
  });
});
