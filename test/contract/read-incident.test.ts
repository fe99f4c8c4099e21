import { describe, expect, it } from 'vitest';
import { resolveContent, type ContentFiles } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { DESIGN_EXAMPLE, SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

/** Now for these tests: after every time the examples write. */
const NOW = Date.parse('2026-01-01T00:00:00Z');

function resolve(incidents: Record<string, string>, overrides: Partial<ContentFiles> = {}, now = NOW) {
  return resolveContent({
    dir: 'content',
    site: SITE_YAML,
    services: SERVICES_YAML,
    sla: SLA_YAML,
    incidents: Object.entries(incidents).map(([name, text]) => ({ path: `content/incidents/${name}`, text })),
    others: [],
    ...overrides,
  }, now);
}

function problems(text: string, name = 'x.md', now = NOW): string[] {
  return resolve({ [name]: text }, {}, now).problems.map(formatProblem);
}


describe('readIncident', () => {
  it('keeps where an incident was imported from (source), and refuses a source that is not an http(s) address', () => {
    const imported = DESIGN_EXAMPLE.replace('cause: platform\n', 'cause: platform\nsource: https://stspg.io/p31zjtct2jer\n');
    const { content, problems: found } = resolve({ '2025-01-18-hangzhou-power.md': imported });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.source).toBe('https://stspg.io/p31zjtct2jer');
    expect(content.incidents[0]!.summary.en).toBe('<p>A power feed in one data hall failed. Instances in zone H were unreachable.</p>');
    expect(resolve({ 'x.md': DESIGN_EXAMPLE }).content.incidents[0]!.source).toBeNull();
    expect(problems(DESIGN_EXAMPLE.replace('cause: platform\n', 'cause: platform\nsource: javascript:alert(1)\n'))).toEqual([
      "content/incidents/x.md:4: 'source' is not an absolute http(s) address: 'javascript:alert(1)'; write the address the incident was imported from, e.g. https://stspg.io/abc123, or remove the line",
    ]);
  });

  it("reads DESIGN's example into a resolved incident", () => {
    const { content, problems: found } = resolve({ '2025/2025-01-18-hangzhou-power.md': DESIGN_EXAMPLE });
    expect(found).toEqual([]);
    const incident = content.incidents[0]!;
    expect(incident).toMatchObject({
      id: '2025-01-18-hangzhou-power',
      kind: 'incident',
      cause: 'platform',
      started: Date.parse('2025-01-17T18:11:00Z'),
      resolved: Date.parse('2025-01-17T19:40:00Z'),
      level: 'major-outage',
      scheduled: null,
    });
    expect(incident.affected).toEqual([
      { service: 'ecs', level: 'major-outage', from: Date.parse('2025-01-17T18:11:00Z'), to: Date.parse('2025-01-17T19:40:00Z') },
      { service: 'oss', level: 'partial-outage', from: Date.parse('2025-01-17T18:30:00Z'), to: Date.parse('2025-01-17T18:50:00Z') },
    ]);
    expect(incident.summary.en).toBe('<p>A power feed in one data hall failed. Instances in zone H were unreachable.</p>');
    expect(incident.updates.map((update) => [update.status, new Date(update.at).toISOString(), update.line])).toEqual([
      ['resolved', '2025-01-17T19:45:00.000Z', 16],
      ['identified', '2025-01-17T18:40:00.000Z', 19],
      ['investigating', '2025-01-17T18:20:00.000Z', 22],
    ]);
    expect(incident.updates[0]!.text.en!.html).toBe('<p>Power is restored and every instance is reachable again.</p>');
    expect(incident.postmortem!.en!.actions).toEqual([
      { html: 'Second independent power feed for hall 3', done: true },
      { html: 'Quarterly failover drill', done: false },
    ]);
  });

  it('reads `started: 2025-01-18 02:11:00` in the site zone, not as YAML’s implicit UTC', () => {
    const text = DESIGN_EXAMPLE.replace('started: 2025-01-18 02:11', 'started: 2025-01-18 02:11:00');
    expect(resolve({ 'x.md': text }).content.incidents[0]!.started).toBe(Date.parse('2025-01-17T18:11:00Z'));
  });

  it.each([
    ['—', '## Monitoring — 2025-01-18 03:00'],
    ['–', '## Monitoring – 2025-01-18 03:00'],
    ['-', '## Monitoring - 2025-01-18 03:00'],
    ['|', '## Monitoring | 2025-01-18 03:00'],
    ['any case', '## MONITORING — 2025-01-18 03:00'],
    ['a T and an offset', '## monitoring — 2025-01-17T19:00Z'],
    ['seconds', '## Monitoring — 2025-01-18 03:00:00'],
  ])('accepts an update heading with %s', (_, heading) => {
    const { content, problems: found } = resolve({ 'x.md': DESIGN_EXAMPLE.replace('## Postmortem', `${heading}\nWatching.\n\n## Postmortem`) });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.updates.find((update) => update.status === 'monitoring')!.at).toBe(Date.parse('2025-01-17T19:00:00Z'));
  });

  it('accepts timeline headings in Chinese', () => {
    const { content, problems: found } = resolve({
      'zh.md': `---
title: 上海地域对象存储部分请求失败
started: 2025-01-18 02:11
resolved: 2025-01-18 03:40
affected: [oss]
---
部分请求失败。

## 已解决 — 2025-01-18 03:45
已恢复。
## 观察中 — 2025-01-18 03:20
观察中。
## 更新 | 2025-01-18 03:00
仍在处理。
## 已确认 - 2025-01-18 02:40
已定位原因。
## 调查中 – 2025-01-18 02:20
正在调查。
## 复盘
- [x] 增加告警
`,
      'zh-maintenance.md': `---
title: 数据库升级
kind: maintenance
scheduled: { from: 2025-03-01 01:00, to: 2025-03-01 03:00 }
resolved: 2025-03-01 02:50
affected: [ecs]
---
## 已完成 — 2025-03-01 02:50
完成。
## 验证中 — 2025-03-01 02:30
验证。
## 进行中 — 2025-03-01 01:00
开始。
## 计划中 — 2025-02-20 10:00
计划。
`,
    });
    expect(found).toEqual([]);
    const incident = content.incidents.find((entry) => entry.id === 'zh');
    const maintenance = content.incidents.find((entry) => entry.id === 'zh-maintenance');
    expect(incident!.updates.map((update) => update.status)).toEqual(['resolved', 'monitoring', 'update', 'identified', 'investigating']);
    expect(incident!.postmortem!.en!.actions).toEqual([{ html: '增加告警', done: true }]);
    expect(maintenance!.updates.map((update) => update.status)).toEqual(['completed', 'verifying', 'in-progress', 'scheduled']);
  });

  it('accepts every maintenance status, and reads the announced window', () => {
    const { content, problems: found } = resolve({
      'm.md': `---
title: Storage upgrade
kind: maintenance
scheduled:
  from: 2025-03-01 01:00
  to: 2025-03-01 03:00
resolved: 2025-03-01 03:30
affected: [oss]
---
## Completed — 2025-03-01 03:30
Done.
## Verifying — 2025-03-01 03:00
Checking.
## In progress — 2025-03-01 01:00
Started.
## Scheduled — 2025-02-20 10:00
Planned.
`,
    });
    expect(found).toEqual([]);
    const maintenance = content.incidents[0]!;
    expect(maintenance.updates.map((update) => update.status)).toEqual(['completed', 'verifying', 'in-progress', 'scheduled']);
    expect(maintenance).toMatchObject({ kind: 'maintenance', cause: 'maintenance', level: 'under-maintenance', started: Date.parse('2025-02-28T17:00:00Z') });
    expect(maintenance.scheduled).toEqual({ from: Date.parse('2025-02-28T17:00:00Z'), to: Date.parse('2025-02-28T19:00:00Z') });
  });

  it.each(['In progress', 'in-progress', 'IN  PROGRESS', 'In-Progress', '进行中'])('reads a heading status written %s as npm run update reads it', (word) => {
    const { content, problems: found } = resolve({
      'm.md': `---
title: Storage upgrade
kind: maintenance
scheduled:
  from: 2025-03-01 01:00
  to: 2025-03-01 03:00
affected: [oss]
---
## ${word} — 2025-03-01 01:00
Started.
`,
    });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.updates.map((update) => update.status)).toEqual(['in-progress']);
  });

  it.each(['Constructor', '__proto__', 'toString'])('reports a heading %s, a word every object answers to, as not a known status, without a crash', (word) => {
    expect(problems(DESIGN_EXAMPLE.replace('## Identified — 2025-01-18 02:40', `## ${word} — 2025-01-18 02:40`))).toEqual([
      expect.stringMatching(new RegExp(`^content/incidents/x\\.md:19: heading '## ${word} — 2025-01-18 02:40' is not a known status and time; `)),
    ]);
  });

  it('leaves the cause unknown when it is left out', () => {
    const { content } = resolve({ 'x.md': DESIGN_EXAMPLE.replace('cause: platform\n', '') });
    expect(content.incidents[0]!.cause).toBeNull();
  });

  it('escapes raw HTML and drops unsafe links in the body', () => {
    const { content } = resolve({
      'x.md': DESIGN_EXAMPLE.replace(
        'A power feed',
        '[bad](javascript:alert(1)) [ok](https://example.com) [rel](/sla/) [mail](mailto:a@b.c) [data](data:text/html,x) <script>alert(1)</script> A power feed',
      ),
    });
    const html = content.incidents[0]!.summary.en!;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(html).toContain('bad');
    expect(html).toContain('<a href="https://example.com">ok</a>');
    expect(html).toContain('<a href="/sla/">rel</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
  });
});

const minimal = (front: string, body = '') => `---\ntitle: T\n${front}\n---\n${body}`;

describe('editor mistakes stop the build with path:line: what; fix', () => {
  it.each([
    {
      mistake: 'resolved set and no Resolved update',
      text: minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 03:00\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: 'resolved' is set but there is no Resolved update; add '## Resolved — <time>' with a line on how it ended, or remove 'resolved' while it goes on",
    },
    {
      mistake: 'a Resolved update and no resolved',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Resolved — 2025-01-18 03:00\nFixed.\n'),
      expected: "content/incidents/x.md:6: there is a Resolved update but no 'resolved' time in the front matter; add 'resolved: <time>' to the front matter",
    },
    {
      mistake: 'an unknown service',
      text: minimal('started: 2025-01-18 02:11\naffected:\n  - ecss'),
      expected: "content/incidents/x.md:5: unknown service 'ecss'; did you mean 'ecs'? (services are in services.yaml)",
    },
    {
      mistake: 'an end before its start',
      text: minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 01:11\naffected: [ecs]', '## Resolved — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:4: 'resolved' (2025-01-18 01:11 +08:00) is before 'started' (2025-01-18 02:11 +08:00); check both times and their dates",
    },
    {
      mistake: 'a heading that is not a known status',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Investigatng — 2025-01-18 02:20\nLooking.\n'),
      expected: "content/incidents/x.md:6: heading '## Investigatng — 2025-01-18 02:20' is not a known status and time; did you mean 'Investigating'? e.g. '## Investigating — 2025-01-18 02:20'",
    },
    {
      mistake: 'a heading with no time',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Investigating\nLooking.\n'),
      expected: "content/incidents/x.md:6: heading '## Investigating' has no time; add the time after a dash, e.g. '## Investigating — 2025-01-18 02:20'",
    },
    {
      mistake: 'a heading with an impossible time',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Investigating — 2025-01-18 25:20\nLooking.\n'),
      expected: "content/incidents/x.md:6: heading '## Investigating — 2025-01-18 25:20' has an invalid time '2025-01-18 25:20'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
    },
    {
      mistake: 'an unknown level',
      text: minimal('started: 2025-01-18 02:11\nlevel: major\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: unknown level 'major'; use one of: degraded-performance, partial-outage, major-outage",
    },
    {
      mistake: 'a misspelled level',
      text: minimal('started: 2025-01-18 02:11\nlevel: partial-outtage\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: unknown level 'partial-outtage'; did you mean 'partial-outage'?",
    },
    {
      mistake: 'an unknown cause',
      text: minimal('cause: hardware\nstarted: 2025-01-18 02:11\naffected: [ecs]'),
      expected: "content/incidents/x.md:3: unknown cause 'hardware'; use one of: platform, customer, third-party, maintenance, force-majeure",
    },
    {
      mistake: 'a time with no date',
      text: minimal('started: 02:11\naffected: [ecs]'),
      expected: "content/incidents/x.md:3: 'started' is not a valid time: '02:11'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
    },
    {
      mistake: 'a misspelled field',
      text: minimal('started: 2025-01-18 02:11\nresolve: 2025-01-18 03:00\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: unknown field 'resolve' in the front matter; did you mean 'resolved'?",
    },
    {
      mistake: 'a tab in YAML',
      text: minimal('started: 2025-01-18 02:11\naffected:\n\t- ecs'),
      expected: 'content/incidents/x.md:5: YAML cannot be read: Tabs are not allowed as indentation; indent with spaces, not tabs',
    },
    {
      mistake: 'a missing title',
      text: '---\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\n',
      expected: "content/incidents/x.md:2: 'title' is missing; add a line `title: …`",
    },
    {
      mistake: 'no affected services',
      text: minimal('started: 2025-01-18 02:11'),
      expected: "content/incidents/x.md:2: 'affected' is missing; add 'affected:' with one '- ' line per entry",
    },
    {
      mistake: 'an override window outside the incident',
      text: minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 03:00\naffected:\n  - service: ecs\n    to: 2025-01-18 04:00', '## Resolved — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:7: the impact on 'ecs' lies outside the incident (2025-01-18 02:11 +08:00 to 2025-01-18 03:00 +08:00); keep its 'from' and 'to' between 'started' and 'resolved'",
    },
    {
      mistake: 'a service listed twice',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs, ecs]'),
      expected: "content/incidents/x.md:4: service 'ecs' is listed twice; list each service once; use from and to on one entry for its window",
    },
    {
      mistake: 'an unclosed front matter block',
      text: '---\ntitle: T\nstarted: 2025-01-18 02:11\n\n## Investigating — 2025-01-18 02:20\n',
      expected: "content/incidents/x.md:1: the front matter block is not closed; add a line '---' after the last front matter field",
    },
    {
      mistake: 'an empty file',
      text: '\n',
      expected: "content/incidents/x.md:1: the file is empty; start it with a front matter block between two '---' lines (title, started, affected), then the updates",
    },
    {
      mistake: 'a level-1 heading',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '# Investigating — 2025-01-18 02:20\nx\n'),
      expected: "content/incidents/x.md:6: '# Investigating — 2025-01-18 02:20' is a level-1 heading; updates are level-2 headings, e.g. '## Investigating — 2025-01-18 02:20'; the title goes in the front matter",
    },
    {
      mistake: 'a maintenance without its window',
      text: minimal('kind: maintenance\naffected: [ecs]'),
      expected: "content/incidents/x.md:2: 'scheduled' is missing; add 'scheduled:' with its fields indented below",
    },
    {
      mistake: 'a status with a time that is not a time',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Monitoring — yesterday\nWatching.\n'),
      expected: "content/incidents/x.md:6: heading '## Monitoring — yesterday' has an invalid time 'yesterday'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
    },
    {
      mistake: 'a postmortem with a time',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Postmortem — 2025-01-19 10:00\nWhy.\n'),
      expected: "content/incidents/x.md:6: heading '## Postmortem — 2025-01-19 10:00' gives the postmortem a time; write '## Postmortem' alone: the postmortem has no time",
    },
    {
      mistake: 'an unknown service far from every known id',
      text: minimal('started: 2025-01-18 02:11\naffected: [database-cluster]'),
      expected: "content/incidents/x.md:4: unknown service 'database-cluster'; the closest known id is 'ecs' (services are in services.yaml)",
    },
    {
      mistake: 'an empty value',
      text: minimal('started: 2025-01-18 02:11\nlevel:\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: 'level' is empty; write its value after the colon, or remove the line to use the default",
    },
    {
      mistake: 'a maintenance given another cause',
      text: minimal('kind: maintenance\ncause: platform\nscheduled: { from: 2025-01-18 01:00, to: 2025-01-18 02:00 }\naffected: [ecs]'),
      expected: "content/incidents/x.md:4: a maintenance cannot have cause 'platform'; remove it: impact inside the announced window counts as maintenance, outside it as platform",
    },
    {
      mistake: 'a scheduled period that ends before it starts',
      text: minimal('kind: maintenance\nscheduled:\n  from: 2025-01-18 03:00\n  to: 2025-01-18 02:00\naffected: [ecs]'),
      expected: "content/incidents/x.md:6: 'scheduled' ends (2025-01-18 02:00 +08:00) before it starts (2025-01-18 03:00 +08:00); check 'from' and 'to'",
    },
    {
      mistake: 'an unknown kind',
      text: minimal('kind: outage\nstarted: 2025-01-18 02:11\naffected: [ecs]'),
      expected: "content/incidents/x.md:3: unknown kind 'outage'; use one of: incident, maintenance, notice",
    },
  ])('reports $mistake', ({ text, expected }) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('reports a duplicate id across folders', () => {
    const { problems: found } = resolve({ '2025/x.md': DESIGN_EXAMPLE, '2026/x.md': DESIGN_EXAMPLE });
    expect(found.map(formatProblem)).toEqual([
      "content/incidents/2026/x.md:1: incident id 'x' is also used by content/incidents/2025/x.md; rename one of the two files: ids are unique across folders",
    ]);
  });

  it('reports a file under incidents/ that is not Markdown', () => {
    const { problems: found } = resolve({}, { others: ['content/incidents/2025/x.markdown'] });
    expect(found.map(formatProblem)).toEqual([
      'content/incidents/2025/x.markdown:1: a file under incidents/ that is not Markdown; rename it to end in .md, or move it out of incidents/',
    ]);
  });

  it('reports every problem in one run, not just the first', () => {
    const found = problems(minimal('started: 2025-01-18 02:11\nlevel: huge\naffected: [nope]', '## Investigatin — 2025-01-18 02:20\n'));
    expect(found).toHaveLength(3);
  });
});

describe('time and sequence (DESIGN "Time and sequence")', () => {
  const incidentAt = (front: string, body: string) => minimal(`started: 2025-01-18 02:11\n${front}affected: [ecs]`, body);
  const maintenance = (front: string, body: string) =>
    minimal(`kind: maintenance\nscheduled: { from: 2025-01-18 01:00, to: 2025-01-18 03:00 }\n${front}affected: [ecs]`, body);

  it.each([
    { what: 'a zero-length incident', text: minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 02:11\naffected: [ecs]', '## Resolved — 2025-01-18 02:11\nA blip.\n') },
    { what: 'a zero-length impact on one service', text: minimal('started: 2025-01-18 02:11\naffected:\n  - service: ecs\n    from: 2025-01-18 02:30\n    to: 2025-01-18 02:30') },
    { what: 'a zero-length impact at the very end of the incident', text: minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 03:00\naffected:\n  - service: ecs\n    from: 2025-01-18 03:00', '## Resolved — 2025-01-18 03:00\nx\n') },
    { what: 'a zero-length announced window', text: minimal('kind: maintenance\nscheduled: { from: 2025-01-18 01:00, to: 2025-01-18 01:00 }\naffected: [ecs]') },
    { what: 'a Scheduled update before the maintenance starts', text: maintenance('', '## In progress — 2025-01-18 01:00\nx\n\n## Scheduled — 2025-01-10 10:00\nPlanned.\n') },
    { what: 'the Resolved update after resolved', text: incidentAt('resolved: 2025-01-18 03:00\n', '## Resolved — 2025-01-18 03:10\nx\n\n## Monitoring — 2025-01-18 03:00\ny\n') },
    { what: 'an update at exactly started', text: incidentAt('', '## Investigating — 2025-01-18 02:11\nx\n') },
    { what: 'a time 5 minutes after now', text: incidentAt('', '## Investigating — 2026-01-01 08:05\nx\n') },
    { what: 'an announced window far ahead', text: minimal('kind: maintenance\nscheduled: { from: 2027-01-01 01:00, to: 2027-01-01 03:00 }\naffected: [ecs]', '## Scheduled — 2025-12-01 10:00\nPlanned.\n') },
    { what: 'a notice with Update and Resolved', text: minimal('kind: notice\nstarted: 2025-01-18 02:11\nresolved: 2025-01-19 02:11', '## Resolved — 2025-01-19 02:11\nx\n\n## Update — 2025-01-18 03:00\ny\n') },
    { what: 'a maintenance with an Update', text: maintenance('', '## Update — 2025-01-18 01:30\nx\n') },
  ])('accepts $what', ({ text }) => {
    expect(problems(text)).toEqual([]);
  });

  it.each([
    {
      mistake: 'an impact that ends before it starts',
      text: minimal('started: 2025-01-18 02:11\naffected:\n  - service: ecs\n    from: 2025-01-18 02:30\n    to: 2025-01-18 02:29'),
      expected: "content/incidents/x.md:7: the impact on 'ecs' ends (2025-01-18 02:29 +08:00) before it starts (2025-01-18 02:30 +08:00); check its 'from' and 'to'",
    },
    {
      mistake: "'started' in the future",
      text: minimal('started: 2026-01-01 08:06\naffected: [ecs]'),
      expected: "content/incidents/x.md:3: 'started' (2026-01-01 08:06 +08:00) is more than 5 minutes after now (2026-01-01 08:00 +08:00); write when it happened: only 'scheduled' may lie ahead",
    },
    {
      mistake: "'resolved' in the future",
      text: incidentAt('resolved: 2026-01-02 00:00\n', '## Resolved — 2025-12-31 10:00\nx\n'),
      expected: "content/incidents/x.md:4: 'resolved' (2026-01-02 00:00 +08:00) is more than 5 minutes after now (2026-01-01 08:00 +08:00); write when it happened: only 'scheduled' may lie ahead",
    },
    {
      mistake: "an impact's 'to' in the future",
      text: minimal('started: 2025-01-18 02:11\naffected:\n  - service: ecs\n    to: 2026-02-01 00:00'),
      expected: "content/incidents/x.md:6: 'to' (2026-02-01 00:00 +08:00) is more than 5 minutes after now (2026-01-01 08:00 +08:00); write when it happened: only 'scheduled' may lie ahead",
    },
    {
      mistake: 'an update in the future',
      text: incidentAt('', '## Identified — 2026-01-01 09:00\nx\n'),
      expected: 'content/incidents/x.md:6: the Identified update (2026-01-01 09:00 +08:00) is more than 5 minutes after now (2026-01-01 08:00 +08:00); write when it was posted: only \'scheduled\' may lie ahead',
    },
    {
      mistake: 'a Scheduled update in the future',
      text: maintenance('', '## Scheduled — 2026-01-01 09:00\nx\n'),
      expected: 'content/incidents/x.md:7: the Scheduled update (2026-01-01 09:00 +08:00) is more than 5 minutes after now (2026-01-01 08:00 +08:00); write when it was posted: only \'scheduled\' may lie ahead',
    },
    {
      mistake: 'an update before started',
      text: incidentAt('', '## Identified — 2025-01-18 02:10\nx\n'),
      expected: "content/incidents/x.md:6: the Identified update (2025-01-18 02:10 +08:00) is before 'started' (2025-01-18 02:11 +08:00); check its time and date, or move 'started' earlier",
    },
    {
      mistake: 'a maintenance update before it starts',
      text: maintenance('', '## In progress — 2025-01-18 00:50\nx\n'),
      expected: "content/incidents/x.md:7: the In progress update (2025-01-18 00:50 +08:00) is before 'started' (2025-01-18 01:00 +08:00); check its time and date, or move 'started' earlier (only Scheduled updates come before it)",
    },
    {
      mistake: 'an update after resolved',
      text: incidentAt('resolved: 2025-01-18 03:00\n', '## Monitoring — 2025-01-18 03:05\ny\n\n## Resolved — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:7: the Monitoring update (2025-01-18 03:05 +08:00) is after 'resolved' (2025-01-18 03:00 +08:00); only the Resolved update and Corrections may follow 'resolved': check its time, or move 'resolved' later",
    },
    {
      mistake: 'two Resolved updates',
      text: incidentAt('resolved: 2025-01-18 03:00\n', '## Resolved — 2025-01-18 04:00\ny\n\n## Resolved — 2025-01-18 03:00\nx\n'),
      expected: 'content/incidents/x.md:10: a second Resolved update (the other is on line 7); keep one: a file has one closing update',
    },
    {
      mistake: 'a maintenance status on an incident',
      text: incidentAt('', '## In progress — 2025-01-18 02:20\nx\n'),
      expected: "content/incidents/x.md:6: 'In progress' is not an incident status; use one of: Investigating, Identified, Monitoring, Update, Resolved, Correction",
    },
    {
      mistake: 'an incident status on a maintenance',
      text: maintenance('', '## Identified — 2025-01-18 01:20\nx\n'),
      expected: "content/incidents/x.md:7: 'Identified' is not a maintenance status; use one of: Scheduled, In progress, Verifying, Update, Completed, Correction",
    },
    {
      mistake: 'a maintenance closed with Resolved',
      text: maintenance('resolved: 2025-01-18 03:00\n', '## Resolved — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:8: 'Resolved' is not a maintenance status; use one of: Scheduled, In progress, Verifying, Update, Completed, Correction",
    },
    {
      mistake: 'an incident closed with Completed',
      text: incidentAt('resolved: 2025-01-18 03:00\n', '## Completed — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:7: 'Completed' is not an incident status; use one of: Investigating, Identified, Monitoring, Update, Resolved, Correction",
    },
    {
      mistake: 'Investigating on a notice',
      text: minimal('kind: notice\nstarted: 2025-01-18 02:11', '## Investigating — 2025-01-18 03:00\nx\n'),
      expected: "content/incidents/x.md:6: 'Investigating' is not a notice status; use one of: Update, Resolved",
    },
  ])('reports $mistake', ({ text, expected }) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('accepts an incident and an impact that end when they start', () => {
    const equal = problems(minimal('started: 2025-01-18 02:11\nresolved: 2025-01-18 02:11\naffected:\n  - service: ecs\n    from: 2025-01-18 02:11\n    to: 2025-01-18 02:11', '## Resolved — 2025-01-18 02:11\nx\n'));
    expect(equal).toEqual([]);
  });

  it('keeps two updates at the same time in file order, the one nearer the top newer', () => {
    const { content, problems: found } = resolve({
      'x.md': incidentAt('', '## Update — 2025-01-18 03:00\nsecond\n\n## Update — 2025-01-18 03:00\nfirst\n\n## Investigating — 2025-01-18 02:20\nzero\n'),
    });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.updates.map((update) => update.text.en!.html)).toEqual(['<p>second</p>', '<p>first</p>', '<p>zero</p>']);
  });

  it('lists every problem of a file in one run: a bad time does not hide an unknown service', () => {
    expect(problems(minimal('started: 2025-01-18 2:11\nresolved: soon\naffected: [ecss, oss]', '## Investigatin — 2025-01-18 02:20\nx\n'))).toEqual([
      "content/incidents/x.md:3: 'started' is not a valid time: '2025-01-18 2:11'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
      "content/incidents/x.md:4: 'resolved' is not a valid time: 'soon'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
      "content/incidents/x.md:5: unknown service 'ecss'; did you mean 'ecs'? (services are in services.yaml)",
      "content/incidents/x.md:7: heading '## Investigatin — 2025-01-18 02:20' is not a known status and time; did you mean 'Investigating'? e.g. '## Investigating — 2025-01-18 02:20'",
    ]);
  });

  it('checks the body when the front matter cannot be read', () => {
    expect(problems('---\ntitle: T\naffected:\n\t- ecs\n---\n## Investigatin — 2025-01-18 02:20\nx\n')).toEqual([
      'content/incidents/x.md:4: YAML cannot be read: Tabs are not allowed as indentation; indent with spaces, not tabs',
      "content/incidents/x.md:6: heading '## Investigatin — 2025-01-18 02:20' is not a known status and time; did you mean 'Investigating'? e.g. '## Investigating — 2025-01-18 02:20'",
    ]);
  });

  it('checks the body when the opening front matter line is missing', () => {
    expect(problems('title: T\nstarted: 2025-01-18 02:11\naffected: [ecs]\n---\n## Investigatin — 2025-01-18 02:20\nx\n')).toEqual([
      "content/incidents/x.md:1: the file does not start with a front matter block; put '---' on the first line, the fields, then '---' again",
      "content/incidents/x.md:5: heading '## Investigatin — 2025-01-18 02:20' is not a known status and time; did you mean 'Investigating'? e.g. '## Investigating — 2025-01-18 02:20'",
    ]);
  });

  it('checks the impacts against their own times when started is wrong', () => {
    expect(problems(minimal('started: yesterday\naffected:\n  - service: ecs\n    from: 2025-01-18 02:30\n    to: 2025-01-18 02:20\n  - service: oss\n    level: big'))).toEqual([
      "content/incidents/x.md:3: 'started' is not a valid time: 'yesterday'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset",
      "content/incidents/x.md:7: the impact on 'ecs' ends (2025-01-18 02:20 +08:00) before it starts (2025-01-18 02:30 +08:00); check its 'from' and 'to'",
      "content/incidents/x.md:9: unknown level 'big'; use one of: degraded-performance, partial-outage, major-outage",
    ]);
  });
});

describe('Corrections (issue 18, item 1)', () => {
  const resolvedIncident = (corrections: string, front = 'resolved: 2025-01-18 03:00\n') =>
    minimal(`started: 2025-01-18 02:11\n${front}affected: [ecs]`, `${corrections}## Resolved — 2025-01-18 03:00\nx\n\n## Investigating — 2025-01-18 02:20\ny\n`);

  it('accepts any number of Corrections after resolved, in English or Chinese, with one closing update', () => {
    const text = resolvedIncident('## Correction — 2025-02-01 10:00\n- resolved: 02:50 → 03:00\n\nLogs.\n\n## 更正 — 2025-01-20 10:00\n首次更正。\n\n');
    const { content, problems: found } = resolve({ 'x.md': text });
    expect(found).toEqual([]);
    expect(content.incidents[0]!.updates.map((update) => update.status)).toEqual(['correction', 'correction', 'resolved', 'investigating']);
  });

  it('accepts a Correction of a maintenance after it was completed', () => {
    const text = minimal('kind: maintenance\nscheduled: { from: 2025-01-18 01:00, to: 2025-01-18 03:00 }\nresolved: 2025-01-18 03:00\naffected: [ecs]', '## Correction — 2025-01-19 10:00\nx\n\n## Completed — 2025-01-18 03:00\ny\n');
    expect(problems(text)).toEqual([]);
  });

  it.each([
    {
      mistake: 'a Correction before resolved',
      text: resolvedIncident('## Correction — 2025-01-18 02:50\nx\n\n'),
      expected: "content/incidents/x.md:7: the Correction update (2025-01-18 02:50 +08:00) is before 'resolved' (2025-01-18 03:00 +08:00); a Correction follows 'resolved': check its time and date",
    },
    {
      mistake: 'a Correction of an incident not resolved',
      text: minimal('started: 2025-01-18 02:11\naffected: [ecs]', '## Correction — 2025-01-18 02:50\nx\n'),
      expected: "content/incidents/x.md:6: the Correction update (2025-01-18 02:50 +08:00) is in an incident that is not resolved; until it is resolved, change its figures directly and write an Update; a Correction follows 'resolved'",
    },
    {
      mistake: 'a Correction of a notice',
      text: minimal('kind: notice\nstarted: 2025-01-18 02:11\nresolved: 2025-01-19 02:11', '## Correction — 2025-01-20 10:00\nx\n\n## Resolved — 2025-01-19 02:11\ny\n'),
      expected: "content/incidents/x.md:7: a notice has no Correction update: it has no figures to correct; write '## Update — <time>' to say what changed",
    },
    {
      mistake: 'a second closing update among Corrections',
      text: resolvedIncident('## Resolved — 2025-02-01 10:00\nx\n\n## Correction — 2025-01-20 10:00\ny\n\n'),
      expected: 'content/incidents/x.md:13: a second Resolved update (the other is on line 7); keep one: a file has one closing update',
    },
  ])('refuses $mistake', ({ text, expected }) => {
    expect(problems(text)).toEqual([expected]);
  });
});

describe('since: when a service’s records start (issue 18, item 2)', () => {
  const services = `${SERVICES_YAML.replace('- id: oss\n', '- id: oss\n  since: 2025-01-15\n')}`;

  it('refuses an impact before the service’s records start, and takes one from then on', () => {
    const before = minimal('started: 2025-01-14 23:00\nresolved: 2025-01-15 01:00\naffected: [ecs, oss]', '## Resolved — 2025-01-15 01:00\nx\n');
    expect(resolve({ 'x.md': before }, { services }).problems.map(formatProblem)).toEqual([
      "content/incidents/x.md:5: the impact on 'oss' starts (2025-01-14 23:00 +08:00) before its records do (since 2025-01-15 00:00 +08:00); check its dates, or move 'since' of the service in services.yaml (or of the site in site.yaml) earlier",
    ]);
    const after = minimal('started: 2025-01-15 00:00\nresolved: 2025-01-15 01:00\naffected: [ecs, oss]', '## Resolved — 2025-01-15 01:00\nx\n');
    expect(resolve({ 'x.md': after }, { services }).problems).toEqual([]);
  });
});
