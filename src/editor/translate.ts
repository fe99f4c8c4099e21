/**
 * `npm run translate`: what is not translated yet, and the skeleton a
 * translator fills in. A translation is `<id>.<lang>.md` beside its original
 * (read by src/contract/read-translation.ts); the skeleton holds a heading
 * for each update still to translate, with nothing under it, so nothing is
 * published until a translator writes the words: an empty title or section
 * is "not translated yet", never placeholder text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, readContentFiles, resolveContent } from '../contract/load-content.ts';
import { lexMarkdown } from '../contract/markdown.ts';
import { formatProblem, sortProblems, type ContentProblem } from '../contract/problems.ts';
import { readBody, splitIncidentFile } from '../contract/read-incident.ts';
import { readTranslation, translationName } from '../contract/read-translation.ts';
import { postmortemWordIn, statusWordIn } from '../contract/timeline.ts';
import { translationGaps, type IncidentGap } from '../core/translation-gaps.ts';
import type { Incident, Locale, Update } from '../core/types.ts';
import { contentDir, nowFromEnvironment } from '../site/build-context.ts';
import { checkIncident, commandResult, findIncident, openWorkspace, UsageError, type CommandResult, type Environment, type Workspace } from './editor-cli.ts';
import { createFile, replaceFile, withFileLock } from './file-lock.ts';
import { editorTime } from './incident-file.ts';
import { translationFile, translationHead } from './translation-file.ts';
import { helpText, parseCommand, usageError, type CommandSpec } from './options.ts';

/** `npm run translate`, as its help shows it and its arguments are read. */
export const TRANSLATE_SPEC = {
  name: 'translate',
  summary: 'list what is not translated yet, or write the skeleton a translator fills in',
  usage: ['[--lang LANGUAGE]            lists what is not translated yet', '<id> [--lang LANGUAGE]       writes <id>.<language>.md beside the incident: a heading for each update to translate'],
  options: {
    lang: { type: 'string', value: 'LANGUAGE', help: "one of site.yaml's languages (needed when it lists more than one)" },
  },
  examples: ['npm run translate', 'npm run translate -- 2026-11-26-oss-hangzhou-upload-failures --lang en'],
  notes: [
    'A skeleton holds a heading for each update still to translate, with nothing under it: nothing is published until a translator writes the words. Run it again after new updates: it adds the headings the translation lacks, and leaves the words written.',
    'An editor who writes both languages gives the other words in the same command instead: --title-<lang> and --message-<lang> on new, update, resolve, postmortem and correct.',
  ],
} as const satisfies CommandSpec;

/** The language a `--lang` names among the site's others; the only other one when left out. */
function otherLanguage(given: string | undefined, languages: readonly Locale[]): Locale {
  if (languages.length === 0) throw new UsageError("the site has one language: add 'languages: [en]' (or another) to site.yaml to translate into it");
  if (given === undefined) {
    if (languages.length === 1) return languages[0]!;
    throw new UsageError(`the site has several other languages (${languages.join(', ')}): choose one with --lang`);
  }
  const locale = languages.find((language) => language.toLowerCase() === given.toLowerCase());
  if (!locale) throw new UsageError(`--lang '${given}' is not one of the site's other languages (${languages.join(', ') || 'none'})`);
  return locale;
}

/** One incident's gap as a line: `<id>  <path>: title, summary, 2 of 5 updates`. */
function gapLine(gap: IncidentGap): string {
  const parts: string[] = [...gap.words];
  if (gap.updates.length > 0) parts.push(`${gap.updates.length} of ${gap.incident.updates.length} update${gap.incident.updates.length === 1 ? '' : 's'}`);
  return `  ${gap.incident.id}  (${gap.incident.path}): ${parts.join(', ')}`;
}

/** `npm run translate`: see TRANSLATE_SPEC. */
export function translateCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(TRANSLATE_SPEC, argv);
    if (!args) return helpText(TRANSLATE_SPEC);
    const { values, positionals } = args;
    if (positionals.length > 1) throw usageError(TRANSLATE_SPEC, 'give one id');
    return positionals.length === 0 ? listGaps(values.lang, env) : writeSkeleton(positionals[0]!, values.lang, env);
  });
}

/** Every incident with anything not translated, per language (or the one `--lang` names), newest first. */
async function listGaps(lang: string | undefined, env: Environment): Promise<string> {
  const { content, problems } = resolveContent(await readContentFiles(contentDir(env)), nowFromEnvironment(env));
  if (problems.length > 0) throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\nfix these first (npm run check lists them)`);
  const languages = lang === undefined ? content.site.languages : [otherLanguage(lang, content.site.languages)];
  if (languages.length === 0) otherLanguage(undefined, languages);
  const newest = content.incidents.toSorted((a, b) => b.started - a.started || (a.id < b.id ? 1 : -1));
  return languages
    .map((locale) => {
      const gaps = translationGaps(newest, locale, content.site.locale);
      if (gaps.length === 0) return `${locale}: everything is translated`;
      return [`${locale}: ${gaps.length} incident${gaps.length === 1 ? '' : 's'} not fully translated, newest first:`, ...gaps.map(gapLine), `  write a skeleton to fill in: npm run translate -- <id> --lang ${locale}`].join('\n');
    })
    .join('\n');
}

/** The updates a translation text has a heading for (status and instant), as its reader reads them. */
function headingsIn(file: string, text: string, incident: Incident, zone: string, locale: Locale): { updates: Update[]; postmortem: boolean } {
  const problems: ContentProblem[] = [];
  const parts = splitIncidentFile(file, text, problems);
  if (!parts) return { updates: [], postmortem: false };
  const timeline = readBody(file, parts, zone, locale, problems);
  // A body Markdown cannot read (too long, too deep) cannot have headings put into it either: refused, never a crash.
  if (!timeline) throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\nnothing was written`);
  const updates = incident.updates.filter((update) => timeline.updates.some((other) => other.status === update.status && other.at === update.at));
  return { updates, postmortem: timeline.postmortemLine !== undefined };
}

/** `## <Status> — <time>` in `locale`'s words, with nothing under it. */
function emptyHeading(update: Update, zone: string, locale: Locale): string {
  return `## ${statusWordIn(update.status, locale)} — ${editorTime(update.at, zone)}\n\n`;
}

/**
 * `text` with `headings` before its first level-2 heading (after the
 * summary), found by the Markdown lexer so a heading inside a code block is
 * not taken for one; at the end when it has none.
 */
function insertHeadings(text: string, headings: string): string {
  const close = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[^\S\r\n]*(?:\r?\n|$)/.exec(text);
  const start = close ? close[0].length : 0;
  const body = text.slice(start);
  let offset = 0;
  for (const token of lexMarkdown(body)) {
    if (token.type === 'heading' && (token as { depth: number }).depth === 2) return text.slice(0, start + offset) + headings + text.slice(start + offset);
    offset += token.raw.length;
  }
  return `${text.replace(/\n*$/, '\n\n')}${headings}`;
}

/**
 * Writes the skeleton of incident `id`'s translation into `lang`, or adds to
 * an existing translation the headings it lacks (updates posted since, the
 * postmortem). Words already translated stay as they are; the result is
 * checked as the build reads it before anything is written.
 */
async function writeSkeleton(id: string, lang: string | undefined, env: Environment): Promise<string> {
  const workspace: Workspace = await openWorkspace(env);
  const { site } = workspace.catalogs;
  const locale = otherLanguage(lang, site.languages);
  const original = await findIncident(workspace, id);
  const incident = checkIncident(workspace, original, await readFile(original, 'utf8'));
  const file = await translationFile(original, id, locale);
  const zone = site.timeZone;
  return withFileLock(file, async () => {
    const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const has = before === undefined ? { updates: [], postmortem: false } : headingsIn(displayPath(file), before, incident, zone, locale);
    const missing = incident.updates.filter((update) => !has.updates.includes(update));
    const postmortem = incident.postmortem !== null && !has.postmortem;
    if (before !== undefined && missing.length === 0 && !postmortem) return `${displayPath(file)} has a heading for every update already: write the words under the empty ones`;
    const headings = missing.map((update) => emptyHeading(update, zone, locale)).join('');
    const ending = postmortem ? `## ${postmortemWordIn(locale)}\n` : '';
    const originalTitle = incident.title[site.locale]!;
    const text =
      before === undefined
        ? `${translationHead(locale, path.basename(original), originalTitle)}\n${headings}${ending}`
        : `${insertHeadings(before, headings)}${ending ? `${before.endsWith('\n') ? '' : '\n'}\n${ending}` : ''}`;
    // Checked as the build reads it: the headings must match the original's updates.
    const problems: ContentProblem[] = [];
    readTranslation(displayPath(file), text, translationName(file)!, {
      timeZone: zone,
      locale: site.locale,
      languages: site.languages,
      incidents: new Map([[id, incident]]),
      ids: new Set([id]),
      problems,
    });
    if (problems.length > 0) throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\nnothing was written`);
    if (before === undefined) await createFile(file, text);
    else await replaceFile(file, text, before);
    const originals = missing.map((update) => `  ${statusWordIn(update.status, locale)} — ${editorTime(update.at, zone)}: ${(update.text[site.locale]?.markdown ?? '').replace(/\s+/g, ' ').slice(0, 120)}`);
    return [
      `${before === undefined ? 'wrote' : 'added to'} ${displayPath(file)}: ${missing.length} heading${missing.length === 1 ? '' : 's'} to write under${postmortem ? ', and the postmortem' : ''}${before === undefined ? ', and the title' : ''}`,
      ...(before === undefined ? [`  title: ${originalTitle}`] : []),
      ...originals,
      'nothing shows on the site until words are written under a heading (or the title is filled in)',
    ].join('\n');
  });
}
