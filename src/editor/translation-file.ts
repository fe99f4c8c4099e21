/**
 * An incident's translation as the editor commands write it: `<id>.<lang>.md`
 * beside the original, holding only words (read by
 * src/contract/read-translation.ts, the same reader the build uses).
 * `new`, `update`, `resolve`, `postmortem` and `correct` take the other
 * languages' words beside the first (`--title-en`, `--message-en`) and write
 * them here in the same step as the original; `translate` writes the
 * skeleton a translator fills in.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../contract/load-content.ts';
import { formatProblem, sortProblems, type ContentProblem } from '../contract/problems.ts';
import { readTranslation, translationName } from '../contract/read-translation.ts';
import { MINUTE_MS, type Instant } from '../core/time.ts';
import type { Incident, Locale, Site, UpdateStatus } from '../core/types.ts';
import { UsageError } from './editor-cli.ts';
import { addToPostmortem, addUpdate, setField, yamlScalar } from './incident-file.ts';

/** The words a command was given for one of the site's other languages. */
export interface LanguageWords {
  locale: Locale;
  title?: string;
  message?: string;
}

/**
 * The per-language options a command was given (by lowercase tag, then by
 * option name, as parseCommand reads them), each language found among
 * site.yaml's `languages` whatever the case of its tag. A language the site
 * does not list, or its first language (whose words are the command's own
 * arguments), is a one-line UsageError naming the option.
 */
export function languageWords(given: ReadonlyMap<string, Readonly<Record<string, string>>>, site: Pick<Site, 'locale' | 'languages'>): LanguageWords[] {
  const words: LanguageWords[] = [];
  for (const [tag, options] of given) {
    const option = `--${Object.keys(options)[0]}-${tag}`;
    const locale = site.languages.find((language) => language.toLowerCase() === tag);
    if (site.locale.toLowerCase() === tag) {
      const others = site.languages.length > 0 ? `; --<option>-<lang> is for the other languages: ${site.languages.join(', ')}` : '';
      throw new UsageError(`${option}: ${site.locale} is the site's first language, whose words the command takes as usual (the title, the message), without a language${others}`);
    }
    if (!locale) {
      throw new UsageError(
        site.languages.length === 0
          ? `${option}: the site has one language, ${site.locale} (site.yaml lists no 'languages'); to publish in ${tag} too, add 'languages: [${tag}]' to site.yaml`
          : `${option}: '${tag}' is not one of the site's languages (site.yaml 'languages': ${site.languages.join(', ')}); use one of those`,
      );
    }
    for (const [name, value] of Object.entries(options)) {
      if (value.trim() === '') throw new UsageError(`--${name}-${tag} is empty; give the words in ${locale}, or leave it out`);
    }
    words.push({ locale, ...options });
  }
  return words;
}

/** The translation files beside `original` (incident `id`) by language, whatever the case of their tags (`x.EN.md`). A folder not made yet has none. */
async function translationsBeside(original: string, id: string): Promise<Map<Locale, string>> {
  const names = await readdir(path.dirname(original)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const found = new Map<Locale, string>();
  for (const name of names) {
    const translation = translationName(name);
    if (translation?.id === id && translation.locale && !found.has(translation.locale)) found.set(translation.locale, name);
  }
  return found;
}

/** The translation file of `original` (incident `id`) into `locale`: the one beside it, or the name a new one gets (`x.en.md`). */
export async function translationFile(original: string, id: string, locale: Locale): Promise<string> {
  const existing = (await translationsBeside(original, id)).get(locale);
  return path.join(path.dirname(original), existing ?? `${id}.${locale}.md`);
}

/** The languages among `languages` (site.yaml's) that incident `id` has a translation file in beside `original`. */
export async function translatedLocales(original: string, id: string, languages: readonly Locale[]): Promise<Locale[]> {
  const existing = await translationsBeside(original, id);
  return languages.filter((locale) => existing.has(locale));
}

/**
 * The start of a new translation of `original` (its file name) into
 * `locale`: a comment saying what the file is, and the title, translated
 * when given, else empty (not translated yet) with the original's beside it
 * as a comment.
 */
export function translationHead(locale: Locale, original: string, originalTitle: string, title?: string): string {
  const written = title === undefined ? `"" # ${originalTitle.replace(/\s+/g, ' ')}` : yamlScalar(title.trim(), 'the title');
  return `---\n# The ${locale} translation of ${original}: only words. Leave a heading's text empty until it is translated.\ntitle: ${written}\n---\n`;
}

/** What a command adds to one translation: its title, an update's words, the postmortem's text. */
export interface TranslationChange {
  locale: Locale;
  title?: string;
  /** The words of the original's update with this status and instant. */
  update?: { status: UpdateStatus; at: Instant; message: string };
  postmortem?: string;
}

/**
 * The text of a translation after `change`: a new file when there is none
 * (`before` undefined), else `before` with the title set, the update's
 * heading (in `locale`'s words, `## Identified` or `## 已确认`) added as the
 * newest, and the postmortem's text added. Everything else stays as it was,
 * each line's own line end included, as in the original.
 */
export function translatedText(before: string | undefined, change: TranslationChange, original: Incident, site: Pick<Site, 'locale' | 'timeZone'>): string {
  const { locale } = change;
  const head = translationHead(locale, path.basename(original.path), original.title[site.locale] ?? '', change.title);
  let text = before ?? head;
  if (before !== undefined && change.title !== undefined) text = setField(text, 'title', yamlScalar(change.title.trim(), 'the title'));
  if (change.update) text = addUpdate(text, { ...change.update, timeZone: site.timeZone, locale });
  if (change.postmortem !== undefined) text = addToPostmortem(text, { text: change.postmortem, locale });
  // A new file has a blank line after its front matter, as the original and the skeleton have.
  return before === undefined && text.length > head.length ? `${head}\n${text.slice(head.length)}` : text;
}

/**
 * Checks `text`, the translation in `file`, as the build reads it: by
 * readTranslation against `incident` (the original as it will be written),
 * which gains the translation's words. Then reads back that the words of
 * `change` landed where they belong. Throws UsageError with every problem
 * (`path:line: what; fix`) and that nothing was written.
 */
export function checkTranslation(file: string, text: string, incident: Incident, change: TranslationChange, site: Pick<Site, 'locale' | 'languages' | 'timeZone'>): void {
  const shown = displayPath(file);
  const name = translationName(file);
  const problems: ContentProblem[] = [];
  if (!name) throw new Error(`checkTranslation: ${file} is not named as a translation`);
  readTranslation(shown, text, name, {
    timeZone: site.timeZone,
    locale: site.locale,
    languages: site.languages,
    incidents: new Map([[incident.id, incident]]),
    ids: new Set([incident.id]),
    problems,
  });
  if (problems.length > 0) throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\nnothing was written`);
  const { locale } = change;
  const missing = [
    change.title !== undefined && incident.title[locale] !== change.title.trim() && 'the title',
    change.update && !incident.updates.some((update) => update.status === change.update!.status && update.at === Math.floor(change.update!.at / MINUTE_MS) * MINUTE_MS && update.text[locale] !== undefined) && 'the update',
    change.postmortem !== undefined && incident.postmortem?.[locale] === undefined && 'the postmortem',
  ].filter((what): what is string => typeof what === 'string');
  if (missing.length > 0) {
    throw new UsageError(`${shown} is written in a way this command could not add ${missing.join(' and ')} to as asked; edit it by hand (npm run check checks it); nothing was written`);
  }
}
