/**
 * Migration from other status pages: a Statuspage incidents export (the shape
 * of its public `/api/v2/incidents.json`) or cState's `content/issues`
 * become incident files. What cannot be mapped is reported, never guessed.
 */
import { parse as parseYaml } from 'yaml';
import { closestKnown } from '../contract/problems.ts';
import type { ImpactLevel } from '../core/levels.ts';
import { parseTime, type Instant } from '../core/time.ts';
import type { Service, UpdateStatus } from '../core/types.ts';
import { editorTime, incidentText, slugify, type IncidentSpec } from './incident-file.ts';

/** What an import writes and what it could not map. */
export interface ImportResult {
  /** File paths relative to `incidents/`, and their text. */
  files: { path: string; text: string }[];
  /** One line per thing left out or assumed, prefixed with the source item. */
  notes: string[];
}

interface ImportContext {
  services: readonly Service[];
  timeZone: string;
}

const LEVEL_ORDER: ImpactLevel[] = ['degraded-performance', 'partial-outage', 'major-outage'];

function worse(a: ImpactLevel | undefined, b: ImpactLevel): ImpactLevel {
  return a === undefined || LEVEL_ORDER.indexOf(b) > LEVEL_ORDER.indexOf(a) ? b : a;
}

/** A service id for a component or system name: by id, by name, or by slug; `undefined` when none matches. */
function serviceFor(name: string, services: readonly Service[]): string | undefined {
  const slug = slugify(name);
  return services.find((service) => service.id === name || service.name.toLowerCase() === name.toLowerCase() || service.id === slug)?.id;
}

function unmapped(name: string, services: readonly Service[]): string {
  const near = closestKnown(slugify(name), services.map((service) => service.id));
  return `component '${name}' matches no service in services.yaml${near ? ` (closest: '${near}')` : ''}; add it, or name the service after it`;
}

/** Names files `YYYY/YYYY-MM-DD-slug.md`, never twice. */
function fileNamer(timeZone: string) {
  const used = new Set<string>();
  return (title: string, at: Instant) => {
    const date = editorTime(at, timeZone).slice(0, 10);
    let base = `${date}-${slugify(title)}`;
    for (let n = 2; used.has(base); n++) base = `${date}-${slugify(title)}-${n}`;
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

interface StatuspageIncident {
  id?: string;
  name?: string;
  status?: string;
  impact?: string;
  created_at?: string;
  started_at?: string | null;
  resolved_at?: string | null;
  scheduled_for?: string | null;
  scheduled_until?: string | null;
  shortlink?: string;
  components?: { name: string }[];
  incident_updates?: {
    status?: string;
    body?: string;
    display_at?: string;
    created_at?: string;
    affected_components?: { name: string; new_status?: string }[] | null;
  }[];
}

/** A Statuspage export (`{ incidents: [...] }`, or the bare list) as incident files. */
export function fromStatuspage(exported: unknown, context: ImportContext): ImportResult {
  const list = (Array.isArray(exported) ? exported : (exported as { incidents?: unknown })?.incidents) as StatuspageIncident[] | undefined;
  if (!Array.isArray(list)) throw new Error("not a Statuspage export: expected { \"incidents\": [...] }");
  const result: ImportResult = { files: [], notes: [] };
  const name = fileNamer(context.timeZone);
  for (const incident of list) {
    const label = `statuspage ${incident.id ?? '?'} '${incident.name ?? ''}'`;
    const note = (text: string) => result.notes.push(`${label}: ${text}`);
    const when = (text: string | null | undefined) => (text ? Date.parse(text) : Number.NaN);
    const started = when(incident.started_at ?? incident.created_at);
    if (!incident.name || Number.isNaN(started)) {
      note('no name or no start time; left out');
      continue;
    }
    const maintenance = incident.impact === 'maintenance' || Boolean(incident.scheduled_for);
    const levels = new Map<string, ImpactLevel>();
    const updates: IncidentSpec['updates'] = [];
    let postmortem: string | undefined;
    for (const update of incident.incident_updates ?? []) {
      const at = when(update.display_at ?? update.created_at);
      for (const component of update.affected_components ?? []) {
        const level = STATUSPAGE_LEVELS[component.new_status ?? ''];
        if (level) levels.set(component.name, worse(levels.get(component.name), level));
        else if (!levels.has(component.name) && component.new_status !== 'operational' && component.new_status !== 'under_maintenance') {
          note(`component status '${component.new_status}' of '${component.name}' is not a level; counted as the incident's level`);
        }
      }
      if (update.status === 'postmortem') {
        postmortem = update.body ?? '';
        continue;
      }
      const status = STATUSPAGE_STATUS[update.status ?? ''];
      if (!status || Number.isNaN(at)) {
        note(`update '${update.status}' at '${update.display_at ?? update.created_at}' has no known status or time; written as an Update`);
      }
      updates.push({ status: status ?? 'update', at: Number.isNaN(at) ? started : at, message: update.body ?? '' });
    }
    const componentNames = [...new Set([...(incident.components ?? []).map((component) => component.name), ...levels.keys()])];
    const level = [...levels.values()].reduce<ImpactLevel | undefined>(worse, undefined) ?? STATUSPAGE_IMPACT[incident.impact ?? ''];
    if (!maintenance && !level) note(`impact '${incident.impact}' and no component status give no level; written as degraded-performance`);
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
    if (affected.length === 0) {
      note('no component maps to a service; left out');
      continue;
    }
    const resolvedAt = when(incident.resolved_at);
    const resolved = Number.isNaN(resolvedAt) ? undefined : resolvedAt;
    const closing: UpdateStatus = maintenance ? 'completed' : 'resolved';
    if (resolved !== undefined && !updates.some((update) => update.status === 'resolved' || update.status === 'completed')) {
      updates.push({ status: closing, at: resolved, message: maintenance ? 'The maintenance is complete.' : 'This incident has been resolved.' });
      note(`resolved at ${incident.resolved_at} with no ${closing} update; one was added`);
    }
    const closed = updates.filter((update) => update.status === 'resolved' || update.status === 'completed');
    let resolvedTime = resolved;
    if (resolvedTime === undefined && closed.length > 0) {
      resolvedTime = Math.max(...closed.map((update) => update.at));
      note(`a ${closing} update but no resolved_at; resolved at that update`);
    }
    const scheduledFrom = when(incident.scheduled_for);
    const scheduledTo = when(incident.scheduled_until);
    result.files.push({
      path: name(incident.name, started),
      text: incidentText({
        title: incident.name,
        kind: maintenance ? 'maintenance' : 'incident',
        scheduled: maintenance && !Number.isNaN(scheduledFrom) && !Number.isNaN(scheduledTo) ? { from: scheduledFrom, to: scheduledTo } : undefined,
        started: maintenance && Number.isNaN(when(incident.started_at)) ? undefined : started,
        resolved: resolvedTime,
        level: maintenance ? undefined : (level ?? 'degraded-performance'),
        affected,
        summary: incident.shortlink ? `Imported from Statuspage: ${incident.shortlink}` : undefined,
        updates,
        postmortem,
        timeZone: context.timeZone,
        seconds: true,
      }),
    });
  }
  return result;
}

const CSTATE_LEVELS: Record<string, ImpactLevel> = { down: 'major-outage', disrupted: 'partial-outage', notice: 'degraded-performance' };
/** cState writes updates as `*Status* - text {{< track "2018-04-13 15:21:00" >}}`. */
const CSTATE_UPDATE = /^\*([^*]+)\*\s*[-–—:]?\s*([\s\S]*?)\{\{<\s*track\s+"([^"]+)"\s*>\}\}/gm;

/** cState issue files (`content/issues/*.md`) as incident files; their times are read in the site's zone. */
export function fromCstate(files: { path: string; text: string }[], context: ImportContext): ImportResult {
  const result: ImportResult = { files: [], notes: [] };
  const name = fileNamer(context.timeZone);
  for (const file of files) {
    const note = (text: string) => result.notes.push(`cstate ${file.path}: ${text}`);
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text);
    if (!match) {
      note('no front matter; left out');
      continue;
    }
    let front: Record<string, unknown>;
    try {
      front = (parseYaml(match[1]!) ?? {}) as Record<string, unknown>;
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
    const level = CSTATE_LEVELS[String(front.severity ?? '')];
    if (!level && !informational) note(`severity '${front.severity}' is not down, disrupted or notice; written as partial-outage`);
    const affected: string[] = [];
    for (const system of Array.isArray(front.affected) ? front.affected.map(String) : []) {
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
    const resolvedAt = front.resolved === true ? (time(front.resolvedWhen) ?? Math.max(started, ...updates.map((update) => update.at))) : undefined;
    if (front.resolved === true && time(front.resolvedWhen) === undefined) note('resolved with no resolvedWhen; resolved at the last update');
    if (resolvedAt !== undefined && !updates.some((update) => update.status === 'resolved')) {
      updates.push({ status: 'resolved', at: resolvedAt, message: 'This incident has been resolved.' });
      note('resolved with no Resolved update; one was added');
    }
    result.files.push({
      path: name(title, started),
      text: incidentText({
        title,
        kind: informational ? 'notice' : 'incident',
        started,
        resolved: resolvedAt,
        level: informational ? undefined : (level ?? 'partial-outage'),
        affected,
        summary: body.slice(0, first).trim() || undefined,
        updates,
        timeZone: context.timeZone,
        seconds: true,
      }),
    });
  }
  return result;
}
