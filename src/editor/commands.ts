/**
 * The editor commands, `npm run new`, `update`, `resolve`, `postmortem` and
 * `check`, as functions of their arguments and environment (the scripts only
 * call them): each reads the catalogs and the one incident file it changes,
 * checks the result as the build would, and writes it under the file's lock
 * in one step, or writes nothing and says why in one line.
 *
 * Few commands, the same flags everywhere: `new` opens, `update` posts an
 * update and changes what the incident says about its impact while it is
 * open, `resolve` closes (taking the same changes), `postmortem` writes the
 * postmortem and its follow-ups. Figures of a resolved incident change only
 * through `npm run correct`, which says so publicly.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, readContentFile, readContentFiles, resolveContent, resolveIncident } from '../contract/load-content.ts';
import { closestKnown, formatProblem, sortProblems, suggest, suggestId } from '../contract/problems.ts';
import { STATUS_WORDS, statusOfWord, statusWord } from '../contract/timeline.ts';
import { CAUSES, IMPACT_LEVELS, WINDOW_LEVELS, type ImpactLevel } from '../core/levels.ts';
import { formatWallTime, MINUTE_MS, type Instant } from '../core/time.ts';
import { translationGaps } from '../core/translation-gaps.ts';
import { CLOSING_STATUSES, closingStatus, STATUSES_BY_KIND, type Incident, type IncidentKind, type Locale, type UpdateStatus } from '../core/types.ts';
import { messagesFor } from '../i18n/messages.ts';
import { cacheDir, contentDir, nowFromEnvironment } from '../site/build-context.ts';
import { openContentCache } from '../site/content-cache.ts';
import { checkIncident, commandResult, findIncident, openWorkspace, timeOption, UsageError, type CommandResult, type Environment, type Workspace } from './editor-cli.ts';
import { createFile, replaceFile, withFileLock, WriteRefused } from './file-lock.ts';
import {
  addAffected,
  addToPostmortem,
  hasChinese,
  addUpdate,
  defaultFirstMessage,
  editorTime,
  followUpKey,
  newIncidentText,
  postmortemFollowUps,
  removeAffected,
  setField,
  setResolved,
  setScheduled,
  setServiceOverride,
  titleSlug,
  yamlScalar,
  type ServiceOverride,
} from './incident-file.ts';
import { helpText, parseCommand, usageError, type CommandSpec, type OptionSpec } from './options.ts';
import { sinceCheck } from './published.ts';
import { checkTranslation, languageWords, translatedLocales, translatedText, translationFile, type LanguageWords, type TranslationChange } from './translation-file.ts';

/** How a time option's value is shown in the help. */
export const TIME = '"YYYY-MM-DD HH:mm"';

/** What every command's help ends with: where it works, and what it guarantees. */
export const COMMON_NOTES = [
  "Works on the content folder in STATUS_CONTENT_DIR (default: content). Times are read and written in site.yaml's timeZone; SOURCE_DATE_EPOCH, when set, is now.",
  'The file is checked as the build checks it (no time more than 5 minutes ahead, updates at or after the start, only the closing update after the end) and written in one step under a lock; when it would not pass, nothing is written and the command says why.',
];

/** What the help of every command that takes other languages' words says about them. */
export const LANGUAGE_NOTE =
  "On a site with other languages (site.yaml 'languages'), --title-<lang> and --message-<lang> write that language's words into the incident's translation, <id>.<lang>.md beside it, in the same step: the status word of its heading in that language, both files under their locks, both checked as the build reads them, and nothing written when either would not pass. The tag is read in any case (--message-zh-CN, --message-zh-cn). Words left out are shown as not translated yet: npm run translate lists them.";

/** `--title-<lang>`: every command that writes words takes the title in the other languages. */
export const TITLE_OPTION = {
  type: 'string',
  value: '"…"',
  perLanguage: 'only',
  help: "the title in another of site.yaml's languages (--title-en \"…\"), set in <id>.<lang>.md",
} as const satisfies OptionSpec;

/** `--message-<lang>` of a command whose words for the first language are an argument: `help` says what they are. */
export function messageOption(help: string) {
  return { type: 'string', value: '"…"', perLanguage: 'only', help } as const satisfies OptionSpec;
}

/** The changes `update` and `resolve` make to what an open incident says about its impact. */
const CHANGE_OPTIONS = {
  cause: { type: 'string', value: 'CAUSE', help: 'set the cause: platform, customer, third-party, maintenance or force-majeure' },
  level: { type: 'string', value: 'LEVEL', help: "set the level: degraded-performance, partial-outage or major-outage; with --service, that service's own" },
  service: { type: 'string', value: 'ID', help: 'the service that --level, --from and --to are for (added when it is not affected yet)' },
  from: { type: 'string', value: TIME, help: "with --service: when the impact on it started; on a maintenance without --service: the announced window's start" },
  to: { type: 'string', value: TIME, help: "with --service: when the impact on it ended; on a maintenance without --service: the announced window's end" },
  started: { type: 'string', value: TIME, help: 'move the start (of a maintenance: when the work really started)' },
  add: { type: 'string', value: 'a,b', help: "add affected services (ids from services.yaml), with the incident's level and times" },
  remove: { type: 'string', value: 'a,b', help: 'remove affected services' },
} as const satisfies Record<string, OptionSpec>;

/** `npm run new`, as its help shows it and its arguments are read. */
export const NEW_SPEC = {
  name: 'new',
  summary: 'open an incident, announce a maintenance, or post a notice',
  usage: [
    `"<title>" --services a,b [--level LEVEL] [--cause CAUSE] [--message "…"] [--at ${TIME}]`,
    `"<title>" --maintenance --services a,b --from ${TIME} --to ${TIME} [--message "…"]`,
    '"<title>" --notice --message "…" [--services a,b]',
  ],
  options: {
    services: { type: 'string', value: 'a,b', help: 'the affected services: ids from services.yaml, comma-separated' },
    level: { type: 'string', value: 'LEVEL', help: 'degraded-performance, partial-outage or major-outage (default); a maintenance also under-maintenance (its default)' },
    cause: { type: 'string', value: 'CAUSE', help: 'platform, customer, third-party, maintenance or force-majeure; leave it out while unknown' },
    message: {
      type: 'string',
      value: '"…"',
      perLanguage: true,
      help: "the first update's text (a notice's is its announcement, and required)",
      languageHelp: "the first update's text in another of site.yaml's languages (--message-en \"…\"), written to <id>.<lang>.md",
    },
    title: { ...TITLE_OPTION, help: `${TITLE_OPTION.help}; the English title, when given, makes the id of a Chinese one` },
    slug: { type: 'string', value: 'words', help: "the words of the id instead of the title's: <date>-<words>" },
    at: { type: 'string', value: TIME, help: 'when it started, or when the maintenance was announced (default: now)' },
    maintenance: { type: 'boolean', help: 'announce a maintenance, with --from and --to' },
    from: { type: 'string', value: TIME, help: "the maintenance window's start (may lie ahead)" },
    to: { type: 'string', value: TIME, help: "the maintenance window's end" },
    notice: { type: 'boolean', help: 'post a notice: an announcement with no impact and no SLA effect' },
  },
  examples: [
    'npm run new -- "Upload failures in Hangzhou" --services oss-hangzhou,functions --level partial-outage',
    'npm run new -- "Console sign-in errors" --services console --cause third-party --message "Sign-in fails for some accounts."',
    'npm run new -- "上海地域对象存储请求失败" --services oss-shanghai      # id: <date>-shang-hai-di-yu-dui-xiang-cun-chu-qing-qiu-shi-bai',
    'npm run new -- "MySQL storage upgrade" --services rds-mysql --maintenance --from "2026-12-05 01:00" --to "2026-12-05 03:00"',
    'npm run new -- "TLS 1.0 ends on 1 March" --notice --message "From 1 March 2027 the API accepts TLS 1.2 or later only."',
    'npm run new -- "杭州地域上传失败" --services oss-hangzhou --message "我们正在调查。" --title-en "Upload failures in Hangzhou" --message-en "We are investigating."',
  ],
  notes: [
    'Writes incidents/<year>/<date>-<words>.md with its first update (Investigating; Scheduled for a maintenance; Update for a notice) and prints the file: its name without .md is the id the other commands take. A Chinese title gives a pinyin id, or the words of --title-en when it is given.',
    LANGUAGE_NOTE,
    ...COMMON_NOTES,
  ],
} as const satisfies CommandSpec;

/** `npm run update`. */
export const UPDATE_SPEC = {
  name: 'update',
  summary: "post an update, and change what an open incident says about its impact",
  usage: [`<id> <status> "<message>" [--at ${TIME}] [changes]`, '<id> changes   (no update: the front matter only)'],
  options: {
    at: { type: 'string', value: TIME, help: 'when the update was posted (default: now)' },
    ...CHANGE_OPTIONS,
    message: messageOption("the update's text in another of site.yaml's languages (--message-en \"…\"), written to <id>.<lang>.md"),
    title: TITLE_OPTION,
  },
  examples: [
    'npm run update -- 2026-11-26-upload-failures identified "A bad deploy; we are rolling it back."',
    'npm run update -- 2026-11-26-upload-failures identified "An upstream carrier cut." --cause third-party',
    'npm run update -- 2026-11-26-upload-failures --service functions --level degraded-performance --from "2026-11-26 22:50"',
    'npm run update -- 2026-11-26-upload-failures --service functions --to "2026-11-26 23:20"     # functions recovered first',
    'npm run update -- 2026-11-26-upload-failures --add cdn --remove functions',
    'npm run update -- 2026-12-05-mysql-storage-upgrade "in progress" "The upgrade has started."',
    'npm run update -- 2026-11-26-upload-failures identified "部署有误，正在回滚。" --message-en "A bad deploy; we are rolling it back."',
    'npm run update -- 2026-11-26-upload-failures --title-en "Upload failures in Hangzhou"     # the English title alone',
  ],
  notes: [
    'Statuses: investigating, identified, monitoring, update; for a maintenance scheduled, "in progress", verifying, update; for a notice update. To close, use npm run resolve.',
    'Changes are taken while it is open; a resolved incident\'s figures change only with npm run correct -- <id> "<why>" --set <field>=<value>, which adds a public Correction.',
    LANGUAGE_NOTE,
    ...COMMON_NOTES,
  ],
} as const satisfies CommandSpec;

/** `npm run resolve`. */
export const RESOLVE_SPEC = {
  name: 'resolve',
  summary: 'close an incident, maintenance or notice: sets resolved and adds the Resolved (Completed) update',
  usage: [`<id> ["<message>"] [--at ${TIME}] [changes]`],
  options: {
    at: { type: 'string', value: TIME, help: 'when it ended (default: now)' },
    ...CHANGE_OPTIONS,
    message: messageOption("the closing update's text in another of site.yaml's languages (--message-en \"…\"), written to <id>.<lang>.md"),
    title: TITLE_OPTION,
  },
  examples: [
    'npm run resolve -- 2026-11-26-upload-failures "Uploads work again in every zone."',
    'npm run resolve -- 2026-11-26-upload-failures "Fixed upstream." --cause third-party --at "2026-11-26 23:40"',
    'npm run resolve -- 2026-12-05-mysql-storage-upgrade     # Completed, with the default message',
    'npm run resolve -- 2026-11-26-upload-failures "各可用区上传已恢复。" --message-en "Uploads work again in every zone."',
  ],
  notes: [
    'The changes are those of npm run update, made before it closes. A resolved incident is not resolved again: its end changes only with npm run correct -- <id> "<why>" --set resolved=<time>.',
    LANGUAGE_NOTE,
    ...COMMON_NOTES,
  ],
} as const satisfies CommandSpec;

/** `npm run postmortem`. */
export const POSTMORTEM_SPEC = {
  name: 'postmortem',
  summary: 'write the postmortem of an incident, and its follow-up actions',
  usage: ['<id> ["<text>"] [--action "…"]… [--done "…"]…'],
  options: {
    action: { type: 'string', multiple: true, value: '"…"', help: 'add an open follow-up action' },
    done: { type: 'string', multiple: true, value: '"…"', help: 'tick the open follow-up with these words, or add a done one' },
    message: messageOption("the postmortem's text in another of site.yaml's languages (--message-en \"…\"), added to the postmortem of <id>.<lang>.md"),
    title: TITLE_OPTION,
  },
  examples: [
    'npm run postmortem -- 2026-11-26-upload-failures "A deploy mishandled part numbers above 1,000." --action "Test uploads of 10,000 parts" --done "Roll back the deploy"',
    'npm run postmortem -- 2026-11-26-upload-failures --done "Test uploads of 10,000 parts"     # ticks it',
    'npm run postmortem -- 2026-11-26-upload-failures "一次部署错误处理了超过 1000 的分片编号。" --message-en "A deploy mishandled part numbers above 1,000."',
  ],
  notes: [
    'Starts the ## Postmortem section at the end of the file, or adds to the one there is. The postmortem is words, not figures: it may be written and completed after the incident is resolved. Follow-ups are written in the original; a translation\'s are written in it by hand.',
    LANGUAGE_NOTE,
    ...COMMON_NOTES,
  ],
} as const satisfies CommandSpec;

/** `npm run check`. */
export const CHECK_SPEC = {
  name: 'check',
  summary: 'check the content folder as the build would, without building',
  usage: ['[--since REVISION]'],
  options: {
    since: {
      type: 'string',
      value: 'REVISION',
      help: "also refuse a change since that git commit, branch or tag to a published, resolved incident's figures that no Correction update announces",
    },
  },
  examples: [
    'npm run check',
    'npm run check -- --since origin/main     # before a pull request: every figure change since main has its Correction',
    'STATUS_CONTENT_DIR=../my-status npm run check',
    'SOURCE_DATE_EPOCH=1767225600 npm run check     # as of 2026-01-01 00:00 UTC',
  ],
  notes: [
    "Lists every problem, one 'path:line: what is wrong; how to fix it' line each, and exits 1 on any. Checks the folder in STATUS_CONTENT_DIR (default: content), as of SOURCE_DATE_EPOCH or now.",
    "With --since, the incident files as they are now (committed or not) are compared with the same files at that revision: a resolved incident's started, resolved, level, cause, scheduled window or affected services may change only together with a '## Correction' update that says old → new and why (npm run correct writes both). Translations hold only words and are not compared.",
  ],
} as const satisfies CommandSpec;

const article = (kind: IncidentKind) => (kind === 'incident' ? 'an' : 'a');

/** A comma-separated list of ids, blanks left out. */
function idList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((id) => id.trim()).filter(Boolean);
}

/**
 * `npm run new`: writes incidents/<year>/<date>-<slug>.md with an
 * Investigating update (Scheduled for a maintenance, Update for a notice) at
 * now or `--at`, under a name no other incident file has.
 */
export function newCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(NEW_SPEC, argv);
    if (!args) return helpText(NEW_SPEC);
    const { values, positionals } = args;
    const title = positionals.join(' ').trim();
    if (!title) throw usageError(NEW_SPEC, 'give the title first');
    if (values.maintenance && values.notice) throw new UsageError('--maintenance and --notice: choose one (a notice has no impact; a maintenance announces a window)');
    if (!values.services && !values.notice) throw usageError(NEW_SPEC, 'say which services are affected with --services');
    if (values.notice) {
      if (values.level !== undefined || values.cause !== undefined) throw new UsageError('a notice has no impact: leave out --level and --cause, or open an incident (without --notice)');
      if (!values.message?.trim()) throw new UsageError('a notice needs its text: add --message "…"');
    }
    const workspace = await openWorkspace(env);
    const zone = workspace.catalogs.site.timeZone;
    const now = timeOption(values.at, workspace);
    if (!values.maintenance && (values.from !== undefined || values.to !== undefined)) {
      throw new UsageError('--from and --to announce a maintenance window: add --maintenance');
    }
    const windowEnd = (flag: 'from' | 'to') => {
      if (values[flag] === undefined) throw new UsageError(`--maintenance needs --${flag} "YYYY-MM-DD HH:mm" (in ${zone})`);
      return timeOption(values[flag], workspace, flag);
    };
    const maintenance = values.maintenance ? { from: windowEnd('from'), to: windowEnd('to') } : undefined;
    const levels: readonly string[] = maintenance ? WINDOW_LEVELS : IMPACT_LEVELS;
    if (values.level !== undefined && !levels.includes(values.level)) {
      throw new UsageError(`unknown --level '${values.level}'; ${suggest(values.level, levels)}`);
    }
    if (values.cause !== undefined) {
      if (maintenance) throw new UsageError('a maintenance has no --cause: inside its window it counts as maintenance, outside it as platform');
      if (!(CAUSES as readonly string[]).includes(values.cause)) throw new UsageError(`unknown --cause '${values.cause}'; ${suggest(values.cause, CAUSES)}`);
    }
    const words = languageWords(args.languages, workspace.catalogs.site);
    const text = newIncidentText({
      title,
      services: idList(values.services),
      level: values.level as ImpactLevel | undefined,
      cause: values.cause,
      now,
      timeZone: zone,
      maintenance,
      notice: values.notice,
      message: values.message,
      locale: workspace.catalogs.site.locale,
    });
    const date = editorTime(maintenance?.from ?? now, zone).slice(0, 10);
    // A Chinese title's id is its pinyin, unless the English title is given: then its words.
    const english = words.find((language) => language.locale === 'en')?.title;
    const base = `${date}-${await titleSlug(values.slug ?? (english !== undefined && hasChinese(title) ? english : title))}`;
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (workspace.ids.has(id)) continue;
      const file = path.join(workspace.root, 'incidents', date.slice(0, 4), `${id}.md`);
      const incident = checkIncident(workspace, file, text);
      const first = incident.updates[0]!;
      const writes = await Promise.all(
        words.map(async ({ locale, title: translated, message: given }): Promise<PendingWrite> => {
          // Where the first update is ours (no --message), its text in this language too.
          const message = given ?? (values.message === undefined ? defaultFirstMessage(locale, zone, maintenance) : undefined);
          const change: TranslationChange = { locale, title: translated, update: message === undefined ? undefined : { status: first.status, at: first.at, message } };
          const translation = await translationFile(file, id, locale);
          const next = translatedText(undefined, change, incident, workspace.catalogs.site);
          checkTranslation(translation, next, incident, change, workspace.catalogs.site);
          return { file: translation, text: next, before: undefined };
        }),
      );
      // The year's folder may be new: the translations' locks are made in it.
      if (writes.length > 0) await mkdir(path.dirname(file), { recursive: true });
      const written = await withFileLocks(
        writes.map((write) => write.file),
        async () => {
          for (const write of writes) {
            if ((await readIfThere(write.file, workspace.root)) !== undefined) {
              throw new UsageError(`${displayPath(write.file)} is there already, a translation of no incident (there is no ${id}.md); remove it, or choose other words for the id with --slug; nothing was written`);
            }
          }
          // Created in one step and never over a file another command made meanwhile: then the next name.
          if (!(await createFile(file, text))) return undefined;
          return [`wrote ${displayPath(file)}`, ...(await writeTranslations(writes, displayPath(file)))];
        },
      );
      if (written) return written.join('\n');
    }
  });
}

/**
 * `words` with the default message `text(locale)` wherever the editor gave
 * none, and an entry with just that message for each language in `existing`
 * (an incident's translations) the editor gave no words for.
 */
function withDefaultMessages(words: readonly LanguageWords[], existing: readonly Locale[], text: (locale: Locale) => string): LanguageWords[] {
  const given = words.map((each) => ({ ...each, message: each.message ?? text(each.locale) }));
  const others = existing.filter((locale) => !words.some((each) => each.locale === locale)).map((locale) => ({ locale, message: text(locale) }));
  return [...given, ...others];
}

/** What `words` put in the translations for an update with `status` at `at` (the message, when given) and for the title. */
function translatedUpdate(words: readonly LanguageWords[], update: { status: UpdateStatus; at: Instant } | undefined): TranslationChange[] {
  return words.map(({ locale, title, message }) => ({ locale, title, update: update && message !== undefined ? { ...update, message } : undefined }));
}

/** What a command prints for an edit: the original, when it changed, with what changed in words; then each translation written. */
function editedLines(verb: string, file: string, edited: Edited): string {
  const original = edited.original ? [`${verb} ${displayPath(file)}${edited.said.length > 0 ? ` (${edited.said.join('; ')})` : ''}`] : [];
  return [...original, ...edited.translations].join('\n');
}

/** The changes to an open incident's front matter that `update` and `resolve` were given, read and checked against the catalogs. */
interface Changes {
  cause?: string;
  level?: string;
  started?: Instant;
  /** On a maintenance, without --service: the announced window. */
  window: { from?: Instant; to?: Instant };
  service?: { id: string; level?: string; from?: Instant; to?: Instant };
  add: string[];
  remove: string[];
}

/** Reads the change options. Times are read in the site's zone; service ids must be in services.yaml. */
function readChanges(values: { [Name in keyof typeof CHANGE_OPTIONS]?: string }, workspace: Workspace): Changes {
  const known = workspace.catalogs.services.map((service) => service.id);
  const service = (id: string) => {
    if (!known.includes(id)) throw new UsageError(`unknown service '${id}'; ${suggestId(id, known)} (services are in services.yaml)`);
    return id;
  };
  const time = (flag: 'from' | 'to' | 'started') => (values[flag] === undefined ? undefined : timeOption(values[flag], workspace, flag));
  const add = idList(values.add).map(service);
  const remove = idList(values.remove).map(service);
  const both = add.find((id) => remove.includes(id));
  if (both) throw new UsageError(`'${both}' is in --add and in --remove; give it once`);
  const changes: Changes = { cause: values.cause, level: values.level, started: time('started'), window: {}, add, remove };
  const from = time('from');
  const to = time('to');
  if (values.service !== undefined) {
    changes.service = { id: service(values.service.trim()), level: values.level, from, to };
    changes.level = undefined;
  } else {
    changes.window = { from, to };
  }
  return changes;
}

function hasChanges(values: Record<string, unknown>): boolean {
  return Object.keys(CHANGE_OPTIONS).some((name) => values[name] !== undefined);
}

const floorMinute = (instant: Instant) => Math.floor(instant / MINUTE_MS) * MINUTE_MS;

/**
 * Makes `changes` in the text of `incident` (what its file says now). Refuses,
 * one line each, what cannot be: any change to a resolved incident (that is
 * a correction), a cause or level the kind does not take, a service added
 * twice or removed that is not there, the last service removed. Returns the
 * new text, what was changed in words, and a check that the file read back
 * says what was asked.
 */
function applyChanges(text: string, incident: Incident, changes: Changes, workspace: Workspace): { text: string; said: string[]; verify: (after: Incident) => string | undefined } {
  const { kind } = incident;
  const asked = [
    changes.cause !== undefined && 'cause',
    changes.level !== undefined && 'level',
    changes.started !== undefined && 'start',
    (changes.window.from !== undefined || changes.window.to !== undefined) && 'announced window',
    changes.service && `impact on ${changes.service.id}`,
    (changes.add.length > 0 || changes.remove.length > 0) && 'affected services',
  ].filter((what): what is string => typeof what === 'string');
  if (asked.length === 0) return { text, said: [], verify: () => undefined };
  const zone = workspace.catalogs.site.timeZone;
  const time = (instant: Instant) => editorTime(instant, zone);
  if (incident.resolved !== null) {
    throw new UsageError(
      `${incident.id} is resolved: a change to its ${asked.join(', ')} changes what is owed for it, so it is a correction, shown to customers: ${correctionCall(incident, changes, time)}; nothing was written`,
    );
  }
  const levels: readonly string[] = kind === 'maintenance' ? WINDOW_LEVELS : IMPACT_LEVELS;
  const checkLevel = (level: string) => {
    if (kind === 'notice') throw new UsageError(`${incident.id} is a notice, which has no impact level`);
    if (!levels.includes(level)) throw new UsageError(`unknown --level '${level}'; ${suggest(level, levels)}`);
    return level;
  };
  const said: string[] = [];
  let next = text;

  if (changes.cause !== undefined) {
    if (kind === 'maintenance') throw new UsageError('a maintenance has no --cause: inside its window it counts as maintenance, outside it as platform');
    if (kind === 'notice') throw new UsageError(`${incident.id} is a notice, which has no impact and so no cause`);
    if (!(CAUSES as readonly string[]).includes(changes.cause)) throw new UsageError(`unknown --cause '${changes.cause}'; ${suggest(changes.cause, CAUSES)}`);
    next = setField(next, 'cause', changes.cause);
    said.push(`cause ${incident.cause ?? 'unknown'} → ${changes.cause}`);
  }
  if (changes.level !== undefined) {
    next = setField(next, 'level', checkLevel(changes.level));
    said.push(`level ${incident.level} → ${changes.level}`);
  }
  if (changes.started !== undefined) {
    next = setField(next, 'started', time(changes.started));
    said.push(`started ${time(incident.started)} → ${time(changes.started)}`);
  }
  const { window } = changes;
  if (window.from !== undefined || window.to !== undefined) {
    if (kind !== 'maintenance') {
      throw new UsageError("--from and --to are a service's own window: add --service <id> (to move the start of the incident, use --started)");
    }
    if (window.from !== undefined) next = setScheduled(next, 'from', time(window.from));
    if (window.to !== undefined) next = setScheduled(next, 'to', time(window.to));
    said.push(`announced window ${time(window.from ?? incident.scheduled!.from)} to ${time(window.to ?? incident.scheduled!.to)}`);
  }
  const affected = incident.affected.map((entry) => entry.service);
  if (changes.service) {
    const { id, level, from, to } = changes.service;
    const override: ServiceOverride = { level: level === undefined ? undefined : yamlScalar(checkLevel(level), 'the level'), from: from === undefined ? undefined : time(from), to: to === undefined ? undefined : time(to) };
    const listed = affected.includes(id);
    if (listed && level === undefined && from === undefined && to === undefined) {
      throw new UsageError(`say what to change for ${id}: --level, --from or --to`);
    }
    next = level === undefined && from === undefined && to === undefined ? addAffected(next, [id]) : setServiceOverride(next, id, override);
    const parts = [level && `level ${level}`, from !== undefined && `from ${time(from)}`, to !== undefined && `to ${time(to)}`].filter(Boolean);
    said.push(`${listed ? '' : 'added '}${id}${parts.length ? ` ${parts.join(', ')}` : ''}`);
  }
  for (const id of changes.add) {
    if (affected.includes(id) || changes.service?.id === id) {
      throw new UsageError(`'${id}' is affected already; to give it its own level or times use --service ${id} --level …`);
    }
  }
  if (changes.add.length > 0) {
    next = addAffected(next, changes.add);
    said.push(`added ${changes.add.join(', ')}`);
  }
  for (const id of changes.remove) {
    if (!affected.includes(id)) throw new UsageError(`'${id}' is not affected by ${incident.id}; it lists ${affected.join(', ') || 'no service'}`);
  }
  if (changes.remove.length > 0) {
    const left = [...affected, ...changes.add, ...(changes.service && !affected.includes(changes.service.id) ? [changes.service.id] : [])].filter((id) => !changes.remove.includes(id));
    if (left.length === 0 && kind !== 'notice') throw new UsageError(`${incident.id} would affect no service; add the right one first (--add), then remove`);
    if (left.length === 0) throw new UsageError(`${incident.id} would list no service; a notice without services has no 'affected' at all: remove it by hand`);
    next = removeAffected(next, changes.remove);
    said.push(`removed ${changes.remove.join(', ')}`);
  }

  const verify = (after: Incident): string | undefined => {
    const entry = (id: string) => after.affected.find((candidate) => candidate.service === id);
    if (changes.cause !== undefined && after.cause !== changes.cause) return 'cause';
    if (changes.level !== undefined && after.level !== changes.level) return 'level';
    if (changes.started !== undefined && after.started !== floorMinute(changes.started)) return 'started';
    if (window.from !== undefined && after.scheduled?.from !== floorMinute(window.from)) return 'scheduled';
    if (window.to !== undefined && after.scheduled?.to !== floorMinute(window.to)) return 'scheduled';
    if (changes.service) {
      const own = entry(changes.service.id);
      if (!own) return changes.service.id;
      if (changes.service.level !== undefined && own.level !== changes.service.level) return changes.service.id;
      if (changes.service.from !== undefined && own.from !== floorMinute(changes.service.from)) return changes.service.id;
      if (changes.service.to !== undefined && own.to !== floorMinute(changes.service.to)) return changes.service.id;
    }
    if (changes.add.some((id) => !entry(id)) || changes.remove.some((id) => entry(id))) return 'affected';
    return undefined;
  };
  return { text: next, said, verify };
}

/**
 * The `npm run correct` call that makes `changes` to the resolved `incident`
 * (what `update` and `resolve` refuse to): the same changes as `--set` and
 * `--remove`, with the reason left for the editor to write.
 */
function correctionCall(incident: Incident, changes: Changes, time: (instant: Instant) => string): string {
  const quoted = (instant: Instant) => `"${time(instant)}"`;
  const set: string[] = [];
  if (changes.cause !== undefined) set.push(`--set cause=${changes.cause}`);
  if (changes.level !== undefined) set.push(`--set level=${changes.level}`);
  if (changes.started !== undefined) set.push(`--set started=${quoted(changes.started)}`);
  if (changes.window.from !== undefined) set.push(`--set scheduled.from=${quoted(changes.window.from)}`);
  if (changes.window.to !== undefined) set.push(`--set scheduled.to=${quoted(changes.window.to)}`);
  if (changes.service) {
    const { id, level, from, to } = changes.service;
    if (level !== undefined || (from === undefined && to === undefined)) set.push(`--set affected.${id}.level=${level ?? incident.level}`);
    if (from !== undefined) set.push(`--set affected.${id}.from=${quoted(from)}`);
    if (to !== undefined) set.push(`--set affected.${id}.to=${quoted(to)}`);
  }
  for (const id of changes.add) set.push(`--set affected.${id}.level=${incident.level}`);
  for (const id of changes.remove) set.push(`--remove affected.${id}`);
  return `npm run correct -- ${incident.id} "<why>" ${set.join(' ')}`;
}

/** The status an update's word names, refused when unknown, closing (that is `resolve`) or a Correction (that is `correct`). */
function updateStatus(word: string, id: string): UpdateStatus {
  const status = statusOfWord(word);
  if (!status) throw new UsageError(`unknown status '${word}'; ${suggest(word, Object.keys(STATUS_WORDS))}`);
  if (CLOSING_STATUSES.includes(status)) throw new UsageError(`to close it use: npm run resolve -- ${id} "<message>"`);
  if (status === 'correction') throw new UsageError(`a Correction changes figures and says so in one step: npm run correct -- ${id} "<why>" --set <field>=<value>`);
  return status;
}

/**
 * `npm run update`: adds a timeline entry at now or `--at` to the incident's
 * file, and makes the changes given (cause, level, start, a service's own
 * level and window, services added or removed) while it is open; or only the
 * changes, when no status is given.
 */
export function updateCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(UPDATE_SPEC, argv);
    if (!args) return helpText(UPDATE_SPEC);
    const { values, positionals } = args;
    const [id, word, ...rest] = positionals;
    const message = rest.join(' ').trim();
    if (!id) throw usageError(UPDATE_SPEC);
    if (word === undefined && !hasChanges(values) && args.languages.size === 0) throw usageError(UPDATE_SPEC, `say what to post to ${id}, or what to change`);
    const status = word === undefined ? undefined : updateStatus(word, id);
    if (status && !message) throw usageError(UPDATE_SPEC, `the ${statusWord(status)} update needs a message`);
    if (!status && values.at !== undefined) throw new UsageError('--at is the time of an update: give a status and a message too');
    const translatedMessage = [...args.languages].find(([, words]) => words.message !== undefined);
    if (!status && translatedMessage) throw new UsageError(`--message-${translatedMessage[0]} is an update's text in another language: give the status and the message too`);
    const workspace = await openWorkspace(env);
    const words = languageWords(args.languages, workspace.catalogs.site);
    const changes = readChanges(values, workspace);
    const file = await findIncident(workspace, id);
    const at = timeOption(values.at, workspace);
    const edited = await editIncident(workspace, file, (text, incident) => {
      if (status) {
        const allowed = STATUSES_BY_KIND[incident.kind].filter((candidate) => !CLOSING_STATUSES.includes(candidate));
        if (!allowed.includes(status)) {
          throw new UsageError(
            `'${statusWord(status)}' is not ${article(incident.kind)} ${incident.kind} status, and ${id} is ${article(incident.kind)} ${incident.kind}; use one of: ${allowed.map((candidate) => statusWord(candidate).toLowerCase()).join(', ')}`,
          );
        }
      }
      const changed = applyChanges(text, incident, changes, workspace);
      const next = status ? addUpdate(changed.text, { status, at, message, timeZone: workspace.catalogs.site.timeZone }) : changed.text;
      const translations = translatedUpdate(words, status && { status, at });
      return { text: next, updates: status ? 1 : 0, said: changed.said, verify: changed.verify, translations };
    });
    return editedLines('updated', file, edited);
  });
}

/**
 * `npm run resolve`: makes the changes given, as `update` does, then sets
 * `resolved` to now or `--at` and adds the closing update (Resolved;
 * Completed for maintenance). An incident that is resolved already is
 * refused: running it twice must not move the end.
 */
export function resolveCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(RESOLVE_SPEC, argv);
    if (!args) return helpText(RESOLVE_SPEC);
    const { values, positionals } = args;
    const [id, ...rest] = positionals;
    if (!id) throw usageError(RESOLVE_SPEC);
    const workspace = await openWorkspace(env);
    const zone = workspace.catalogs.site.timeZone;
    const words = languageWords(args.languages, workspace.catalogs.site);
    const changes = readChanges(values, workspace);
    const file = await findIncident(workspace, id);
    const at = timeOption(values.at, workspace);
    const given = rest.join(' ').trim();
    // The closing update is ours when the editor gives no message: then in every language the incident is written in.
    const translated = given ? [] : await translatedLocales(file, path.basename(file, '.md'), workspace.catalogs.site.languages);
    const edited = await editIncident(workspace, file, (text, incident) => {
      if (incident.resolved !== null || incident.updates.some((update) => CLOSING_STATUSES.includes(update.status))) {
        const when = incident.resolved === null ? '' : ` at ${formatWallTime(incident.resolved, zone)}`;
        const end = values.at === undefined ? TIME : `"${editorTime(at, zone)}"`;
        throw new UsageError(`${id} is resolved already${when}; nothing was written (to change when it ended: npm run correct -- ${id} "<why>" --set resolved=${end}, which adds a public Correction)`);
      }
      const changed = applyChanges(text, incident, changes, workspace);
      const closing = (locale: Locale) => messagesFor(locale).defaults.closing[incident.kind];
      const message = given || closing(workspace.catalogs.site.locale);
      const status = closingStatus(incident.kind);
      const next = addUpdate(setResolved(changed.text, at, zone), { status, at, message, timeZone: zone });
      const closingWords = given ? words : withDefaultMessages(words, translated, closing);
      return { text: next, updates: 1, said: changed.said, verify: changed.verify, translations: translatedUpdate(closingWords, { status, at }) };
    });
    return editedLines('resolved', file, edited);
  });
}

/**
 * `npm run postmortem`: starts the postmortem, or adds to it: text, open
 * follow-ups (`--action`), done ones (`--done`: ticks the open follow-up with
 * the same words, or the `--action` given with them, or adds a done one).
 * Words close to an open follow-up's but not the same are refused with that
 * follow-up: a typo would otherwise add a second one.
 */
export function postmortemCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(POSTMORTEM_SPEC, argv);
    if (!args) return helpText(POSTMORTEM_SPEC);
    const { values, positionals } = args;
    const [id, ...rest] = positionals;
    const prose = rest.join(' ').trim();
    const actions = values.action ?? [];
    const done = values.done ?? [];
    if (!id) throw usageError(POSTMORTEM_SPEC);
    if (!prose && actions.length === 0 && done.length === 0 && args.languages.size === 0) {
      throw usageError(POSTMORTEM_SPEC, `say what to write in the postmortem of ${id}: its text, --action or --done`);
    }
    const workspace = await openWorkspace(env);
    const words = languageWords(args.languages, workspace.catalogs.site);
    const file = await findIncident(workspace, id);
    const edited = await editIncident(workspace, file, (text, incident) => {
      const translations = words.map(({ locale, title, message }): TranslationChange => ({ locale, title, postmortem: message }));
      if (!prose && actions.length === 0 && done.length === 0) {
        if (!incident.postmortem && translations.some((words) => words.postmortem !== undefined)) {
          throw new UsageError(`${id} has no postmortem yet: write it in ${workspace.catalogs.site.locale} first (npm run postmortem -- ${id} "<text>"), with its translation beside it`);
        }
        return { text, updates: 0, said: [], translations };
      }
      const open = postmortemFollowUps(text);
      const add = actions.map((words) => ({ words, done: false }));
      const tick: string[] = [];
      for (const words of done) {
        const exact = open.find((candidate) => followUpKey(candidate) === followUpKey(words));
        const action = add.find((candidate) => followUpKey(candidate.words) === followUpKey(words));
        if (exact) {
          tick.push(exact);
          continue;
        }
        if (action) {
          action.done = true;
          continue;
        }
        const near = closestKnown(words, open);
        if (near) throw new UsageError(`no open follow-up reads '${words}'; did you mean '${near}'? (to add it as a new follow-up, done, give --action "${words}" --done "${words}")`);
        add.push({ words, done: true });
      }
      // The postmortem as written in the file: the site's first language (translations are files of their own).
      const first = workspace.catalogs.site.locale;
      const before = incident.postmortem?.[first]?.actions ?? [];
      const next = addToPostmortem(text, { text: prose || undefined, add, tick });
      const verify = (after: Incident) => {
        const actionsNow = after.postmortem?.[first]?.actions ?? [];
        if (!after.postmortem?.[first]) return 'the postmortem';
        if (actionsNow.length !== before.length + add.length) return 'the follow-ups';
        const doneNow = actionsNow.filter((action) => action.done).length;
        if (doneNow !== before.filter((action) => action.done).length + tick.length + add.filter((entry) => entry.done).length) return 'the follow-ups';
        return undefined;
      };
      const parts = [
        incident.postmortem ? (prose ? 'added text' : '') : 'started it',
        add.length > 0 ? `added ${add.length} follow-up${add.length === 1 ? '' : 's'}` : '',
        ...tick.map((words) => `ticked '${words}'`),
      ].filter(Boolean);
      return { text: next, updates: 0, said: parts, verify, translations };
    });
    const original = edited.original ? [`wrote the postmortem of ${displayPath(file)} (${edited.said.join('; ')})`] : [];
    return [...original, ...edited.translations].join('\n');
  });
}

/** What a change to an incident file makes: the new text, how many updates it adds, what it did in words, and a read-back check. */
export interface Edit {
  text: string;
  updates: number;
  said: string[];
  /** What the file read back does not say as asked (a field's name), or `undefined`. */
  verify?: (after: Incident) => string | undefined;
  /** Words for the incident's translations (`<id>.<lang>.md`), written in the same step. */
  translations?: readonly TranslationChange[];
}

/** What an edit wrote: what it did to the original, in words, and the translations it wrote or added to. */
export interface Edited {
  /** Whether the original changed (only its translation may). */
  original: boolean;
  said: string[];
  /** `wrote <path>` for a new translation, `updated <path>` for one added to. */
  translations: string[];
}

/**
 * Changes an incident file under its lock: reads it, makes `change` from its
 * text and what it holds, checks the result as the build would (exactly the
 * updates the change adds, what was asked read back, nothing else broken),
 * and replaces the file in one step. The translations the change has words
 * for are changed in the same step: each under its own lock too (taken
 * after the original's, as every command takes them), made from what it
 * holds now, and checked as the build reads it against the new original;
 * when the original or any translation would not pass, nothing is written.
 * Returns what the change did, in words, and the translations written.
 */
export async function editIncident(workspace: Workspace, file: string, change: (text: string, incident: Incident) => Edit): Promise<Edited> {
  const shown = displayPath(file);
  if (((await stat(file)).mode & 0o222) === 0) {
    throw new UsageError(`${shown} is read-only; make it writable (chmod u+w ${shown}) and run the command again; nothing was written`);
  }
  return withFileLock(file, async () => {
    const read = await readContentFile(file, workspace.root);
    if ('problem' in read) throw new UsageError(`${formatProblem(read.problem)}\nnothing was written`);
    const { text } = read;
    const { incident: current, problems } = resolveIncident({ path: shown, text }, workspace.catalogs, workspace.now);
    if (!current) {
      throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\n${shown} has problems: fix them first (npm run check lists them); nothing was written`);
    }
    const edit = change(text, current);
    const incident = checkIncident(workspace, file, edit.text);
    if (incident.updates.length !== current.updates.length + edit.updates) {
      throw new UsageError(`the text would add more to the timeline than ${edit.updates === 0 ? 'nothing' : 'one update'}; nothing was written`);
    }
    const wrong = edit.verify?.(incident);
    if (wrong !== undefined) {
      throw new UsageError(`${shown} is written in a way this command could not change ${wrong} in as asked; edit it by hand (npm run check checks it); nothing was written`);
    }
    const changes = await Promise.all((edit.translations ?? []).map(async (words) => ({ words, file: await translationFile(file, incident.id, words.locale) })));
    return withFileLocks(
      changes.map((each) => each.file),
      async () => {
        const writes: PendingWrite[] = [];
        for (const { words, file: translation } of changes) {
          const before = await readIfThere(translation, workspace.root);
          const next = translatedText(before, words, incident, workspace.catalogs.site);
          checkTranslation(translation, next, incident, words, workspace.catalogs.site);
          writes.push({ file: translation, text: next, before });
        }
        if (edit.text !== text) await replaceFile(file, edit.text, text);
        return { original: edit.text !== text, said: edit.said, translations: await writeTranslations(writes, edit.text !== text ? shown : undefined) };
      },
    );
  });
}

/** A translation checked and ready to write: its new text, and what it holds now (`undefined`: not there yet). */
interface PendingWrite {
  file: string;
  text: string;
  before: string | undefined;
}

/** Runs `action` holding the lock of every file in `files`, taken one after another in name order. */
function withFileLocks<T>(files: readonly string[], action: () => Promise<T>): Promise<T> {
  const [first, ...rest] = [...files].sort();
  return first === undefined ? action() : withFileLock(first, () => withFileLocks(rest, action));
}

/**
 * The text of content file `file` as the reader reads it, or `undefined` when
 * there is no such file; a file that cannot be read, or is read-only (as the
 * original would be), is refused.
 */
async function readIfThere(file: string, root: string): Promise<string | undefined> {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!found) return undefined;
  const shown = displayPath(file);
  if ((found.mode & 0o222) === 0) throw new UsageError(`${shown} is read-only; make it writable (chmod u+w ${shown}) and run the command again; nothing was written`);
  const read = await readContentFile(file, root);
  if ('problem' in read) throw new UsageError(`${formatProblem(read.problem)}\nnothing was written`);
  return read.text;
}

/**
 * Writes checked translations, each in one step (a new one never over a
 * file made meanwhile, one that is there only if it still holds what it
 * was made from), after the original (`original`, when it was written).
 * Every check is made before the first write, so only a file another
 * program changed meanwhile can stop one: the message then says what was
 * written. Returns a line per file written.
 */
async function writeTranslations(writes: readonly PendingWrite[], original: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  for (const write of writes) {
    const shown = displayPath(write.file);
    try {
      if (write.before !== undefined) await replaceFile(write.file, write.text, write.before);
      else if (!(await createFile(write.file, write.text))) throw new WriteRefused(`${shown} was made while this command ran`);
    } catch (error) {
      const done = [original, ...lines.map((line) => line.replace(/^\w+ /, ''))].filter(Boolean);
      if (!(error instanceof WriteRefused) || done.length === 0) throw error;
      throw new WriteRefused(`${error.message.replace(/; nothing was written.*$/, '')}: its words were not written, but ${done.join(' and ')} ${done.length === 1 ? 'was' : 'were'}; add them to ${shown} by hand (npm run translate lists what is missing)`);
    }
    lines.push(`${write.before === undefined ? 'wrote' : 'updated'} ${shown}`);
  }
  return lines;
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
 * would, without building (`argv`: only `--help`). Lists every problem, one `path:line: what; fix`
 * each, and exits 1 on any.
 */
export function checkCommand(env: Environment, argv: string[] = []): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(CHECK_SPEC, argv);
    if (!args) return helpText(CHECK_SPEC);
    if (args.positionals.length > 0) throw usageError(CHECK_SPEC, `check takes no folder: set STATUS_CONTENT_DIR=${args.positionals[0]}`);
    const { values } = args;
    const dir = contentDir(env);
    const now = nowFromEnvironment(env);
    const started = performance.now();
    const files = await readContentFiles(dir);
    // Through the build's content cache: what did not change since the last check or build is not parsed again.
    const cache = openContentCache(cacheDir(env));
    const { content, problems } = resolveContent(files, now, cache);
    if (problems.length === 0) cache.save();
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
