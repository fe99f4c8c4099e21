/**
 * One incident file: front matter, then the Markdown timeline. Shorthands are
 * expanded here, so the engine only ever sees resolved windows.
 */
import { CAUSES, IMPACT_LEVELS, WINDOW_LEVELS, type ImpactLevel } from '../core/levels.ts';
import type { Instant, Range } from '../core/time.ts';
import { CLOSING_STATUSES, INCIDENT_KINDS, type Affected, type Incident, type IncidentKind, type Service } from '../core/types.ts';
import { formatTime } from '../core/format.ts';
import { bodyProblems, Fields } from './fields.ts';
import { suggestId, type ContentProblem } from './problems.ts';
import { ID_PATTERN } from './read-services.ts';
import { parseTimeline } from './timeline.ts';
import { parseYaml } from './yaml-source.ts';

const INCIDENT_FIELDS = ['title', 'kind', 'cause', 'started', 'resolved', 'level', 'affected', 'scheduled'];
const AFFECTED_FIELDS = ['service', 'level', 'from', 'to'];

/** What an incident is read against. */
export interface IncidentContext {
  timeZone: string;
  services: ReadonlyMap<string, Service>;
  problems: ContentProblem[];
}

/** The incident id a file gives: its name without `.md`. */
export function incidentId(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}


/**
 * Reads one incident file. Every mistake is added to `context.problems`;
 * returns `undefined` when the file has any.
 */
export function readIncident(file: string, text: string, context: IncidentContext): Incident | undefined {
  const { problems, timeZone } = context;
  const stamp = (instant: Instant) => formatTime(instant, timeZone);
  const before = problems.length;
  const report = (line: number, message: string, fix: string) => {
    problems.push({ file, line, message, fix });
    return undefined;
  };
  const id = incidentId(file);
  if (!ID_PATTERN.test(id)) {
    report(1, `file name '${id}' cannot be used in a URL`, 'rename the file with lowercase letters, digits and dashes, e.g. 2025-01-18-hangzhou-power.md');
  }
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') {
    return report(1, 'the file is empty', "start it with a front matter block between two '---' lines (title, started, affected), then the updates");
  }
  const lines = source.split('\n');
  if (lines[0]!.trim() !== '---') {
    return report(1, 'the file does not start with a front matter block', "put '---' on the first line, the fields, then '---' again");
  }
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close === -1) {
    return report(1, 'the front matter block is not closed', "add a line '---' after the last front matter field");
  }
  const yaml = parseYaml(file, lines.slice(1, close).join('\n'), problems, 2);
  if (!yaml) return undefined;
  const fields = Fields.at(yaml, [], yaml.value, problems, 'the front matter');
  if (!fields) return undefined;
  fields.allowOnly(INCIDENT_FIELDS, 'the front matter');

  const kind: IncidentKind = fields.oneOf('kind', INCIDENT_KINDS, 'kind') ?? 'incident';
  const title = fields.string('title', true, 'title');
  const cause = fields.oneOf('cause', CAUSES, 'cause') ?? null;
  if (kind === 'maintenance' && cause !== null && cause !== 'maintenance') {
    fields.report('cause', `a maintenance cannot have cause '${cause}'`, 'remove it: impact inside the announced window counts as maintenance, outside it as platform');
  }
  const scheduled = readScheduled(fields, kind, timeZone, stamp);
  const started = fields.time('started', timeZone, kind !== 'maintenance') ?? scheduled?.from;
  const resolved = fields.time('resolved', timeZone) ?? null;
  const inOrder = started === undefined || resolved === null || resolved >= started;
  if (!inOrder) {
    fields.report('resolved', `'resolved' (${stamp(resolved!)}) is before 'started' (${stamp(started!)})`, 'check both times and their dates');
  }
  const levels = kind === 'maintenance' ? WINDOW_LEVELS : IMPACT_LEVELS;
  const level = fields.oneOf('level', levels, 'level') ?? (kind === 'maintenance' ? 'under-maintenance' : 'major-outage');
  if (kind === 'notice' && fields.has('level')) {
    fields.report('level', 'a notice has no impact level', "remove 'level', or make it an incident with 'kind: incident'");
  }
  // With the ends out of order the windows cannot be checked against them, but the services still can.
  const window = { from: started ?? 0, to: inOrder ? resolved : null };
  const affected = started === undefined ? [] : readAffected(fields, kind, window, level, context, stamp);

  const bodyLine = close + 2;
  const body = lines.slice(close + 1).join('\n');
  // A body too long, too deep or with control characters is not parsed: it could overflow the parser.
  const refused = bodyProblems(file, body, bodyLine);
  problems.push(...refused);
  const timeline = refused.length > 0 ? { summaryHtml: '', updates: [], postmortem: null } : parseTimeline(file, body, bodyLine, timeZone, problems);
  const closing = timeline.updates.find((update) => CLOSING_STATUSES.includes(update.status));
  const closingWord = kind === 'maintenance' ? 'Completed' : 'Resolved';
  if (resolved !== null && !closing) {
    fields.report('resolved', `'resolved' is set but there is no ${closingWord} update`, `add '## ${closingWord} — <time>' with a line on how it ended, or remove 'resolved' while it goes on`);
  }
  if (closing && resolved === null && fields.has('resolved') === false) {
    report(closing.line, `there is a ${closingWord} update but no 'resolved' time in the front matter`, `add 'resolved: <time>' to the front matter`);
  }

  if (problems.length > before || title === undefined || started === undefined) return undefined;
  return {
    id,
    path: file,
    kind,
    title,
    cause: kind === 'maintenance' ? 'maintenance' : cause,
    started,
    resolved,
    level,
    scheduled,
    affected,
    summaryHtml: timeline.summaryHtml,
    updates: timeline.updates,
    postmortem: timeline.postmortem,
  };
}

function readScheduled(fields: Fields, kind: IncidentKind, timeZone: string, stamp: (instant: Instant) => string): Range | null {
  if (kind !== 'maintenance') {
    if (fields.has('scheduled')) fields.report('scheduled', "'scheduled' is only for maintenance", "add 'kind: maintenance', or remove 'scheduled'");
    return null;
  }
  const window = fields.child('scheduled', true);
  if (!window) return null;
  window.allowOnly(['from', 'to'], "'scheduled'");
  const from = window.time('from', timeZone, true);
  const to = window.time('to', timeZone, true);
  if (from === undefined || to === undefined) return null;
  if (to <= from) return window.report('to', `'scheduled' ends (${stamp(to)}) before it starts (${stamp(from)})`, "check 'from' and 'to'") ?? null;
  return { from, to };
}

/** Expands `affected`: a plain id takes the incident's level and window; an object overrides them. */
function readAffected(
  fields: Fields,
  kind: IncidentKind,
  window: { from: Instant; to: Instant | null },
  level: ImpactLevel | 'under-maintenance',
  context: IncidentContext,
  stamp: (instant: Instant) => string,
): Affected[] {
  const list = fields.list('affected', kind !== 'notice') ?? [];
  if (list.length === 0 && kind !== 'notice' && fields.has('affected')) {
    fields.report('affected', "'affected' lists no service", "add one '- <service id>' line per affected service");
  }
  const known = [...context.services.keys()];
  const levels = kind === 'maintenance' ? WINDOW_LEVELS : IMPACT_LEVELS;
  const affected: Affected[] = [];
  list.forEach((entry, index) => {
    const at = (message: string, fix: string, key?: string) => {
      context.problems.push({ file: fields.source.file, line: fields.source.lineOf(key ? ['affected', index, key] : ['affected', index]), message, fix });
    };
    let service: string | undefined;
    let item: Fields | undefined;
    if (typeof entry === 'string') {
      service = entry.trim();
    } else {
      item = Fields.at(fields.source, ['affected', index], entry, context.problems, `affected entry ${index + 1}`);
      if (!item) return;
      item.allowOnly(AFFECTED_FIELDS, 'an affected service');
      service = item.string('service', true);
    }
    if (service === undefined) return;
    if (!context.services.has(service)) return at(`unknown service '${service}'`, `${suggestId(service, known)} (services are in services.yaml)`, item ? 'service' : undefined);
    if (affected.some((other) => other.service === service)) return at(`service '${service}' is listed twice`, 'list each service once; use from and to on one entry for its window');
    const from = item?.time('from', context.timeZone) ?? window.from;
    const to = item?.time('to', context.timeZone) ?? window.to;
    const override = item?.oneOf('level', levels, 'level') ?? level;
    if (to !== null && to <= from) return at(`the impact on '${service}' ends before it starts`, "check its 'from' and 'to'", 'to');
    if (from < window.from || (window.to !== null && (from >= window.to || (to !== null && to > window.to)))) {
      return at(
        `the impact on '${service}' lies outside the incident (${stamp(window.from)} to ${window.to === null ? 'now' : stamp(window.to)})`,
        "keep its 'from' and 'to' between 'started' and 'resolved'",
        item?.has('from') && from < window.from ? 'from' : 'to',
      );
    }
    affected.push({ service, level: override, from, to });
  });
  return affected;
}
