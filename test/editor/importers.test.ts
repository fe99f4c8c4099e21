import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
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

describe('imports of hostile exports', () => {
  const incident = (overrides: Record<string, unknown> = {}) => ({
    id: 'abc123',
    name: 'API errors',
    impact: 'major',
    started_at: '2025-02-05T09:05:00Z',
    resolved_at: '2025-02-05T10:00:00Z',
    components: [{ name: 'Compute' }],
    incident_updates: [
      { status: 'resolved', body: 'Fixed.', display_at: '2025-02-05T10:00:00Z', affected_components: [{ name: 'Compute', new_status: 'major_outage' }] },
      { status: 'investigating', body: 'Looking.', display_at: '2025-02-05T09:10:00Z' },
    ],
    ...overrides,
  });
  const HOSTILE = { toString: 1 };
  const update = (fields: Record<string, unknown>) => [{ status: 'resolved', body: 'Fixed.', display_at: '2025-02-05T10:00:00Z', ...fields }];

  it.each([
    ['an update status', incident({ incident_updates: update({ status: HOSTILE }) }), 'update {"toString":1} at \'2025-02-05T10:00:00Z\' has no known status or time; written as an Update'],
    ['an update time', incident({ incident_updates: update({ display_at: HOSTILE }) }), "update 'resolved' at {\"toString\":1} has no known status or time; written as an Update"],
    ['an impact', incident({ impact: HOSTILE, incident_updates: update({}) }), 'impact {"toString":1} and no component status give no level; written as degraded-performance'],
    ['a component status', incident({ incident_updates: update({ affected_components: [{ name: 'Compute', new_status: HOSTILE }] }) }), 'component status {"toString":1} of \'Compute\' is not a level; counted as the incident\'s level'],
    ['an affected component name', incident({ incident_updates: update({ affected_components: [{ name: HOSTILE, new_status: 'major_outage' }] }) }), "an affected component of update 'resolved' has the name {\"toString\":1}; left out"],
    ['a component name', incident({ components: [{ name: 'Compute' }, { name: HOSTILE }] }), 'a component has the name {"toString":1}; left out'],
  ])('takes an object as %s for an unknown value, notes it, and writes a file the check accepts', (_, exported, note) => {
    const result = fromStatuspage([exported], context);
    expect(result.notes).toContain(`statuspage abc123 'API errors': ${note}`);
    expect(result.files).toHaveLength(1);
    expect(readBack(result.files).problems).toEqual([]);
  });

  it.each([
    ['a severity', 'severity: {toString: 1}\naffected: [Compute]', 'severity {"toString":1} is not down, disrupted or notice; written as partial-outage'],
    ['an affected system', 'severity: down\naffected: [{toString: 1}, Compute]', 'affected system {"toString":1} is not a name; left out'],
  ])('takes an object as %s of a cState issue for an unknown value, and notes it', (_, fields, note) => {
    const result = fromCstate([{ path: 'a.md', text: `---\ntitle: X\ndate: 2025-02-01 08:00:00\n${fields}\nresolved: true\nresolvedWhen: 2025-02-01 09:00:00\n---\n` }], context);
    expect(result.notes).toContain(`cstate a.md: ${note}`);
    expect(readBack(result.files)).toMatchObject({ problems: [], incidents: [{ affected: [{ service: 'ecs' }] }] });
  });

  it('maps the cause of a cState issue by the names it gives as text, whatever else its affected list and severity hold', () => {
    const causes = readCauseMapping(['compute=third-party', 'down=platform']);
    const front = (fields: string) => [{ path: 'a.md', text: `---\ntitle: X\ndate: 2025-02-01 08:00:00\n${fields}\nresolved: true\nresolvedWhen: 2025-02-01 09:00:00\n---\n` }];
    const mapped = fromCstate(front('severity: {toString: 1}\naffected: [{toString: 1}, Compute]'), { ...context, causes });
    expect(readBack(mapped.files)).toMatchObject({ problems: [], incidents: [{ cause: 'third-party' }] });
    const unmapped = fromCstate(front('severity: [{toString: 1}]\naffected: [{valueOf: 1, toString: 1}, Storage]'), { ...context, causes });
    expect(unmapped.notes).toContain(`cstate a.md: ${NO_CAUSE}`);
  });

  it('notes a value nested 200,000 deep or circular instead of overflowing the stack to quote it', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(fromStatuspage([incident({ impact: deep, incident_updates: update({}) })], context).notes).toContain(
      "statuspage abc123 'API errors': impact [a list too deeply nested or circular to show] and no component status give no level; written as degraded-performance",
    );
    const circular = fromCstate([{ path: 'a.md', text: '---\ntitle: X\ndate: 2025-02-01 08:00:00\nseverity: &a [*a]\naffected: [Compute]\nresolved: true\n---\n' }], context);
    expect(circular.notes).toContain('cstate a.md: severity [a list too deeply nested or circular to show] is not down, disrupted or notice; written as partial-outage');
  });

  it('never throws on an export of any shape: any field of any type, objects that cannot be turned into text among them', () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>({ toString: 1 }, { valueOf: 1, toString: 1 }, Object.create(null), [], [{ toString: 1 }], '\u001b[2J', 'toString', '__proto__', '```', 'a\nb'),
      fc.jsonValue(),
    );
    /** Some of `fields` replaced by hostile values, the rest as a valid export has them. */
    const some = (fields: string[]) => fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] });
    const hostileUpdate = fc.oneof(value, fc.tuple(some(['status', 'body', 'display_at', 'created_at']), fc.array(fc.oneof(value, some(['name', 'new_status'])), { maxLength: 2 })).map(
      ([fields, components]) => ({ status: 'identified', body: 'x', display_at: '2025-02-05T09:30:00Z', affected_components: components, ...fields }),
    ));
    const hostileIncident = fc.tuple(
      some(['id', 'name', 'impact', 'started_at', 'resolved_at', 'scheduled_for', 'scheduled_until', 'shortlink', 'postmortem_body']),
      fc.oneof(value, fc.array(fc.oneof(value, some(['name'])), { maxLength: 2 })),
      fc.oneof(value, fc.array(hostileUpdate, { maxLength: 3 })),
    ).map(([fields, components, updates]) => incident({ components, incident_updates: updates, ...fields }));
    fc.assert(fc.property(fc.array(fc.oneof(value, hostileIncident), { maxLength: 3 }), (incidents) => {
      fromStatuspage(incidents, context);
    }), { numRuns: 500 });

    const yamlValue = fc.constantFrom('{toString: 1}', '[{toString: 1}]', '[]', '{}', '7', 'null', '"\\e[2J"', 'true', '"a\\nb"', '[Compute, {toString: 1}]');
    const front = { title: 'X', date: '2025-02-01 08:00:00', severity: 'down', affected: '[Compute]', resolved: 'true', resolvedWhen: '2025-02-01 09:00:00', informational: 'false' };
    fc.assert(fc.property(fc.record(Object.fromEntries(Object.keys(front).map((field) => [field, yamlValue])), { requiredKeys: [] }), (hostile) => {
      const yaml = Object.entries({ ...front, ...hostile }).map(([key, text]) => `${key}: ${text}`).join('\n');
      fromCstate([{ path: 'a.md', text: `---\n${yaml}\n---\n*Investigating* - x {{< track "2025-02-01 08:00:00" >}}\n` }], context);
    }), { numRuns: 300 });
  });

  it('reads an open incident with 200,000 updates without overflowing the stack', () => {
    const updates = Array.from({ length: 200_000 }, (_, index) => ({ status: 'investigating', body: 'x', display_at: new Date(Date.parse('2025-01-05T09:10:00Z') + index * 1000).toISOString() }));
    const statuspage = fromStatuspage([incident({ resolved_at: null, started_at: '2025-01-05T09:05:00Z', incident_updates: updates })], context);
    expect(statuspage.notes).toEqual([expect.stringContaining("statuspage abc123 'API errors': open in the source, but last updated 2025-01-08 00:43 (33 days ago)")]);
    const body = updates.map((entry) => `*Investigating* - x {{< track "${entry.display_at.slice(0, 19).replace('T', ' ')}" >}}`).join('\n');
    const cstate = fromCstate([{ path: 'a.md', text: `---\ntitle: X\ndate: 2025-01-05 08:00:00\nseverity: down\naffected: [Compute]\n---\n${body}\n` }], context);
    expect(cstate.notes).toEqual([expect.stringContaining('cstate a.md: open in the source, but last updated 2025-01-07 16:43 (33 days ago)')]);
  });

  it('names 16,000 incidents that share a title and a day in linear time', { timeout: 120_000 }, () => {
    const many = Array.from({ length: 16_000 }, (_, index) => incident({ id: `id-${index}` }));
    const started = performance.now();
    const result = fromStatuspage(many, context);
    // The names once took 105 s (quadratic); the import itself takes a few seconds.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.files.at(-1)!.path).toBe('2025/2025-02-05-api-errors-16000.md');
    expect(new Set(result.files.map((file) => file.path)).size).toBe(16_000);
  });

  it('gives a title ending in a number its own name, and numbers its twins past it', () => {
    const result = fromStatuspage([incident({ id: 'a' }), incident({ id: 'b', name: 'API errors 2' }), incident({ id: 'c' }), incident({ id: 'd' })], context);
    expect(result.files.map((file) => file.path)).toEqual([
      '2025/2025-02-05-api-errors.md',
      '2025/2025-02-05-api-errors-2.md',
      '2025/2025-02-05-api-errors-3.md',
      '2025/2025-02-05-api-errors-4.md',
    ]);
  });

  it('writes the incidents that can be written, and lists each one that cannot with why', () => {
    const result = fromStatuspage([
      incident({ id: 'fence', incident_updates: update({ body: '```\nnever closed' }) }),
      incident({ id: 'break', name: 'Two\nlines' }),
      incident({ id: 'deep', incident_updates: update({ body: `${'>'.repeat(50_000)} too deep for the parser's stack` }) }),
      incident({ id: 'good' }),
    ], context);
    expect(result.files.map((file) => file.path)).toEqual(['2025/2025-02-05-api-errors.md']);
    expect(result.notes).toEqual([
      "statuspage fence 'API errors': cannot be written: the text leaves a code block (```), an HTML comment or another HTML block open, which would hide everything below it; close it; left out (fix it in the source and import again, or write it by hand)",
      "statuspage break 'Two\\u000Alines': cannot be written: the title must be one line; left out (fix it in the source and import again, or write it by hand)",
      "statuspage deep 'API errors': cannot be written: the text nests Markdown too deeply to be read (emphasis, links, quotes or lists inside one another, thousands deep); left out (fix it in the source and import again, or write it by hand)",
      // Only a file that is written has a cause to review.
      `statuspage good 'API errors': ${NO_CAUSE}`,
    ]);
    expect(readBack(result.files).problems).toEqual([]);
  });

  it('writes two incidents with the same numeric id once', () => {
    const result = fromStatuspage([incident({ id: 123 }), incident({ id: 123 })], context);
    expect(result.files).toHaveLength(1);
    expect(result.notes).toEqual([`statuspage 123 'API errors': ${NO_CAUSE}`, "statuspage 123 'API errors': the same id as an earlier incident in the export; written once"]);
  });

  it('shows the control characters an export holds as escapes in its notes: no clear screen, no clipboard write', () => {
    const title = 'Errors\u001b[2J\u001b]52;c;aGVsbG8=\u0007\u009b31m\u202e';
    const statuspage = fromStatuspage([incident({ name: title, components: [{ name: 'Billing\u001b[2J' }] })], context);
    const cstate = fromCstate([{ path: 'a\u001b[2J.md', text: '---\ntitle: X\n---\n' }], context);
    const notes = [...statuspage.notes, ...cstate.notes];
    expect(notes).toEqual([
      "statuspage abc123 'Errors\\u001B[2J\\u001B]52;c;aGVsbG8=\\u0007\\u009B31m\\u202E': component 'Billing\\u001B[2J' matches no service in services.yaml; add it, or name the service after it",
      `statuspage abc123 'Errors\\u001B[2J\\u001B]52;c;aGVsbG8=\\u0007\\u009B31m\\u202E': ${NO_CAUSE}`,
      'cstate a\\u001B[2J.md: no title or no date; left out',
    ]);
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
