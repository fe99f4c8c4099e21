import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { fromStatuspage } from '../../src/editor/importers.ts';
import { en, service } from '../builders.ts';
import { FIXTURE_NOW } from './fixture.ts';
import { builtSite } from './build-site.ts';
import { STATUSPAGE_SCHEMAS, schemaErrors } from './statuspage-schemas.ts';

const builds = inject('builds');
/** Every site that built, once each. */
const SITES = Object.entries(builds)
  .filter(([name, built]) => built.ok && name !== 'hostileAgain')
  .map(([name, built]) => ({ name, site: builtSite(built.outDir) }));
const fixture = builtSite(builds.fixture!.outDir);
const FILES = Object.keys(STATUSPAGE_SCHEMAS);

/** DESIGN's mapping of our statuses to Statuspage's indicator. */
const INDICATOR: Record<string, string> = {
  operational: 'none',
  'degraded-performance': 'minor',
  'partial-outage': 'major',
  'major-outage': 'critical',
  'under-maintenance': 'maintenance',
};
const v2Status = (status: string) => status.replace(/-/g, '_');
const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe('the Statuspage-compatible API: every file fits the schema of its Statuspage counterpart', () => {
  const cases = SITES.flatMap(({ name, site }) => FILES.map((file) => ({ name, file, site })));
  it.each(cases)('$name: /api/v2/$file', ({ file, site }) => {
    expect(schemaErrors(file, site.json(`api/v2/${file}`))).toEqual([]);
  });

  it('the schemas refuse what Statuspage would not send, so a pass means something', () => {
    const summary = fixture.json('api/v2/summary.json');
    summary.components[1].status = 'partial-outage';
    summary.incidents[0].status = 'resolved';
    summary.incidents[0].impact = 'maintenance';
    summary.status.description = 'Partial outage';
    delete summary.page.time_zone;
    summary.scheduled_maintenances[0].scheduled_for = '2025-02-20 01:00';
    expect(schemaErrors('summary.json', summary).map((error) => error.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'summary.json/page',
        'summary.json/components/1/status',
        'summary.json/incidents/0/status',
        'summary.json/incidents/0/impact',
        'summary.json/scheduled_maintenances/0/scheduled_for',
        'summary.json/status/description',
      ]),
    );
  });
});

describe('the Statuspage-compatible API says what /api/v1 and the pages say', () => {
  describe.each(SITES)('$name', ({ site }) => {
    const v1 = site.json('api/v1/summary.json');
    const v1Incidents = site.json('api/v1/incidents.json').incidents as { id: string; kind: string; status: string; url: string }[];
    const summary = site.json('api/v2/summary.json');

    it('has the same overall status, as its indicator', () => {
      expect(summary.status.indicator).toBe(INDICATOR[v1.status]);
      expect(site.json('api/v2/status.json').status).toEqual(summary.status);
    });

    it('gives every service the same status, in the same order, inside its group', () => {
      const services = summary.components.filter((component: { group: boolean }) => !component.group);
      expect(services.map((component: { id: string; status: string }) => [component.id, component.status])).toEqual(
        v1.services.map((service: { id: string; status: string }) => [service.id, v2Status(service.status)]),
      );
      const groups = summary.components.filter((component: { group: boolean }) => component.group);
      for (const service of services) {
        const group = groups.find((candidate: { id: string }) => candidate.id === service.group_id);
        expect(group.components).toContain(service.id);
        expect(group.name).toBe(v1.services.find((entry: { id: string }) => entry.id === service.id).group);
      }
      expect(site.json('api/v2/components.json').components).toEqual(summary.components);
    });

    it('lists the same open incidents, maintenance in progress and upcoming maintenance', () => {
      const active = v1.activeIncidents as { id: string; kind: string }[];
      const maintenance = (entry: { kind: string }) => entry.kind === 'maintenance';
      expect(ids(summary.incidents)).toEqual(ids(active.filter((entry) => !maintenance(entry))));
      expect(ids(site.json('api/v2/incidents/unresolved.json').incidents)).toEqual(ids(summary.incidents));
      expect(ids(site.json('api/v2/scheduled-maintenances/active.json').scheduled_maintenances)).toEqual(ids(active.filter(maintenance)));
      expect(ids(site.json('api/v2/scheduled-maintenances/upcoming.json').scheduled_maintenances)).toEqual(ids(v1.upcomingMaintenance));
      expect(ids(summary.scheduled_maintenances)).toEqual([...ids(active.filter(maintenance)), ...ids(v1.upcomingMaintenance)]);
    });

    it('holds the newest 50 incidents and maintenances, newest first, each with the status and address v1 gives it', () => {
      const incidents = site.json('api/v2/incidents.json').incidents;
      const maintenances = site.json('api/v2/scheduled-maintenances.json').scheduled_maintenances;
      expect(ids(incidents)).toEqual(ids(v1Incidents.filter((entry) => entry.kind !== 'maintenance').slice(0, 50)));
      expect(ids(maintenances)).toEqual(ids(v1Incidents.filter((entry) => entry.kind === 'maintenance').slice(0, 50)));
      for (const entry of [...incidents, ...maintenances]) {
        const own = v1Incidents.find((candidate) => candidate.id === entry.id)!;
        expect(entry.shortlink).toBe(own.url);
        const resolved = ['resolved', 'postmortem', 'completed'].includes(entry.status);
        expect(resolved, entry.id).toBe(own.status === 'resolved');
        // A notice is `identified` in v2 while shown: v1 calls it `active`.
        if (!resolved && own.kind !== 'notice') expect(entry.status).toBe(v2Status(own.status));
      }
    });

    it('carries one page object in every file, named and addressed like the site', () => {
      for (const file of FILES) expect(site.json(`api/v2/${file}`).page, file).toEqual(summary.page);
      expect(v1Incidents.every((entry) => entry.url.startsWith(`${summary.page.url}/incidents/`))).toBe(true);
      expect(parseHtml(site.read('index.html')).querySelector('title')!.text).toBe(summary.page.name);
    });
  });
});

describe('the fixture site in Statuspage’s words', () => {
  const incidents = fixture.json('api/v2/incidents.json').incidents;
  const maintenances = fixture.json('api/v2/scheduled-maintenances.json').scheduled_maintenances;
  const incident = (id: string) => incidents.find((entry: { id: string }) => entry.id === id);
  const maintenance = (id: string) => maintenances.find((entry: { id: string }) => entry.id === id);

  it('writes times in the site’s zone with its offset, as Statuspage writes a page’s times', () => {
    const page = fixture.json('api/v2/summary.json').page;
    expect(page.time_zone).toBe('Asia/Shanghai');
    // The newest change on record: the CDN incident's Identified update at 06:30.
    expect(page.updated_at).toBe('2025-02-10T06:30:00.000+08:00');
    expect(incident('2025-01-18-hangzhou-power')).toMatchObject({
      started_at: '2025-01-18T02:11:00.000+08:00',
      resolved_at: '2025-01-18T03:40:00.000+08:00',
      created_at: '2025-01-18T02:11:00.000+08:00',
      updated_at: '2025-01-18T03:45:00.000+08:00',
    });
  });

  it('gives a resolved incident with a postmortem the status postmortem, its impact from the worst level, and plain-text bodies', () => {
    const power = incident('2025-01-18-hangzhou-power');
    expect(power).toMatchObject({ status: 'postmortem', impact: 'critical', monitoring_at: null });
    expect(power.postmortem_body).toMatch(/^What happened, why, and what we change/);
    expect(power.incident_updates.map((update: { status: string }) => update.status)).toEqual(['resolved', 'identified', 'investigating']);
    expect(power.incident_updates[0]).toMatchObject({
      id: '2025-01-18-hangzhou-power#update-20250117T194500-resolved',
      body: 'Power is restored and every instance is reachable again.',
      incident_id: '2025-01-18-hangzhou-power',
      display_at: '2025-01-18T03:45:00.000+08:00',
    });
    expect(power.components.map((component: { id: string; status: string }) => [component.id, component.status])).toEqual([
      ['ecs', 'operational'],
      ['oss', 'operational'],
    ]);
    expect(incident('2025-01-18-api-errors')).toMatchObject({ status: 'resolved', impact: 'critical', postmortem_body: null });
  });

  it('shows an ongoing partial outage as major and identified, and a notice as identified with no impact', () => {
    expect(incident('2025-02-10-cdn')).toMatchObject({ status: 'identified', impact: 'major', resolved_at: null });
    expect(incident('2025-02-05-notice')).toMatchObject({ status: 'identified', impact: 'none', components: [] });
  });

  it('keeps maintenance out of incidents.json, with its window, its own statuses and impact maintenance', () => {
    expect(incidents.some((entry: { impact: string }) => entry.impact === 'maintenance')).toBe(false);
    expect(maintenance('2025-02-03-oss-upgrade')).toMatchObject({
      status: 'completed',
      impact: 'maintenance',
      scheduled_for: '2025-02-03T01:00:00.000+08:00',
      scheduled_until: '2025-02-03T03:00:00.000+08:00',
      resolved_at: '2025-02-03T04:00:00.000+08:00',
    });
    expect(maintenance('2025-02-03-oss-upgrade').incident_updates.map((update: { status: string }) => update.status)).toEqual(['completed', 'in_progress', 'scheduled']);
    expect(maintenance('2025-02-20-ecs-maintenance')).toMatchObject({ status: 'scheduled', created_at: '2025-02-09T10:00:00.000+08:00', started_at: '2025-02-20T01:00:00.000+08:00' });
  });

  it('reads back through the Statuspage importer: each incident with its title, times, level and services', () => {
    const services = fixture.json('api/v1/summary.json').services.map((entry: { id: string; name: string; group: string }) => service(entry.id, { name: en(entry.name), group: en(entry.group), sla: null }));
    const imported = fromStatuspage(fixture.json('api/v2/incidents.json'), { timeZone: 'Asia/Shanghai', services, now: FIXTURE_NOW * 1000, openStale: true });
    const power = imported.files.find((file) => file.text.includes('title: Instances unreachable in Hangzhou zone H'))!.text;
    expect(power).toContain('started: 2025-01-18 02:11:00\nresolved: 2025-01-18 03:40:00\nlevel: major-outage\naffected:\n  - ecs\n  - oss\n');
    expect(power).toContain('## Identified — 2025-01-18 02:40:00\nA power supply failure in one data hall.');
    expect(power).toContain('## Postmortem\nWhat happened, why, and what we change');
    // A notice affects no service: the importer has nothing to attach it to.
    expect(imported.files).toHaveLength(incidents.filter((entry: { components: unknown[] }) => entry.components.length > 0).length);
  });

  it('makes each group a component listing its services, after which they follow', () => {
    const components = fixture.json('api/v2/components.json').components;
    expect(components.map((component: { name: string; group: boolean; position: number }) => [component.name, component.group, component.position])).toEqual([
      ['Compute', true, 1],
      ['Compute', false, 1],
      ['Storage', true, 2],
      ['Storage', false, 1],
      ['Network', true, 3],
      ['CDN', false, 1],
      ['Console', false, 2],
    ]);
    const network = components[4];
    expect(network).toMatchObject({ status: 'partial_outage', components: ['cdn', 'console'], group_id: null });
    expect(network.id).toMatch(/^group_[0-9a-f]{12}$/);
  });
});
