/**
 * The other languages' words in the same step as the first (issue 17,
 * "Editors"): `--title-<lang>` and `--message-<lang>` on new, update,
 * resolve, postmortem and correct write the translation `<id>.<lang>.md`
 * beside the incident, checked as the build reads it, or write nothing.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { checkCommand, newCommand, postmortemCommand, resolveCommand, updateCommand } from '../../src/editor/commands.ts';
import { correctCommand } from '../../src/editor/correct.ts';
import { translateCommand } from '../../src/editor/translate.ts';
import { DESIGN_EXAMPLE, SITE_YAML, writeContentFolder } from '../builders.ts';

/** 2025-03-01 10:00 in Asia/Shanghai, the test site's zone. */
const NOW = Date.parse('2025-03-01T02:00:00Z') / 1000;

const CHINESE_FIRST = `${SITE_YAML}locale: zh-CN\nlanguages: [en]\n`;
const ENGLISH_FIRST = `${SITE_YAML}languages: [zh-CN]\n`;

type Output = { code: number; output: string };

/** A content folder with `site` as site.yaml and `files`, and the commands run in this process against it at NOW. */
function site(siteYaml = CHINESE_FIRST, files: Record<string, string> = {}) {
  const dir = writeContentFolder({ 'site.yaml': siteYaml, ...files });
  const env = { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(NOW) };
  const output = (result: { code: number; stdout: string; stderr: string }): Output => ({ code: result.code, output: `${result.stdout}${result.stderr}`.trim() });
  const file = (name: string) => path.join(dir, 'incidents', name.slice(0, 4), name);
  return {
    dir,
    file,
    read: (name: string) => readFileSync(file(name), 'utf8'),
    write: (name: string, text: string) => writeFileSync(file(name), text),
    exists: (name: string) => existsSync(file(name)),
    /** Every file under the year's folder, by name, with its text: what a refusal must leave as it was. */
    snapshot: (year = '2025') => {
      const folder = path.join(dir, 'incidents', year);
      return existsSync(folder) ? Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')])) : {};
    },
    new: async (...args: string[]) => output(await newCommand(args, env)),
    update: async (...args: string[]) => output(await updateCommand(args, env)),
    resolve: async (...args: string[]) => output(await resolveCommand(args, env)),
    postmortem: async (...args: string[]) => output(await postmortemCommand(args, env)),
    correct: async (...args: string[]) => output(await correctCommand(args, env)),
    translate: async (...args: string[]) => output(await translateCommand(args, env)),
    check: async () => output(await checkCommand(env)),
    /** The folder read as the build reads it: no problem, and the one incident. */
    incident: async () => {
      const { content, problems } = resolveContent(await readContentFiles(dir), NOW * 1000);
      expect(problems).toEqual([]);
      return content.incidents[0]!;
    },
  };
}

const ID = '2025-03-01-upload-failures-in-hangzhou';
const ORIGINAL = `${ID}.md`;
const ENGLISH = `${ID}.en.md`;

/** The head a new English translation starts with. */
const head = (title: string) => `---\n# The en translation of ${ORIGINAL}: only words. Leave a heading's text empty until it is translated.\ntitle: ${title}\n---\n`;

/** A Chinese-first folder with the upload incident opened at 09:00, with its English title and first message. */
async function opened() {
  const folder = site();
  const result = await folder.new('杭州地域上传失败', '--services', 'oss', '--message', '我们正在调查。', '--title-en', 'Upload failures in Hangzhou', '--message-en', 'We are investigating.', '--at', '2025-03-01 09:00');
  expect(result).toEqual({ code: 0, output: `wrote ${folder.file(ORIGINAL)}\nwrote ${folder.file(ENGLISH)}` });
  return folder;
}

describe('new with the other languages\' words', () => {
  it('writes the incident and its translation in one step, the id from the English title', async () => {
    const folder = await opened();
    expect(folder.read(ENGLISH)).toBe(`${head('Upload failures in Hangzhou')}\n## Investigating — 2025-03-01 09:00\nWe are investigating.\n`);
    const incident = await folder.incident();
    expect(incident.title).toEqual({ 'zh-CN': '杭州地域上传失败', en: 'Upload failures in Hangzhou' });
    expect(incident.updates[0]!.text.en!.markdown).toBe('We are investigating.');
    expect((await folder.check()).output).toMatch(/no problems .*\nen: everything is translated$/);
  });

  it('spells a Chinese title in pinyin for the id without an English title, and writes a title alone, or a message alone', async () => {
    const folder = site();
    expect((await folder.new('杭州地域上传失败', '--services', 'oss', '--title-en', 'Upload failures', '--slug', 'uploads', '--message', '我们正在调查。')).code).toBe(0);
    expect(folder.read('2025-03-01-uploads.en.md')).toBe(head('Upload failures').replace(`of ${ORIGINAL}`, 'of 2025-03-01-uploads.md'));
    expect((await folder.new('杭州地域上传失败', '--services', 'oss', '--message-en', 'We are investigating.')).output).toContain('2025-03-01-hang-zhou-di-yu-shang-chuan-shi-bai.en.md');
    expect(folder.read('2025-03-01-hang-zhou-di-yu-shang-chuan-shi-bai.en.md')).toContain('title: "" # 杭州地域上传失败\n---\n\n## Investigating — 2025-03-01 10:00\nWe are investigating.\n');
    expect((await folder.check()).output).toContain('no problems');
  });

  it('writes its own first and closing updates in each language it writes, the site’s first in the original', async () => {
    const folder = site();
    expect((await folder.new('杭州地域上传失败', '--services', 'oss', '--title-en', 'Upload failures in Hangzhou', '--at', '2025-03-01 09:00')).code).toBe(0);
    expect(folder.read(ORIGINAL)).toContain('## Investigating — 2025-03-01 09:00\n我们正在调查有关问题的报告，稍后将发布更新。\n');
    expect(folder.read(ENGLISH)).toContain('## Investigating — 2025-03-01 09:00\nWe are investigating reports of a problem and will post an update shortly.\n');
    // Closed without a message: the closing update in every language the incident is written in, though no --*-en was given.
    expect((await folder.resolve(ID, '--at', '2025-03-01 09:30')).code).toBe(0);
    expect(folder.read(ORIGINAL)).toContain('## Resolved — 2025-03-01 09:30\n此事件已解决。\n');
    expect(folder.read(ENGLISH)).toContain('## Resolved — 2025-03-01 09:30\nThis incident has been resolved.\n');
    expect((await folder.translate()).output).not.toContain(ID);
    const maintenance = await folder.new('数据库升级', '--maintenance', '--services', 'oss', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00', '--slug', 'db-upgrade');
    expect(maintenance.code).toBe(0);
    expect(folder.read('2025-03-05-db-upgrade.md')).toContain('维护计划于 2025-03-05 01:00 至 2025-03-05 03:00 进行。');
    // The editor's own words are never put in another language: untranslated, they stay a gap for the translator.
    expect((await folder.new('控制台登录失败', '--services', 'oss', '--message', '部分账号无法登录。', '--title-en', 'Console sign-in errors')).code).toBe(0);
    expect((await folder.resolve('2025-03-01-console-sign-in-errors', '已恢复。')).code).toBe(0);
    expect(folder.read('2025-03-01-console-sign-in-errors.en.md')).not.toContain('##');
    expect((await folder.check()).output).toContain('no problems');
  });

  it('writes its own updates in English on an English-first site, as before', async () => {
    const folder = site(ENGLISH_FIRST);
    expect((await folder.new('Upload failures in Hangzhou', '--services', 'oss', '--at', '2025-03-01 09:00')).code).toBe(0);
    expect((await folder.resolve(ID, '--at', '2025-03-01 09:30')).code).toBe(0);
    expect(folder.read(ORIGINAL)).toContain('## Resolved — 2025-03-01 09:30\nThis incident has been resolved.\n\n## Investigating — 2025-03-01 09:00\nWe are investigating reports of a problem and will post an update shortly.\n');
    expect(folder.exists(`${ID}.zh-CN.md`)).toBe(false);
  });

  it('writes the words in Chinese headings on an English-first site, the tag in any case', async () => {
    const folder = site(ENGLISH_FIRST);
    expect((await folder.new('Upload failures in Hangzhou', '--services', 'oss', '--title-ZH-cn', '杭州地域上传失败', '--message-zh-CN', '我们正在调查。', '--at', '2025-03-01 09:00')).code).toBe(0);
    expect(folder.read(`${ID}.zh-CN.md`)).toBe(
      `---\n# The zh-CN translation of ${ORIGINAL}: only words. Leave a heading's text empty until it is translated.\ntitle: 杭州地域上传失败\n---\n\n## 调查中 — 2025-03-01 09:00\n我们正在调查。\n`,
    );
    expect((await folder.update(ID, 'identified', 'A bad deploy.', '--message-zh-cn', '部署有误。', '--at', '2025-03-01 09:10')).code).toBe(0);
    expect((await folder.resolve(ID, 'Fixed.', '--message-zh-cn', '已恢复。', '--at', '2025-03-01 09:30')).code).toBe(0);
    expect((await folder.postmortem(ID, 'A bad deploy.', '--message-zh-cn', '一次错误的部署。')).code).toBe(0);
    expect(folder.read(`${ID}.zh-CN.md`)).toContain('## 已解决 — 2025-03-01 09:30\n已恢复。\n\n## 已确认 — 2025-03-01 09:10\n部署有误。\n\n## 调查中 — 2025-03-01 09:00\n我们正在调查。\n\n## 复盘\n一次错误的部署。\n');
    const incident = await folder.incident();
    expect(incident.postmortem!['zh-CN']!.html).toContain('一次错误的部署。');
    expect(incident.updates.map((update) => update.text['zh-CN']?.markdown)).toEqual(['已恢复。', '部署有误。', '我们正在调查。']);
  });

  it('refuses, writing nothing, a translation there already without its original', async () => {
    const folder = site(CHINESE_FIRST, { [`incidents/2025/${ENGLISH}`]: `${head('Stale')}` });
    const before = folder.snapshot();
    const result = await folder.new('杭州地域上传失败', '--services', 'oss', '--title-en', 'Upload failures in Hangzhou');
    expect(result).toEqual({ code: 1, output: `${folder.file(ENGLISH)} is there already, a translation of no incident (there is no ${ID}.md); remove it, or choose other words for the id with --slug; nothing was written` });
    expect(folder.snapshot()).toEqual(before);
  });
});

describe('update, resolve, postmortem and correct with the other languages\' words', () => {
  it('adds the update to the translation as its newest heading, and keeps everything else in it byte for byte', async () => {
    const folder = await opened();
    const before = folder.read(ENGLISH);
    expect(await folder.update(ID, 'identified', '部署有误，正在回滚。', '--message-EN', 'A bad deploy; rolling back.', '--at', '2025-03-01 09:10')).toEqual({
      code: 0,
      output: `updated ${folder.file(ORIGINAL)}\nupdated ${folder.file(ENGLISH)}`,
    });
    expect(folder.read(ENGLISH)).toBe(before.replace('## Investigating', '## Identified — 2025-03-01 09:10\nA bad deploy; rolling back.\n\n## Investigating'));
    expect((await folder.incident()).updates[0]!.text).toMatchObject({ 'zh-CN': { markdown: '部署有误，正在回滚。' }, en: { markdown: 'A bad deploy; rolling back.' } });
  });

  it('keeps a translation saved with CRLF line ends in CRLF', async () => {
    const folder = await opened();
    const crlf = folder.read(ENGLISH).replace(/\n/g, '\r\n');
    folder.write(ENGLISH, crlf);
    expect((await folder.update(ID, 'identified', '部署有误。', '--message-en', 'A bad deploy.', '--title-en', 'Uploads fail in Hangzhou', '--at', '2025-03-01 09:10')).code).toBe(0);
    expect(folder.read(ENGLISH)).toBe(
      crlf.replace('title: Upload failures in Hangzhou', 'title: Uploads fail in Hangzhou').replace('## Investigating', '## Identified — 2025-03-01 09:10\r\nA bad deploy.\r\n\r\n## Investigating'),
    );
  });

  it('starts the translation when there is none, and sets the title of the skeleton translate wrote', async () => {
    const folder = site();
    await folder.new('杭州地域上传失败', '--services', 'oss', '--slug', 'upload-failures-in-hangzhou', '--at', '2025-03-01 09:00');
    expect((await folder.update(ID, 'identified', '部署有误。', '--message-en', 'A bad deploy.', '--at', '2025-03-01 09:10')).output).toBe(`updated ${folder.file(ORIGINAL)}\nwrote ${folder.file(ENGLISH)}`);
    expect(folder.read(ENGLISH)).toBe(`${head('"" # 杭州地域上传失败')}\n## Identified — 2025-03-01 09:10\nA bad deploy.\n`);
    expect((await folder.translate(ID, '--lang', 'en')).code).toBe(0);
    expect((await folder.update(ID, '--title-en', 'Upload failures in Hangzhou')).output).toBe(`updated ${folder.file(ENGLISH)}`);
    // The original's title stays beside it as the comment the skeleton wrote.
    expect(folder.read(ENGLISH)).toMatch(/^---\n# .*\ntitle: Upload failures in Hangzhou # 杭州地域上传失败\n---\n\n## Investigating — 2025-03-01 09:00\n\n## Identified — 2025-03-01 09:10\nA bad deploy.\n$/);
    expect((await folder.incident()).title.en).toBe('Upload failures in Hangzhou');
  });

  it('closes in both languages, with changes, and writes the postmortem in both', async () => {
    const folder = await opened();
    expect(await folder.resolve(ID, '上传已恢复。', '--message-en', 'Uploads work again.', '--cause', 'third-party', '--at', '2025-03-01 09:40')).toEqual({
      code: 0,
      output: `resolved ${folder.file(ORIGINAL)} (cause unknown → third-party)\nupdated ${folder.file(ENGLISH)}`,
    });
    expect(await folder.postmortem(ID, '运营商光缆被挖断。', '--action', '第二条线路', '--message-en', 'A carrier cut a cable.')).toEqual({
      code: 0,
      output: `wrote the postmortem of ${folder.file(ORIGINAL)} (started it; added 1 follow-up)\nupdated ${folder.file(ENGLISH)}`,
    });
    expect(folder.read(ENGLISH)).toBe(`${head('Upload failures in Hangzhou')}\n## Resolved — 2025-03-01 09:40\nUploads work again.\n\n## Investigating — 2025-03-01 09:00\nWe are investigating.\n\n## Postmortem\nA carrier cut a cable.\n`);
    expect((await folder.postmortem(ID, '--message-en', 'The carrier has fixed the route.')).output).toBe(`updated ${folder.file(ENGLISH)}`);
    const incident = await folder.incident();
    expect(incident.postmortem!.en!.html).toContain('The carrier has fixed the route.');
  });

  it('writes the Correction in both languages: the same changes, each reason in its language', async () => {
    const folder = site(CHINESE_FIRST, { 'incidents/2025/2025-01-18-hangzhou-power.md': DESIGN_EXAMPLE });
    const result = await folder.correct('2025-01-18-hangzhou-power', '日志显示错误持续到 03:52。', '--set', 'resolved=2025-01-18 03:52', '--message-en', 'The logs show errors until 03:52.');
    expect(result).toEqual({ code: 0, output: `corrected ${folder.file('2025-01-18-hangzhou-power.md')}:\n- resolved: 2025-01-18 03:40 → 2025-01-18 03:52\nwrote ${folder.file('2025-01-18-hangzhou-power.en.md')}` });
    expect(folder.read('2025-01-18-hangzhou-power.en.md')).toContain('## Correction — 2025-03-01 10:00\n- resolved: 2025-01-18 03:40 → 2025-01-18 03:52\n\nThe logs show errors until 03:52.\n');
    const { content, problems } = resolveContent(await readContentFiles(folder.dir), NOW * 1000);
    expect(problems).toEqual([]);
    expect(content.incidents[0]!.updates.find((update) => update.status === 'correction')!.text.en!.markdown).toContain('The logs show errors until 03:52.');
  });

  it('keeps every update in both files when several editors post at once', async () => {
    const folder = await opened();
    const messages = [1, 2, 3, 4].map((n) => [`第 ${n} 条。`, `Number ${n}.`] as const);
    const results = await Promise.all(messages.map(([chinese, english], index) => folder.update(ID, 'update', chinese, '--message-en', english, '--at', `2025-03-01 09:1${index}`)));
    for (const result of results) expect(result.code, result.output).toBe(0);
    for (const [chinese, english] of messages) {
      expect(folder.read(ORIGINAL).split(chinese)).toHaveLength(2);
      expect(folder.read(ENGLISH).split(english)).toHaveLength(2);
    }
    expect((await folder.incident()).updates.filter((update) => update.text.en !== undefined)).toHaveLength(5);
  });
});

describe('what the commands refuse, writing nothing', () => {
  it('writes neither file when the original would pass but the translation would not', async () => {
    const folder = await opened();
    // A translator's slip: a field only the original may set.
    folder.write(ENGLISH, folder.read(ENGLISH).replace('title: Upload failures in Hangzhou\n', 'title: Upload failures in Hangzhou\nlevel: partial-outage\n'));
    const before = folder.snapshot();
    const result = await folder.update(ID, 'identified', '部署有误。', '--message-en', 'A bad deploy.', '--at', '2025-03-01 09:10');
    expect(result).toEqual({
      code: 1,
      output: `${folder.file(ENGLISH)}:4: 'level' in a translation: times, levels, services and the cause are set in the original only; remove it; change it in ${folder.file(ORIGINAL)} if it is wrong\nnothing was written`,
    });
    expect(folder.snapshot()).toEqual(before);
    // The original alone passes: the same update without the English words is written.
    expect((await folder.update(ID, 'identified', '部署有误。', '--at', '2025-03-01 09:10')).code).toBe(0);
  });

  it('writes neither file when the translation is read-only', async () => {
    const folder = await opened();
    chmodSync(folder.file(ENGLISH), 0o444);
    const before = folder.snapshot();
    expect(await folder.update(ID, 'identified', '部署有误。', '--message-en', 'A bad deploy.', '--at', '2025-03-01 09:10')).toEqual({
      code: 1,
      output: `${folder.file(ENGLISH)} is read-only; make it writable (chmod u+w ${folder.file(ENGLISH)}) and run the command again; nothing was written`,
    });
    expect(folder.snapshot()).toEqual(before);
  });

  it('writes neither file when the translation has a heading the new original does not match', async () => {
    const folder = await opened();
    folder.write(ENGLISH, `${folder.read(ENGLISH)}\n## Monitoring — 2025-03-01 09:05\nWatching.\n`);
    const before = folder.snapshot();
    const result = await folder.resolve(ID, '已恢复。', '--message-en', 'Fixed.', '--at', '2025-03-01 09:30');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`^${folder.file(ENGLISH).replace(/[.]/g, '\\.')}:\\d+: heading '## Monitoring — 2025-03-01 09:05 \\+08:00' matches no update of .*\nnothing was written$`));
    expect(folder.snapshot()).toEqual(before);
  });

  it.each([
    ['a language the site does not list', CHINESE_FIRST, ['update', ID, 'update', '更新。', '--message-fr', 'Mise à jour.'], "--message-fr: 'fr' is not one of the site's languages (site.yaml 'languages': en); use one of those"],
    ["the site's first language", CHINESE_FIRST, ['update', ID, 'update', '更新。', '--title-zh-CN', '标题'], "--title-zh-cn: zh-CN is the site's first language, whose words the command takes as usual (the title, the message), without a language; --<option>-<lang> is for the other languages: en"],
    ['a site with one language', `${SITE_YAML}locale: zh-CN\n`, ['resolve', ID, '已恢复。', '--message-en', 'Fixed.'], "--message-en: the site has one language, zh-CN (site.yaml lists no 'languages'); to publish in en too, add 'languages: [en]' to site.yaml"],
    ['empty words', CHINESE_FIRST, ['update', ID, '--title-en', ' '], '--title-en is empty; give the words in en, or leave it out'],
    ['a title without its language', CHINESE_FIRST, ['update', ID, '--title', 'Uploads'], "--title is given per language: --title-<language>, e.g. --title-en, for one of site.yaml's languages (npm run update -- --help shows every option, with examples)"],
    ['words for an update without one', CHINESE_FIRST, ['update', ID, '--cause', 'platform', '--message-en', 'Ours.'], "--message-en is an update's text in another language: give the status and the message too"],
    ['the same words twice', CHINESE_FIRST, ['update', ID, 'update', '更新。', '--message-en', 'One.', '--message-EN', 'Two.'], '--message-en is given twice; give it once'],
    ['a postmortem translated before the original has one', CHINESE_FIRST, ['postmortem', ID, '--message-en', 'What happened.'], `${ID} has no postmortem yet: write it in zh-CN first (npm run postmortem -- ${ID} "<text>"), with its translation beside it`],
    ['a message that would hide the updates below it', CHINESE_FIRST, ['update', ID, 'update', '更新。', '--message-en', '```\nopen'], 'the text leaves a code block (```), an HTML comment or another HTML block open, which would hide everything below it; close it; nothing was written'],
  ])('refuses %s in one line', async (_, siteYaml, [command, ...args], message) => {
    const folder = site(siteYaml, { [`incidents/2025/${ORIGINAL}`]: '---\ntitle: 杭州地域上传失败\nstarted: 2025-03-01 09:00\naffected: [oss]\n---\n\n## Investigating — 2025-03-01 09:00\n我们正在调查。\n' });
    const before = folder.snapshot();
    expect(await folder[command as 'update' | 'resolve' | 'postmortem'](...args!)).toEqual({ code: 1, output: message });
    expect(folder.snapshot()).toEqual(before);
  });
});

describe('--help', () => {
  it.each([
    ['new', newCommand, ['--message "…"', '--message-<lang> "…"', '--title-<lang> "…"']],
    ['update', updateCommand, ['--message-<lang> "…"', '--title-<lang> "…"']],
    ['resolve', resolveCommand, ['--message-<lang> "…"', '--title-<lang> "…"']],
    ['postmortem', postmortemCommand, ['--message-<lang> "…"', '--title-<lang> "…"']],
    ['correct', correctCommand, ['--message-<lang> "…"', '--title-<lang> "…"']],
  ] as const)('of %s lists the other languages\' options and says how they are written', async (_, command, flags) => {
    const help = (await command(['--help'], {})).stdout;
    for (const flag of flags) expect(help).toContain(`\n  ${flag}`);
    expect(help).toContain("On a site with other languages (site.yaml 'languages'), --title-<lang> and --message-<lang> write");
  });
});
