/**
 * Corrections for editors: `npm run correct` changes a resolved incident's
 * figures and writes the Correction update that says so in one step. (The
 * rules are in src/contract/corrections.ts; `npm run check -- --since`, which
 * refuses a figure change made without a Correction, is in
 * src/editor/published.ts.)
 */
import { changeLines, figureChanges, type FigureChange } from '../contract/corrections.ts';
import { displayPath } from '../contract/load-content.ts';
import { suggest } from '../contract/problems.ts';
import { parseTime, type Instant } from '../core/time.ts';
import { CORRECTABLE_KINDS, type Incident } from '../core/types.ts';
import { COMMON_NOTES, editIncident, LANGUAGE_NOTE, messageOption, TIME, TITLE_OPTION } from './commands.ts';
import { checkIncident, commandResult, findIncident, openWorkspace, timeOption, UsageError, type CommandResult, type Environment } from './editor-cli.ts';
import { addUpdate, editorTime, listsAffected, removeAffected, removeField, setField, setScheduled, setServiceOverride, yamlScalar, type FrontField } from './incident-file.ts';
import { helpText, parseCommand, usageError, type CommandSpec } from './options.ts';
import { languageWords } from './translation-file.ts';

/** The fields `--set` takes, as the file names them; `<service>` stands for an affected service's id. */
const FIELDS = ['started', 'resolved', 'level', 'cause', 'scheduled.from', 'scheduled.to', 'affected.<service>.from', 'affected.<service>.to', 'affected.<service>.level'];

/** `npm run correct`, as its help shows it and its arguments are read. */
export const CORRECT_SPEC = {
  name: 'correct',
  summary: "change a resolved incident's figures and write the public Correction that says so, in one step",
  usage: [`<id> "<why>" --set <field>=<value> [--set …] [--remove affected.<service>] [--at ${TIME}]`, `<id> "<why>" --withdraw [--at ${TIME}]`],
  options: {
    set: { type: 'string', multiple: true, value: 'FIELD=VALUE', help: `change a figure field: ${FIELDS.join(', ')}` },
    remove: { type: 'string', multiple: true, value: 'affected.<service>', help: 'take an affected service out (--remove cause makes the cause unknown again)' },
    withdraw: { type: 'boolean', help: 'take back an incident posted by mistake: every window zero-length, so it counts no minute; its page stays' },
    at: { type: 'string', value: TIME, help: 'when the Correction is posted (default: now)' },
    message: messageOption("the reason in another of site.yaml's languages (--message-en \"…\"): the translation <id>.<lang>.md gets the Correction with the same changes and these words"),
    title: TITLE_OPTION,
  },
  examples: [
    'npm run correct -- 2026-11-26-upload-failures "The load balancer logs show errors until 23:52." --set resolved="2026-11-26 23:52"',
    'npm run correct -- 2026-11-26-upload-failures "Functions recovered at 23:20." --set affected.functions.to="2026-11-26 23:20" --set affected.cdn.level=degraded-performance',
    'npm run correct -- 2026-11-26-upload-failures "Posted by mistake: this was a drill." --withdraw',
    'npm run correct -- 2026-11-26-upload-failures "负载均衡日志显示错误持续到 23:52。" --set resolved="2026-11-26 23:52" --message-en "The load balancer logs show errors until 23:52."',
  ],
  notes: [
    "Adds a '## Correction' update whose text lists each changed field, old → new, then the reason: customers read it, so the reason is required. For a resolved incident or maintenance only: while it is open, change it with npm run update; a notice has no figures.",
    LANGUAGE_NOTE,
    ...COMMON_NOTES,
  ],
} as const satisfies CommandSpec;
const TIME_FIELDS = new Set(['started', 'resolved', 'from', 'to']);

/** One change an editor asks for: a field set to a value, or an affected service (or the cause) removed. */
type Edit = { path: string[]; value: string } | { path: string[]; remove: true };

/** `--set field=value` and `--remove field` as edits of YAML paths; a field that is not a figure field is refused. */
function readEdits(sets: readonly string[], removes: readonly string[]): Edit[] {
  const fieldPath = (field: string): string[] => {
    const parts = field.split('.');
    const [key, service, part] = parts;
    const known =
      (parts.length === 1 && ['started', 'resolved', 'level', 'cause'].includes(key!)) ||
      (parts.length === 2 && key === 'scheduled' && (service === 'from' || service === 'to')) ||
      (parts.length === 3 && key === 'affected' && service !== '' && ['from', 'to', 'level'].includes(part!));
    if (!known) throw new UsageError(`'${field}' is not a field a correction changes; ${suggest(field, FIELDS)}`);
    return parts;
  };
  const edits: Edit[] = sets.map((set) => {
    const equals = set.indexOf('=');
    if (equals <= 0) throw new UsageError(`--set '${set}' has no value; write --set <field>=<value>, e.g. --set resolved="2025-01-18 03:52"`);
    const value = set.slice(equals + 1).trim();
    if (value === '') throw new UsageError(`--set '${set}' has an empty value; to make the cause unknown again use --remove cause`);
    if (/[\r\n]/.test(value)) throw new UsageError(`--set '${set.slice(0, equals)}' must be one line`);
    return { path: fieldPath(set.slice(0, equals).trim()), value };
  });
  for (const field of removes) {
    const parts = field.split('.');
    if (!(field === 'cause' || (parts.length === 2 && parts[0] === 'affected' && parts[1] !== ''))) {
      throw new UsageError(`--remove '${field}': only an affected service (--remove affected.<service>) or the cause (--remove cause) can be removed`);
    }
    edits.push({ path: parts, remove: true });
  }
  return edits;
}

/**
 * The text of `incident`'s file with `edits` made, through the same text
 * edits as the other commands (so comments, quoting, line ends and a byte
 * order mark stay, and only the changed values differ), times written as
 * editors write them in `timeZone`; a time that is not one is refused.
 */
function applyEdits(text: string, incident: Incident, edits: readonly Edit[], timeZone: string): string {
  let next = text;
  for (const edit of edits) {
    const [top, service] = edit.path;
    const key = edit.path.at(-1)!;
    if ('remove' in edit) {
      if (top === 'cause') {
        next = removeField(next, 'cause');
      } else {
        if (!listsAffected(next, service!)) throw new UsageError(`'${service}' is not affected; nothing to remove`);
        next = removeAffected(next, [service!]);
      }
      continue;
    }
    const field = edit.path.join('.');
    let value: string;
    if (TIME_FIELDS.has(key)) {
      const instant = parseTime(edit.value, timeZone);
      if (instant === undefined) throw new UsageError(`--set ${field}: '${edit.value}' is not a time; write it as YYYY-MM-DD HH:mm (in ${timeZone})`);
      value = editorTime(instant, timeZone, instant % 60_000 !== 0);
    } else {
      value = yamlScalar(edit.value, `--set ${field}`);
    }
    if (top === 'affected') {
      next = setServiceOverride(next, service!, { [key]: value });
    } else if (top === 'scheduled') {
      if (incident.kind !== 'maintenance') throw new UsageError(`--set ${field}: ${incident.id} is ${incident.kind === 'incident' ? 'an' : 'a'} ${incident.kind}; 'scheduled' is a maintenance's announced window; nothing was written`);
      next = setScheduled(next, key as 'from' | 'to', value);
    } else {
      next = setField(next, top as FrontField, value);
    }
  }
  return next;
}

/**
 * Every affected service's window made zero-length at its start (`to` equal
 * to `from`): the incident counts no minute anywhere, and its page stays to
 * say why. What a withdrawal is.
 */
function withdraw(text: string, incident: Incident, timeZone: string): string {
  let next = text;
  for (const affected of incident.affected) {
    next = setServiceOverride(next, affected.service, { to: editorTime(affected.from, timeZone, affected.from % 60_000 !== 0) });
  }
  return next;
}

/**
 * `npm run correct`: changes figure fields of a resolved incident or
 * maintenance (`--set`, `--remove`) or withdraws it (`--withdraw`: every
 * window zero-length), and adds a Correction update at now or `--at` whose
 * text lists each changed field, old → new, then the reason given. Under the
 * file's lock, checked as the build would; nothing is written on refusal.
 */
export function correctCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(CORRECT_SPEC, argv);
    if (!args) return helpText(CORRECT_SPEC);
    const { values, positionals } = args;
    const [id, ...rest] = positionals;
    const reason = rest.join(' ').trim();
    if (!id) throw usageError(CORRECT_SPEC);
    if (!reason) throw new UsageError(`say why after the id: npm run correct -- ${id} "<why>" …; a correction is public, and customers read its reason`);
    const edits = readEdits(values.set ?? [], values.remove ?? []);
    if (values.withdraw && edits.length > 0) throw new UsageError('--withdraw takes every window back: give it without --set or --remove');
    if (!values.withdraw && edits.length === 0) throw usageError(CORRECT_SPEC, 'nothing to correct: give --set <field>=<value>, --remove affected.<service>, or --withdraw');
    const workspace = await openWorkspace(env);
    const zone = workspace.catalogs.site.timeZone;
    const words = languageWords(args.languages, workspace.catalogs.site);
    const file = await findIncident(workspace, id);
    const at = timeOption(values.at, workspace);
    let changes: FigureChange[] = [];
    const edited = await editIncident(workspace, file, (text, incident) => {
      if (!CORRECTABLE_KINDS.includes(incident.kind)) {
        throw new UsageError(`${id} is a notice: it has no figures to correct; say what changed with npm run update -- ${id} update "<what changed>"; nothing was written`);
      }
      if (incident.resolved === null || incident.resolved > workspace.now) {
        throw new UsageError(
          `${id} is not resolved: change its figures with npm run update -- ${id} and the changes (npm run update -- --help lists them); a correction is for a resolved ${incident.kind}'s figures; nothing was written`,
        );
      }
      const changed = values.withdraw ? withdraw(text, incident, zone) : applyEdits(text, incident, edits, zone);
      changes = figureChanges(incident, checkIncident(workspace, file, changed), (instant: Instant) => editorTime(instant, zone));
      if (changes.length === 0) throw new UsageError(`nothing to correct: ${id}'s figures would stay as they are; nothing was written`);
      // The changes, in words of the file's own (field names, times), head the Correction in every language.
      const translations = words.map(({ locale, title, message }) => ({
        locale,
        title,
        update: message === undefined ? undefined : { status: 'correction' as const, at, message: `${changeLines(changes)}\n\n${message}` },
      }));
      return { text: addUpdate(changed, { status: 'correction', at, message: `${changeLines(changes)}\n\n${reason}`, timeZone: zone }), updates: 1, said: [], translations };
    });
    return [`corrected ${displayPath(file)}:\n${changeLines(changes)}`, ...edited.translations].join('\n');
  });
}
