/**
 * Edits an editor makes to incident files, as text: a new file, an update
 * added, a resolution, a field set, a service added or removed, the
 * postmortem. Everything not touched stays byte for byte as it was, comments,
 * spacing and each line's own line end included, so a diff shows only the
 * change. Where an edit goes is found as the reader finds structure: the
 * front matter by the `yaml` package, the timeline by the Markdown lexer.
 */
import { parse, stringify } from 'yaml';
import type { Token, Tokens } from 'marked';
import type { ImpactLevel } from '../core/levels.ts';
import { formatWallTime, MINUTE_MS, parseTime, type Instant, type Range } from '../core/time.ts';
import { lexMarkdown } from '../contract/markdown.ts';
import { isPostmortemHeading, postmortemWordIn, statusWord, statusWordIn } from '../contract/timeline.ts';
import type { Locale, UpdateStatus } from '../core/types.ts';
import { messagesFor } from '../i18n/messages.ts';
import { appendItem, frontMatterRange, itemToMap, listItems, removeItem, removeValue, setValue } from './front-matter.ts';
import { LineText, UnwritableText } from './line-text.ts';

export { UnwritableText };

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

/** The longest file name part a title gives. */
const SLUG_LENGTH = 60;

/**
 * The file name part made from a title: lowercase ASCII words joined by
 * dashes, accents dropped (`Café` → `cafe`), at most 60 characters, cut
 * between words.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= SLUG_LENGTH) return slug || 'incident';
  const cut = slug.slice(0, SLUG_LENGTH + 1);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, SLUG_LENGTH)).replace(/-+$/, '');
}

/** Chinese characters (Han, simplified or traditional): a title with any is spelt in pinyin for its id. */
const HAN = /\p{Script=Han}/u;

/** Whether `title` has Chinese characters, which titleSlug spells in pinyin. */
export function hasChinese(title: string): boolean {
  return HAN.test(title);
}

/**
 * The file name part made from a title, as slugify makes it, after Chinese
 * characters are spelt in pinyin without tones, one word per syllable
 * (`上海地域对象存储` → `shang-hai-di-yu-dui-xiang-cun-chu`; ü as v). The
 * spelling is pinyin-pro's, which reads a character by the word it stands in
 * (`银行` yin-hang, `重庆` chong-qing, `重启` chong-qi), and the library (about
 * 0.2 s to load) is loaded only for a title that has such characters.
 */
export async function titleSlug(title: string): Promise<string> {
  if (!HAN.test(title)) return slugify(title);
  const { pinyin } = await import('pinyin-pro');
  return slugify(pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' '));
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
  /** Makes it a notice: an announcement with no impact, `message` its first update. */
  notice?: boolean;
  message?: string;
  /** The language the file is written in (the site's first): the default first update's. English when not given. */
  locale?: Locale;
}

/** The first update's text of a new incident, or of a maintenance of `window`, when the editor gives none: in `locale`, times as the commands write them. */
export function defaultFirstMessage(locale: Locale, timeZone: string, window?: Range): string {
  const defaults = messagesFor(locale).defaults;
  return window ? defaults.scheduled(editorTime(window.from, timeZone), editorTime(window.to, timeZone)) : defaults.investigating;
}

/**
 * The text of a new incident (an Investigating update at now), maintenance
 * (a Scheduled update at now) or notice (an Update at now, which must say
 * something: a notice has no words of ours to fall back on).
 */
export function newIncidentText(incident: NewIncident): string {
  const kind = incident.maintenance ? 'maintenance' : incident.notice ? 'notice' : 'incident';
  if (kind === 'notice' && !incident.message?.trim()) throw new UnwritableText('a notice needs its text: add --message "…"');
  const message = incident.message ?? defaultFirstMessage(incident.locale ?? 'en', incident.timeZone, incident.maintenance);
  return incidentText({
    title: incident.title,
    kind,
    scheduled: incident.maintenance,
    cause: kind === 'incident' ? incident.cause : undefined,
    started: incident.maintenance ? undefined : incident.now,
    level: kind === 'notice' ? undefined : incident.level,
    affected: incident.services,
    updates: [{ status: kind === 'maintenance' ? 'scheduled' : kind === 'notice' ? 'update' : 'investigating', at: incident.now, message }],
    timeZone: incident.timeZone,
  });
}

// Edits to an existing file. Each takes the file's text and returns the new
// text; offsets are found in the text's LF form (LineText), as the reader
// reads it, so a file with CR or CRLF line ends is edited like any other.

/** The order incidentText writes front matter keys in: a key a command adds goes after those before it. */
const FRONT_MATTER_ORDER = ['title', 'kind', 'scheduled', 'cause', 'started', 'resolved', 'level', 'affected', 'source'];
/** The order of an affected service's keys. */
const AFFECTED_ORDER = ['service', 'level', 'from', 'to'];

/** A front matter field a command sets, with its value as YAML text (yamlScalar, editorTime); `title` only in a translation. */
export type FrontField = 'title' | 'cause' | 'started' | 'resolved' | 'level';

/** Sets a top-level front matter field: the value is replaced where it is written, or the line added in its place. */
export function setField(text: string, key: FrontField, value: string): string {
  const doc = new LineText(text);
  setValue(doc, [], key, value, FRONT_MATTER_ORDER);
  return doc.toString();
}

/** Removes a top-level front matter field (the cause, made unknown again); a field that is not there is left so. */
export function removeField(text: string, key: FrontField): string {
  const doc = new LineText(text);
  removeValue(doc, [], key);
  return doc.toString();
}

/**
 * Sets `resolved:` in the front matter to `at`: replaces the value when
 * there is one, else adds the line after `started:` (or the keys before it).
 */
export function setResolved(text: string, at: Instant, timeZone: string): string {
  return setField(text, 'resolved', editorTime(at, timeZone));
}

/** Sets `scheduled.from` or `scheduled.to` of a maintenance. */
export function setScheduled(text: string, key: 'from' | 'to', value: string): string {
  const doc = new LineText(text);
  setValue(doc, ['scheduled'], key, value, ['from', 'to']);
  return doc.toString();
}

/** The position in `affected` of `service`'s entry, a plain id or `service: <id>`; -1 when it has none. */
function affectedIndex(doc: LineText, service: string): number {
  const items = listItems(doc, ['affected']) ?? [];
  return items.findIndex((item) => {
    const value = item.toJSON() as unknown;
    const id = typeof value === 'string' ? value : (value as { service?: unknown } | null)?.service;
    return typeof id === 'string' && id.trim() === service;
  });
}

/** Whether `affected` lists `service`, as a plain id or a `service:` entry. */
export function listsAffected(text: string, service: string): boolean {
  return affectedIndex(new LineText(text), service) !== -1;
}

/** Adds `id` (YAML text) to `affected` as a plain entry, adding the field when there is none. */
function appendAffected(doc: LineText, id: string): void {
  if (listItems(doc, ['affected'])) appendItem(doc, ['affected'], id);
  else setValue(doc, [], 'affected', `\n  - ${id}`, FRONT_MATTER_ORDER);
}

/** Adds services to `affected` as plain ids (the incident's level and times). */
export function addAffected(text: string, services: readonly string[]): string {
  const doc = new LineText(text);
  for (const service of services) appendAffected(doc, yamlScalar(service, 'a service id'));
  return doc.toString();
}

/** Removes services from `affected`, whatever way each is written. */
export function removeAffected(text: string, services: readonly string[]): string {
  const doc = new LineText(text);
  for (const service of services) {
    const index = affectedIndex(doc, service);
    if (index === -1) throw new Error(`removeAffected: '${service}' is not affected`);
    removeItem(doc, ['affected'], index);
  }
  return doc.toString();
}

/** A service's own level and window: what `affected` entries may override (YAML texts). */
export interface ServiceOverride {
  level?: string;
  from?: string;
  to?: string;
}

/**
 * Gives `service` its own level, start or end: a plain id becomes a
 * `service:` entry, an entry gets the keys set; a service not yet affected
 * is added with them.
 */
export function setServiceOverride(text: string, service: string, override: ServiceOverride): string {
  const doc = new LineText(text);
  const id = yamlScalar(service, 'a service id');
  const entries = AFFECTED_ORDER.slice(1).flatMap((key) => {
    const value = override[key as keyof ServiceOverride];
    return value === undefined ? [] : [[key, value] as [string, string]];
  });
  let index = affectedIndex(doc, service);
  if (index === -1) {
    appendAffected(doc, id);
    index = affectedIndex(doc, service);
  }
  const item = listItems(doc, ['affected'])![index]!;
  if (typeof item.toJSON() === 'string') {
    itemToMap(doc, ['affected'], index, [['service', id], ...entries]);
  } else {
    for (const [key, value] of entries) setValue(doc, ['affected', index], key, value, AFFECTED_ORDER);
  }
  return doc.toString();
}

/**
 * The body of `text` (LF form): where it starts, its Markdown, its top-level
 * tokens with their offsets, and its section headings as the timeline reads
 * them (level 1 or 2, at the top level: not in a code block, an HTML block,
 * a list or a quote), each with where it starts in the body.
 */
function bodyOf(text: string) {
  const { end } = frontMatterRange(text);
  const close = text.indexOf('\n', end);
  const from = close === -1 ? text.length : close + 1;
  const markdown = text.slice(from);
  const tokens = tokenStarts(markdown);
  const headings = tokens.flatMap(({ token, start }) =>
    token.type === 'heading' && (token as Tokens.Heading).depth <= 2 && start >= 0 ? [{ start, postmortem: isPostmortemHeading((token as Tokens.Heading).text) }] : [],
  );
  return { from, markdown, tokens, headings };
}

/** Where the text before `offset` ends, blank lines and spaces left out. */
function contentEnd(markdown: string, from: number, offset: number): number {
  let end = offset;
  while (end > from && /\s/.test(markdown[end - 1]!)) end--;
  return end;
}

/**
 * Adds `## <Status> — <time>` and its message as the newest update: above
 * the first update heading, else above the postmortem, else after the
 * summary. Headings are found by the Markdown lexer, so a `##` line in a
 * code block or an HTML comment is text, as the timeline reads it. The
 * status is written in English, or in `locale`'s words (`已确认`) for a
 * translation into it.
 */
export function addUpdate(text: string, update: { status: UpdateStatus; at: Instant; message: string; timeZone: string; locale?: Locale }): string {
  const doc = new LineText(text);
  const { from, markdown, headings } = bodyOf(doc.text);
  const word = update.locale === undefined ? statusWord(update.status) : statusWordIn(update.status, update.locale);
  const section = `## ${word} — ${editorTime(update.at, update.timeZone)}\n${bodyText(update.message) || word}\n`;
  const next = headings.find((heading) => !heading.postmortem) ?? headings[0];
  if (next) {
    doc.replace(from + next.start, from + next.start, `${section}\n`);
  } else {
    appendSection(doc, from, markdown, section);
  }
  return doc.toString();
}

/** Appends `section` at the end of the body, one blank line after what is there (none after the front matter alone). */
function appendSection(doc: LineText, from: number, markdown: string, section: string): void {
  const end = contentEnd(markdown, 0, markdown.length);
  if (end === 0) doc.replace(from, from + markdown.length, section);
  else doc.replace(from + end, from + markdown.length, `\n\n${section}`);
}

/** What `npm run postmortem` adds: text, follow-ups (open or done), and open follow-ups to tick, by their words. */
export interface PostmortemChange {
  text?: string;
  add?: readonly { words: string; done: boolean }[];
  /** Words of open follow-ups (as followUpKey matches them) to tick where they stand. */
  tick?: readonly string[];
  /** The language whose word starts a new section (`## 复盘` for zh-CN); `## Postmortem` when left out. */
  locale?: Locale;
}

/** A follow-up's words as matched: spaces folded, any case. */
export function followUpKey(words: string): string {
  return words.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An open follow-up of the postmortem: its words (first line) and where its `[ ]` is, by offset in the body. */
interface OpenFollowUp {
  words: string;
  box: number | undefined;
}

/** The open follow-ups of a body's postmortem, in order, each with where its box is (when it can be found). */
function openFollowUps(markdown: string, tokens: { token: Token; start: number }[], section: { start: number; end: number }): OpenFollowUp[] {
  const open: OpenFollowUp[] = [];
  const visit = (list: Tokens.List, from: number, to: number) => {
    let cursor = from;
    for (const item of list.items) {
      const firstLine = item.raw.split('\n')[0]!;
      const at = markdown.indexOf(firstLine, cursor);
      const found = at !== -1 && at < to;
      if (found) cursor = at + firstLine.length;
      const box = found ? /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[( )\]/.exec(firstLine) : null;
      if (item.task && !item.checked) open.push({ words: item.text.split('\n')[0]!, box: box ? at + box[0].length - 2 : undefined });
      for (const child of item.tokens) if (child.type === 'list') visit(child as Tokens.List, found ? at : cursor, to);
    }
  };
  for (const { token, start } of tokens) {
    if (start < section.start || start >= section.end || token.type !== 'list') continue;
    visit(token as Tokens.List, start, start + token.raw.length);
  }
  return open;
}

/** The open follow-ups of the incident file `text`, by their words: what `--done` may tick. */
export function postmortemFollowUps(text: string): string[] {
  const { markdown, tokens, headings } = bodyOf(new LineText(text).text);
  const index = headings.findIndex((heading) => heading.postmortem);
  if (index === -1) return [];
  const section = { start: headings[index]!.start, end: headings[index + 1]?.start ?? markdown.length };
  return openFollowUps(markdown, tokens, section).map((item) => item.words);
}

/**
 * Writes the postmortem: starts `## Postmortem` at the end of the file when
 * there is none, else adds to the end of the one there is. Text comes first,
 * then the new follow-ups as a task list (`- [ ]`, `- [x]` for done); an
 * open follow-up to tick is ticked where it stands.
 */
export function addToPostmortem(text: string, change: PostmortemChange): string {
  const doc = new LineText(text);
  const item = ({ words, done }: { words: string; done: boolean }) => {
    if (/[\r\n\u0085\u2028\u2029]/.test(words)) throw new UnwritableText('a follow-up must be one line');
    const written = bodyText(words);
    if (!written) throw new UnwritableText('a follow-up needs words');
    return `- [${done ? 'x' : ' '}] ${written}`;
  };
  const { from: bodyStart, markdown, tokens, headings } = bodyOf(doc.text);
  const index = headings.findIndex((heading) => heading.postmortem);
  const section = index === -1 ? undefined : { start: headings[index]!.start, end: headings[index + 1]?.start ?? markdown.length };
  const open = section ? openFollowUps(markdown, tokens, section) : [];
  const ticks = (change.tick ?? []).map((words) => {
    const match = open.find((candidate) => followUpKey(candidate.words) === followUpKey(words));
    if (!match) throw new Error(`addToPostmortem: no open follow-up '${words}'`);
    if (match.box === undefined) throw new UnwritableText(`the follow-up '${match.words}' is written in a way a command cannot tick; tick it by hand ([x])`);
    return match.box;
  });
  const added = (change.add ?? []).map(item);
  const prose = change.text === undefined ? '' : bodyText(change.text);
  const blocks = [prose, added.join('\n')].filter(Boolean);

  if (!section) {
    appendSection(doc, bodyStart, markdown, `## ${change.locale === undefined ? 'Postmortem' : postmortemWordIn(change.locale)}\n${blocks.join('\n\n')}\n`);
    return doc.toString();
  }
  const edits: { at: number; end: number; insert: string }[] = ticks.map((box) => ({ at: box, end: box + 1, insert: 'x' }));
  if (blocks.length > 0) {
    const end = contentEnd(markdown, section.start, section.end);
    const last = tokens.filter(({ start, token }) => start >= section.start && start < end && token.type !== 'space').at(-1)?.token;
    // New follow-ups alone continue a task list the section ends with; anything else starts a new block.
    const joiner = !prose && last?.type === 'list' && (last as Tokens.List).items.some((entry) => entry.task) ? '\n' : '\n\n';
    const following = headings[index + 1] && !/^\n[ \t]*\n/.test(markdown.slice(end)) ? '\n' : '';
    edits.push({ at: end, end, insert: `${joiner}${blocks.join('\n\n')}${following}` });
  }
  // From the end backwards, so each offset still holds.
  for (const edit of edits.sort((a, b) => b.at - a.at)) doc.replace(bodyStart + edit.at, bodyStart + edit.end, edit.insert);
  return doc.toString();
}
