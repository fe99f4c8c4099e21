import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { addUpdate, newIncidentText, setResolved, slugify } from '../../src/editor/incident-file.ts';
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
  });
  return { incident: content.incidents[0], problems: problems.map(formatProblem) };
}

describe('newIncidentText', () => {
  it('writes an incident the build reads back, with an Investigating update at now', () => {
    const text = newIncidentText({ title: 'API errors', services: ['ecs', 'oss'], level: 'partial-outage', cause: 'platform', now: at('2025-01-18 02:11'), timeZone: zone });
    const { incident, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(incident).toMatchObject({ title: 'API errors', cause: 'platform', level: 'partial-outage', started: at('2025-01-18 02:11'), resolved: null });
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

  it.each(['Errors: 50% of requests', '#1 priority', '- dash first', 'yes', '"quoted"', "it's <b>bold</b> & 'odd'", '上海地域对象存储请求失败', '  padded  '])(
    'keeps the title %j exactly as typed',
    (title) => {
      const { incident, problems } = readBack(newIncidentText({ title, services: ['ecs'], now: at('2025-01-18 02:11'), timeZone: zone }));
      expect(problems).toEqual([]);
      expect(incident!.title).toBe(title.trim());
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
