/**
 * Broken and hostile content folders: each gives one `path:line: what; fix`
 * line per mistake, never a crash, never a silent drop.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { textFault } from '../../src/contract/fields.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { DESIGN_EXAMPLE, SERVICES_YAML, SITE_YAML, writeContentFolder, type FolderFiles } from '../builders.ts';

/** How the check says to fix a time before 1970. */
const EARLY = 'check the year and the offset: it is likely a typo (times start at 1970-01-01 00:00 UTC)';

/** Now for the reads in these tests: after every time they write. */
const READ_NOW = Date.parse('2026-01-01T00:00:00Z');

const project = path.resolve(import.meta.dirname, '..', '..');

/** An incident on `ecs` that passes every check, with `title` and `body`. */
function incidentFile(title = 'Storage errors', body = '## Investigating — 2025-01-18 02:20\nLooking.\n'): string {
  return `---\ntitle: ${JSON.stringify(title)}\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\n${body}`;
}

/** Writes a content folder, lets `prepare` break it, and returns the problems with the folder's path shown as `content`. */
async function problemsIn(files: FolderFiles, prepare: (dir: string) => void = () => {}): Promise<string[]> {
  const dir = writeContentFolder(files);
  prepare(dir);
  const { problems } = resolveContent(await readContentFiles(dir), READ_NOW);
  return problems.map((problem) => formatProblem(problem).replaceAll(dir, 'content'));
}

/** Runs `npm run check`'s script on a folder, as an editor would (as the user nobody when `asNobody`). */
function runCheck(dir: string, asNobody = false) {
  const result = spawnSync(process.execPath, [path.join(project, 'scripts', 'check-content.ts')], {
    encoding: 'utf8',
    env: { ...process.env, STATUS_CONTENT_DIR: dir },
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A services.yaml whose aliases double at every level: a "billion laughs". */
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghijk'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghijk'[index]}`).join(', ')}]`)].join('\n');

describe('crashes become one line each', () => {
  it.each<{ what: string; files: FolderFiles; expected: string }>([
    {
      what: 'a YAML alias bomb',
      files: { 'services.yaml': ALIAS_BOMB },
      expected: 'content/services.yaml:1: the YAML\'s aliases (*name) expand to more than 100 copies; write the values out instead of repeating anchors (&name) within each other',
    },
    {
      what: '5,000-deep YAML nesting',
      files: { 'services.yaml': `${'['.repeat(5000)}${']'.repeat(5000)}` },
      expected: 'content/services.yaml:1: YAML cannot be read: it is nested too deeply; content files nest a few levels at most (16 are allowed): check the brackets and the indentation',
    },
    {
      what: 'emphasis nested 2,000 deep in 12 kB, which overflows the Markdown parser',
      files: { 'incidents/2025-01-18-x.md': incidentFile('Deep', `## Investigating — 2025-01-18 02:20\n${'*a '.repeat(2000)}x${' a*'.repeat(2000)}\n`) },
      expected: 'content/incidents/2025-01-18-x.md:6: the text nests Markdown too deeply to be read (emphasis, links, quotes or lists inside one another, thousands deep); write it flatter, with fewer marks (*, _, ~, [ ]) inside one another',
    },
    {
      what: 'YAML nested deeper than the limit but not enough to overflow',
      files: { 'sla.yaml': `- ${'['.repeat(40)}${']'.repeat(40)}` },
      expected: 'content/sla.yaml:1: the YAML nests more than 16 levels deep; content files nest a few levels at most (16 are allowed): check the brackets and the indentation',
    },
    {
      what: 'a 5,000-deep block quote',
      files: { 'incidents/2025-01-18-deep.md': incidentFile('Deep', `${'> '.repeat(5000)}hi\n`) },
      expected: 'content/incidents/2025-01-18-deep.md:6: this line nests lists or quotes 5000 levels deep, more than 32; flatten the list or quote',
    },
    {
      what: 'a list nested 300 levels',
      files: { 'incidents/2025-01-18-deep.md': incidentFile('Deep', Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- a\n`).join('')) },
      expected: 'content/incidents/2025-01-18-deep.md:70: this line nests lists or quotes 33 levels deep, more than 32; flatten the list or quote',
    },
  ])('$what', async ({ files, expected }) => {
    const found = await problemsIn(files);
    expect(found[0]).toBe(expected);
  });

  it.each([
    {
      what: 'a dangling symlink under incidents/',
      prepare: (dir: string) => symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'incidents', 'x.md')),
      expected: ['content/incidents/x.md:1: a link to a file or folder that does not exist; point the link at a file in the content folder, or remove it'],
    },
    {
      what: 'incidents that is a file',
      prepare: (dir: string) => writeFileSync(path.join(dir, 'incidents'), 'not a folder'),
      expected: ["content/incidents:1: 'incidents' is a file, not a folder; make incidents/ a folder with one .md file per incident"],
    },
    {
      what: 'site.yaml that is a folder',
      prepare: (dir: string) => {
        rmSync(path.join(dir, 'site.yaml'));
        mkdirSync(path.join(dir, 'site.yaml'));
      },
      expected: ['content/site.yaml:1: site.yaml is a folder, not a file; make site.yaml a plain text file'],
    },
    {
      what: 'a link that leads back to itself',
      prepare: (dir: string) => symlinkSync(path.join(dir, 'incidents', 'loop.md'), path.join(dir, 'incidents', 'loop.md')),
      expected: ['content/incidents/loop.md:1: a link that leads back to itself; remove the link'],
    },
  ])('$what', async ({ prepare, expected }) => {
    expect(await problemsIn({}, (dir) => {
      if (!expected[0]!.includes("'incidents' is a file")) mkdirSync(path.join(dir, 'incidents'));
      prepare(dir);
    })).toEqual(expected);
  });

  it.each<{ what: string; files?: FolderFiles; link?: boolean }>([
    { what: 'an alias bomb', files: { 'services.yaml': ALIAS_BOMB } },
    { what: 'deep nesting', files: { 'incidents/2025-01-18-deep.md': incidentFile('Deep', `${'> '.repeat(5000)}hi\n`) } },
    { what: 'a dangling link', link: true },
  ])('npm run check prints one line for $what and exits 1, without a stack', ({ files, link }) => {
    const dir = writeContentFolder(files ?? {});
    if (link) {
      mkdirSync(path.join(dir, 'incidents'), { recursive: true });
      symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'incidents', 'gone.md'));
    }
    const { status, output } = runCheck(dir);
    expect(status).toBe(1);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output.trim().split('\n')[0]).toMatch(/^\/.+:\d+: .+; .+$/);
  });
});

describe('symlinks under incidents/', () => {
  it('follows a linked folder and a linked file that stay inside the content folder', async () => {
    const dir = writeContentFolder({ 'archive/2025/2025-01-18-power.md': DESIGN_EXAMPLE, 'archive/2025-01-19-single.md': incidentFile('Single') });
    mkdirSync(path.join(dir, 'incidents'));
    symlinkSync(path.join(dir, 'archive', '2025'), path.join(dir, 'incidents', '2025'));
    symlinkSync(path.join('..', 'archive', '2025-01-19-single.md'), path.join(dir, 'incidents', '2025-01-19-single.md'));
    const { content, problems } = resolveContent(await readContentFiles(dir), READ_NOW);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.incidents.map((incident) => incident.id).sort()).toEqual(['2025-01-18-power', '2025-01-19-single']);
  });

  it('refuses a link to a file or folder outside the content folder, naming where it leads', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'status-ledger-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), incidentFile('Secret'));
    const found = await problemsIn({ 'incidents/.keep': '' }, (dir) => {
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'incidents', 'secret.md'));
      symlinkSync(outside, path.join(dir, 'incidents', 'elsewhere'));
    });
    expect(found).toEqual([
      `content/incidents/elsewhere:1: a link to '${outside}', outside the content folder; copy the file into the content folder instead of linking to it`,
      `content/incidents/secret.md:1: a link to '${path.join(outside, 'secret.md')}', outside the content folder; copy the file into the content folder instead of linking to it`,
    ]);
  });

  it('refuses a link to a folder that is read already, instead of reading it twice or forever', async () => {
    const found = await problemsIn({ 'incidents/2025/2025-01-18-power.md': DESIGN_EXAMPLE }, (dir) => {
      symlinkSync(path.join(dir, 'incidents'), path.join(dir, 'incidents', '2025', 'again'));
    });
    expect(found).toEqual(["content/incidents/2025/again:1: a link to a folder that is read already ('content/incidents'); remove the link: every incident file is read once"]);
  });

  it('knows a loop also when the content folder is reached through a link', async () => {
    const dir = writeContentFolder({ 'incidents/2025/2025-01-18-power.md': DESIGN_EXAMPLE });
    symlinkSync(path.join(dir, 'incidents'), path.join(dir, 'incidents', '2025', 'again'));
    const via = path.join(mkdtempSync(path.join(tmpdir(), 'status-ledger-via-')), 'content');
    symlinkSync(dir, via);
    const { problems } = resolveContent(await readContentFiles(via), READ_NOW);
    expect(problems.map(formatProblem)).toEqual([`${via}/incidents/2025/again:1: a link to a folder that is read already ('${dir}/incidents'); remove the link: every incident file is read once`]);
  });

  it('refuses a site.yaml linked from outside the content folder', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'status-ledger-outside-'));
    writeFileSync(path.join(outside, 'site.yaml'), SITE_YAML);
    const found = await problemsIn({}, (dir) => {
      rmSync(path.join(dir, 'site.yaml'));
      symlinkSync(path.join(outside, 'site.yaml'), path.join(dir, 'site.yaml'));
    });
    expect(found).toEqual([`content/site.yaml:1: a link to '${path.join(outside, 'site.yaml')}', outside the content folder; copy the file into the content folder instead of linking to it`]);
  });
});

describe('encodings', () => {
  it.each([
    { what: 'UTF-16 with a byte order mark', bytes: Buffer.from(`\uFEFF${SITE_YAML}`, 'utf16le'), expected: 'content/site.yaml:1: not UTF-8 (it starts with a UTF-16 byte order mark); save it as UTF-8' },
    { what: 'UTF-16 without one', bytes: Buffer.from(SITE_YAML, 'utf16le'), expected: 'content/site.yaml:1: not UTF-8 (it holds NUL bytes, as UTF-16 and binary files do); save it as UTF-8' },
    {
      what: 'Latin-1 on line 2',
      bytes: Buffer.concat([Buffer.from('title: Test\ndescription: Caf'), Buffer.from([0xe9]), Buffer.from('\nurl: https://status.test\n')]),
      expected: 'content/site.yaml:2: not UTF-8 (this line has bytes that are not UTF-8); save it as UTF-8',
    },
  ])('says a site.yaml in $what is not UTF-8', async ({ bytes, expected }) => {
    expect(await problemsIn({}, (dir) => writeFileSync(path.join(dir, 'site.yaml'), bytes))).toEqual([expected]);
  });

  it('says an incident with invalid UTF-8 is not UTF-8, instead of publishing "Test ���"', async () => {
    const found = await problemsIn({}, (dir) => {
      mkdirSync(path.join(dir, 'incidents'));
      writeFileSync(path.join(dir, 'incidents', '2025-01-18-x.md'), Buffer.concat([Buffer.from(incidentFile('Test ')), Buffer.from([0xff, 0xfe, 0xfd, 0x0a])]));
    });
    expect(found).toEqual(['content/incidents/2025-01-18-x.md:8: not UTF-8 (this line has bytes that are not UTF-8); save it as UTF-8']);
  });

  it('reads UTF-8 with a byte order mark', async () => {
    expect(await problemsIn({ 'site.yaml': `\uFEFF${SITE_YAML}`, 'incidents/2025-01-18-x.md': `\uFEFF${incidentFile()}` })).toEqual([]);
  });
});

describe('limits', () => {
  it.each<{ what: string; files: FolderFiles; expected: string }>([
    { what: 'a 201-character title', files: { 'incidents/2025-01-18-x.md': incidentFile('x'.repeat(201)) }, expected: "content/incidents/2025-01-18-x.md:2: 'title' is 201 characters long, more than 200; shorten it" },
    { what: 'a 101-character service name', files: { 'services.yaml': `${SERVICES_YAML}- id: long\n  name: ${'n'.repeat(101)}\n` }, expected: "content/services.yaml:16: 'name' is 101 characters long, more than 100; shorten it" },
    { what: 'a 501-character description', files: { 'site.yaml': SITE_YAML.replace('Status of the test cloud', 'd'.repeat(501)) }, expected: "content/site.yaml:2: 'description' is 501 characters long, more than 500; shorten it" },
    { what: 'a 101-character support label', files: { 'site.yaml': SITE_YAML.replace('label: Hotline', `label: ${'l'.repeat(101)}`) }, expected: "content/site.yaml:6: 'label' is 101 characters long, more than 100; shorten it" },
    {
      what: 'a body over 100,000 characters',
      files: { 'incidents/2025-01-18-x.md': incidentFile('Long', `## Investigating — 2025-01-18 02:20\n${'word '.repeat(20_001)}\n`) },
      expected: 'content/incidents/2025-01-18-x.md:6: the text below the front matter is 100,042 characters long, more than 100,000; shorten it, or link to a longer document',
    },
    {
      what: 'a 5 MB title in a 5 MB file',
      files: { 'incidents/2025-01-18-x.md': incidentFile('x'.repeat(5 * 1024 * 1024)) },
      expected: 'content/incidents/2025-01-18-x.md:1: the file is 5 MB, more than the 1 MB a content file may be; shorten it, or link to a longer document',
    },
  ])('refuses $what', async ({ files, expected }) => {
    expect(await problemsIn(files)).toEqual([expected]);
  });

  it('takes a title of exactly 200 characters and a name of exactly 100, counted in characters, not bytes', async () => {
    expect(await problemsIn({ 'incidents/2025-01-18-x.md': incidentFile('存'.repeat(200)), 'services.yaml': `${SERVICES_YAML}- id: wide\n  name: ${'😀'.repeat(100)}\n` })).toEqual([]);
  });
});

describe('characters', () => {
  it.each<{ what: string; files: FolderFiles; expected: string }>([
    { what: 'a control character in a service name', files: { 'services.yaml': `${SERVICES_YAML}- id: x\n  name: "Ser\\u0001vice"\n` }, expected: "content/services.yaml:16: 'name' holds a control character (U+0001); delete it: it is invisible, and breaks feeds and badges" },
    { what: 'a raw control character in a YAML file', files: { 'services.yaml': `${SERVICES_YAML}- id: x\n  name: Ser\u000bvice\n` }, expected: 'content/services.yaml:16: a control character (U+000B) on this line; delete it: it is invisible, and breaks feeds and badges' },
    { what: 'a bidi override in a service name', files: { 'services.yaml': `${SERVICES_YAML}- id: x\n  name: "\\u202eServerless Functions"\n` }, expected: "content/services.yaml:16: 'name' holds a bidi control character (U+202E); delete it: it can reorder the text around it, and right-to-left letters need none" },
    { what: 'a raw bidi isolate in a title', files: { 'incidents/2025-01-18-x.md': incidentFile('Storage \u2067errors') }, expected: 'content/incidents/2025-01-18-x.md:2: a bidi control character (U+2067) on this line; delete it: it can reorder the text around it, and right-to-left letters need none' },
    { what: 'a line break in a title', files: { 'incidents/2025-01-18-x.md': incidentFile('Storage\rerrors') }, expected: "content/incidents/2025-01-18-x.md:2: 'title' holds a line break or a tab; write it on one line" },
    { what: 'U+2028 in a group', files: { 'services.yaml': `${SERVICES_YAML}- id: x\n  name: X\n  group: "A\\u2028B"\n` }, expected: "content/services.yaml:17: 'group' holds a line break or a tab; write it on one line" },
    { what: 'an unpaired surrogate in a tier name', files: { 'sla.yaml': '- id: s\n  name: S\n  objective: 99\n  tiers:\n    - { id: t, name: "T\\ud800", below: 99 }\n', 'services.yaml': '- id: ecs\n  name: Compute\n' }, expected: "content/sla.yaml:5: 'name' holds an invalid character (U+D800); delete it: it is invisible, and breaks feeds and badges" },
    { what: 'a control character in an update', files: { 'incidents/2025-01-18-x.md': incidentFile('X', '## Investigating — 2025-01-18 02:20\nLoo\u0008king.\n') }, expected: 'content/incidents/2025-01-18-x.md:7: a control character (U+0008) on this line; delete it: it is invisible, and breaks feeds and badges' },
  ])('refuses $what, with its line', async ({ files, expected }) => {
    expect(await problemsIn(files)).toEqual([expected]);
  });

  it('keeps right-to-left letters in names and titles, and bidi marks in update text', async () => {
    const dir = writeContentFolder({
      'services.yaml': `${SERVICES_YAML}- id: store\n  name: مخزن البيانات 3\n`,
      'incidents/2025-01-18-x.md': incidentFile('تعطل الخدمة (EU-1)', '## Investigating — 2025-01-18 02:20\nنحن نحقق\u200f (EU-1).\n'),
    });
    const { content, problems } = resolveContent(await readContentFiles(dir), READ_NOW);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.services.at(-1)!.name.en).toBe('مخزن البيانات 3');
    expect(content.incidents[0]!.updates[0]!.text.en!.html).toContain('\u200f');
  });

  it('prints what a message quotes from content as visible escapes, so each problem stays one line', async () => {
    const found = await problemsIn({ 'incidents/2025-01-18-x.md': incidentFile('X').replace('affected: [ecs]', 'affected: ["ec\\rs\\u202e"]') });
    expect(found).toEqual(["content/incidents/2025-01-18-x.md:4: unknown service 'ec\\u000Ds\\u202E'; did you mean 'ecs'? (services are in services.yaml)"]);
  });
});

describe('the characters a name may not hold, and how a message quotes them', () => {
  it.each(['\u0001', '\t', '\n', '\u007f', '\u0085', '\u2028', '\u202e', '\u2066', '\u200f', '\u061c', '\ufffe', '\ud800', '\udc00'])(
    'refuses %j in a name, and a message quoting it shows it as \\uXXXX',
    (character) => {
      expect(textFault(`a${character}b`, 'name')).toBeDefined();
      const line = formatProblem({ file: 'f.yaml', line: 1, message: `quoted a${character}b`, fix: 'fix' });
      expect(line).toBe(`f.yaml:1: quoted a\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}b; fix`);
    },
  );
});

describe('what the check refuses that used to pass', () => {
  it.each([
    { what: 'a year 0026 (read as 1926 before)', text: incidentFile().replace('2025-01-18 02:11', '0026-01-18 02:11'), expected: `content/incidents/2025-01-18-x.md:3: 'started' is in the year 0026, before 1970; ${EARLY}` },
    { what: 'a year 0999 with an offset', text: incidentFile().replace('2025-01-18 02:11', '0999-01-18T02:11Z'), expected: `content/incidents/2025-01-18-x.md:3: 'started' is in the year 0999, before 1970; ${EARLY}` },
    { what: 'the last minute of 1969', text: incidentFile().replace('2025-01-18 02:11', '1969-12-31T23:59Z'), expected: `content/incidents/2025-01-18-x.md:3: 'started' is in the year 1969, before 1970; ${EARLY}` },
    { what: 'a 1970 wall time that its offset puts in 1969 (a 1969-12 month in the API)', text: incidentFile().replace('2025-01-18 02:11', '1970-01-01 00:00+08:00'), expected: `content/incidents/2025-01-18-x.md:3: 'started' is 1969-12-31 16:00 UTC, before 1970; ${EARLY}` },
    { what: 'a 1970 wall time in a zone east of UTC', text: incidentFile().replace('2025-01-18 02:11', '1970-01-01 07:59'), expected: `content/incidents/2025-01-18-x.md:3: 'started' is 1969-12-31 23:59 UTC, before 1970; ${EARLY}` },
    { what: 'an end before 1970', text: incidentFile().replace('started: 2025-01-18 02:11', 'started: 2025-01-18 02:11\nresolved: 1969-07-20 20:17Z'), expected: `content/incidents/2025-01-18-x.md:4: 'resolved' is in the year 1969, before 1970; ${EARLY}` },
    { what: 'an update heading in 1969', text: incidentFile('Storage errors', '## Investigating — 1969-12-31 23:00\nLooking.\n'), expected: `content/incidents/2025-01-18-x.md:6: heading '## Investigating — 1969-12-31 23:00' is in the year 1969, before 1970; ${EARLY}` },
    { what: 'an update heading that its offset puts in 1969', text: incidentFile('Storage errors', '## Investigating — 1970-01-01 00:30+01:00\nLooking.\n'), expected: `content/incidents/2025-01-18-x.md:6: heading '## Investigating — 1970-01-01 00:30+01:00' is 1969-12-31 23:30 UTC, before 1970; ${EARLY}` },
  ])('refuses $what, saying it is before 1970', async ({ text, expected }) => {
    const found = await problemsIn({ 'incidents/2025-01-18-x.md': text });
    expect(found[0]).toBe(expected);
  });

  it('takes 1970-01-01 00:00 UTC, the first instant a time may be', async () => {
    const text = incidentFile('Storage errors', '## Investigating — 1970-01-01 08:00\nLooking.\n').replace('2025-01-18 02:11', '1970-01-01T00:00Z');
    expect(await problemsIn({ 'incidents/1970-01-01-x.md': text })).toEqual([]);
  });

  it.each([
    { what: 'an empty sla.yaml', sla: '', expected: "content/sla.yaml:1: sla.yaml is empty; add at least one policy ('- id: standard' …), or write [] for a site without SLAs" },
    { what: 'an sla.yaml of comments only', sla: '# policies come later\n', expected: "content/sla.yaml:1: sla.yaml is empty; add at least one policy ('- id: standard' …), or write [] for a site without SLAs" },
  ])('refuses $what, as a missing one is refused', async ({ sla, expected }) => {
    expect(await problemsIn({ 'sla.yaml': sla, 'services.yaml': '- id: ecs\n  name: Compute\n' })).toEqual([expected]);
  });

  it('takes an explicit [] in sla.yaml as "no SLA"', async () => {
    const dir = writeContentFolder({ 'sla.yaml': '[]\n', 'services.yaml': '- id: ecs\n  name: Compute\n' });
    const { content, problems } = resolveContent(await readContentFiles(dir), READ_NOW);
    expect(problems).toEqual([]);
    expect(content.services[0]!.sla).toBeNull();
  });

  it.each([
    { id: 'overall', expected: "content/services.yaml:15: service id 'overall' is reserved: 'overall' is the site's own badge (/badges/overall.svg); choose another id" },
    { id: 'ecs-uptime', expected: "content/services.yaml:15: service id 'ecs-uptime' is reserved: ids ending in '-uptime' name the uptime badges (/badges/<id>-uptime.svg); choose another id" },
  ])('reserves the badge name $id', async ({ id, expected }) => {
    expect(await problemsIn({ 'services.yaml': `${SERVICES_YAML}- id: ${id}\n  name: X\n` })).toEqual([expected]);
  });

  it.each(['con.md', 'prn.md', 'aux.md', 'nul.md', 'com1.md', 'lpt9.md', 'com0.md', 'nul.en.md', 'CON.md', 'Aux.md'])('refuses the incident file name %s, a device name on Windows', async (name) => {
    const found = await problemsIn({ [`incidents/${name}`]: incidentFile() });
    expect(found).toContain(`content/incidents/${name}:1: file name '${name}' is a device name on Windows (CON, PRN, AUX, NUL, COM0–9, LPT0–9, in any case, with any extension): a repository holding it cannot be checked out there; rename the file, e.g. 2025-01-18-console-outage.md`);
  });

  it.each(['console.md', 'null.md', 'com10.md', 'auxiliary.md', '2025-01-18-con.md', 'con-outage.md'])('takes the incident file name %s', async (name) => {
    expect(await problemsIn({ [`incidents/${name}`]: incidentFile() })).toEqual([]);
  });

  it.each(['nul', 'con', 'aux', 'prn', 'com1', 'lpt3'])('reserves the service id %s, a device name on Windows', async (id) => {
    expect(await problemsIn({ 'services.yaml': `${SERVICES_YAML}- id: ${id}\n  name: X\n` })).toEqual([
      `content/services.yaml:15: service id '${id}' is reserved: it is a device name on Windows (CON, PRN, AUX, NUL, COM0–9, LPT0–9, in any case, with any extension), which cannot name the service's folder and badge there; choose another id`,
    ]);
  });

  it.each(['nullable', 'consoles', 'com10', 'nul-eu'])('takes the service id %s', async (id) => {
    expect(await problemsIn({ 'services.yaml': `${SERVICES_YAML}- id: ${id}\n  name: X\n` })).toEqual([]);
  });

  it.each([
    { url: 'https://status.test/a%20b', fault: 'has characters in its path that links would need to escape', fix: "use only letters, digits, '-', '.', '_', '~' and '/' in the path" },
    { url: 'https://status.test/a b', fault: 'has characters in its path that links would need to escape', fix: "use only letters, digits, '-', '.', '_', '~' and '/' in the path" },
    { url: "https://status.test/it's", fault: 'has characters in its path that links would need to escape', fix: "use only letters, digits, '-', '.', '_', '~' and '/' in the path" },
    { url: 'https://status.test/"x"', fault: 'has characters in its path that links would need to escape', fix: "use only letters, digits, '-', '.', '_', '~' and '/' in the path" },
    { url: 'https://status.test/?page=1', fault: 'has a query (?…)', fix: 'remove it: pages and feeds add their own paths to the address' },
    { url: 'https://status.test/#top', fault: 'has a fragment (#…)', fix: 'remove it: pages and feeds add their own paths to the address' },
    { url: 'https://user:secret@status.test', fault: 'holds a user name or password', fix: 'remove them: the address is public' },
    { url: 'ftp://status.test', fault: 'is not an absolute http(s) address', fix: 'write the public address, e.g. https://status.example.com' },
    { url: 'https:status.test', fault: 'is not an absolute http(s) address', fix: 'write the public address, e.g. https://status.example.com' },
    { url: 'https://exa mple.com', fault: 'is not an absolute http(s) address', fix: 'write the public address, e.g. https://status.example.com' },
  ])("refuses the url '$url'", async ({ url, fault, fix }) => {
    const found = await problemsIn({ 'site.yaml': SITE_YAML.replace('url: https://status.test', `url: ${JSON.stringify(url)}`) });
    expect(found).toEqual([`content/site.yaml:3: 'url' ${fault}: '${url}'; ${fix}`]);
  });

  it.each([
    ['https://status.test/', 'https://status.test'],
    ['HTTPS://Status.Test:443/Status/', 'https://status.test/Status'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['https://bücher.example/status', 'https://xn--bcher-kva.example/status'],
  ])('takes the url %s as %s', async (url, expected) => {
    const dir = writeContentFolder({ 'site.yaml': SITE_YAML.replace('url: https://status.test', `url: ${url}`) });
    const { content, problems } = resolveContent(await readContentFiles(dir), READ_NOW);
    expect(problems).toEqual([]);
    expect(content.site.url).toBe(expected);
  });
});

describe('many problems in one file', () => {
  it('lists a control character on each of 200,000 front matter lines, one problem each, without overflowing the stack', async () => {
    const front = '\u0001\n'.repeat(200_000).trimEnd();
    const found = await problemsIn({ 'incidents/2025-01-18-x.md': `---\n${front}\n---\n` });
    expect(found).toHaveLength(200_000);
    expect(found[0]).toBe("content/incidents/2025-01-18-x.md:2: a control character (U+0001) on this line; delete it: it is invisible, and breaks feeds and badges");
  });
});

describe('a content file the check may not read', () => {
  it('is reported with its path, not thrown', () => {
    const dir = writeContentFolder({ 'incidents/2025-01-18-x.md': incidentFile() });
    chmodSync(path.join(dir, 'incidents', '2025-01-18-x.md'), 0);
    // Root reads any file: run the check as nobody then, as an editor without the right would.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) for (const folder of [dir, path.join(dir, 'incidents')]) chmodSync(folder, 0o755);
    for (const file of ['site.yaml', 'services.yaml', 'sla.yaml']) chmodSync(path.join(dir, file), 0o644);
    const { status, output } = runCheck(dir, asNobody);
    expect(status).toBe(1);
    expect(output.split('\n')[0]).toBe(`${path.join(dir, 'incidents', '2025-01-18-x.md')}:1: cannot be read (EACCES); check that you may read it`);
  });
});
