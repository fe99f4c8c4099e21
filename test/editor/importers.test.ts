import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { CauseMappingError, readCauseMapping } from '../../src/editor/import-causes.ts';
import { fromCstate, fromStatuspage, ImportError } from '../../src/editor/importers.ts';
import { at, SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');
const { content } = resolveContent({ dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla: SLA_YAML, incidents: [], others: [] }, Date.now());
/** The importers run at the fixtures' now: nothing in them is stale yet. */
const context = { services: content.services, timeZone: content.site.timeZone, now: Date.parse('2025-02-10T00:00:00Z') };

/** The note an imported incident whose cause nothing gives carries: it is written without one, to be reviewed. */
const NO_CAUSE = "the source says no cause: written without one (shown as under investigation, counted as the platform's); review it and set 'cause', or import with --cause <component or impact>=<cause>";

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
    expect(incident.updates[1]!.text.en!.html).toContain('## Details');
    expect(incident.postmortem!.en!.html).toContain('connection limits');
  });

  it('keeps the shortlink as the source in the front matter, not as the summary customers read', () => {
    const incident = incidents.find((entry) => entry.id === '2025-02-05-elevated-api-error-rates')!;
    expect(incident.source).toBe('https://stspg.io/p31zjtct2jer');
    expect(incident.summary.en).toBe('');
    const file = result.files.find((entry) => entry.path.endsWith('elevated-api-error-rates.md'))!.text;
    expect(file).toMatch(/^source: https:\/\/stspg\.io\/p31zjtct2jer$/m);
    expect(file).not.toContain('Imported from');
  });

  it('leaves out a shortlink that is not an http(s) address, and says so', () => {
    const exported = JSON.parse(readFileSync(path.join(fixtures, 'statuspage-incidents.json'), 'utf8'));
    exported.incidents[0].shortlink = 'javascript:alert(1)';
    const hostile = fromStatuspage(exported, context);
    expect(hostile.notes).toContain("statuspage p31zjtct2jer 'Elevated API error rates': shortlink \"javascript:alert(1)\" is not an http(s) address; left out");
    expect(hostile.files[0]!.text).not.toContain('source:');
    expect(readBack(hostile.files).problems).toEqual([]);
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
      `statuspage p31zjtct2jer 'Elevated API error rates': ${NO_CAUSE}`,
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
    expect(cdn.summary.en).toBe('<p>Some requests to European edge locations failed.</p>');
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

  it('closes a resolved notice with the words npm run resolve gives a notice, not an incident', () => {
    const region = incidents.find((incident) => incident.id === '2025-02-01-new-region-in-frankfurt')!;
    expect(region.updates.map((update) => [update.status, update.text.en!.markdown])).toEqual([['resolved', 'This notice no longer applies.']]);
  });

  it('reports what it could not map', () => {
    expect(result.notes).toEqual([
      "cstate 2025-01-10-cdn-errors.md: system 'Video transcoding' matches no service in services.yaml; add it, or name the service after it",
      `cstate 2025-01-10-cdn-errors.md: ${NO_CAUSE}`,
      'cstate 2025-02-01-new-region.md: resolved with no Resolved update; one was added',
      "cstate 2025-02-08-console-down.md: update '*Escalated*' is not a known status; written as an Update",
      `cstate 2025-02-08-console-down.md: ${NO_CAUSE}`,
    ]);
  });
});

describe('imports of broken, repeated or stale exports', () => {
  /** A minimal Statuspage incident on the Compute component. */
  const statuspageIncident = (overrides: Record<string, unknown> = {}) => ({
    id: 'abc123',
    name: 'API errors',
    impact: 'major',
    started_at: '2025-02-05T09:05:00Z',
    resolved_at: '2025-02-05T10:00:00Z',
    components: [{ name: 'Compute' }],
    incident_updates: [
      { status: 'resolved', body: 'Fixed.', display_at: '2025-02-05T10:00:00Z' },
      { status: 'investigating', body: 'Looking.', display_at: '2025-02-05T09:10:00Z' },
    ],
    ...overrides,
  });

  it.each([{}, { incidents: 5 }, 'incidents', null, 42])('refuses %j as not a Statuspage export, with a plain error', (exported) => {
    expect(() => fromStatuspage(exported, context)).toThrow(new ImportError('not a Statuspage export: expected { "incidents": [ … ] } (its /api/v2/incidents.json) or a list of incidents'));
  });

  it('reports incidents of the wrong shape instead of crashing on them', () => {
    const result = fromStatuspage([5, null, { id: 'n', name: 7 }, statuspageIncident({ id: 'x', incident_updates: 'none', components: { name: 'Compute' } }), statuspageIncident({ id: 'y', incident_updates: [null, 3, { affected_components: 'all', status: 9 }] })], context);
    expect(result.total).toBe(5);
    expect(result.notes.slice(0, 3)).toEqual([
      "statuspage #1 '': no name or no start time; left out",
      "statuspage #2 '': no name or no start time; left out",
      "statuspage n '': no name or no start time; left out",
    ]);
    expect(result.notes).toContain("statuspage x 'API errors': no component maps to a service; left out");
    expect(result.files).toHaveLength(1);
  });

  it.each(['constructor', '__proto__', 'toString'])('takes %s, a word every object answers to, for an unknown status, level or impact, and notes it', (word) => {
    const exported = [statuspageIncident({ impact: word, incident_updates: [{ status: word, body: 'x', display_at: '2025-02-05T09:10:00Z', affected_components: [{ name: 'Compute', new_status: word }] }] })];
    const result = fromStatuspage(exported, context);
    expect(result.notes).toEqual([
      `statuspage abc123 'API errors': component status '${word}' of 'Compute' is not a level; counted as the incident's level`,
      `statuspage abc123 'API errors': update '${word}' at '2025-02-05T09:10:00Z' has no known status or time; written as an Update`,
      `statuspage abc123 'API errors': impact '${word}' and no component status give no level; written as degraded-performance`,
      "statuspage abc123 'API errors': resolved at 2025-02-05T10:00:00Z with no resolved update; one was added",
      `statuspage abc123 'API errors': ${NO_CAUSE}`,
    ]);
    expect(readBack(result.files).problems).toEqual([]);
    const cstate = fromCstate([{ path: 'a.md', text: `---\ntitle: X\ndate: 2025-02-01 08:00:00\nseverity: ${word}\naffected: [Compute]\nresolved: true\nresolvedWhen: 2025-02-01 09:00:00\n---\n` }], context);
    expect(cstate.notes[0]).toBe(`cstate a.md: severity '${word}' is not down, disrupted or notice; written as partial-outage`);
    expect(readBack(cstate.files)).toMatchObject({ problems: [], incidents: [{ level: 'partial-outage' }] });
  });

  it('writes an incident that appears twice in the export once, and says so', () => {
    const result = fromStatuspage({ incidents: [statuspageIncident(), statuspageIncident()] }, context);
    expect(result.files).toHaveLength(1);
    expect(result.notes).toEqual([`statuspage abc123 'API errors': ${NO_CAUSE}`, "statuspage abc123 'API errors': the same id as an earlier incident in the export; written once"]);
  });

  it('reads times without an offset in the site zone, whatever the machine zone is', () => {
    const exported = [statuspageIncident({ started_at: '2025-02-05T09:05:00', resolved_at: '2025-02-05T10:00:00.250', incident_updates: [{ status: 'resolved', display_at: '2025-02-05T10:00:00' }] })];
    const zone = process.env.TZ;
    const runs = ['America/New_York', 'Asia/Kolkata'].map((machine) => {
      process.env.TZ = machine;
      try {
        return readBack(fromStatuspage(exported, context).files).incidents[0]!;
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });
    expect(runs[0]).toMatchObject({ started: at('2025-02-05 09:05'), resolved: at('2025-02-05 10:00') });
    expect(runs[1]).toMatchObject({ started: runs[0]!.started, resolved: runs[0]!.resolved });
  });

  it.each(['   ## Indented heading', '## Heading', '# Title', 'Setext heading\n---', 'Setext title\n===', '  # Indented title'])(
    'keeps %j in an imported body as text, not a timeline entry',
    (line) => {
      const exported = [statuspageIncident({ incident_updates: [{ status: 'resolved', body: `Fixed.\n${line}\nMore.`, display_at: '2025-02-05T10:00:00Z' }] })];
      const { incidents, problems } = readBack(fromStatuspage(exported, context).files);
      expect(problems).toEqual([]);
      expect(incidents[0]!.updates).toHaveLength(1);
      expect(incidents[0]!.updates[0]!.text.en!.html).not.toMatch(/<h\d/);
    },
  );

  it.each([
    { what: 'leaves out a Statuspage incident open for weeks, and says why', openStale: false, files: 0 },
    { what: 'imports it as ongoing when told --open-stale', openStale: true, files: 1 },
  ])('$what', ({ openStale, files }) => {
    const open = statuspageIncident({ resolved_at: null, incident_updates: [{ status: 'investigating', body: 'Looking.', display_at: '2025-01-05T09:10:00Z' }], started_at: '2025-01-05T09:05:00Z' });
    const result = fromStatuspage([open], { ...context, openStale });
    expect(result.files).toHaveLength(files);
    expect(result.notes[0]).toMatch(
      openStale
        ? /^statuspage abc123 'API errors': open in the source, last updated 2025-01-05 17:10 \(35 days ago\); imported as ongoing, as --open-stale asks$/
        : /^statuspage abc123 'API errors': open in the source, but last updated 2025-01-05 17:10 \(35 days ago\): it would show as a live outage; left out \(resolve it there first, or import it as ongoing with --open-stale\)$/,
    );
  });

  it('leaves out a cState issue with resolved: false from long ago, and imports a recent one', () => {
    const dir = path.join(fixtures, 'cstate');
    const files = readdirSync(dir).sort().map((name) => ({ path: name, text: readFileSync(path.join(dir, name), 'utf8') }));
    const later = fromCstate(files, { ...context, now: Date.parse('2025-03-01T00:00:00Z') });
    expect(later.files.map((file) => file.path)).not.toContain('2025/2025-02-08-console-unavailable.md');
    expect(later.notes).toContain(
      'cstate 2025-02-08-console-down.md: open in the source, but last updated 2025-02-08 09:20 (20 days ago): it would show as a live outage; left out (resolve it there first, or import it as ongoing with --open-stale)',
    );
    expect(fromCstate(files, context).files.map((file) => file.path)).toContain('2025/2025-02-08-console-unavailable.md');
  });
});

describe('the cause of an imported incident (issue 18, item 5)', () => {
  const exported = JSON.parse(readFileSync(path.join(fixtures, 'statuspage-incidents.json'), 'utf8'));
  const cstateDir = path.join(fixtures, 'cstate');
  const cstateFiles = readdirSync(cstateDir).sort().map((name) => ({ path: name, text: readFileSync(path.join(cstateDir, name), 'utf8') }));
  const causeOf = (result: ReturnType<typeof fromStatuspage>, id: string) => readBack(result.files).incidents.find((incident) => incident.id === id)?.cause;

  it('writes no cause it was not given, so the incident shows as under investigation, and notes per incident that it needs review', () => {
    const result = fromStatuspage(exported, context);
    expect(result.files.find((file) => file.path.endsWith('elevated-api-error-rates.md'))!.text).not.toMatch(/^cause:/m);
    expect(causeOf(result, '2025-02-05-elevated-api-error-rates')).toBeNull();
    expect(result.notes).toContain(`statuspage p31zjtct2jer 'Elevated API error rates': ${NO_CAUSE}`);
    // A maintenance has no cause to review: inside its window it counts as maintenance.
    expect(result.notes.filter((note) => note.includes('no cause'))).toHaveLength(1);
  });

  it.each([
    ['a component name, in any case', ['compute=third-party'], 'third-party'],
    ['the service it maps to', ['ecs=customer'], 'customer'],
    ['the impact', ['major=force-majeure'], 'force-majeure'],
  ])('takes the cause an editor maps %s to, with no note', (_, values, cause) => {
    const result = fromStatuspage(exported, { ...context, causes: readCauseMapping(values) });
    expect(causeOf(result, '2025-02-05-elevated-api-error-rates')).toBe(cause);
    expect(result.files.find((file) => file.path.endsWith('elevated-api-error-rates.md'))!.text).toMatch(new RegExp(`^cause: ${cause}$`, 'm'));
    expect(result.notes.some((note) => note.includes('no cause'))).toBe(false);
  });

  it('writes no cause, and says so, when the mapping gives an incident two', () => {
    const result = fromStatuspage(exported, { ...context, causes: readCauseMapping(['ecs=customer', 'major=platform']) });
    expect(causeOf(result, '2025-02-05-elevated-api-error-rates')).toBeNull();
    expect(result.notes).toContain(
      "statuspage p31zjtct2jer 'Elevated API error rates': --cause gives it more than one cause ('ecs' → customer, 'major' → platform); written without a cause: review it and set 'cause' by hand",
    );
  });

  it('maps a cState issue by its system or its severity, and notes the rest', () => {
    const result = fromCstate(cstateFiles, { ...context, causes: readCauseMapping(['CDN=third-party']) });
    const { incidents, problems } = readBack(result.files);
    expect(problems).toEqual([]);
    expect(incidents.find((incident) => incident.id === '2025-01-10-cdn-errors-in-europe')?.cause).toBe('third-party');
    expect(result.notes).toContain(`cstate 2025-02-08-console-down.md: ${NO_CAUSE}`);
    expect(result.notes.some((note) => note.startsWith('cstate 2025-01-10-cdn-errors.md') && note.includes('no cause'))).toBe(false);
  });

  it.each([
    [['cdn'], "--cause 'cdn' is not <component or impact>=<cause>; e.g. --cause CDN=third-party"],
    [['=platform'], "--cause '=platform' is not <component or impact>=<cause>; e.g. --cause CDN=third-party"],
    [['cdn=vendor'], "--cause 'cdn=vendor': unknown cause 'vendor'; use one of: platform, customer, third-party, maintenance, force-majeure"],
    [['cdn=customer', 'CDN=platform'], "--cause maps 'cdn' to both customer and platform; keep one"],
  ])('refuses the mapping %j with one line that says what to write', (values, message) => {
    expect(() => readCauseMapping(values)).toThrow(new CauseMappingError(message));
  });
});
