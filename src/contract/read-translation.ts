/**
 * An incident's translation: `<id>.<lang>.md` beside the original, holding
 * only words. Its front matter has only `title`; each `## <Status> — <time>`
 * heading translates the original's update with that status and instant (a
 * status in either language's words); the text before the first heading
 * translates the summary, `## Postmortem` the postmortem. Times, levels,
 * services and the cause are the original's alone, so every figure exists
 * once. What a translation leaves out is not translated yet, never an error:
 * in an outage the first language goes out first.
 */
import { formatWallTime, type Instant } from '../core/time.ts';
import { LOCALES, type Incident, type Locale, type Update } from '../core/types.ts';
import { closestKnown, type ContentProblem } from './problems.ts';
import { deviceNameProblem, readBody, splitIncidentFile } from './read-incident.ts';
import { statusWord } from './timeline.ts';

/** The fields a translation's front matter may hold: words only, never a figure. */
export const TRANSLATION_FIELDS = ['title'];

/** What a file name says of a translation: `x.en.md` is the English translation of `x`. */
export interface TranslationName {
  /** The original's id. */
  id: string;
  /** The language tag as the name writes it (`en`, `zh-cn`). */
  tag: string;
  /** The language the tag names, whatever its case; `undefined` when no site could be published in it. */
  locale: Locale | undefined;
}

/** `<id>.<tag>.md`, the tag shaped like a language tag (`en`, `zh-CN`, `pt-BR`). */
const TRANSLATION_NAME = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/i;

/** The translation a file name names, or `undefined` for an original (`x.md`). */
export function translationName(file: string): TranslationName | undefined {
  const match = TRANSLATION_NAME.exec(file.replace(/^.*[\\/]/, ''));
  if (!match) return undefined;
  const tag = match[2]!;
  return { id: match[1]!, tag, locale: LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase()) };
}

/** The folder part of a path, `''` for a bare name. */
function folderOf(file: string): string {
  return file.replace(/[\\/]?[^\\/]*$/, '');
}

/** What a translation is read against. */
export interface TranslationContext {
  /** The site's zone: offset-less heading times are read in it, as the original's are. */
  timeZone: string;
  /** The site's first language, and the others (site.yaml `languages`). */
  locale: Locale;
  languages: readonly Locale[];
  /** Every original read without a mistake, by id. */
  incidents: ReadonlyMap<string, Incident>;
  /** The ids of every original file, read well or not (a translation of a broken original is not checked again). */
  ids: ReadonlySet<string>;
  problems: ContentProblem[];
}

/**
 * Reads the translation in `file` into its original (whose `title`,
 * `summary`, updates' `text` and `postmortem` gain the language). Every
 * mistake is added to `context.problems`: a language the site does not list,
 * no original beside it, a front matter field other than `title`, a heading
 * that matches none of the original's updates (the message lists them), a
 * postmortem the original lacks.
 */
export function readTranslation(file: string, text: string, name: TranslationName, context: TranslationContext): void {
  const { problems } = context;
  const report = (line: number, message: string, fix: string) => void problems.push({ file, line, message, fix });
  const { id, tag, locale } = name;
  // As an original's: whatever else is wrong with it, Windows can hold no such file.
  const device = deviceNameProblem(file);
  if (device) problems.push(device);
  if (locale === context.locale) {
    return report(1, `a translation into '${locale}', the site's first language: the original is written in it`, 'move its words into the original file, and remove this one');
  }
  if (locale === undefined || !context.languages.includes(locale)) {
    const listed = context.languages.length > 0 ? `add ${locale ?? tag} to 'languages' in site.yaml` : `add 'languages: [${locale ?? tag}]' to site.yaml`;
    return report(1, `a translation into '${tag}', which site.yaml does not list in 'languages'`, locale === undefined ? `name it <id>.<language>.md with one of: ${context.languages.join(', ') || 'the languages site.yaml lists'}` : `${listed}, or remove the file`);
  }
  const original = context.incidents.get(id);
  if (!context.ids.has(id)) {
    const near = closestKnown(id, [...context.ids]);
    return report(1, `a translation of '${id}', which has no incident file`, `${near ? `did you mean '${near}'? ` : ''}a translation is named after its original: <id>.${tag}.md beside <id>.md`);
  }
  // The original has mistakes of its own (reported): its updates cannot be matched.
  if (!original) return;
  if (folderOf(original.path) !== folderOf(file)) {
    return report(1, `a translation of '${id}' away from its original (${original.path})`, 'move it into the same folder as the original');
  }

  const parts = splitIncidentFile(file, text, problems);
  if (!parts) return;
  let title: string | undefined;
  if (parts.fields) {
    for (const key of Object.keys(parts.fields.record)) {
      if (!TRANSLATION_FIELDS.includes(key)) {
        parts.fields.report(key, `'${key}' in a translation: times, levels, services and the cause are set in the original only`, `remove it; change it in ${original.path} if it is wrong`);
      }
    }
    // An empty title (as the skeleton writes it) is a title not translated yet.
    const given = parts.fields.record.title;
    if (given !== null && given !== undefined && given !== '') title = parts.fields.string('title', false, 'title');
  }
  const timeline = readBody(file, parts, context.timeZone, locale, problems);
  // A body that could not be read is reported: it has no headings to match.
  if (!timeline) return;
  const before = problems.length;
  const matched = matchUpdates(file, timeline.updates, original, context);
  if (timeline.postmortem && !original.postmortem) {
    report(timeline.postmortemLine ?? parts.bodyLine, `a postmortem, but ${original.path} has none`, "add '## Postmortem' to the original first, or remove it here");
  }
  if (problems.length > before) return;

  // Only words are added: nothing of the original changes.
  if (title !== undefined) original.title = { ...original.title, [locale]: title };
  if (timeline.summaryHtml !== '') original.summary = { ...original.summary, [locale]: timeline.summaryHtml };
  for (const [update, translated] of matched) {
    const prose = translated.text[locale]!;
    if (prose.markdown !== '') update.text = { ...update.text, [locale]: prose };
  }
  if (timeline.postmortem && original.postmortem && timeline.postmortem.markdown !== '') {
    original.postmortem = { ...original.postmortem, [locale]: timeline.postmortem };
  }
  original.translations = { ...original.translations, [locale]: file };
}

/**
 * Pairs each translated update with the original's update of the same status
 * and instant; of several such, in file order (the first heading with a
 * status and time translates the original's first). A heading that matches
 * none, or one already translated, is a problem.
 */
function matchUpdates(file: string, translated: readonly Update[], original: Incident, context: TranslationContext): Map<Update, Update> {
  const stamp = (instant: Instant) => formatWallTime(instant, context.timeZone, { offset: true });
  const pairs = new Map<Update, Update>();
  const originals = original.updates.toSorted((a, b) => a.line - b.line);
  const taken = new Map<Update, Update>();
  for (const update of translated.toSorted((a, b) => a.line - b.line)) {
    const same = originals.filter((candidate) => candidate.status === update.status && candidate.at === update.at);
    const free = same.find((candidate) => !taken.has(candidate));
    if (free) {
      taken.set(free, update);
      pairs.set(free, update);
      continue;
    }
    const heading = `'## ${statusWord(update.status)} — ${stamp(update.at)}'`;
    if (same.length > 0) {
      context.problems.push({ file, line: update.line, message: `a second translation of the ${statusWord(update.status)} update of ${stamp(update.at)} (the other is on line ${taken.get(same.at(-1)!)!.line})`, fix: 'keep one' });
      continue;
    }
    const list = originals.map((candidate) => `${statusWord(candidate.status)} — ${stamp(candidate.at)}`).join('; ');
    context.problems.push({
      file,
      line: update.line,
      message: `heading ${heading} matches no update of ${original.path}${list ? ` (it has: ${list})` : ' (it has none)'}`,
      fix: 'use the status and time of the update it translates, as the original writes them',
    });
  }
  return pairs;
}
