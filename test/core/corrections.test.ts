import { describe, expect, it } from 'vitest';
import { changeLines, correctionProblems, fieldLine, figureChanges } from '../../src/contract/corrections.ts';
import { correctedMonths, isWithdrawn } from '../../src/core/corrections.ts';
import { computeLedger, incidentStatus } from '../../src/core/ledger.ts';
import { formatWallTime } from '../../src/core/time.ts';
import type { Incident, Update } from '../../src/core/types.ts';
import { statuspageApi } from '../../src/outputs/api-v2.ts';
import { incidentsPages, availabilityPages, updatesJson } from '../../src/outputs/api-v1.ts';
import { feedEntries } from '../../src/outputs/feeds.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { notificationFor } from '../../src/notify/notification.ts';
import { at, content, DESIGN_EXAMPLE, incident, testSite } from '../builders.ts';

const time = (instant: number) => formatWallTime(instant, 'Asia/Shanghai');

function update(status: Update['status'], text: string, markdown: string = status): Update {
  return { status, at: at(text), text: { en: { html: `<p>${markdown}</p>`, markdown } }, line: 1 };
}

/** An incident resolved in January, then corrected on 1 March (its window moved to end at 11:00). */
function corrected(overrides: Partial<Incident> = {}): Incident {
  return incident('2025-01-10 10:00', '2025-01-10 11:00', {
    id: 'power',
    updates: [update('correction', '2025-03-01 09:00', 'resolved: 10:30 → 11:00'), update('resolved', '2025-01-10 11:05'), update('investigating', '2025-01-10 10:05')],
    ...overrides,
  });
}

describe('figureChanges', () => {
  const base = incident('2025-01-10 10:00', '2025-01-10 11:00', { services: ['ecs', 'oss'] });

  it('finds nothing between two versions with the same values', () => {
    expect(figureChanges(base, structuredClone(base), time)).toEqual([]);
  });

  it.each([
    ['resolved', { resolved: at('2025-01-10 11:10') }, ['resolved', '2025-01-10 11:00', '2025-01-10 11:10']],
    ['kind', { kind: 'maintenance' as const }, ['kind', 'incident', 'maintenance']],
    ['cause', { cause: null }, ['cause', 'platform', 'not set']],
    ['level', { level: 'partial-outage' as const }, ['level', 'major-outage', 'partial-outage']],
    ['scheduled', { scheduled: { from: at('2025-01-10 10:00'), to: at('2025-01-10 12:00') } }, ['scheduled.from', 'not set', '2025-01-10 10:00']],
  ])('names a changed %s, old → new', (_, change, expected) => {
    const [field, before, after] = expected;
    expect(figureChanges(base, { ...base, ...change }, time)[0]).toEqual({ field, before, after });
  });

  it('names an entry’s value once, by the incident’s field, when the entry takes it from there in both versions', () => {
    const later = at('2025-01-10 11:10');
    const next = { ...base, resolved: later, affected: base.affected.map((affected) => ({ ...affected, to: affected.service === 'oss' ? at('2025-01-10 10:30') : later })) };
    expect(figureChanges(base, next, time).map((change) => change.field)).toEqual(['resolved', 'affected.oss.to']);
  });

  it('writes the lines a Correction starts with', () => {
    expect(changeLines(figureChanges(base, { ...base, cause: 'customer' }, time))).toBe('- cause: platform → customer');
  });
});

describe('fieldLine', () => {
  it.each([
    ['resolved', 5],
    ['affected.ecs.to', 8],
    ['affected.oss.to', 12],
    ['affected.cdn', 7],
    ['scheduled.from', 2],
  ])('finds %s on line %i of the incident file, or the nearest line holding it', (field, line) => {
    expect(fieldLine(DESIGN_EXAMPLE, field)).toBe(line);
  });
});

describe('correctionProblems', () => {
  const published = [{ path: 'content/incidents/power.md', incident: corrected() }];
  const now = (incident: Incident | undefined) => new Map([['power', { path: 'content/incidents/power.md', text: '---\nresolved: x\n---\n', incident }]]);

  it('passes an incident whose figures are those published', () => {
    expect(correctionProblems(published, now(corrected()), 'main', time)).toEqual([]);
  });

  it('leaves a file with problems to the content check', () => {
    expect(correctionProblems(published, now(undefined), 'main', time)).toEqual([]);
  });

  it('refuses a figure changed with no new Correction, and takes one with a new Correction', () => {
    const changed = corrected({ resolved: at('2025-01-10 11:30') });
    expect(correctionProblems(published, now(changed), 'main', time).map((problem) => [problem.line, problem.message])).toEqual([
      [2, "'resolved' changed since main, where 'power' was resolved and published: 2025-01-10 11:00 → 2025-01-10 11:30, with no new Correction update"],
    ]);
    const announced = { ...changed, updates: [update('correction', '2025-03-02 09:00'), ...changed.updates] };
    expect(correctionProblems(published, now(announced), 'main', time)).toEqual([]);
  });

  it('does not guard an incident still open, or a notice', () => {
    const open = corrected({ resolved: null, updates: [] });
    const notice = corrected({ kind: 'notice', updates: [] });
    const gone = new Map();
    expect(correctionProblems([{ path: 'a.md', incident: open }, { path: 'b.md', incident: notice }], gone, 'main', time)).toEqual([]);
  });
});

describe('a corrected incident in the ledger', () => {
  const now = at('2025-03-05 00:00');

  it('stays resolved, with its newest Correction, and each month its windows touch says when it was corrected', () => {
    const ledger = computeLedger(content([corrected()]), now);
    const entry = ledger.byId.get('power')!;
    expect(entry.status).toBe('resolved');
    expect(incidentStatus(entry.incident, at('2025-03-01 09:30'))).toBe('resolved');
    expect(entry.correction?.at).toBe(at('2025-03-01 09:00'));
    expect(entry.withdrawn).toBe(false);
    expect(entry.impacts[0]!.months.map((month) => [month.month, month.corrected])).toEqual([['2025-01', { at: at('2025-03-01 09:00'), incidents: ['power'] }]]);
    expect(ledger.serviceById.get('ecs')!.months[0]!.corrected).toEqual({ at: at('2025-03-01 09:00'), incidents: ['power'] });
  });

  it('marks no month before the Correction is published', () => {
    const ledger = computeLedger(content([corrected()]), at('2025-03-01 08:00'));
    expect(ledger.byId.get('power')!.correction).toBeNull();
    expect(ledger.serviceById.get('ecs')!.months[0]!.corrected).toBeNull();
  });

  it('is withdrawn when a Correction leaves every window of zero length; its month stays in the report at 100%, corrected', () => {
    const withdrawn = corrected();
    withdrawn.affected = withdrawn.affected.map((affected) => ({ ...affected, to: affected.from }));
    expect(isWithdrawn(withdrawn, now)).toBe(true);
    expect(isWithdrawn({ ...withdrawn, updates: withdrawn.updates.slice(1) }, now)).toBe(false);
    const ledger = computeLedger(content([withdrawn]), now);
    expect(ledger.byId.get('power')!.withdrawn).toBe(true);
    expect(ledger.serviceById.get('ecs')!.months.map((month) => [month.month, month.minutes, month.availability, month.incidents, month.final, month.corrected?.incidents])).toEqual([
      ['2025-01', 0, 100, [], true, ['power']],
    ]);
    expect(ledger.serviceById.get('ecs')!.days.every((day) => day.minutes === 0)).toBe(true);
  });

  it.each([
    ['a window across a month’s end', '2025-01-31 23:00', '2025-02-01 01:00', ['2025-01', '2025-02']],
    ['a window of zero length', '2025-01-31 23:00', '2025-01-31 23:00', ['2025-01']],
    ['a zero-length window at midnight on the 1st', '2025-02-01 00:00', '2025-02-01 00:00', ['2025-02']],
  ])('takes the months %s touches', (_, from, to, months) => {
    expect(correctedMonths({ service: 'ecs', level: 'major-outage', from: at(from), to: at(to) }, 'Asia/Shanghai', at('2025-03-01 00:00'))).toEqual(months);
  });
});

describe('a Correction in the outputs', () => {
  const now = at('2025-03-05 00:00');
  const ledger = computeLedger(content([corrected()]), now);

  it('is status correction in /api/v1/updates.json, and the incident and its months say when they were corrected', () => {
    expect(updatesJson(ledger, testSite).updates[0]).toMatchObject({ status: 'correction', time: '2025-03-01T01:00:00.000Z' });
    const [json] = incidentsPages(ledger, testSite)[0]!.incidents;
    expect(json).toMatchObject({ status: 'resolved', corrected: '2025-03-01T01:00:00.000Z', withdrawn: false });
    expect(json!.impacts[0]!.months[0]!.corrected).toEqual({ at: '2025-03-01T01:00:00.000Z', incidents: ['power'] });
    expect(availabilityPages(ledger, testSite)[0]!.services[0]!.months[0]!.corrected).toEqual({ at: '2025-03-01T01:00:00.000Z', incidents: ['power'] });
  });

  it('keeps the incident resolved in /api/v2, the Correction carrying that status', () => {
    const [json] = statuspageApi(ledger, testSite, languageOf(testSite)).incidents.incidents;
    expect(json!.status).toBe('resolved');
    expect(json!.incident_updates.map((entry) => entry.status)).toEqual(['resolved', 'resolved', 'investigating']);
  });

  it('goes out in the feeds like any update, and the month’s figures say when they were corrected', () => {
    const [entry] = feedEntries(ledger, testSite, languageOf(testSite));
    expect(entry!.title).toBe('Correction: Test incident');
    expect(entry!.html).toContain('(final, corrected on 1 Mar 2025)');
    expect(feedEntries(ledger, testSite, languageOf(testSite, 'zh-CN'))[0]!.title).toBe('更正：Test incident');
  });

  it('is told in notifications as news, not as an outage', () => {
    const correction = ledger.byId.get('power')!.incident.updates[0]!;
    expect(notificationFor(ledger.byId.get('power')!.incident, correction, testSite, [], languageOf(testSite))).toMatchObject({ status: 'correction', statusLabel: 'Correction', tone: 'notice' });
  });
});
