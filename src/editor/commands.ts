/**
 * The editor commands, `npm run new`, `update` and `resolve`, as functions of
 * their arguments and environment (the scripts only call them): each reads
 * the catalogs and the one incident file it changes, checks the result as the
 * build would, and writes it under the file's lock in one step, or writes
 * nothing and says why.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath, readContentFile, readContentFiles, resolveContent, resolveIncident } from '../contract/load-content.ts';
import { formatProblem, sortProblems, suggest } from '../contract/problems.ts';
import { STATUS_WORDS, statusOfWord, statusWord } from '../contract/timeline.ts';
import { CAUSES, IMPACT_LEVELS, WINDOW_LEVELS, type ImpactLevel } from '../core/levels.ts';
import { formatWallTime } from '../core/time.ts';
import { translationGaps } from '../core/translation-gaps.ts';
import { CLOSING_MESSAGES, CLOSING_STATUSES, closingStatus, STATUSES_BY_KIND, type Incident, type IncidentKind, type Locale } from '../core/types.ts';
import { contentDir, nowFromEnvironment } from '../site/build-context.ts';
import { checkIncident, commandResult, findIncident, openWorkspace, timeOption, UsageError, type CommandResult, type Environment, type Workspace } from './editor-cli.ts';
import { createFile, replaceFile, withFileLock } from './file-lock.ts';
import { sinceCheck } from './published.ts';
import { addUpdate, editorTime, newIncidentText, setResolved, slugify } from './incident-file.ts';

const NEW_USAGE =
  'usage: npm run new -- "<title>" --services a,b [--level …] [--cause …] [--message "…"] [--slug …] [--at "YYYY-MM-DD HH:mm"]\n' +
  '       npm run new -- "<title>" --services a,b --maintenance --from "YYYY-MM-DD HH:mm" --to "YYYY-MM-DD HH:mm"';
const UPDATE_USAGE =
  'usage: npm run update -- <id> <status> "<message>" [--at "YYYY-MM-DD HH:mm"]   (status: investigating, identified, monitoring, update; for maintenance scheduled, "in progress", verifying, update)';
const RESOLVE_USAGE = 'usage: npm run resolve -- <id> ["<message>"] [--at "YYYY-MM-DD HH:mm"]';

const article = (kind: IncidentKind) => (kind === 'incident' ? 'an' : 'a');

/**
 * `npm run new`: writes incidents/<year>/<date>-<slug>.md with an
 * Investigating update (a Scheduled one for maintenance) at now or `--at`,
 * under a name no other incident file has.
 */
export function newCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        services: { type: 'string' },
        level: { type: 'string' },
        cause: { type: 'string' },
        message: { type: 'string' },
        slug: { type: 'string' },
        maintenance: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        at: { type: 'string' },
      },
    });
    const title = positionals.join(' ').trim();
    if (!title || !values.services) throw new UsageError(NEW_USAGE);
    const workspace = await openWorkspace(env);
    const zone = workspace.catalogs.site.timeZone;
    const now = timeOption(values.at, workspace);
    if (!values.maintenance && (values.from !== undefined || values.to !== undefined)) {
      throw new UsageError('--from and --to announce a maintenance window: add --maintenance');
    }
    const windowEnd = (flag: 'from' | 'to') => {
      const instant = values[flag] === undefined ? undefined : timeOption(values[flag], workspace);
      if (instant === undefined) throw new UsageError(`--maintenance needs --${flag} "YYYY-MM-DD HH:mm" (in ${zone})`);
      return instant;
    };
    const maintenance = values.maintenance ? { from: windowEnd('from'), to: windowEnd('to') } : undefined;
    const levels: readonly string[] = maintenance ? WINDOW_LEVELS : IMPACT_LEVELS;
    if (values.level !== undefined && !levels.includes(values.level)) {
      throw new UsageError(`unknown --level '${values.level}'; ${suggest(values.level, levels)}`);
    }
    if (values.cause !== undefined) {
      if (maintenance) throw new UsageError("a maintenance has no --cause: inside its window it counts as maintenance, outside it as platform");
      if (!(CAUSES as readonly string[]).includes(values.cause)) throw new UsageError(`unknown --cause '${values.cause}'; ${suggest(values.cause, CAUSES)}`);
    }
    const text = newIncidentText({
      title,
      services: values.services.split(',').map((service) => service.trim()).filter(Boolean),
      level: values.level as ImpactLevel | undefined,
      cause: values.cause,
      now,
      timeZone: zone,
      maintenance,
      message: values.message,
    });
    const date = editorTime(maintenance?.from ?? now, zone).slice(0, 10);
    const base = `${date}-${slugify(values.slug ?? title)}`;
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (workspace.ids.has(id)) continue;
      const file = path.join(workspace.root, 'incidents', date.slice(0, 4), `${id}.md`);
      checkIncident(workspace, file, text);
      // Created in one step and never over a file another command made meanwhile: then the next name.
      if (await createFile(file, text)) return `wrote ${displayPath(file)}`;
    }
  });
}

/** `npm run update`: adds a timeline entry at now or `--at` to the incident's file. */
export function updateCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { at: { type: 'string' } } });
    const [id, word, ...rest] = positionals;
    const message = rest.join(' ').trim();
    if (!id || !word || !message) throw new UsageError(UPDATE_USAGE);
    const status = statusOfWord(word);
    if (!status) throw new UsageError(`unknown status '${word}'; ${suggest(word, Object.keys(STATUS_WORDS))}`);
    if (CLOSING_STATUSES.includes(status)) throw new UsageError(`to close it use: npm run resolve -- ${id} "<message>"`);
    if (status === 'correction') throw new UsageError(`a Correction changes figures and says so in one step: npm run correct -- ${id} "<why>" --set <field>=<value>`);
    const workspace = await openWorkspace(env);
    const file = await findIncident(workspace, id);
    const at = timeOption(values.at, workspace);
    await editIncident(workspace, file, (text, incident) => {
      const allowed = STATUSES_BY_KIND[incident.kind].filter((candidate) => !CLOSING_STATUSES.includes(candidate));
      if (!allowed.includes(status)) {
        throw new UsageError(
          `'${statusWord(status)}' is not ${article(incident.kind)} ${incident.kind} status, and ${id} is ${article(incident.kind)} ${incident.kind}; use one of: ${allowed.map((candidate) => statusWord(candidate).toLowerCase()).join(', ')}`,
        );
      }
      return addUpdate(text, { status, at, message, timeZone: workspace.catalogs.site.timeZone });
    });
    return `updated ${displayPath(file)}`;
  });
}

/**
 * `npm run resolve`: sets `resolved` to now or `--at` and adds the closing
 * update (Resolved; Completed for maintenance). An incident that is resolved
 * already is refused: running it twice must not move the end.
 */
export function resolveCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { at: { type: 'string' } } });
    const [id, ...rest] = positionals;
    if (!id) throw new UsageError(RESOLVE_USAGE);
    const workspace = await openWorkspace(env);
    const zone = workspace.catalogs.site.timeZone;
    const file = await findIncident(workspace, id);
    const at = timeOption(values.at, workspace);
    await editIncident(workspace, file, (text, incident) => {
      const closing = statusWord(closingStatus(incident.kind));
      if (incident.resolved !== null || incident.updates.some((update) => CLOSING_STATUSES.includes(update.status))) {
        const when = incident.resolved === null ? '' : ` at ${formatWallTime(incident.resolved, zone)}`;
        throw new UsageError(
          `${id} is resolved already${when}; nothing was written (to change when it ended, edit 'resolved:' and the ${closing} update in ${displayPath(file)})`,
        );
      }
      const message = rest.join(' ').trim() || CLOSING_MESSAGES[incident.kind];
      return addUpdate(setResolved(text, at, zone), { status: closingStatus(incident.kind), at, message, timeZone: zone });
    });
    return `resolved ${displayPath(file)}`;
  });
}

/**
 * Changes an incident file under its lock: reads it, makes `change` from its
 * text and what it holds, checks the result as the build would (exactly one
 * update more, nothing else broken), and replaces the file in one step.
 */
export async function editIncident(workspace: Workspace, file: string, change: (text: string, incident: Incident) => string): Promise<void> {
  const shown = displayPath(file);
  if (((await stat(file)).mode & 0o222) === 0) {
    throw new UsageError(`${shown} is read-only; make it writable (chmod u+w ${shown}) and run the command again; nothing was written`);
  }
  await withFileLock(file, async () => {
    const read = await readContentFile(file, workspace.root);
    if ('problem' in read) throw new UsageError(`${formatProblem(read.problem)}\nnothing was written`);
    const { text } = read;
    const { incident: current, problems } = resolveIncident({ path: shown, text }, workspace.catalogs, workspace.now);
    if (!current) {
      throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\n${shown} has problems: fix them first (npm run check lists them); nothing was written`);
    }
    const next = change(text, current);
    const incident = checkIncident(workspace, file, next);
    if (incident.updates.length !== current.updates.length + 1) {
      throw new UsageError('the message would add more to the timeline than one update; nothing was written');
    }
    await replaceFile(file, next, text);
  });
}

/**
 * One line on how much of the incidents is not translated into `locale`
 * yet: never a problem, so it changes no exit code.
 */
function translationLine(incidents: readonly Incident[], locale: Locale, first: Locale): string {
  const gaps = translationGaps(incidents, locale, first);
  if (gaps.length === 0) return `${locale}: everything is translated`;
  const total = incidents.reduce((count, incident) => count + incident.updates.length, 0);
  const updates = gaps.reduce((count, gap) => count + gap.updates.length, 0);
  const of = (count: number, all: number, noun: string) => `${count} of ${all} ${noun}${all === 1 ? '' : 's'}`;
  return `${locale}: ${of(gaps.length, incidents.length, 'incident')} and ${of(updates, total, 'update')} not translated yet (npm run translate -- --lang ${locale} lists them)`;
}

/**
 * `npm run check`: validates the whole content folder as of now, as the build
 * would, without building. Lists every problem, one `path:line: what; fix`
 * each, and exits 1 on any.
 */
export function checkCommand(env: Environment, argv: string[] = []): Promise<CommandResult> {
  return commandResult(async () => {
    const { values } = parseArgs({ args: argv, options: { since: { type: 'string' } } });
    const dir = contentDir(env);
    const now = nowFromEnvironment(env);
    const started = performance.now();
    const files = await readContentFiles(dir);
    const { content, problems } = resolveContent(files, now);
    const since = values.since === undefined ? undefined : await sinceCheck(dir, values.since, files, content, now);
    for (const problem of since?.problems ?? []) problems.push(problem);
    const took = Math.round(performance.now() - started);
    if (problems.length > 0) {
      const lines = sortProblems(problems).map(formatProblem).join('\n');
      throw new UsageError(`${lines}\n\n${count(problems.length, 'problem')} in ${dir}; nothing was built.`);
    }
    const summary = `${count(content.incidents.length, 'incident')}, ${count(content.services.length, 'service')}, ${count(content.policies.length, 'SLA policy', 'SLA policies')}`;
    const published = since ? `; ${count(since.changed, 'incident file')} changed since ${values.since}, every published figure change with its Correction` : '';
    return [`${dir}: ${summary}, no problems${published} (${took} ms)`, ...content.site.languages.map((locale) => translationLine(content.incidents, locale, content.site.locale))].join('\n');
  });
}

/** `1 incident`, `2 incidents`: a count with its noun, in the editors' English. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
