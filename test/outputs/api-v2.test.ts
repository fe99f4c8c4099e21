import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/contract/markdown.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Site, Update } from '../../src/core/types.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { NEWEST_LISTED, statuspageApi } from '../../src/outputs/api-v2.ts';
import { statuspageGroupId, statuspagePageId } from '../../src/outputs/links.ts';
import { at, content, en, incident, service, testSite } from '../builders.ts';

const NOW = at('2025-02-10 08:00');

/** Prose in English. */
function prose(html: string, markdown: string): Update['text'] {
  return { en: { html, markdown } };
}

/** Updates as a file lists them, top first. */
function updates(...entries: [Update['status'], string, string?][]): Update[] {
  return entries.map(([status, time, markdown = status], index) => ({ status, at: at(time), text: prose(renderMarkdown(markdown), markdown), line: 10 + index * 3 }));
}

describe('statuspageApi', () => {
  describe('status', () => {
    it.each([
      ['nothing open', null, 'none', 'All Systems Operational'],
      ['a degraded service', 'degraded-performance', 'minor', 'Partially Degraded Service'],
      ['a partial outage', 'partial-outage', 'major', 'Partial System Outage'],
      ['a major outage', 'major-outage', 'critical', 'Major System Outage'],
      ['only maintenance', 'under-maintenance', 'maintenance', 'Service Under Maintenance'],
    ] as const)('with %s is %s: "%s"', (_, level, indicator, description) => {
      const open = level === null ? [] : [incident('2025-02-10 07:00', null, { level, affected: [{ service: 'ecs', level, from: at('2025-02-10 07:00'), to: null }] })];
      const api = statuspageApi(computeLedger(content(open), NOW), testSite, languageOf(testSite));
      expect(api.status.status).toEqual({ indicator, description });
      expect(api.summary.status).toEqual(api.status.status);
    });

    it('is the worst service’s: a major outage during maintenance is critical', () => {
      const maintenance = incident('2025-02-10 07:00', null, { kind: 'maintenance', level: 'under-maintenance', cause: 'maintenance', services: ['ecs'] });
      const outage = incident('2025-02-10 07:30', null, { services: ['oss'] });
      expect(statuspageApi(computeLedger(content([maintenance, outage]), NOW), testSite, languageOf(testSite)).status.status.indicator).toBe('critical');
    });
  });

  describe('incident statuses', () => {
    it('gives an Update the status the incident had when it was posted', () => {
      const entry = incident('2025-02-10 06:00', null, {
        updates: updates(['update', '2025-02-10 07:30'], ['monitoring', '2025-02-10 07:00'], ['update', '2025-02-10 06:30'], ['identified', '2025-02-10 06:20'], ['update', '2025-02-10 06:05']),
      });
      const [json] = statuspageApi(computeLedger(content([entry]), NOW), testSite, languageOf(testSite)).incidents.incidents;
      expect(json!.incident_updates.map((update) => update.status)).toEqual(['monitoring', 'monitoring', 'identified', 'identified', 'investigating']);
      expect(json).toMatchObject({ status: 'monitoring', monitoring_at: '2025-02-10T07:00:00.000+08:00' });
    });

    it('is postmortem once resolved with a postmortem, and resolved without one', () => {
      const postmortem = { en: { html: '<p>Why</p>', markdown: 'Why it **happened**.\n\n- [x] Fix [the feed](https://example.com/feed)', actions: [] } };
      const entries = [
        incident('2025-02-01 10:00', '2025-02-01 11:00', { id: 'with', postmortem }),
        incident('2025-02-01 09:00', '2025-02-01 10:00', { id: 'without' }),
        incident('2025-02-10 07:00', null, { id: 'open', postmortem }),
      ];
      const api = statuspageApi(computeLedger(content(entries), NOW), testSite, languageOf(testSite));
      expect(api.incidents.incidents.map((entry) => [entry.id, entry.status, entry.postmortem_body])).toEqual([
        ['open', 'investigating', 'Why it happened.\n\n- [x] Fix the feed (https://example.com/feed)'],
        ['with', 'postmortem', 'Why it happened.\n\n- [x] Fix the feed (https://example.com/feed)'],
        ['without', 'resolved', null],
      ]);
      expect(api.incidents.incidents[1]!.resolved_at).toBe('2025-02-01T11:00:00.000+08:00');
    });

    it('shows a notice as identified with impact none, and resolved once it is', () => {
      const notice = (id: string, resolved: string | null) =>
        incident('2025-02-05 10:00', resolved, { id, kind: 'notice', affected: [], updates: updates(['update', '2025-02-05 10:00', 'We opened a *new* region.']) });
      const api = statuspageApi(computeLedger(content([notice('shown', null), notice('over', '2025-02-06 10:00')]), NOW), testSite, languageOf(testSite));
      expect(api.unresolved.incidents.map((entry) => [entry.id, entry.status, entry.impact])).toEqual([['shown', 'identified', 'none']]);
      expect(api.incidents.incidents.find((entry) => entry.id === 'over')).toMatchObject({ status: 'resolved', impact: 'none' });
      expect(api.unresolved.incidents[0]!.incident_updates[0]).toMatchObject({ status: 'identified', body: 'We opened a new region.' });
    });

    it('writes update bodies and the postmortem as plain text, with typed entities as their characters', () => {
      const entry = incident('2025-02-05 10:00', null, { id: 'typed', updates: updates(['identified', '2025-02-05 10:00', 'Fish &amp; chips &lt;3']) });
      const api = statuspageApi(computeLedger(content([{ ...entry, postmortem: { en: { html: '', markdown: 'Q &amp; A', actions: [] } } }]), NOW), testSite, languageOf(testSite));
      expect(api.unresolved.incidents[0]).toMatchObject({ incident_updates: [{ body: 'Fish & chips <3' }], postmortem_body: 'Q & A' });
    });

    it('gives a maintenance its own statuses, its window and impact maintenance, from scheduled to completed', () => {
      const window = { from: at('2025-02-10 07:00'), to: at('2025-02-10 09:00') };
      const maintenance = (id: string, resolved: string | null, steps: Update[]) =>
        incident('2025-02-10 07:00', resolved, { id, kind: 'maintenance', level: 'under-maintenance', cause: 'maintenance', scheduled: window, updates: steps });
      const running = maintenance('running', null, updates(['update', '2025-02-10 07:40'], ['verifying', '2025-02-10 07:30'], ['update', '2025-02-10 07:10'], ['scheduled', '2025-02-01 10:00']));
      const done = maintenance('done', '2025-02-10 07:50', updates(['completed', '2025-02-10 07:50'], ['in-progress', '2025-02-10 07:00']));
      const later = { ...maintenance('later', null, updates(['scheduled', '2025-02-09 10:00'])), started: at('2025-02-12 01:00'), scheduled: { from: at('2025-02-12 01:00'), to: at('2025-02-12 02:00') } };
      const api = statuspageApi(computeLedger(content([running, done, later]), NOW), testSite, languageOf(testSite));
      expect(api.active.scheduled_maintenances.map((entry) => [entry.id, entry.status])).toEqual([['running', 'verifying']]);
      expect(api.active.scheduled_maintenances[0]!.incident_updates.map((update) => update.status)).toEqual(['verifying', 'verifying', 'in_progress', 'scheduled']);
      expect(api.upcoming.scheduled_maintenances.map((entry) => [entry.id, entry.status, entry.scheduled_for])).toEqual([['later', 'scheduled', '2025-02-12T01:00:00.000+08:00']]);
      expect(api.maintenances.scheduled_maintenances.find((entry) => entry.id === 'done')).toMatchObject({ status: 'completed', impact: 'maintenance', scheduled_until: '2025-02-10T09:00:00.000+08:00' });
      expect(api.summary.scheduled_maintenances.map((entry) => entry.id)).toEqual(['running', 'later']);
      expect(api.incidents.incidents).toEqual([]);
    });
  });

  describe('times', () => {
    it('are RFC 3339 on the site’s wall clock with its offset: +00:00 for a site in UTC', () => {
      const entry = incident('2025-02-10 06:00', null, { updates: updates(['investigating', '2025-02-10 06:05']) });
      const shanghai = statuspageApi(computeLedger(content([entry]), NOW), testSite, languageOf(testSite)).incidents.incidents[0]!;
      const utc = statuspageApi(computeLedger(content([entry]), NOW), { ...testSite, timeZone: 'UTC' }, languageOf(testSite)).incidents.incidents[0]!;
      expect([shanghai.started_at, utc.started_at]).toEqual(['2025-02-10T06:00:00.000+08:00', '2025-02-09T22:00:00.000+00:00']);
      expect(Date.parse(shanghai.started_at)).toBe(Date.parse(utc.started_at));
    });

    it('keep the offset each instant had across a DST change', () => {
      const site = { ...testSite, timeZone: 'Europe/Berlin' };
      const entry = incident('2025-03-30 00:30:00Z', '2025-03-30 01:30:00Z');
      const json = statuspageApi(computeLedger(content([entry]), at('2025-04-01 00:00')), site, languageOf(site)).incidents.incidents[0]!;
      expect([json.started_at, json.resolved_at]).toEqual(['2025-03-30T01:30:00.000+01:00', '2025-03-30T03:30:00.000+02:00']);
    });

    it('say when something last changed, not when the site was built: the same content gives the same files later', () => {
      const entry = incident('2025-02-01 10:00', '2025-02-01 11:00', { updates: updates(['resolved', '2025-02-01 11:05']) });
      const now = statuspageApi(computeLedger(content([entry]), NOW), testSite, languageOf(testSite));
      const later = statuspageApi(computeLedger(content([entry]), NOW + 86_400_000), testSite, languageOf(testSite));
      expect(now.summary.page.updated_at).toBe('2025-02-01T11:05:00.000+08:00');
      expect(later).toEqual(now);
    });
  });

  describe('components', () => {
    it('are the groups, each followed by its services, with positions inside their parent and current statuses', () => {
      const services = [service('a', { group: en('One') }), service('b', { group: en('Two'), description: en('B things') }), service('c', { group: en('One') })];
      const api = statuspageApi(computeLedger(content([incident('2025-02-10 07:00', null, { services: ['c'], level: 'partial-outage' })], { services }), NOW), testSite, languageOf(testSite));
      expect(api.components.components.map((entry) => [entry.id, entry.status, entry.position, entry.group_id, entry.components])).toEqual([
        [statuspageGroupId('One'), 'partial_outage', 1, null, ['a', 'c']],
        ['a', 'operational', 1, statuspageGroupId('One'), undefined],
        ['c', 'partial_outage', 2, statuspageGroupId('One'), undefined],
        [statuspageGroupId('Two'), 'operational', 2, null, ['b']],
        ['b', 'operational', 1, statuspageGroupId('Two'), undefined],
      ]);
      expect(api.components.components.find((entry) => entry.id === 'b')!.description).toBe('B things');
      expect(api.components.components.find((entry) => entry.id === 'a')!.description).toBeNull();
    });
  });

  describe('ids', () => {
    it('keep our incident, service and update ids, give groups their own, and the page one derived from its address', () => {
      expect(statuspagePageId(testSite)).toMatch(/^[0-9a-f]{12}$/);
      const renamed: Site = { ...testSite, title: en('Renamed') };
      expect(statuspagePageId(testSite)).toBe(statuspagePageId(renamed));
      expect(statuspagePageId(testSite)).not.toBe(statuspagePageId({ ...testSite, url: 'https://other.test' }));
      expect(statuspageGroupId('Compute')).toBe(statuspageGroupId('Compute'));
      expect(statuspageGroupId('Compute')).not.toBe(statuspageGroupId('compute'));
      expect(statuspageGroupId('Compute')).toMatch(/^group_[0-9a-f]{12}$/);
    });
  });

  it(`holds the newest ${NEWEST_LISTED} incidents and the newest ${NEWEST_LISTED} maintenances`, () => {
    const hour = (index: number) => index * 3_600_000;
    const many = Array.from({ length: 60 }, (_, index) =>
      incident('2025-01-01 00:00', null, { id: `i${index}`, started: at('2025-01-01 00:00') + hour(index), resolved: at('2025-01-01 00:30') + hour(index) }),
    );
    // Maintenances interleaved with the incidents, each in its announced window: neither list pushes the other out.
    const maintenances = Array.from({ length: 60 }, (_, index) => {
      const from = at('2025-01-01 00:40') + hour(index);
      const to = from + 600_000;
      return incident('2025-01-01 00:40', null, {
        id: `m${index}`,
        kind: 'maintenance',
        cause: 'maintenance',
        level: 'under-maintenance',
        started: from,
        resolved: to,
        scheduled: { from, to },
        affected: [{ service: 'ecs', level: 'under-maintenance', from, to }],
      });
    });
    const api = statuspageApi(computeLedger(content([...many, ...maintenances]), NOW), testSite, languageOf(testSite));
    expect(api.incidents.incidents).toHaveLength(NEWEST_LISTED);
    expect(api.incidents.incidents[0]!.id).toBe('i59');
    expect(api.incidents.incidents.at(-1)!.id).toBe('i10');
    expect(api.maintenances.scheduled_maintenances).toHaveLength(NEWEST_LISTED);
    expect(api.maintenances.scheduled_maintenances.map((entry) => entry.id)).toEqual(Array.from({ length: NEWEST_LISTED }, (_, index) => `m${59 - index}`));
    expect(api.maintenances.scheduled_maintenances.every((entry) => entry.impact === 'maintenance' && entry.status === 'completed')).toBe(true);
  });
});
