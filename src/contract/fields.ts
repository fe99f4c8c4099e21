/**
 * Reads the fields of one YAML mapping, reporting each mistake with its line
 * and a fix. Every reader returns `undefined` for a missing or wrong value, so
 * a caller can go on and find the next mistake in the same run.
 */
import { parseTime, type Instant } from '../core/time.ts';
import { suggest, type ContentProblem } from './problems.ts';
import type { YamlPath, YamlSource } from './yaml-source.ts';

const TIME_FORMAT = 'write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset';

/** Describes a value for an error message: strings quoted, others as YAML shows them. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
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

  /** A non-empty string; a number or boolean is taken as written. */
  string(key: string, required: boolean): string | undefined {
    const value = this.given(key, required, `add a line \`${key}: …\``);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.report(key, `'${key}' should be text, found ${shown(value)}`, 'write it on one line after the colon');
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
    return parseTime(value, timeZone) ?? this.report(key, `'${key}' is not a valid time: ${shown(value)}`, TIME_FORMAT);
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
