import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { fromCstate, fromStatuspage } from '../../src/editor/importers.ts';
import { at, SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const { content } = resolveContent({ dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla: SLA_YAML, incidents: [], others: [] }, Date.now());
const context = { services: content.services, timeZone: content.site.timeZone };

/** Reads imported files back through the contract, as the build would. */
function readBack(files: { path: string; text: string }[]) {
  const resolved = resolveContent({
    dir: 'content',
    site: SITE_YAML,
    services: SERVICES_YAML,
    sla: SLA_YAML,
    incidents: files.map((file) => ({ path: `content/incidents/${file.path}`, text: file.text })),
    others: [],
  }, Date.now());
  return { incidents: resolved.content.incidents, problems: resolved.problems.map(formatProblem) };
}

describe('fromStatuspage', () => {
  const result = fromStatuspage(JSON.parse(readFileSync(path.join(fixtures, 'statuspage-incidents.json'), 'utf8')), context);
  const { incidents, problems } = readBack(result.files);

  it('writes files the build accepts, named by date and title', () => {
    expect(problems).toEqual([]);
    expect(result.files.map((file) => file.path)).toEqual(['2025/2025-02-05-elevated-api-error-rates.md', '2025/2025-02-01-storage-node-replacement.md']);
  });

  it('maps times, levels, updates and the postmortem of an incident', () => {
    const incident = incidents.find((entry) => entry.id === '2025-02-05-elevated-api-error-rates')!;
    expect(incident).toMatchObject({ kind: 'incident', cause: null, started: Date.parse('2025-02-05T09:05:00Z'), resolved: Date.parse('2025-02-05T10:58:12Z'), level: 'partial-outage' });
    expect(incident.affected.map((affected) => [affected.service, affected.level])).toEqual([['ecs', 'partial-outage']]);
    expect(incident.updates.map((update) => [update.status, new Date(update.at).toISOString()])).toEqual([
      ['resolved', '2025-02-05T10:58:12.000Z'],
      ['monitoring', '2025-02-05T10:31:50.000Z'],
      ['investigating', '2025-02-05T09:12:04.000Z'],
    ]);
    expect(incident.updates[1]!.html).toContain('## Details');
    expect(incident.postmortem!.html).toContain('connection limits');
  });

  it('maps a maintenance with its announced window', () => {
    const maintenance = incidents.find((entry) => entry.kind === 'maintenance')!;
    expect(maintenance.scheduled).toEqual({ from: Date.parse('2025-02-01T01:00:00Z'), to: Date.parse('2025-02-01T03:00:00Z') });
    expect(maintenance.updates.map((update) => update.status)).toEqual(['completed', 'in-progress', 'scheduled']);
    expect(maintenance.affected.map((affected) => affected.service)).toEqual(['oss']);
  });

  it('reports what it could not map', () => {
    expect(result.notes).toEqual([
      "statuspage p31zjtct2jer 'Elevated API error rates': component 'Billing' matches no service in services.yaml; add it, or name the service after it",
      "statuspage zz9y8x7w6v5u 'Delayed email notifications': component 'Email' matches no service in services.yaml; add it, or name the service after it",
      "statuspage zz9y8x7w6v5u 'Delayed email notifications': no component maps to a service; left out",
    ]);
  });
});

describe('fromCstate', () => {
  const dir = path.join(fixtures, 'cstate');
  const files = readdirSync(dir).sort().map((name) => ({ path: name, text: readFileSync(path.join(dir, name), 'utf8') }));
  const result = fromCstate(files, context);
  const { incidents, problems } = readBack(result.files);

  it('writes files the build accepts', () => {
    expect(problems).toEqual([]);
    expect(incidents.map((incident) => incident.id).sort()).toEqual(['2025-01-10-cdn-errors-in-europe', '2025-02-01-new-region-in-frankfurt', '2025-02-08-console-unavailable']);
  });

  it('maps severity, times in the site zone, the summary and the tracked updates', () => {
    const cdn = incidents.find((incident) => incident.id === '2025-01-10-cdn-errors-in-europe')!;
    expect(cdn).toMatchObject({ level: 'partial-outage', started: at('2025-01-10 14:05'), resolved: at('2025-01-10 15:40') });
    expect(cdn.summaryHtml).toBe('<p>Some requests to European edge locations failed.</p>');
    expect(cdn.updates.map((update) => [update.status, update.at])).toEqual([
      ['resolved', at('2025-01-10 15:40')],
      ['monitoring', at('2025-01-10 15:05')],
      ['investigating', at('2025-01-10 14:10')],
    ]);
    const console = incidents.find((incident) => incident.id === '2025-02-08-console-unavailable')!;
    expect(console).toMatchObject({ level: 'major-outage', resolved: null });
    expect(console.affected.map((affected) => affected.service)).toEqual(['console', 'oss']);
    expect(incidents.find((incident) => incident.id === '2025-02-01-new-region-in-frankfurt')!.kind).toBe('notice');
  });

  it('reports what it could not map', () => {
    expect(result.notes).toEqual([
      "cstate 2025-01-10-cdn-errors.md: system 'Video transcoding' matches no service in services.yaml; add it, or name the service after it",
      'cstate 2025-02-01-new-region.md: resolved with no Resolved update; one was added',
      "cstate 2025-02-08-console-down.md: update '*Escalated*' is not a known status; written as an Update",
    ]);
  });
});
