/**
 * Edits an editor makes to incident files, as text: a new file, an update
 * added, a resolution. Everything not touched stays byte for byte as it was,
 * comments and spacing included, so a diff shows only the change.
 */
import { parse, stringify } from 'yaml';
import type { Tokens } from 'marked';
import type { ImpactLevel } from '../core/levels.ts';
import { formatWallTime, MINUTE_MS, parseTime, type Instant, type Range } from '../core/time.ts';
import { lexMarkdown } from '../contract/markdown.ts';
import { isPostmortemHeading, statusWord } from '../contract/timeline.ts';
import type { UpdateStatus } from '../core/types.ts';

/** A value that cannot be written so that it reads back as given: the message says why. */
export class UnwritableText extends Error {}

/**
 * A time as editors write it, in `timeZone`: `2025-01-18 02:11` (with
 * `seconds`, `02:11:30`). In the second pass of an hour a DST change repeats,
 * where the wall time alone reads as the first, the offset is added
 * (`2024-10-27 02:30 +01:00`), so the time always reads back as written.
 */
export function editorTime(instant: Instant, timeZone: string, seconds = false): string {
  const text = formatWallTime(instant, timeZone, { seconds });
  const unit = seconds ? 1000 : MINUTE_MS;
  const written = Math.floor(instant / unit) * unit;
  return parseTime(text, timeZone) === written ? text : formatWallTime(instant, timeZone, { seconds, offset: true });
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

/**
 * A one-line YAML value that reads back as exactly `value`: plain when it
 * can be, quoted by the `yaml` package otherwise (`1.50`, `0x1F`, `null`,
 * `a: b`). `what` names it in the message when it cannot be written: a value
 * with a line break would start new keys, so it is refused.
 */
export function yamlScalar(value: string, what: string): string {
  if (/[\r\n\u0085\u2028\u2029]/.test(value)) throw new UnwritableText(`${what} must be one line`);
  const written = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (written.includes('\n') || (parse(`value: ${written}`) as { value?: unknown } | null)?.value !== value) {
    throw new UnwritableText(`${what} ${JSON.stringify(value)} cannot be written so that it reads back the same`);
  }
  return written;
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
  /** Where it was imported from: written as `source` in the front matter. */
  source?: string;
  /** Any order: written newest first. */
  updates: { status: UpdateStatus; at: Instant; message: string }[];
  postmortem?: string;
  timeZone: string;
  /** Write seconds too (imports keep the precision they were given). */
  seconds?: boolean;
}

/** Where each top-level token starts in `markdown`. */
function tokenStarts(markdown: string) {
  let offset = 0;
  return lexMarkdown(markdown).map((token) => {
    const start = markdown.indexOf(token.raw, offset);
    offset = start >= 0 ? start + token.raw.length : offset;
    return { token, start };
  });
}

/** A heading the line after which a timeline would read as closing the text (what swallowing looks like). */
const PROBE = '## Update — 2000-01-01 00:00';

/**
 * Markdown an editor or an import gives (an update's message, a summary, a
 * postmortem), as it goes under one of our headings: trimmed, and kept from
 * becoming structure of ours. A line that Markdown would read as a level-1 or
 * level-2 heading (`## Update — …`, indented up to 3 spaces, `## Postmortem`,
 * `## 复盘`, or a line underlined with `---` or `===`) gets a backslash before
 * its first mark, so it shows the same words as text. Text that would leave a
 * code block or an HTML block open, swallowing the updates below it, is
 * refused with UnwritableText. The one function for this, for the commands
 * and the imports alike.
 */
export function bodyText(text: string): string {
  let markdown = text.replace(/\r\n?/g, '\n').trim();
  for (;;) {
    const heading = tokenStarts(markdown).find(({ token }) => token.type === 'heading' && (token as Tokens.Heading).depth <= 2);
    if (!heading) break;
    const raw = heading.token.raw.replace(/\n+$/, '');
    // ATX: the first `#`; setext: the first mark of the underline, its last line.
    const at = raw.trimStart().startsWith('#') ? raw.indexOf('#') : raw.lastIndexOf('\n') + 1 + raw.slice(raw.lastIndexOf('\n') + 1).search(/\S/);
    const position = heading.start + at;
    markdown = `${markdown.slice(0, position)}\\${markdown.slice(position)}`;
  }
  const probe = tokenStarts(`${markdown}\n\n${PROBE}\n`).at(-1)?.token;
  if (probe?.type !== 'heading' || probe.raw.trim() !== PROBE) {
    throw new UnwritableText('the text leaves a code block (```), an HTML comment or another HTML block open, which would hide everything below it; close it');
  }
  return markdown;
}

/** The text of an incident file: front matter, summary, updates newest first, postmortem. */
export function incidentText(spec: IncidentSpec): string {
  const time = (instant: Instant) => editorTime(instant, spec.timeZone, spec.seconds);
  // The contract trims text values, so the title is written trimmed: it reads back as written.
  const lines = ['---', `title: ${yamlScalar(spec.title.trim(), 'the title')}`];
  if (spec.kind && spec.kind !== 'incident') lines.push(`kind: ${spec.kind}`);
  if (spec.scheduled) lines.push('scheduled:', `  from: ${time(spec.scheduled.from)}`, `  to: ${time(spec.scheduled.to)}`);
  if (spec.cause) lines.push(`cause: ${yamlScalar(spec.cause, 'the cause')}`);
  if (spec.started !== undefined) lines.push(`started: ${time(spec.started)}`);
  if (spec.resolved !== undefined) lines.push(`resolved: ${time(spec.resolved)}`);
  if (spec.level) lines.push(`level: ${yamlScalar(spec.level, 'the level')}`);
  if (spec.affected.length > 0) {
    lines.push('affected:');
    for (const entry of spec.affected) {
      if (typeof entry === 'string') {
        lines.push(`  - ${yamlScalar(entry, 'a service id')}`);
        continue;
      }
      lines.push(`  - service: ${yamlScalar(entry.service, 'a service id')}`);
      if (entry.level) lines.push(`    level: ${yamlScalar(entry.level, 'a level')}`);
      if (entry.from !== undefined) lines.push(`    from: ${time(entry.from)}`);
      if (entry.to !== undefined) lines.push(`    to: ${time(entry.to)}`);
    }
  }
  if (spec.source) lines.push(`source: ${yamlScalar(spec.source, 'the source')}`);
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
  const section = [`## ${statusWord(update.status)} — ${editorTime(update.at, update.timeZone)}`, bodyText(update.message) || statusWord(update.status), ''];
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
