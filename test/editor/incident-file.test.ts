import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { addUpdate, bodyText, editorTime, incidentText, newIncidentText, setResolved, slugify, yamlScalar } from '../../src/editor/incident-file.ts';
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
  ])('makes %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
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
