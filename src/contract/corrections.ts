/**
 * Corrections: a change to what a published, resolved incident's figures
 * rest on is public (docs/content.md, "Corrections"). This module compares
 * two versions of an incident field by field, as resolved values (instants,
 * not the text of a time), and judges a new version against the published
 * one. Pure: the versions are given; reading them from git is the editor's
 * (src/editor/published.ts).
 */
import { CORRECTABLE_KINDS, type Affected, type Incident } from '../core/types.ts';
import type { Instant } from '../core/time.ts';
import type { ContentProblem } from './problems.ts';
import { parseYaml, type YamlPath } from './yaml-source.ts';

/** One figure field whose resolved value differs between two versions of an incident. */
export interface FigureChange {
  /**
   * The field as the file names it: `kind`, `started`, `resolved`, `level`,
   * `cause`, `scheduled.from`, `scheduled.to`, `affected.<service>` (a
   * service added or removed), `affected.<service>.from`, `.to`, `.level`.
   */
  field: string;
  /** The old value in words. */
  before: string;
  /** The new value in words. */
  after: string;
}

/** How an absent value reads in a change. */
const NOT_SET = 'not set';

/** An affected service's window and level in words: `major-outage, 2025-01-18 02:11 to 2025-01-18 03:40`. */
function describeAffected(affected: Affected, time: (instant: Instant) => string): string {
  return `${affected.level}, ${time(affected.from)} to ${affected.to === null ? 'open' : time(affected.to)}`;
}

/**
 * The figure fields (`started`, `resolved`, `level`, `cause`,
 * `scheduled`, `affected` and each entry's `from`, `to` and `level`, and the
 * kind, which decides how they count) whose resolved values differ from
 * `before` to `after`, in the order the file reads. Times are compared as
 * instants, so writing a time another way (`02:11` or `2025-01-17T18:11Z`)
 * is no change; `time` writes the ones that did change. An affected entry's
 * value that it takes from the incident in both versions (a plain id takes
 * `started`, `resolved` and `level`) is named once, by the incident's field.
 */
export function figureChanges(before: Incident, after: Incident, time: (instant: Instant) => string): FigureChange[] {
  const changes: FigureChange[] = [];
  const instant = (value: Instant | null) => (value === null ? NOT_SET : time(value));
  const compare = (field: string, old: string, next: string) => {
    if (old !== next) changes.push({ field, before: old, after: next });
  };
  compare('kind', before.kind, after.kind);
  compare('started', instant(before.started), instant(after.started));
  compare('resolved', instant(before.resolved), instant(after.resolved));
  compare('level', before.level, after.level);
  compare('cause', before.cause ?? NOT_SET, after.cause ?? NOT_SET);
  compare('scheduled.from', instant(before.scheduled?.from ?? null), instant(after.scheduled?.from ?? null));
  compare('scheduled.to', instant(before.scheduled?.to ?? null), instant(after.scheduled?.to ?? null));
  const old = new Map(before.affected.map((affected) => [affected.service, affected]));
  const next = new Map(after.affected.map((affected) => [affected.service, affected]));
  for (const entry of after.affected) {
    const was = old.get(entry.service);
    const field = `affected.${entry.service}`;
    if (!was) {
      changes.push({ field, before: 'not affected', after: describeAffected(entry, time) });
      continue;
    }
    // Named by the incident's own field when the entry takes the value from it in both versions.
    const inherits = <K extends 'from' | 'to' | 'level'>(key: K, own: (incident: Incident) => Affected[K]) =>
      was[key] === own(before) && entry[key] === own(after);
    if (!inherits('from', (incident) => incident.started)) compare(`${field}.from`, instant(was.from), instant(entry.from));
    if (!inherits('to', (incident) => incident.resolved)) compare(`${field}.to`, instant(was.to), instant(entry.to));
    if (!inherits('level', (incident) => incident.level)) compare(`${field}.level`, was.level, entry.level);
  }
  for (const entry of before.affected) {
    if (!next.has(entry.service)) changes.push({ field: `affected.${entry.service}`, before: describeAffected(entry, time), after: 'not affected' });
  }
  return changes;
}

/** The changes as the first lines of a Correction update: `- resolved: 2025-01-18 03:40 → 2025-01-18 03:52`. */
export function changeLines(changes: readonly FigureChange[]): string {
  return changes.map((change) => `- ${change.field}: ${change.before} → ${change.after}`).join('\n');
}

/**
 * The line of `field` (as FigureChange names it) in an incident file's
 * front matter: the field's own line, or the nearest line that holds it (an
 * affected entry written as a plain id, `affected:` for a removed service).
 */
export function fieldLine(text: string, field: string): number {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (lines[0]?.trim() !== '---' || close === -1) return 1;
  const source = parseYaml('', lines.slice(1, close).join('\n'), [], 2);
  if (!source) return 1;
  const [key, service, part] = field.split('.') as [string, string?, string?];
  if (key !== 'affected' || service === undefined) return source.lineOf(service === undefined ? [key] : [key, service]);
  const list = (source.value as { affected?: unknown } | null)?.affected;
  const index = Array.isArray(list)
    ? list.findIndex((entry) => entry === service || (entry !== null && typeof entry === 'object' && (entry as { service?: unknown }).service === service))
    : -1;
  const path: YamlPath = index === -1 ? ['affected'] : part === undefined ? ['affected', index] : ['affected', index, part];
  return source.lineOf(path);
}

/** One incident file at the published revision, read against that revision's catalogs. */
export interface PublishedIncident {
  /** Its path then, as messages show it. */
  path: string;
  incident: Incident;
}

/** One incident file now: its text, and the incident when it reads without problems (`undefined` otherwise: those are reported already). */
export interface CurrentIncident {
  path: string;
  text: string;
  incident: Incident | undefined;
}

/** Whether a published version is one the check guards: resolved, and of a kind whose figures a customer claims on. */
export function isGuarded(incident: Incident): boolean {
  return incident.resolved !== null && CORRECTABLE_KINDS.includes(incident.kind);
}

/** The Correction updates of an incident that another version lacks: none of its Corrections is at the same time. */
function correctionsMissingFrom(incident: Incident, other: Incident): Incident['updates'] {
  const times = new Set(other.updates.filter((update) => update.status === 'correction').map((update) => update.at));
  return incident.updates.filter((update) => update.status === 'correction' && !times.has(update.at));
}

/**
 * Judges the incidents as they are now against their published versions
 * (`published`: the versions, at `revision`, of the incident files changed
 * since; only guarded ones, isGuarded, are judged). Refused, one problem
 * each: a published incident whose id no file has any more (deleted, or
 * renamed away: its page and every link to it would go); a figure field
 * changed (figureChanges) with no new Correction update, at the field's
 * line, old → new; a published Correction removed. `time` writes times in
 * messages.
 */
export function correctionProblems(
  published: readonly PublishedIncident[],
  current: ReadonlyMap<string, CurrentIncident>,
  revision: string,
  time: (instant: Instant) => string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = revision.length === 40 && /^[0-9a-f]+$/.test(revision) ? revision.slice(0, 12) : revision;
  for (const { path, incident: old } of published) {
    if (!isGuarded(old)) continue;
    const now = current.get(old.id);
    if (!now) {
      problems.push({
        file: path,
        line: 1,
        message: `the ${old.kind} '${old.id}', resolved and published at ${at}, is gone (deleted or renamed): its page and every link to it would go`,
        fix: `restore it (git checkout ${at} -- ${path}); to take back one posted by mistake, withdraw it: npm run correct -- ${old.id} "<why>" --withdraw`,
      });
      continue;
    }
    // A file with problems is reported by the content check already; it is judged once it reads.
    if (!now.incident) continue;
    const fresh = correctionsMissingFrom(now.incident, old);
    for (const removed of correctionsMissingFrom(old, now.incident)) {
      problems.push({
        file: now.path,
        line: 1,
        message: `the Correction of ${time(removed.at)}, published at ${at}, is gone`,
        fix: 'restore it: a published Correction stays on record; add a new Correction to correct it',
      });
    }
    if (fresh.length > 0) continue;
    for (const change of figureChanges(old, now.incident, time)) {
      problems.push({
        file: now.path,
        line: fieldLine(now.text, change.field),
        message: `'${change.field}' changed since ${at}, where '${old.id}' was resolved and published: ${change.before} → ${change.after}, with no new Correction update`,
        fix: `say what changed and why in a '## Correction — <time>' update (npm run correct -- ${old.id} "<why>" --set … writes both), or undo the change`,
      });
    }
  }
  return problems;
}
