/**
 * Edits an editor makes to incident files, as text: a new file, an update
 * added, a resolution. Everything not touched stays byte for byte as it was,
 * comments and spacing included, so a diff shows only the change.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { ImpactLevel } from '../core/levels.ts';
import type { Instant, Range } from '../core/time.ts';
import { isPostmortemHeading, STATUS_WORDS } from '../contract/timeline.ts';
import type { UpdateStatus } from '../core/types.ts';

/** A time as editors write it, in `timeZone`: `2025-01-18 02:11`. */
export function editorTime(instant: Instant, timeZone: string): string {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd HH:mm');
}

/** A status as editors write it in a heading: `in-progress` → `In progress`. */
export function statusWord(status: UpdateStatus): string {
  const word = Object.keys(STATUS_WORDS).find((candidate) => STATUS_WORDS[candidate] === status)!;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The file name part made from a title: lowercase ASCII words joined by dashes, at most 60 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'incident';
}

/** Quotes a YAML scalar when it would not read back as the same plain string. */
function yamlString(text: string): string {
  return /^[\w\u00a0-\uffff][^:#\n]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && text.trim() === text
    ? text
    : JSON.stringify(text);
}

/** Everything an incident file can say, for writing one from scratch. */
export interface IncidentSpec {
  title: string;
  kind?: 'incident' | 'maintenance' | 'notice';
  cause?: string;
  started?: Instant;
  resolved?: Instant;
  level?: string;
  scheduled?: Range;
  /** A plain id takes the incident's level and times; an object overrides them. */
  affected: (string | { service: string; level?: string; from?: Instant; to?: Instant })[];
  summary?: string;
  /** Any order: written newest first. */
  updates: { status: UpdateStatus; at: Instant; message: string }[];
  postmortem?: string;
  timeZone: string;
  /** Write seconds too (imports keep the precision they were given). */
  seconds?: boolean;
}

/**
 * Keeps a line of imported text from reading as a heading of ours: `#` and
 * `##` headings, indented up to three spaces, and the `===` / `---` lines
 * that make the line above them a heading (setext).
 */
function bodyText(text: string): string {
  return text
    .trim()
    .replace(/^( {0,3})(#{1,2}(?:[ \t]|$))/gm, '$1\\$2')
    .replace(/(^|\n)([ \t]*\S[^\n]*\n {0,3})([=-])(?=\3*[ \t]*(?:\n|$))/g, '$1$2\\$3');
}

/** The text of an incident file: front matter, summary, updates newest first, postmortem. */
export function incidentText(spec: IncidentSpec): string {
  const time = (instant: Instant) =>
    spec.seconds ? format(new TZDate(instant, spec.timeZone), 'yyyy-MM-dd HH:mm:ss') : editorTime(instant, spec.timeZone);
  const lines = ['---', `title: ${yamlString(spec.title)}`];
  if (spec.kind && spec.kind !== 'incident') lines.push(`kind: ${spec.kind}`);
  if (spec.scheduled) lines.push('scheduled:', `  from: ${time(spec.scheduled.from)}`, `  to: ${time(spec.scheduled.to)}`);
  if (spec.cause) lines.push(`cause: ${spec.cause}`);
  if (spec.started !== undefined) lines.push(`started: ${time(spec.started)}`);
  if (spec.resolved !== undefined) lines.push(`resolved: ${time(spec.resolved)}`);
  if (spec.level) lines.push(`level: ${spec.level}`);
  if (spec.affected.length > 0) {
    lines.push('affected:');
    for (const entry of spec.affected) {
      if (typeof entry === 'string') {
        lines.push(`  - ${entry}`);
        continue;
      }
      lines.push(`  - service: ${entry.service}`);
      if (entry.level) lines.push(`    level: ${entry.level}`);
      if (entry.from !== undefined) lines.push(`    from: ${time(entry.from)}`);
      if (entry.to !== undefined) lines.push(`    to: ${time(entry.to)}`);
    }
  }
  lines.push('---');
  if (spec.summary) lines.push(bodyText(spec.summary));
  for (const update of spec.updates.toSorted((a, b) => b.at - a.at)) {
    lines.push('', `## ${statusWord(update.status)} — ${time(update.at)}`, bodyText(update.message) || statusWord(update.status));
  }
  if (spec.postmortem) lines.push('', '## Postmortem', bodyText(spec.postmortem));
  return `${lines.join('\n')}\n`;
}

export interface NewIncident {
  title: string;
  services: string[];
  level?: ImpactLevel;
  cause?: string;
  now: Instant;
  timeZone: string;
  /** Makes it a maintenance announced for this window. */
  maintenance?: Range;
  message?: string;
}

/** The text of a new incident (an Investigating update at now) or maintenance (a Scheduled update at now). */
export function newIncidentText(incident: NewIncident): string {
  const time = (instant: Instant) => editorTime(instant, incident.timeZone);
  const message =
    incident.message ??
    (incident.maintenance
      ? `Maintenance is scheduled from ${time(incident.maintenance.from)} to ${time(incident.maintenance.to)}.`
      : 'We are investigating reports of a problem and will post an update shortly.');
  return incidentText({
    title: incident.title,
    kind: incident.maintenance ? 'maintenance' : 'incident',
    scheduled: incident.maintenance,
    cause: incident.maintenance ? undefined : incident.cause,
    started: incident.maintenance ? undefined : incident.now,
    level: incident.level,
    affected: incident.services,
    updates: [{ status: incident.maintenance ? 'scheduled' : 'investigating', at: incident.now, message }],
    timeZone: incident.timeZone,
  });
}

/** Where the front matter ends and the body starts, by line index. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') throw new Error('the file does not start with a front matter block');
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close === -1) throw new Error('the front matter block is not closed');
  return close;
}

/**
 * Adds `## <Status> — <time>` and its message as the newest update: above
 * the first update heading, or after the summary when there is none yet.
 */
export function addUpdate(text: string, update: { status: UpdateStatus; at: Instant; message: string; timeZone: string }): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const close = frontMatterEnd(lines);
  const section = [`## ${statusWord(update.status)} — ${editorTime(update.at, update.timeZone)}`, update.message.trim(), ''];
  const heading = (line: string) => /^##\s/.test(line);
  const first = lines.findIndex((line, index) => index > close && heading(line) && !isPostmortemHeading(line.slice(3)));
  const postmortem = lines.findIndex((line, index) => index > close && heading(line) && isPostmortemHeading(line.slice(3)));
  let at = first !== -1 ? first : postmortem !== -1 ? postmortem : lines.length;
  if (at === lines.length) {
    // Append after the summary, keeping one blank line between sections.
    while (at > close + 1 && lines[at - 1]!.trim() === '') at--;
    const before = at > close + 1 ? [''] : [];
    return [...lines.slice(0, at), ...before, ...section].join(newline);
  }
  return [...lines.slice(0, at), ...section, ...lines.slice(at)].join(newline);
}

/**
 * Sets `resolved:` in the front matter to `at`: replaces the line when there
 * is one, else adds it after `started:` (or at the end of the front matter).
 */
export function setResolved(text: string, at: Instant, timeZone: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const close = frontMatterEnd(lines);
  const line = `resolved: ${editorTime(at, timeZone)}`;
  const existing = lines.findIndex((candidate, index) => index > 0 && index < close && /^resolved\s*:/.test(candidate));
  if (existing !== -1) {
    lines[existing] = line;
  } else {
    const started = lines.findIndex((candidate, index) => index > 0 && index < close && /^started\s*:/.test(candidate));
    lines.splice(started !== -1 ? started + 1 : close, 0, line);
  }
  return lines.join(newline);
}
