import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import {
  addAffected,
  addToPostmortem,
  addUpdate,
  bodyText,
  editorTime,
  incidentText,
  newIncidentText,
  postmortemFollowUps,
  removeAffected,
  removeField,
  setField,
  setResolved,
  setScheduled,
  setServiceOverride,
  slugify,
  titleSlug,
  yamlScalar,
} from '../../src/editor/incident-file.ts';
import { lexMarkdown } from '../../src/contract/markdown.ts';
import { at, SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

const zone = 'Asia/Shanghai';

/** Reads one incident file back through the contract, as the build would. */
function readBack(text: string) {
  const { content, problems } = resolveContent({
    dir: 'content',
    site: SITE_YAML,
    services: SERVICES_YAML,
    sla: SLA_YAML,
    incidents: [{ path: 'content/incidents/x.md', text }],
    others: [],
  }, Date.parse('2026-01-01T00:00:00Z'));
  return { incident: content.incidents[0], problems: problems.map(formatProblem) };
}

describe('newIncidentText', () => {
  it('writes an incident the build reads back, with an Investigating update at now', () => {
    const text = newIncidentText({ title: 'API errors', services: ['ecs', 'oss'], level: 'partial-outage', cause: 'platform', now: at('2025-01-18 02:11'), timeZone: zone });
    const { incident, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(incident).toMatchObject({ title: { en: 'API errors' }, cause: 'platform', level: 'partial-outage', started: at('2025-01-18 02:11'), resolved: null });
    expect(incident!.affected.map((affected) => affected.service)).toEqual(['ecs', 'oss']);
    expect(incident!.updates.map((update) => [update.status, update.at])).toEqual([['investigating', at('2025-01-18 02:11')]]);
  });

  it('writes a maintenance with its window and a Scheduled update', () => {
    const window = { from: at('2025-02-01 01:00'), to: at('2025-02-01 03:00') };
    const { incident, problems } = readBack(newIncidentText({ title: 'Upgrade', services: ['ecs'], now: at('2025-01-20 10:00'), timeZone: zone, maintenance: window }));
    expect(problems).toEqual([]);
    expect(incident).toMatchObject({ kind: 'maintenance', scheduled: window, started: window.from });
    expect(incident!.updates[0]!.status).toBe('scheduled');
  });

  it.each(['Errors: 50% of requests', '#1 priority', '- dash first', 'yes', '"quoted"', "it's <b>bold</b> & 'odd'", '上海地域对象存储请求失败', '  padded  ',
    '1.50', '1e3', '0x1F', '0o17', '.inf', '-.5', '+1', 'null', '~', 'true', 'False', '2025-01-18 02:11', '[a, b]', '{a: b}', '@here', '`tick`', '%TAG',
    'a #b', 'key: value', '!important', '&anchor', '*alias', '|', '>', '?', "'", '"', '\\', '— dash', 'x'.repeat(200)])(
    'keeps the title %j exactly as typed',
    (title) => {
      const { incident, problems } = readBack(newIncidentText({ title, services: ['ecs'], now: at('2025-01-18 02:11'), timeZone: zone }));
      expect(problems).toEqual([]);
      expect(incident!.title.en).toBe(title.trim());
    },
  );
});

describe('slugify', () => {
  it.each([
    ['Instances unreachable in Hangzhou zone H', 'instances-unreachable-in-hangzhou-zone-h'],
    ['API errors: 5xx (EU)', 'api-errors-5xx-eu'],
    ['Café résumé', 'cafe-resume'],
    ['上海地域', 'incident'],
    ['Elevated error rates for object uploads in the Frankfurt region today', 'elevated-error-rates-for-object-uploads-in-the-frankfurt'],
    ['x'.repeat(70), 'x'.repeat(60)],
  ])('makes %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});

describe('titleSlug', () => {
  it.each([
    ['上海地域对象存储请求失败', 'shang-hai-di-yu-dui-xiang-cun-chu-qing-qiu-shi-bai'],
    ['杭州可用区H 故障', 'hang-zhou-ke-yong-qu-h-gu-zhang'],
    ['华东1（杭州）ECS实例无法访问', 'hua-dong-1-hang-zhou-ecs-shi-li-wu-fa-fang-wen'],
    ['OSS 上海 upload 失败', 'oss-shang-hai-upload-shi-bai'],
    ['银行转账延迟', 'yin-hang-zhuan-zhang-yan-chi'],
    ['重庆节点重启', 'chong-qing-jie-dian-chong-qi'],
    ['绿色通道', 'lv-se-tong-dao'],
    ['華東區域網絡故障', 'hua-dong-qu-yu-wang-luo-gu-zhang'],
    ['API errors', 'api-errors'],
  ])('spells %j as %j: Chinese characters in pinyin, read by the word they stand in', async (title, slug) => {
    expect(await titleSlug(title)).toBe(slug);
  });

  it('cuts a long Chinese title between syllables', async () => {
    const slug = await titleSlug('上海地域对象存储请求失败上海地域对象存储请求失败');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^shang-hai-di-yu-(?:[a-z]+-)*[a-z]+$/);
    expect('shang-hai-di-yu-dui-xiang-cun-chu-qing-qiu-shi-bai-shang-hai-di-yu-dui'.startsWith(slug)).toBe(true);
  });
});

const EXISTING = `---
title: API errors   # keep this comment
started: 2025-01-18 02:11
affected: [ecs]
---
Summary line.

## Identified — 2025-01-18 02:40
Found it.

## Investigating — 2025-01-18 02:20
Looking.

## Postmortem
- [ ] Drill
`;

describe('addUpdate', () => {
  it('adds the update above the newest one and changes nothing else', () => {
    const text = addUpdate(EXISTING, { status: 'monitoring', at: at('2025-01-18 03:00'), message: 'Watching.', timeZone: zone });
    expect(text).toBe(EXISTING.replace('## Identified', '## Monitoring — 2025-01-18 03:00\nWatching.\n\n## Identified'));
    expect(readBack(text).problems).toEqual([]);
  });

  it('adds the first update after the summary, before the postmortem', () => {
    const bare = '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\nSummary.\n\n## Postmortem\nWhy.\n';
    const text = addUpdate(bare, { status: 'investigating', at: at('2025-01-18 02:20'), message: 'Looking.', timeZone: zone });
    expect(text).toBe(bare.replace('## Postmortem', '## Investigating — 2025-01-18 02:20\nLooking.\n\n## Postmortem'));
  });

  it('appends to a file with only a summary', () => {
    const bare = '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\nSummary.\n';
    expect(addUpdate(bare, { status: 'update', at: at('2025-01-18 02:20'), message: 'More.', timeZone: zone })).toBe(
      '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\nSummary.\n\n## Update — 2025-01-18 02:20\nMore.\n',
    );
  });

  it('keeps Windows line endings', () => {
    const crlf = EXISTING.replace(/\n/g, '\r\n');
    const text = addUpdate(crlf, { status: 'monitoring', at: at('2025-01-18 03:00'), message: 'Watching.', timeZone: zone });
    expect(text).not.toMatch(/[^\r]\n/);
  });
});

describe('setResolved', () => {
  it('adds resolved after started, keeping comments and order', () => {
    const text = setResolved(EXISTING, at('2025-01-18 03:40'), zone);
    expect(text).toBe(EXISTING.replace('started: 2025-01-18 02:11\n', 'started: 2025-01-18 02:11\nresolved: 2025-01-18 03:40\n'));
  });

  it('replaces an existing resolved line', () => {
    const once = setResolved(EXISTING, at('2025-01-18 03:40'), zone);
    expect(setResolved(once, at('2025-01-18 04:00'), zone)).toBe(once.replace('resolved: 2025-01-18 03:40', 'resolved: 2025-01-18 04:00'));
  });

  it('makes, with the Resolved update, a file the build accepts', () => {
    const resolvedAt = at('2025-01-18 03:40');
    const text = addUpdate(setResolved(EXISTING, resolvedAt, zone), { status: 'resolved', at: resolvedAt, message: 'Fixed.', timeZone: zone });
    const { incident, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(incident!.resolved).toBe(resolvedAt);
    expect(incident!.updates[0]!.status).toBe('resolved');
  });
});

describe('yamlScalar', () => {
  it.each(['a\nb', 'a\r\nb', 'a\rb', 'line\u2028separator'])('refuses %j: a value is one line', (value) => {
    expect(() => yamlScalar(value, 'the title')).toThrow('the title must be one line');
  });
});

describe('newIncidentText with values that could become structure', () => {
  it('refuses a title with a newline instead of writing front matter keys', () => {
    expect(() => newIncidentText({ title: 'API errors\nresolved: 2025-01-18 03:00', services: ['ecs'], now: at('2025-01-18 02:11'), timeZone: zone })).toThrow('must be one line');
  });

  it.each([
    ['a cause', { cause: 'platform\nresolved: 2025-01-18 03:00' }],
    ['a service id', { affected: ['ecs\nresolved: 2025-01-18 03:00'] }],
    ['a level', { level: 'major-outage\nresolved: 2025-01-18 03:00' }],
  ])('refuses %s with a newline instead of writing front matter keys', (_, values) => {
    expect(() => incidentText({ title: 'T', started: at('2025-01-18 02:11'), affected: ['ecs'], updates: [], timeZone: zone, ...values })).toThrow('must be one line');
  });

  it('writes an odd service id quoted, so the check names it rather than reading another value', () => {
    const text = incidentText({ title: 'T', started: at('2025-01-18 02:11'), affected: ['null', '1e3'], updates: [], timeZone: zone });
    expect(readBack(text).problems).toEqual([
      "content/incidents/x.md:5: unknown service 'null'; the closest known id is 'ecs' (services are in services.yaml)",
      "content/incidents/x.md:6: unknown service '1e3'; the closest known id is 'ecs' (services are in services.yaml)",
    ]);
  });
});

/** Top-level headings of level 1 or 2 that Markdown text would give: what our timeline reads as structure. */
function ourHeadings(markdown: string): string[] {
  return lexMarkdown(markdown).flatMap((token) => (token.type === 'heading' && token.depth <= 2 ? [token.raw.trim()] : []));
}

describe('bodyText', () => {
  it.each([
    ['an update heading', '## Update — 2025-01-18 03:00'],
    ['an indented one', '   ## Resolved — 2025-01-18 03:00'],
    ['a postmortem heading', '## Postmortem'],
    ['a Chinese one', '## 复盘'],
    ['a level-1 heading', '# Title'],
    ['an empty heading', '##'],
    ['a tab after the marks', '##\tUpdate — 2025-01-18 03:00'],
    ['a setext level-2 underline', 'Resolved — 2025-01-18 03:00\n---'],
    ['a setext level-1 underline', 'Big news\n==='],
    ['an indented underline', 'Text\n   ---'],
    ['a heading after other lines', 'We rolled back.\n\n## Resolved — 2025-01-18 03:00\nAll good.'],
  ])('keeps %s from becoming a heading, showing the same words', (_, text) => {
    const written = bodyText(text);
    expect(ourHeadings(written)).toEqual([]);
    expect(written.replace(/\\/g, '')).toBe(text.trim());
  });

  it('leaves text without headings as it was, deeper headings and code included', () => {
    const text = 'A line.\n\n### Details\n- item\n\n```\n## not a heading in code\n```\n\n---\n\nAfter a rule.';
    expect(bodyText(text)).toBe(text);
  });

  it.each([
    ['an unclosed code fence', 'See:\n```\ncode'],
    ['an unclosed tilde fence', '~~~'],
    ['an unclosed HTML comment', 'text\n\n<!-- hidden'],
  ])('refuses %s, which would swallow the updates below it', (_, text) => {
    expect(() => bodyText(text)).toThrow(/leaves .* open/);
  });
});

describe('addUpdate with hostile messages', () => {
  it.each([
    '## Update — 2025-01-18 03:30\nInjected.',
    '  ## Resolved — 2025-01-18 03:30',
    'Fine.\n\n## Postmortem\nNot ours.',
    'Resolved — 2025-01-18 03:30\n---',
    '## 已解决 — 2025-01-18 03:30',
  ])('adds exactly one update for the message %j, and keeps its words', (message) => {
    const text = addUpdate(EXISTING, { status: 'monitoring', at: at('2025-01-18 03:00'), message, timeZone: zone });
    const { incident, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(incident!.updates.map((update) => update.status)).toEqual(['monitoring', 'identified', 'investigating']);
    expect(incident!.postmortem!.en!.actions).toHaveLength(1);
  });
});

describe('editorTime', () => {
  it.each([
    ['a plain time', '2025-01-17T18:11:40Z', 'Asia/Shanghai', '2025-01-18 02:11'],
    ['the first pass of a repeated hour', '2024-10-27T00:30:00Z', 'Europe/Berlin', '2024-10-27 02:30'],
    ['the second pass, with its offset', '2024-10-27T01:30:00Z', 'Europe/Berlin', '2024-10-27 02:30 +01:00'],
    ['the second pass of a half-hour change', '2024-04-06T15:15:00Z', 'Australia/Lord_Howe', '2024-04-07 01:45 +10:30'],
  ])('writes %s so that it reads back as the same minute', (_, iso, timeZone, expected) => {
    const written = editorTime(Date.parse(iso), timeZone);
    expect(written).toBe(expected);
    expect(at(written, timeZone)).toBe(Math.floor(Date.parse(iso) / 60_000) * 60_000);
  });
});

describe('edits keep each line as it was, its line end included (issue 21, 10)', () => {
  const resolvedAt = at('2025-01-18 03:40');
  const resolve = (text: string) => addUpdate(setResolved(text, resolvedAt, zone), { status: 'resolved', at: resolvedAt, message: 'Fixed.', timeZone: zone });
  const lf = resolve(EXISTING);

  it('adds an update to, and resolves, a file with CR-only line ends, which the reader reads', () => {
    const cr = EXISTING.replace(/\n/g, '\r');
    expect(readBack(cr).problems).toEqual([]);
    const text = resolve(cr);
    expect(text).toBe(lf.replace(/\n/g, '\r'));
    expect(readBack(text).problems).toEqual([]);
  });

  it('changes nothing but the added lines of a file with CRLF front matter and an LF body', () => {
    const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(EXISTING)!;
    const mixed = front!.replace(/\n/g, '\r\n') + body;
    // The body has more lines: LF is the file's most common end, which added lines take.
    expect(addUpdate(mixed, { status: 'monitoring', at: at('2025-01-18 03:00'), message: 'Watching.', timeZone: zone })).toBe(
      mixed.replace('## Identified', '## Monitoring — 2025-01-18 03:00\nWatching.\n\n## Identified'),
    );
    expect(setResolved(mixed, resolvedAt, zone)).toBe(mixed.replace('started: 2025-01-18 02:11\r\n', 'started: 2025-01-18 02:11\r\nresolved: 2025-01-18 03:40\n'));
  });

  it('keeps a file without a final line end as it was above the update it appends', () => {
    const bare = '---\r\ntitle: T\r\nstarted: 2025-01-18 02:11\r\naffected: [ecs]\r\n---\r\nSummary.';
    expect(addUpdate(bare, { status: 'update', at: at('2025-01-18 02:20'), message: 'More.', timeZone: zone })).toBe(`${bare}\r\n\r\n## Update — 2025-01-18 02:20\r\nMore.\r\n`);
  });
});

describe('addUpdate finds the timeline as the reader does (issue 21, 11)', () => {
  const front = '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\n';
  const tricky = [
    ['a fenced code block', 'We saw this:\n\n```\n## Investigating — 2025-01-18 02:15\n```\n'],
    ['an HTML comment', 'Summary.\n\n<!--\n## Identified — 2025-01-18 02:15\n-->\n'],
    ['an indented code block', 'Summary.\n\n    ## Update — 2025-01-18 02:15\n'],
  ];

  it.each(tricky)('adds the update after a summary that holds a heading in %s, above the first real update', (_, summary) => {
    const file = `${front}${summary}\n## Investigating — 2025-01-18 02:20\nLooking.\n`;
    const text = addUpdate(file, { status: 'identified', at: at('2025-01-18 02:40'), message: 'Found it.', timeZone: zone });
    expect(text).toBe(file.replace('## Investigating — 2025-01-18 02:20', '## Identified — 2025-01-18 02:40\nFound it.\n\n## Investigating — 2025-01-18 02:20'));
    const { incident, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(incident!.updates.map((update) => update.status)).toEqual(['identified', 'investigating']);
  });

  it.each(tricky)('appends the first update after a summary that holds a heading in %s', (_, summary) => {
    const text = addUpdate(`${front}${summary}`, { status: 'investigating', at: at('2025-01-18 02:20'), message: 'Looking.', timeZone: zone });
    expect(text).toBe(`${front}${summary.trimEnd()}\n\n## Investigating — 2025-01-18 02:20\nLooking.\n`);
    expect(readBack(text).incident!.updates).toHaveLength(1);
  });

  it('adds the update above a setext update heading, which the reader reads as one', () => {
    const file = `${front}Summary.\n\nInvestigating — 2025-01-18 02:20\n---\nLooking.\n`;
    const text = addUpdate(file, { status: 'identified', at: at('2025-01-18 02:40'), message: 'Found it.', timeZone: zone });
    expect(readBack(text).incident!.updates.map((update) => update.status)).toEqual(['identified', 'investigating']);
  });
});

describe('setField', () => {
  it('replaces a value where it is written, keeping the comment after it', () => {
    const text = EXISTING.replace('started:', 'cause: platform   # our fault\nstarted:');
    expect(setField(text, 'cause', 'third-party')).toBe(text.replace('cause: platform   #', 'cause: third-party   #'));
  });

  it.each([
    ['cause', 'third-party', 'title: API errors   # keep this comment\ncause: third-party\n'],
    ['level', 'partial-outage', 'started: 2025-01-18 02:11\nlevel: partial-outage\n'],
    ['started', '2025-01-18 02:00', 'title: API errors   # keep this comment\nstarted: 2025-01-18 02:00\n'],
  ] as const)('adds %s where incidentText would put it', (key, value, expected) => {
    const text = key === 'started' ? EXISTING.replace('started: 2025-01-18 02:11\n', '') : EXISTING;
    expect(setField(text, key, value)).toContain(expected);
  });

  it('fills a key written without a value', () => {
    expect(setField(EXISTING.replace('started:', 'cause:\nstarted:'), 'cause', 'customer')).toContain('\ncause: customer\nstarted:');
  });

  it('sets a maintenance window end in the nested scheduled map', () => {
    const text = '---\ntitle: T\nkind: maintenance\nscheduled:\n  from: 2025-02-01 01:00   # announced\n  to: 2025-02-01 03:00\naffected: [ecs]\n---\n';
    expect(setScheduled(text, 'to', '2025-02-01 04:00')).toBe(text.replace('to: 2025-02-01 03:00', 'to: 2025-02-01 04:00'));
  });
});

describe('removeField', () => {
  it.each([
    ['its line, with the comment on it', '---\ntitle: T\ncause: platform   # ours\nstarted: 2025-01-18 02:11\n---\n', '---\ntitle: T\nstarted: 2025-01-18 02:11\n---\n'],
    ['the last key, keeping the line end of the closing line', '---\r\ntitle: T\r\ncause: platform\r\n---\r\n', '---\r\ntitle: T\r\n---\r\n'],
    ['a pair in braces, with its comma', '---\n{title: T, cause: platform, started: 2025-01-18 02:11}\n---\n', '---\n{title: T, started: 2025-01-18 02:11}\n---\n'],
    ['nothing when the key is not there', '---\ntitle: T\n---\n', '---\ntitle: T\n---\n'],
  ])('removes %s', (_, text, expected) => {
    expect(removeField(text, 'cause')).toBe(expected);
  });
});

describe('the affected services', () => {
  const block = '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected:\n  - ecs      # compute\n  - service: oss\n    level: partial-outage\n---\n';
  const flow = '---\ntitle: T\nstarted: 2025-01-18 02:11\naffected: [ecs, oss]\n---\n';

  it.each([
    ['a plain entry in a block list', block, 'ecs', { level: 'degraded-performance' }, block.replace('  - ecs      # compute', '  - service: ecs\n    level: degraded-performance      # compute')],
    ['an entry that has keys', block, 'oss', { from: '2025-01-18 02:30', to: '2025-01-18 02:50' }, block.replace('    level: partial-outage\n', '    level: partial-outage\n    from: 2025-01-18 02:30\n    to: 2025-01-18 02:50\n')],
    ['an entry whose level is set', block, 'oss', { level: 'major-outage' }, block.replace('level: partial-outage', 'level: major-outage')],
    ['a plain entry in brackets', flow, 'oss', { level: 'partial-outage', to: '2025-01-18 02:50' }, flow.replace('[ecs, oss]', '[ecs, {service: oss, level: partial-outage, to: 2025-01-18 02:50}]')],
    ['a service not yet affected', flow, 'cdn', { level: 'partial-outage' }, flow.replace('[ecs, oss]', '[ecs, oss, {service: cdn, level: partial-outage}]')],
  ])('gives %s its own level or window', (_, text, service, override, expected) => {
    const written = setServiceOverride(text, service, override);
    expect(written).toBe(expected);
    expect(readBack(written).problems).toEqual([]);
  });

  it.each([
    ['a block list', block, ['cdn'], block.replace('---\n', '---\n').replace('    level: partial-outage\n---', '    level: partial-outage\n  - cdn\n---')],
    ['a list in brackets', flow, ['cdn', 'console'], flow.replace('[ecs, oss]', '[ecs, oss, cdn, console]')],
    ['a notice without services', '---\ntitle: T\nkind: notice\nstarted: 2025-01-18 02:11\n---\n', ['ecs'], '---\ntitle: T\nkind: notice\nstarted: 2025-01-18 02:11\naffected:\n  - ecs\n---\n'],
  ])('adds services to %s', (_, text, services, expected) => {
    expect(addAffected(text, services)).toBe(expected);
  });

  it.each([
    ['a plain entry with its comment', block, ['ecs'], block.replace('  - ecs      # compute\n', '')],
    ['an entry that has keys', block, ['oss'], block.replace('  - service: oss\n    level: partial-outage\n', '')],
    ['the first in brackets', flow, ['ecs'], flow.replace('[ecs, oss]', '[oss]')],
    ['the last in brackets', flow, ['oss'], flow.replace('[ecs, oss]', '[ecs]')],
  ])('removes %s', (_, text, services, expected) => {
    expect(removeAffected(text, services)).toBe(expected);
  });
});

describe('addToPostmortem', () => {
  const open = EXISTING.replace('\n## Postmortem\n- [ ] Drill\n', '');

  it('starts the postmortem at the end of the file: text, then the follow-ups', () => {
    const text = addToPostmortem(open, { text: 'A bad disk.', add: [{ words: 'Replace disks', done: false }, { words: 'Page the owner', done: true }] });
    expect(text).toBe(`${open.trimEnd()}\n\n## Postmortem\nA bad disk.\n\n- [ ] Replace disks\n- [x] Page the owner\n`);
    expect(readBack(text).incident!.postmortem!.en!.actions.map((action) => action.done)).toEqual([false, true]);
  });

  it('ticks an open follow-up where it stands and continues the task list', () => {
    const text = addToPostmortem(EXISTING, { tick: ['drill'], add: [{ words: 'Second feed', done: false }] });
    expect(text).toBe(EXISTING.replace('- [ ] Drill', '- [x] Drill\n- [ ] Second feed'));
  });

  it('adds to a postmortem that is not at the end of the file, leaving the update after it alone', () => {
    const text = `${open.replace('## Identified', '## Postmortem\nWhy.\n- [ ] Drill\n## Identified')}`;
    const written = addToPostmortem(text, { text: 'More.' });
    expect(written).toBe(text.replace('- [ ] Drill\n## Identified', '- [ ] Drill\n\nMore.\n\n## Identified'));
    expect(readBack(written).incident!.updates).toHaveLength(2);
  });

  it('finds the open follow-ups by the lexer: a task line in a code block is not one', () => {
    const text = EXISTING.replace('- [ ] Drill', '```\n- [ ] Not a task\n```\n\n- [ ] Drill\n  - [ ] Nested step');
    expect(postmortemFollowUps(text)).toEqual(['Drill', 'Nested step']);
    expect(addToPostmortem(text, { tick: ['Nested step'] })).toBe(text.replace('  - [ ] Nested step', '  - [x] Nested step'));
  });

  it('refuses a follow-up of two lines', () => {
    expect(() => addToPostmortem(EXISTING, { add: [{ words: 'a\nb', done: false }] })).toThrow('a follow-up must be one line');
  });
});
