/**
 * One incident file: front matter, then the Markdown timeline. Shorthands are
 * expanded here, so the engine only ever sees resolved windows; the sequence
 * rules (docs/content.md, "Sequence rules") are checked here too, once, for the
 * build, `npm run check` and the editor commands alike.
 */
import { CAUSES, IMPACT_LEVELS, WINDOW_LEVELS, type Cause, type ImpactLevel } from '../core/levels.ts';
import { formatWallTime, MINUTE_MS, type Instant, type Range } from '../core/time.ts';
import {
  CLOSING_STATUSES,
  closingStatus,
  INCIDENT_KINDS,
  statusesOf,
  type Affected,
  type Incident,
  type IncidentKind,
  type Locale,
  type Service,
  type Update,
} from '../core/types.ts';
import { bodyProblems, Fields, isAbsoluteHttpUrl } from './fields.ts';
import { suggestId, type ContentProblem } from './problems.ts';
import { ID_PATTERN, isWindowsDeviceName, WINDOWS_DEVICE_NAMES } from './read-services.ts';
import { parseTimeline, statusWord, type Timeline } from './timeline.ts';
import { parseYaml } from './yaml-source.ts';

/** The fields an incident's front matter may hold. */
export const INCIDENT_FIELDS = ['title', 'kind', 'cause', 'started', 'resolved', 'level', 'affected', 'scheduled', 'source'];
/** The fields of one `affected` entry written as a mapping. */
export const AFFECTED_FIELDS = ['service', 'level', 'from', 'to'];
/** The fields of a maintenance's `scheduled` window. */
export const SCHEDULED_FIELDS = ['from', 'to'];

/** How far after now an editor's time may lie: clocks differ, and a command may be typed a minute ahead. */
export const AHEAD_LEEWAY_MS = 5 * MINUTE_MS;

/** What an incident is read against. */
export interface IncidentContext {
  timeZone: string;
  /** The site's first language: the one incident files are written in. */
  locale: Locale;
  services: ReadonlyMap<string, Service>;
  problems: ContentProblem[];
  /** Now: no time an editor writes may be more than AHEAD_LEEWAY_MS after it (only `scheduled` may lie ahead). */
  now: Instant;
  /**
   * Told every time the file holds that is held against now: a read without
   * problems stays the same read at any later now (and at an earlier one no
   * earlier than the latest of them less the leeway), so it can be reused.
   */
  heldAgainstNow?: (instant: Instant) => void;
}

/** The incident id a file gives: its name without `.md`. */
export function incidentId(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}

/**
 * The problem with an incident file's or a translation's name when it is a
 * Windows device name (`con.md`, `nul.en.md`): Windows can create no such
 * file, so a repository holding it cannot be checked out there.
 */
export function deviceNameProblem(file: string): ContentProblem | undefined {
  const name = file.replace(/^.*[\\/]/, '');
  if (!isWindowsDeviceName(name)) return undefined;
  return { file, line: 1, message: `file name '${name}' is a device name on Windows (${WINDOWS_DEVICE_NAMES}): a repository holding it cannot be checked out there`, fix: 'rename the file, e.g. 2025-01-18-console-outage.md' };
}

/** Why a text Markdown cannot read is refused (the check) or left out (an import). */
export const MARKDOWN_TOO_DEEP = 'the text nests Markdown too deeply to be read (emphasis, links, quotes or lists inside one another, thousands deep)';

/** A time in a message: in the site's zone, with its offset, so a repeated hour is never ambiguous. */
type Stamp = (instant: Instant) => string;

/** The front matter, read as far as it could be; `undefined` fields had a mistake (reported) or were left out. */
interface FrontMatter {
  fields: Fields;
  /** `undefined` when misspelt: the checks that depend on the kind are then left out. */
  kind: IncidentKind | undefined;
  title: string | undefined;
  cause: Cause | null;
  scheduled: Range | null;
  started: Instant | undefined;
  resolved: Instant | null;
  /** `resolved` was written, even if it could not be read. */
  hasResolved: boolean;
  level: ImpactLevel | 'under-maintenance';
  affected: Affected[];
  source: string | null;
}

/** An incident file cut into its front matter and its Markdown body. */
export interface FileParts {
  /** The front matter's fields; `undefined` when the block is missing or is not a mapping (reported). */
  fields: Fields | undefined;
  /** The Markdown below the front matter, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

/**
 * Cuts an incident file, or a translation of one, into its front matter and
 * body, reporting what keeps them apart (an empty file, no block, a block
 * never closed) and YAML mistakes; `undefined` when nothing can be read.
 */
export function splitIncidentFile(file: string, text: string, problems: ContentProblem[]): FileParts | undefined {
  const report = (line: number, message: string, fix: string) => void problems.push({ file, line, message, fix });
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') {
    report(1, 'the file is empty', "start it with a front matter block between two '---' lines (title, started, affected), then the updates");
    return undefined;
  }
  const lines = source.split('\n');
  if (lines[0]!.trim() !== '---') {
    report(1, 'the file does not start with a front matter block', "put '---' on the first line, the fields, then '---' again");
    // Most likely only the opening line is missing: the body is still checked, from after a '---' line if there is one.
    const bodyStart = lines.findIndex((line) => line.trim() === '---') + 1;
    return { fields: undefined, body: lines.slice(bodyStart).join('\n'), bodyLine: bodyStart + 1 };
  }
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close === -1) {
    report(1, 'the front matter block is not closed', "add a line '---' after the last front matter field");
    return undefined;
  }
  const yaml = parseYaml(file, lines.slice(1, close).join('\n'), problems, 2);
  const fields = yaml && Fields.at(yaml, [], yaml.value, problems, 'the front matter');
  return { fields, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/**
 * Parses a body in `lang` with the limits checked first, for originals and
 * translations alike. A body too long, too deep or with control characters is
 * not parsed (it could overflow the parser); nor can Markdown read emphasis
 * nested a few thousand deep (`**a **a …`, a dozen kilobytes), which
 * overflows the parser's stack and which no line-based limit sees in advance.
 * Either is reported, never a crash, and gives `undefined`: a body that was
 * not read has no updates to hold against anything.
 */
export function readBody(file: string, parts: FileParts, timeZone: string, lang: Locale, problems: ContentProblem[]): Timeline | undefined {
  const refused = bodyProblems(file, parts.body, parts.bodyLine);
  for (const problem of refused) problems.push(problem);
  if (refused.length > 0) return undefined;
  try {
    return parseTimeline(file, parts.body, parts.bodyLine, timeZone, lang, problems);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push({ file, line: parts.bodyLine, message: MARKDOWN_TOO_DEEP, fix: 'write it flatter, with fewer marks (*, _, ~, [ ]) inside one another' });
    return undefined;
  }
}

/**
 * Reads one incident file. Every mistake is added to `context.problems`, and
 * after a mistake the rest of the file is still checked (with the value left
 * out) so that one run lists them all; returns `undefined` when there is any.
 * Its words are in the site's first language (`context.locale`); translations
 * are read beside it (read-translation.ts).
 */
export function readIncident(file: string, text: string, context: IncidentContext): Incident | undefined {
  const { problems, timeZone, locale } = context;
  const stamp: Stamp = (instant) => formatWallTime(instant, timeZone, { offset: true });
  const before = problems.length;
  const id = incidentId(file);
  if (!ID_PATTERN.test(id)) {
    problems.push({ file, line: 1, message: `file name '${id}' cannot be used in a URL`, fix: 'rename the file with lowercase letters, digits and dashes, e.g. 2025-01-18-hangzhou-power.md' });
  }
  const device = deviceNameProblem(file);
  if (device) problems.push(device);
  const parts = splitIncidentFile(file, text, problems);
  if (!parts) return undefined;
  const front = parts.fields && readFrontMatter(parts.fields, context, stamp);
  const timeline = readBody(file, parts, timeZone, locale, problems);
  // A body that was not read has no updates to hold against the front matter: 'no Resolved update' would be noise.
  if (front && timeline) checkTimeline(file, front, timeline, context, stamp);

  if (problems.length > before || !timeline || !front || front.title === undefined || front.started === undefined || front.kind === undefined) return undefined;
  return {
    id,
    path: file,
    kind: front.kind,
    title: { [locale]: front.title },
    cause: front.kind === 'maintenance' ? 'maintenance' : front.cause,
    started: front.started,
    resolved: front.resolved,
    level: front.level,
    scheduled: front.scheduled,
    affected: front.affected,
    summary: { [locale]: timeline.summaryHtml },
    updates: timeline.updates,
    postmortem: timeline.postmortem && { [locale]: timeline.postmortem },
    source: front.source,
    translations: {},
  };
}

/**
 * A time an editor wrote at `key`: read in the site's zone, and reported when
 * it lies more than the leeway after now (unless it is an announced window's).
 */
function writtenTime(fields: Fields, key: string, context: IncidentContext, stamp: Stamp, options: { required?: boolean; ahead?: boolean } = {}): Instant | undefined {
  const instant = fields.time(key, context.timeZone, options.required);
  if (instant !== undefined && !options.ahead) context.heldAgainstNow?.(instant);
  if (instant !== undefined && !options.ahead && instant > context.now + AHEAD_LEEWAY_MS) {
    fields.report(key, `'${key}' (${stamp(instant)}) is more than 5 minutes after now (${stamp(context.now)})`, "write when it happened: only 'scheduled' may lie ahead");
  }
  return instant;
}

function readFrontMatter(fields: Fields, context: IncidentContext, stamp: Stamp): FrontMatter {
  fields.allowOnly(INCIDENT_FIELDS, 'the front matter');
  // A misspelt kind is reported once; the checks that depend on the kind are then left out.
  const kind: IncidentKind | undefined = fields.has('kind') ? fields.oneOf('kind', INCIDENT_KINDS, 'kind') : 'incident';
  const title = fields.string('title', true, 'title');
  const cause = fields.oneOf('cause', CAUSES, 'cause') ?? null;
  if (kind === 'maintenance' && cause !== null && cause !== 'maintenance') {
    fields.report('cause', `a maintenance cannot have cause '${cause}'`, 'remove it: impact inside the announced window counts as maintenance, outside it as platform');
  }
  const scheduled = readScheduled(fields, kind, context, stamp);
  const started = writtenTime(fields, 'started', context, stamp, { required: kind !== 'maintenance' && kind !== undefined }) ?? scheduled?.from;
  const resolved = writtenTime(fields, 'resolved', context, stamp) ?? null;
  const inOrder = started === undefined || resolved === null || resolved >= started;
  if (!inOrder) {
    fields.report('resolved', `'resolved' (${stamp(resolved!)}) is before 'started' (${stamp(started!)})`, 'check both times and their dates');
  }
  const levels = kind === 'maintenance' ? WINDOW_LEVELS : IMPACT_LEVELS;
  const level = fields.oneOf('level', levels, 'level') ?? (kind === 'maintenance' ? 'under-maintenance' : 'major-outage');
  if (kind === 'notice' && fields.has('level')) {
    fields.report('level', 'a notice has no impact level', "remove 'level', or make it an incident with 'kind: incident'");
  }
  // With a start that could not be read, or ends out of order, the windows are
  // not checked against the incident's, but everything else about them is.
  const window = { from: started, to: inOrder ? resolved : null };
  const affected = readAffected(fields, kind, window, level, context, stamp);
  return { fields, kind, title, cause, scheduled, started, resolved, hasResolved: fields.has('resolved'), level, affected, source: readSource(fields) };
}

/**
 * `source`: where the incident was imported from, an absolute http(s)
 * address (a Statuspage shortlink). Kept with the incident, not shown as
 * its text: customers read what happened, not where the file came from.
 */
function readSource(fields: Fields): string | null {
  const source = fields.string('source', false);
  if (source === undefined) return null;
  if (isAbsoluteHttpUrl(source)) return source;
  return fields.report('source', `'source' is not an absolute http(s) address: '${source}'`, 'write the address the incident was imported from, e.g. https://stspg.io/abc123, or remove the line') ?? null;
}

function readScheduled(fields: Fields, kind: IncidentKind | undefined, context: IncidentContext, stamp: Stamp): Range | null {
  if (kind !== 'maintenance') {
    if (kind !== undefined && fields.has('scheduled')) fields.report('scheduled', "'scheduled' is only for maintenance", "add 'kind: maintenance', or remove 'scheduled'");
    return null;
  }
  const window = fields.child('scheduled', true);
  if (!window) return null;
  window.allowOnly(SCHEDULED_FIELDS, "'scheduled'");
  const from = writtenTime(window, 'from', context, stamp, { required: true, ahead: true });
  const to = writtenTime(window, 'to', context, stamp, { required: true, ahead: true });
  if (from === undefined || to === undefined) return null;
  if (to < from) return window.report('to', `'scheduled' ends (${stamp(to)}) before it starts (${stamp(from)})`, "check 'from' and 'to'") ?? null;
  return { from, to };
}

/**
 * Expands `affected`: a plain id takes the incident's level and window; an
 * object overrides them. `window.from` is `undefined` when the incident's
 * start could not be read: each entry is then checked against its own times only.
 */
function readAffected(
  fields: Fields,
  kind: IncidentKind | undefined,
  window: { from: Instant | undefined; to: Instant | null },
  level: ImpactLevel | 'under-maintenance',
  context: IncidentContext,
  stamp: Stamp,
): Affected[] {
  const list = fields.list('affected', kind !== 'notice' && kind !== undefined) ?? [];
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
    const from = (item && writtenTime(item, 'from', context, stamp)) ?? window.from;
    const to = (item && writtenTime(item, 'to', context, stamp)) ?? window.to;
    const override = item?.oneOf('level', levels, 'level') ?? level;
    if (service === undefined) return;
    if (!context.services.has(service)) return at(`unknown service '${service}'`, `${suggestId(service, known)} (services are in services.yaml)`, item ? 'service' : undefined);
    if (affected.some((other) => other.service === service)) return at(`service '${service}' is listed twice`, 'list each service once; use from and to on one entry for its window');
    if (from === undefined) return;
    const since = context.services.get(service)!.since;
    if (since !== undefined && from < since) {
      return at(
        `the impact on '${service}' starts (${stamp(from)}) before its records do (since ${stamp(since)})`,
        "check its dates, or move 'since' of the service in services.yaml (or of the site in site.yaml) earlier",
        item?.has('from') ? 'from' : undefined,
      );
    }
    // A window of zero length is valid (it counts no minute); only an end before its start is a mistake.
    if (to !== null && to < from) return at(`the impact on '${service}' ends (${stamp(to)}) before it starts (${stamp(from)})`, "check its 'from' and 'to'", 'to');
    if (window.from === undefined) return;
    if (from < window.from || (window.to !== null && (from > window.to || (to !== null && to > window.to)))) {
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

/** An update as messages name it: `the Identified update (2025-01-18 02:40 +08:00)`, `the update (…)`. */
function named(update: Update, stamp: Stamp): string {
  return `the ${update.status === 'update' ? '' : `${statusWord(update.status)} `}update (${stamp(update.at)})`;
}

/**
 * The timeline's rules against the front matter (docs/content.md, "Sequence rules"):
 * statuses fit the kind; no update lies ahead of now; updates come at or
 * after `started` (a maintenance's Scheduled updates may come before it);
 * after `resolved` only the closing update; one closing update, which goes
 * with `resolved` both ways.
 */
function checkTimeline(file: string, front: FrontMatter, timeline: Timeline, context: IncidentContext, stamp: Stamp): void {
  const { kind, started, resolved, fields } = front;
  const report = (line: number, message: string, fix: string) => context.problems.push({ file, line, message, fix });
  // In file order, top to bottom, so "the second" closing update is the one further down the file.
  const inFileOrder = timeline.updates.toSorted((a, b) => a.line - b.line);
  for (const update of inFileOrder) {
    if (kind !== undefined && !statusesOf(kind).includes(update.status)) {
      if (update.status === 'correction') {
        report(update.line, `a notice has no Correction update: it has no figures to correct`, "write '## Update — <time>' to say what changed");
      } else {
        report(update.line, `'${statusWord(update.status)}' is not ${kind === 'incident' ? 'an' : 'a'} ${kind} status`, `use one of: ${statusesOf(kind).map(statusWord).join(', ')}`);
      }
      continue;
    }
    context.heldAgainstNow?.(update.at);
    if (update.at > context.now + AHEAD_LEEWAY_MS) {
      report(update.line, `${named(update, stamp)} is more than 5 minutes after now (${stamp(context.now)})`, "write when it was posted: only 'scheduled' may lie ahead");
      continue;
    }
    const announcement = kind === 'maintenance' && update.status === 'scheduled';
    if (started !== undefined && update.at < started && !announcement) {
      report(
        update.line,
        `${named(update, stamp)} is before 'started' (${stamp(started)})`,
        `check its time and date, or move 'started' earlier${kind === 'maintenance' ? ' (only Scheduled updates come before it)' : ''}`,
      );
      continue;
    }
    // With 'resolved' before 'started' (reported once), every update would be "after" it: left out.
    const ordered = resolved !== null && (started === undefined || resolved >= started);
    if (update.status === 'correction') {
      // A Correction changes the figures of a resolved incident: it follows 'resolved'.
      if (resolved === null && !front.hasResolved) {
        report(update.line, `${named(update, stamp)} is in ${kind === 'maintenance' ? 'a maintenance' : 'an incident'} that is not resolved`, "until it is resolved, change its figures directly and write an Update; a Correction follows 'resolved'");
      } else if (ordered && update.at < resolved) {
        report(update.line, `${named(update, stamp)} is before 'resolved' (${stamp(resolved)})`, "a Correction follows 'resolved': check its time and date");
      }
      continue;
    }
    if (ordered && update.at > resolved && !CLOSING_STATUSES.includes(update.status)) {
      const closing = statusWord(closingStatus(kind ?? 'incident'));
      report(update.line, `${named(update, stamp)} is after 'resolved' (${stamp(resolved)})`, `only the ${closing} update and Corrections may follow 'resolved': check its time, or move 'resolved' later`);
    }
  }

  const closings = inFileOrder.filter((update) => CLOSING_STATUSES.includes(update.status));
  for (const extra of closings.slice(1)) {
    report(extra.line, `a second ${statusWord(extra.status)} update (the other is on line ${closings[0]!.line})`, 'keep one: a file has one closing update');
  }
  if (kind === undefined) return;
  const closingWord = statusWord(closingStatus(kind));
  if (resolved !== null && closings.length === 0) {
    fields.report('resolved', `'resolved' is set but there is no ${closingWord} update`, `add '## ${closingWord} — <time>' with a line on how it ended, or remove 'resolved' while it goes on`);
  }
  if (closings.length > 0 && !front.hasResolved) {
    report(closings[0]!.line, `there is a ${closingWord} update but no 'resolved' time in the front matter`, `add 'resolved: <time>' to the front matter`);
  }
}
