/**
 * Reads the fields of one YAML mapping, reporting each mistake with its line
 * and a fix. Every reader returns `undefined` for a missing or wrong value, so
 * a caller can go on and find the next mistake in the same run.
 */
import { EARLIEST_YEAR, readTime, type Instant } from '../core/time.ts';
import { LOCALES, type Locale, type Localized } from '../core/types.ts';
import { BIDI, CONTROL, LINE_BREAK, LONE_SURROGATE } from './characters.ts';
import { suggest, type ContentProblem } from './problems.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

const TIME_FORMAT = 'write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset';

/** How to fix a time before 1970, wherever it is written (a field, an update heading). */
export const EARLY_FIX = 'check the year and the offset: it is likely a typo (times start at 1970-01-01 00:00 UTC)';

/** The words for a time before 1970, as readTime's `early` names it: `in the year 0026, before 1970`. */
export function tooEarly(early: string): string {
  return `${early.startsWith('the year') ? `in ${early}` : early}, before ${EARLIEST_YEAR}`;
}

/**
 * Describes a value for an error message: strings quoted, others as JSON
 * shows them; long ones cut. Any value at all, as an import reads it: one
 * nested too deeply for JSON.stringify, or circular, is said to be so.
 */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : json(value) ?? String(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return typeof value === 'string' ? `'${short}'` : short;
}

/** `value` as JSON, `undefined` for what JSON cannot hold, or a few words for a value nested too deeply to write. */
function json(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? '[a list too deeply nested or circular to show]' : '{a value too deeply nested or circular to show}';
  }
}

/**
 * The longest text each kind of field may hold, in characters. Text lands in
 * page titles, feeds, badges and the calendar: a 5 MB title would make a
 * 15 MB page.
 */
export const TEXT_LIMITS = {
  /** An incident's title. */
  title: 200,
  /** The site's title, service names and groups, policy and tier names, support labels. */
  name: 100,
  /** The site's and a service's description. */
  description: 500,
} as const;

/** What an incident file may hold below its front matter, in characters. */
export const BODY_LIMIT = 100_000;

/** How deep lists and block quotes may nest in Markdown (the renderer's time grows steeply with depth). */
export const NESTING_LIMIT = 32;

export type TextKind = keyof typeof TEXT_LIMITS;

// Characters no content may hold (CONTROL, LONE_SURROGATE), bidi controls and
// line breaks: defined in characters.ts, beside what messages escape.

/** `U+XXXX` of the character at the start of `text`. */
function codePoint(text: string): string {
  return `U+${text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a text, and how to fix it. */
export interface TextFault {
  /** Words after the field's name: "holds a control character (U+0001)". */
  fault: string;
  fix: string;
}

const DELETE_INVISIBLE = 'delete it: it is invisible, and breaks feeds and badges';
const DELETE_BIDI = 'delete it: it can reorder the text around it, and right-to-left letters need none';

/** The first character of `text` no content may hold, in words, or `undefined`. `bidi`: bidi controls count too. */
function characterFault(text: string, bidi: boolean): TextFault | undefined {
  // isWellFormed is the fast test for unpaired surrogates; the pattern only says where one is.
  const control = CONTROL.exec(text) ?? ((text as { isWellFormed(): boolean }).isWellFormed() ? null : LONE_SURROGATE.exec(text));
  if (control) {
    // Lone surrogates and U+FFFE/U+FFFF are not controls, but no text may hold them either.
    const what = /[\u0000-\u009F]/.test(control[0]) ? 'a control character' : 'an invalid character';
    return { fault: `${what} (${codePoint(control[0])})`, fix: DELETE_INVISIBLE };
  }
  const mark = bidi ? BIDI.exec(text) : null;
  if (mark) return { fault: `a bidi control character (${codePoint(mark[0])})`, fix: DELETE_BIDI };
  return undefined;
}

/**
 * What makes `text` unfit for a field of `kind`, or `undefined` when it is
 * fine. The one rule for text fields: no control characters, no bidi
 * controls, one line (a description may break lines), and at most
 * TEXT_LIMITS[kind] characters. A field without a kind (ids, times, links)
 * gets the character rules only.
 */
export function textFault(text: string, kind?: TextKind): TextFault | undefined {
  const character = characterFault(text, true);
  if (character) return { fault: `holds ${character.fault}`, fix: character.fix };
  if (kind === undefined) return undefined;
  if (kind !== 'description' ? LINE_BREAK.test(text) : /[\r\u2028\u2029]/.test(text)) return { fault: 'holds a line break or a tab', fix: 'write it on one line' };
  const length = text.length > TEXT_LIMITS[kind] ? [...text].length : text.length;
  if (length > TEXT_LIMITS[kind]) return { fault: `is ${length.toLocaleString('en')} characters long, more than ${TEXT_LIMITS[kind]}`, fix: 'shorten it' };
  return undefined;
}

/**
 * Characters no content may hold in the text of a whole file (YAML, or an
 * incident's Markdown), one problem per line that has any. `bidi`: bidi
 * controls are refused too (in YAML, where names and titles never need them;
 * Markdown keeps them, as free text in right-to-left languages does).
 */
export function characterProblems(file: string, text: string, firstLine: number, options: { bidi: boolean }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Nearly every file is clean: one scan of the whole text, lines only when something is found.
  if (characterFault(text, options.bidi) === undefined) return problems;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const found = characterFault(line, options.bidi);
    if (found) problems.push({ file, line: firstLine + index, message: `${found.fault} on this line`, fix: found.fix });
  });
  return problems;
}

/** Leading list markers, quote markers and indentation of a Markdown line. */
const BLOCK_PREFIX = /^(?:[ \t>]|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;

/**
 * What an incident's Markdown body may not be: longer than BODY_LIMIT, with
 * control characters, or nested deeper than NESTING_LIMIT (each `>` or list
 * marker is a level, and each four columns of indentation before the first).
 * Checked before the body is parsed: a 5,000-deep quote overflows the
 * parser's stack.
 */
export function bodyProblems(file: string, body: string, firstLine: number): ContentProblem[] {
  // UTF-16 units are at least as many as characters: count characters only when it could matter.
  const length = body.length > BODY_LIMIT ? [...body].length : body.length;
  if (length > BODY_LIMIT) {
    return [{ file, line: firstLine, message: `the text below the front matter is ${length.toLocaleString('en')} characters long, more than ${BODY_LIMIT.toLocaleString('en')}`, fix: 'shorten it, or link to a longer document' }];
  }
  const problems = characterProblems(file, body, firstLine, { bidi: false });
  // A line nested deeper than the limit starts with more than NESTING_LIMIT marker or indentation characters.
  if (!new RegExp(`^[ \\t>*+\\-\\d.)]{${NESTING_LIMIT + 1}}`, 'm').test(body)) return problems;
  body.split(/\r\n|\r|\n/).forEach((line, index) => {
    const prefix = BLOCK_PREFIX.exec(line)![0];
    const markers = prefix.replace(/[ \t]/g, '').replace(/\d+(?=[.)])/g, '').length;
    const indent = /^[ \t]*/.exec(prefix)![0].replace(/\t/g, '    ').length;
    const depth = markers + Math.floor(indent / 4);
    if (depth > NESTING_LIMIT) {
      problems.push({ file, line: firstLine + index, message: `this line nests lists or quotes ${depth} levels deep, more than ${NESTING_LIMIT}`, fix: 'flatten the list or quote' });
    }
  });
  return problems;
}

/**
 * Whether `text` is an absolute http(s) address as browsers read it (the
 * WHATWG URL parser), with a host, no white space, and no user name or
 * password: what a link an editor gives to visitors must be.
 */
export function isAbsoluteHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/\\\s]/i.test(text) || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export class Fields {
  readonly source: YamlSource;
  readonly path: YamlPath;
  readonly record: Record<string, unknown>;
  readonly problems: ContentProblem[];

  private constructor(source: YamlSource, path: YamlPath, record: Record<string, unknown>, problems: ContentProblem[]) {
    this.source = source;
    this.path = path;
    this.record = record;
    this.problems = problems;
  }

  /**
   * Reads the mapping at `path`; reports and returns `undefined` when the value
   * there is not a mapping. `what` names it in the message ("the front matter").
   */
  static at(source: YamlSource, path: YamlPath, value: unknown, problems: ContentProblem[], what: string): Fields | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return new Fields(source, path, value as Record<string, unknown>, problems);
    }
    problems.push({
      file: source.file,
      line: source.lineOf(path),
      message: `${what} is ${value === null || value === undefined ? 'empty' : `not a mapping of keys to values (found ${shown(value)})`}`,
      fix: 'write it as `key: value` lines',
    });
    return undefined;
  }

  /** The line of `key`, or of this mapping when the key is missing. */
  lineOf(key?: string | number): number {
    return this.source.lineOf(key === undefined ? this.path : [...this.path, key]);
  }

  /** Adds a problem at the line of `key`. */
  report(key: string | number | undefined, message: string, fix: string): undefined {
    this.problems.push({ file: this.source.file, line: this.lineOf(key), message, fix });
    return undefined;
  }

  has(key: string): boolean {
    return this.record[key] !== undefined && this.record[key] !== null;
  }

  /**
   * The value at `key`, or `undefined` when it is missing (reported when
   * `required`) or written with nothing after the colon (always reported: an
   * empty value never silently becomes the default).
   */
  private given(key: string, required: boolean, missingFix: string): unknown {
    const value = this.record[key];
    if (value === undefined) return required ? this.report(key, `'${key}' is missing`, missingFix) : undefined;
    if (value === null || value === '') {
      return this.report(key, `'${key}' is empty`, required ? `write its value after the colon` : 'write its value after the colon, or remove the line to use the default');
    }
    return value;
  }

  /** Reports every key not in `known`, with the closest known key. */
  allowOnly(known: readonly string[], where: string): void {
    for (const key of Object.keys(this.record)) {
      if (!known.includes(key)) this.report(key, `unknown field '${key}' in ${where}`, suggest(key, known));
    }
  }

  /**
   * A non-empty string; a number or boolean is taken as written. With a
   * `kind`, the text rules of that kind apply (see `textFault`); without,
   * the character rules only.
   */
  string(key: string, required: boolean, kind?: TextKind): string | undefined {
    const value = this.given(key, required, `add a line \`${key}: …\``);
    if (value === undefined) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') return this.report(key, `'${key}' should be text, found ${shown(value)}`, 'write it on one line after the colon');
    const text = value.trim();
    const found = textFault(text, kind);
    return found === undefined ? text : this.report(key, `'${key}' ${found.fault}`, found.fix);
  }

  /**
   * Text in the site's languages (`languages`, the first first): a plain
   * string is the text of every language; a mapping by language (`{zh-CN:
   * 灵云状态, en: Nimbus Cloud Status}`) must have the first language, and
   * may leave others out (they fall back to the first, shown as not yet
   * translated). Each text follows the rules of `kind`, as `string` does.
   */
  localized(key: string, required: boolean, kind: TextKind, languages: readonly Locale[]): Localized | undefined {
    const value = this.record[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const text = this.string(key, required, kind);
      return text === undefined ? undefined : Object.fromEntries(languages.map((language) => [language, text]));
    }
    const texts = Fields.at(this.source, [...this.path, key], value, this.problems, `'${key}'`)!;
    const first = languages[0]!;
    const localized: Partial<Record<Locale, string>> = {};
    for (const tag of Object.keys(texts.record)) {
      const language = languages.find((candidate) => candidate.toLowerCase() === tag.toLowerCase());
      if (language === undefined) {
        const known = LOCALES.find((candidate) => candidate.toLowerCase() === tag.toLowerCase());
        texts.report(
          tag,
          known ? `'${key}' has text in '${tag}', which site.yaml does not list in 'languages'` : `'${key}' has text in '${tag}', which is not a language the site can be published in`,
          known ? `add ${known} to 'languages' in site.yaml, or remove this line` : `write it for ${languages.map((language) => `'${language}'`).join(' or ')}`,
        );
        continue;
      }
      if (localized[language] !== undefined) {
        texts.report(tag, `'${key}' has two texts in '${language}'`, 'keep one');
        continue;
      }
      const text = texts.string(tag, true, kind);
      if (text !== undefined) localized[language] = text;
    }
    if (localized[first] === undefined && !Object.keys(texts.record).some((tag) => tag.toLowerCase() === first.toLowerCase())) {
      return this.report(key, `'${key}' has no text in '${first}', the site's first language`, `add a line '${first}: …' under '${key}': every other language falls back to it`);
    }
    return localized[first] === undefined ? undefined : localized;
  }

  /** A finite number within `[min, max]`; `integer` asks for a whole number. */
  number(key: string, options: { min: number; max: number; integer?: boolean; required?: boolean }): number | undefined {
    const value = this.given(key, options.required ?? false, `add a line \`${key}: <number>\``);
    if (value === undefined) return undefined;
    const range = `a ${options.integer ? 'whole number' : 'number'} from ${options.min} to ${options.max}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) {
      return this.report(key, `'${key}' should be ${range}, found ${shown(value)}`, `write ${range} without quotes or a % sign`);
    }
    if (value < options.min || value > options.max) {
      return this.report(key, `'${key}' is ${value}, outside ${options.min} to ${options.max}`, `use ${range}`);
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.given(key, false, '');
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    return this.report(key, `'${key}' should be true or false, found ${shown(value)}`, 'write true or false');
  }

  /** One of `allowed`, compared without case. */
  oneOf<T extends string>(key: string, allowed: readonly T[], what: string, required = false): T | undefined {
    const value = this.string(key, required);
    if (value === undefined) return undefined;
    const match = allowed.find((candidate) => candidate === value.toLowerCase());
    return match ?? this.report(key, `unknown ${what} ${shown(value)}`, suggest(value, allowed));
  }

  /** A time, read in `timeZone` when it has no offset. */
  time(key: string, timeZone: string, required = false): Instant | undefined {
    const value = this.string(key, required);
    if (value === undefined) return undefined;
    const reading = readTime(value, timeZone);
    if ('instant' in reading) return reading.instant;
    // Say a time is before 1970 rather than "not a valid time".
    if ('early' in reading) return this.report(key, `'${key}' is ${tooEarly(reading.early)}`, EARLY_FIX);
    return this.report(key, `'${key}' is not a valid time: ${shown(value)}`, TIME_FORMAT);
  }

  /** A list; a missing key gives `undefined` (reported when `required`). */
  list(key: string, required = false): unknown[] | undefined {
    const value = this.given(key, required, `add '${key}:' with one '- ' line per entry`);
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    return this.report(key, `'${key}' should be a list, found ${shown(value)}`, `put each entry on its own '- ' line under '${key}:'`);
  }

  /** The mapping under `key`, or `undefined` (reported when `required` or not a mapping). */
  child(key: string, required = false): Fields | undefined {
    const value = this.given(key, required, `add '${key}:' with its fields indented below`);
    if (value === undefined) return undefined;
    return Fields.at(this.source, [...this.path, key], value, this.problems, `'${key}'`);
  }
}

export { TIME_FORMAT };
