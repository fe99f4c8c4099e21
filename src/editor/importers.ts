/**
 * Migration from other status pages: a Statuspage incidents export (the shape
 * of its public `/api/v2/incidents.json`) or cState's `content/issues`
 * become incident files. What cannot be mapped is reported, never guessed;
 * input of the wrong shape is reported too, never a crash.
 */
import { parse as parseYaml } from 'yaml';
import { closestKnown, printable } from '../contract/problems.ts';
import { isAbsoluteHttpUrl, shown } from '../contract/fields.ts';
import { MARKDOWN_TOO_DEEP } from '../contract/read-incident.ts';
import { statusWord } from '../contract/timeline.ts';
import type { ImpactLevel } from '../core/levels.ts';
import { DAY_MS, latest, parseTime, type Instant } from '../core/time.ts';
import { CLOSING_STATUSES, closingStatus, type IncidentKind, type Service, type UpdateStatus } from '../core/types.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { importedCause, type CauseMapping } from './import-causes.ts';
import { editorTime, incidentText, slugify, UnwritableText, type IncidentSpec } from './incident-file.ts';
import type { CommandSpec } from './options.ts';

/** What an import writes and what it could not map. */
export interface ImportResult {
  /** File paths relative to `incidents/`, and their text. */
  files: { path: string; text: string }[];
  /** One line per thing left out or assumed, prefixed with the source item. */
  notes: string[];
  /** How many incidents the source holds. */
  total: number;
}

/** What an import reads against. */
export interface ImportContext {
  services: readonly Service[];
  /** The site's zone: times without an offset are read in it, never in the machine's. */
  timeZone: string;
  /** Now, to tell an incident left open long ago from a live one. */
  now: Instant;
  /** Import incidents open and untouched for STALE_OPEN_DAYS as open, instead of leaving them out. */
  openStale?: boolean;
  /** The editor's causes by source word (`--cause`); without one an incident is written with no cause and a note. */
  causes?: CauseMapping;
}

/** The source is not what the importer reads (not a Statuspage export): one line for the person running it. */
export class ImportError extends Error {}

/**
 * An incident still open in its source with nothing new for this many days
 * is taken for one nobody closed: imported as open it would show a live
 * outage on the home page, so it is left out unless asked for.
 */
export const STALE_OPEN_DAYS = 7;

/** `npm run import`, as its help shows it and its arguments are read. */
export const IMPORT_SPEC = {
  name: 'import',
  summary: "bring another status page's incidents over as incident files",
  usage: ['statuspage <export.json> [--open-stale] [--cause …]', 'cstate <content/issues folder> [--open-stale] [--cause …]'],
  options: {
    'open-stale': { type: 'boolean', help: `import incidents open in the source but untouched for ${STALE_OPEN_DAYS} days as ongoing (left out otherwise)` },
    cause: {
      type: 'string',
      multiple: true,
      value: '<component or impact>=<cause>',
      help: 'the cause of incidents on that component or system, service, impact or severity; without one an incident is written with no cause, and a note says to review it',
    },
  },
  examples: [
    'curl -s https://status.example.com/api/v2/incidents.json > export.json && npm run import -- statuspage export.json',
    'npm run import -- statuspage export.json --cause CDN=third-party --cause critical=platform     # whose fault, by component or impact',
    'npm run import -- cstate ../old-status/content/issues',
  ],
  notes: [
    'Says first what it could not map or left out, then writes every incident that passes the check (under incidents/<year>/ of STATUS_CONTENT_DIR, default content) and lists the rest; exits 1 when it wrote none.',
  ],
} as const satisfies CommandSpec;

/** The note for an open incident whose last sign of life is `last`, or `undefined` when it is recent or the import was told to take it. */
function staleOpen(last: Instant, context: ImportContext): string | undefined {
  const days = Math.floor((context.now - last) / DAY_MS);
  if (days < STALE_OPEN_DAYS) return undefined;
  const since = editorTime(last, context.timeZone);
  if (context.openStale) return `open in the source, last updated ${since} (${days} days ago); imported as ongoing, as --open-stale asks`;
  return `open in the source, but last updated ${since} (${days} days ago): it would show as a live outage; left out (resolve it there first, or import it as ongoing with --open-stale)`;
}

/**
 * An ISO 8601 time as Statuspage writes it (`2025-02-05T09:05:00.000Z`,
 * `2025-02-05T01:05:00-08:00`); one without an offset is read in `timeZone`,
 * never in the machine's. Fractions of a second are dropped.
 */
export function statuspageTime(value: unknown, timeZone: string): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!match) return undefined;
  const offset = match[3] === undefined ? '' : /^z$/i.test(match[3]) ? 'Z' : match[3].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return parseTime(`${match[1]} ${match[2]}${offset}`, timeZone);
}

/** `value` when it is a string, else `undefined`: exports are read, never trusted. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The closing update an import writes where the source has none: in English, as the exports it reads are written. */
const IMPORTED_CLOSING = MESSAGES.en.defaults.closing;

/** The longest note, in characters: a note quotes the source, and an export's title has no limit. */
const NOTE_LIMIT = 500;

/**
 * The function that notes `message` about one source item under `label`.
 * A note quotes the export, so it is made printable as the check's
 * messages are: control characters (clear screen, OSC 52 clipboard writes)
 * and line breaks show as `\uXXXX`, never reach the terminal as they are.
 */
function noter(result: ImportResult, label: string): (message: string) => void {
  return (message) => void result.notes.push(printable(`${label}: ${message}`, NOTE_LIMIT));
}

/**
 * The incident file for `spec`, or `undefined` when it cannot be written so
 * that it reads back as given (a title with a line break, a text that would
 * leave a code block open, or that Markdown cannot read for its nesting):
 * then it is noted and left out, and the import goes on with the others.
 * Its cause is the one the editor's `causes` give `causeWords` (the source's
 * words for it; `undefined` for an incident that takes no cause, a
 * maintenance or a notice); what that needs reviewing is noted only for a
 * file that is written, as it speaks of the file.
 */
function fileText(
  spec: Omit<IncidentSpec, 'cause'>,
  causeWords: readonly (string | undefined)[] | undefined,
  causes: CauseMapping | undefined,
  note: (message: string) => void,
): string | undefined {
  const causeNotes: string[] = [];
  const cause = causeWords === undefined ? undefined : importedCause(causeWords, causes, (message) => void causeNotes.push(message));
  try {
    const text = incidentText({ ...spec, cause });
    for (const message of causeNotes) note(message);
    return text;
  } catch (error) {
    // A RangeError is the Markdown parser's stack overflowing on text nested thousands deep.
    if (!(error instanceof UnwritableText) && !(error instanceof RangeError)) throw error;
    const why = error instanceof UnwritableText ? error.message : MARKDOWN_TOO_DEEP;
    note(`cannot be written: ${why}; left out (fix it in the source and import again, or write it by hand)`);
    return undefined;
  }
}

/** An id as an export gives it: a string, or a number as some exports write it. */
function sourceId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A Statuspage shortlink, kept as the incident's `source` when it is an absolute http(s) address; anything else is noted and left out. */
function shortlink(value: string | undefined, note: (text: string) => void): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (isAbsoluteHttpUrl(value.trim())) return value.trim();
  note(`shortlink ${JSON.stringify(value)} is not an http(s) address; left out`);
  return undefined;
}

/** `value` when it is a list, else an empty one. */
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a mapping, else an empty one. */
function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * What `key`, a word from the source, maps to in `table`; `undefined` for
 * any other word. Only the table's own keys count: an export saying
 * `constructor` or `__proto__` must not find what every object has.
 */
function mapped<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const LEVEL_ORDER: ImpactLevel[] = ['degraded-performance', 'partial-outage', 'major-outage'];

function worse(a: ImpactLevel | undefined, b: ImpactLevel): ImpactLevel {
  return a === undefined || LEVEL_ORDER.indexOf(b) > LEVEL_ORDER.indexOf(a) ? b : a;
}

/** A service id for a component or system name: by id, by name, or by slug; `undefined` when none matches. */
function serviceFor(name: string, services: readonly Service[]): string | undefined {
  const slug = slugify(name);
  return services.find((service) => service.id === name || Object.values(service.name).some((text) => text.toLowerCase() === name.toLowerCase()) || service.id === slug)?.id;
}

function unmapped(name: string, services: readonly Service[]): string {
  const near = closestKnown(slugify(name), services.map((service) => service.id));
  return `component '${name}' matches no service in services.yaml${near ? ` (closest: '${near}')` : ''}; add it, or name the service after it`;
}

/**
 * Names files `YYYY/YYYY-MM-DD-slug.md`, never twice: the second of a day and
 * title gets `-2`, the next `-3`. Each name's next number is kept, so naming
 * thousands of incidents that share a title and a day stays linear.
 */
function fileNamer(timeZone: string) {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (title: string, at: Instant) => {
    const date = editorTime(at, timeZone).slice(0, 10);
    const stem = `${date}-${slugify(title)}`;
    let base = stem;
    if (used.has(base)) {
      let n = next.get(stem) ?? 2;
      // Another title may have taken `<stem>-<n>` already (a title ending in a number).
      while (used.has(`${stem}-${n}`)) n++;
      base = `${stem}-${n}`;
      next.set(stem, n + 1);
    }
    used.add(base);
    return `${date.slice(0, 4)}/${base}.md`;
  };
}

const STATUSPAGE_LEVELS: Record<string, ImpactLevel> = {
  degraded_performance: 'degraded-performance',
  partial_outage: 'partial-outage',
  major_outage: 'major-outage',
};
const STATUSPAGE_IMPACT: Record<string, ImpactLevel> = { minor: 'degraded-performance', major: 'partial-outage', critical: 'major-outage' };
const STATUSPAGE_STATUS: Record<string, UpdateStatus> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  update: 'update',
  scheduled: 'scheduled',
  in_progress: 'in-progress',
  verifying: 'verifying',
  completed: 'completed',
};

/** A Statuspage export (`{ incidents: [...] }`, or the bare list) as incident files. */
export function fromStatuspage(exported: unknown, context: ImportContext): ImportResult {
  const incidents = Array.isArray(exported) ? exported : record(exported).incidents;
  if (!Array.isArray(incidents)) throw new ImportError('not a Statuspage export: expected { "incidents": [ … ] } (its /api/v2/incidents.json) or a list of incidents');
  const result: ImportResult = { files: [], notes: [], total: incidents.length };
  const name = fileNamer(context.timeZone);
  const seen = new Set<string>();
  incidents.forEach((item, index) => {
    const incident = record(item);
    const id = sourceId(incident.id);
    const title = text(incident.name);
    const note = noter(result, `statuspage ${id ?? `#${index + 1}`} '${title ?? ''}'`);
    if (id !== undefined && seen.has(id)) return note('the same id as an earlier incident in the export; written once');
    if (id !== undefined) seen.add(id);
    const when = (value: unknown) => statuspageTime(value, context.timeZone);
    const started = when(incident.started_at ?? incident.created_at);
    if (!title || started === undefined) return note('no name or no start time; left out');
    const impact = text(incident.impact);
    const maintenance = impact === 'maintenance' || incident.scheduled_for != null;
    const levels = new Map<string, ImpactLevel>();
    const updates: IncidentSpec['updates'] = [];
    let postmortem: string | undefined;
    for (const entry of list(incident.incident_updates)) {
      const update = record(entry);
      const shownAt = update.display_at ?? update.created_at;
      const at = when(shownAt);
      for (const component of list(update.affected_components).map(record)) {
        const componentName = text(component.name);
        if (componentName === undefined) {
          note(`an affected component of update ${shown(update.status)} has the name ${shown(component.name)}; left out`);
          continue;
        }
        const newStatus = text(component.new_status);
        const level = mapped(STATUSPAGE_LEVELS, newStatus);
        if (level) levels.set(componentName, worse(levels.get(componentName), level));
        else if (!levels.has(componentName) && newStatus !== 'operational' && newStatus !== 'under_maintenance') {
          note(`component status ${shown(component.new_status)} of '${componentName}' is not a level; counted as the incident's level`);
        }
      }
      const body = text(update.body) ?? '';
      if (update.status === 'postmortem') {
        postmortem = body;
        continue;
      }
      const status = mapped(STATUSPAGE_STATUS, text(update.status));
      if (!status || at === undefined) {
        note(`update ${shown(update.status)} at ${shown(shownAt)} has no known status or time; written as an Update`);
      }
      updates.push({ status: status ?? 'update', at: at ?? started, message: body });
    }
    // Statuspage pages that publish the postmortem in the incident itself (and ours) carry `postmortem_body`.
    postmortem ??= text(incident.postmortem_body);
    const listed = list(incident.components).map((component) => record(component).name);
    for (const name of listed) if (typeof name !== 'string') note(`a component has the name ${shown(name)}; left out`);
    const componentNames = [...new Set([...listed.filter((name) => typeof name === 'string'), ...levels.keys()])];
    const level = [...levels.values()].reduce<ImpactLevel | undefined>(worse, undefined) ?? mapped(STATUSPAGE_IMPACT, impact);
    if (!maintenance && !level) note(`impact ${shown(incident.impact)} and no component status give no level; written as degraded-performance`);
    const affected: IncidentSpec['affected'] = [];
    for (const component of componentNames) {
      const service = serviceFor(component, context.services);
      if (!service) {
        note(unmapped(component, context.services));
        continue;
      }
      if (affected.some((entry) => (typeof entry === 'string' ? entry : entry.service) === service)) continue;
      const own = levels.get(component);
      affected.push(own && own !== level && !maintenance ? { service, level: own } : service);
    }
    if (affected.length === 0) return note('no component maps to a service; left out');
    const resolved = when(incident.resolved_at);
    const kind: IncidentKind = maintenance ? 'maintenance' : 'incident';
    const closing = closingStatus(kind);
    const closes = (update: { status: UpdateStatus }) => CLOSING_STATUSES.includes(update.status);
    if (resolved !== undefined && !updates.some(closes)) {
      updates.push({ status: closing, at: resolved, message: IMPORTED_CLOSING[kind] });
      note(`resolved at ${String(incident.resolved_at)} with no ${closing} update; one was added`);
    }
    const closed = updates.filter(closes);
    let resolvedTime = resolved;
    if (resolvedTime === undefined && closed.length > 0) {
      resolvedTime = latest(closed.map((update) => update.at));
      note(`a ${closing} update but no resolved_at; resolved at that update`);
    }
    const scheduledFrom = when(incident.scheduled_for);
    const scheduledTo = when(incident.scheduled_until);
    if (resolvedTime === undefined) {
      const stale = staleOpen(latest(updates.map((update) => update.at), Math.max(started, scheduledTo ?? started)), context);
      if (stale) {
        note(stale);
        if (!context.openStale) return;
      }
    }
    const file = fileText({
      title,
      kind,
      scheduled: maintenance && scheduledFrom !== undefined && scheduledTo !== undefined ? { from: scheduledFrom, to: scheduledTo } : undefined,
      started: maintenance && when(incident.started_at) === undefined ? undefined : started,
      resolved: resolvedTime,
      level: maintenance ? undefined : (level ?? 'degraded-performance'),
      affected,
      // Where it came from stays in the front matter: the summary is what customers read.
      source: shortlink(text(incident.shortlink), note),
      updates,
      postmortem,
      timeZone: context.timeZone,
      seconds: true,
    }, maintenance ? undefined : [...componentNames, ...affected.map((entry) => (typeof entry === 'string' ? entry : entry.service)), impact], context.causes, note);
    if (file !== undefined) result.files.push({ path: name(title, started), text: file });
  });
  return result;
}

const CSTATE_LEVELS: Record<string, ImpactLevel> = { down: 'major-outage', disrupted: 'partial-outage', notice: 'degraded-performance' };
/** cState writes updates as `*Status* - text {{< track "2018-04-13 15:21:00" >}}`. */
const CSTATE_UPDATE = /^\*([^*]+)\*\s*[-–—:]?\s*([\s\S]*?)\{\{<\s*track\s+"([^"]+)"\s*>\}\}/gm;

/** cState issue files (`content/issues/*.md`) as incident files; their times are read in the site's zone. */
export function fromCstate(files: { path: string; text: string }[], context: ImportContext): ImportResult {
  const result: ImportResult = { files: [], notes: [], total: files.length };
  const name = fileNamer(context.timeZone);
  for (const file of files) {
    const note = noter(result, `cstate ${file.path}`);
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text);
    if (!match) {
      note('no front matter; left out');
      continue;
    }
    let front: Record<string, unknown>;
    try {
      front = record(parseYaml(match[1]!, { maxAliasCount: 100 }));
    } catch (error) {
      note(`front matter is not YAML (${(error as Error).message.split('\n')[0]}); left out`);
      continue;
    }
    const time = (value: unknown) => (typeof value === 'string' ? parseTime(value.replace(/\.\d+/, ''), context.timeZone) : undefined);
    const title = typeof front.title === 'string' ? front.title : undefined;
    const started = time(front.date);
    if (!title || started === undefined) {
      note('no title or no date; left out');
      continue;
    }
    const informational = front.informational === true;
    const level = mapped(CSTATE_LEVELS, text(front.severity) ?? '');
    if (!level && !informational) note(`severity ${shown(front.severity ?? '')} is not down, disrupted or notice; written as partial-outage`);
    const affected: string[] = [];
    const systemNames: string[] = [];
    for (const entry of list(front.affected)) {
      if (typeof entry !== 'string' && typeof entry !== 'number') {
        note(`affected system ${shown(entry)} is not a name; left out`);
        continue;
      }
      const system = String(entry);
      systemNames.push(system);
      const service = serviceFor(system, context.services);
      if (service) affected.push(service);
      else note(unmapped(system, context.services).replace('component', 'system'));
    }
    if (affected.length === 0 && !informational) {
      note('no affected system maps to a service; left out');
      continue;
    }
    const updates: IncidentSpec['updates'] = [];
    const body = match[2]!;
    let first = body.length;
    for (const update of body.matchAll(CSTATE_UPDATE)) {
      first = Math.min(first, update.index);
      const word = update[1]!.trim().toLowerCase();
      const status = (['investigating', 'identified', 'monitoring', 'resolved', 'update'] as const).find((known) => known === word);
      const at = time(update[3]);
      if (!status) note(`update '*${update[1]}*' is not a known status; written as an Update`);
      if (at === undefined) {
        note(`update time '${update[3]}' is not a time; the update is left out`);
        continue;
      }
      updates.push({ status: status ?? 'update', at, message: update[2]!.trim() });
    }
    const kind: IncidentKind = informational ? 'notice' : 'incident';
    const resolvedAt = front.resolved === true ? (time(front.resolvedWhen) ?? latest(updates.map((update) => update.at), started)) : undefined;
    if (front.resolved === true && time(front.resolvedWhen) === undefined) note('resolved with no resolvedWhen; resolved at the last update');
    if (resolvedAt !== undefined && !updates.some((update) => CLOSING_STATUSES.includes(update.status))) {
      updates.push({ status: closingStatus(kind), at: resolvedAt, message: IMPORTED_CLOSING[kind] });
      note(`resolved with no ${statusWord(closingStatus(kind))} update; one was added`);
    }
    const stale = resolvedAt === undefined && !informational ? staleOpen(latest(updates.map((update) => update.at), started), context) : undefined;
    if (stale) {
      note(stale);
      if (!context.openStale) continue;
    }
    // The cause is looked up by the names the export gives as text: an object there is no word to map (String() of one can throw).
    const written = fileText({
      title,
      kind,
      started,
      resolved: resolvedAt,
      level: informational ? undefined : (level ?? 'partial-outage'),
      affected,
      summary: body.slice(0, first).trim() || undefined,
      updates,
      timeZone: context.timeZone,
      seconds: true,
    }, informational ? undefined : [...systemNames, ...affected, text(front.severity)], context.causes, note);
    if (written !== undefined) result.files.push({ path: name(title, started), text: written });
  }
  return result;
}
