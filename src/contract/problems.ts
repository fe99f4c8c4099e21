/**
 * Editor mistakes, each reported as `path:line: what is wrong; how to fix it`.
 */
import { closest, distance } from 'fastest-levenshtein';
import { UNPRINTABLE } from './characters.ts';

/** One mistake in one content file. */
export interface ContentProblem {
  file: string;
  line: number;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/**
 * Text for one line of a terminal: unprintable characters (controls, line
 * breaks, bidi controls, lone surrogates) as `\uXXXX`, at most `max`
 * characters. The one escaping for anything quoted from a file or a server,
 * so text is shown, never obeyed (no clear screen, no clipboard write).
 */
export function printable(text: string, max: number): string {
  const safe = text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/**
 * Formats a problem as `path:line: what is wrong; how to fix it`, always one
 * line: whatever a message quotes from content is shown, never obeyed.
 */
export function formatProblem(problem: ContentProblem): string {
  return `${printable(problem.file, 300)}:${problem.line}: ${printable(problem.message, 400)}; ${printable(problem.fix, 300)}`;
}

/** Orders problems by file, then line, so every run reports them the same way. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** Thrown when content has mistakes; the message lists every one, one per line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    super(
      `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in the content:\n${sorted.map(formatProblem).join('\n')}`,
    );
    this.name = 'ContentError';
    this.problems = sorted;
    // The lines say where every problem is; a stack into our own code would only add noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Returns the known value closest to `value` when it is close enough to be a
 * likely typo (at most a third of its letters differ), else `undefined`.
 */
export function closestKnown(value: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = known.map((candidate) => candidate.toLowerCase());
  const candidate = closest(value.toLowerCase(), lower);
  const near = distance(value.toLowerCase(), candidate) <= Math.max(2, Math.ceil(candidate.length / 3));
  return near ? known[lower.indexOf(candidate)] : undefined;
}

/** "did you mean 'x'?" when an id is close, else the closest known id: ids are too many to list. */
export function suggestId(value: string, known: readonly string[]): string {
  if (known.length === 0) return 'none are defined yet';
  const near = closestKnown(value, known);
  if (near) return `did you mean '${near}'?`;
  const lower = known.map((candidate) => candidate.toLowerCase());
  return `the closest known id is '${known[lower.indexOf(closest(value.toLowerCase(), lower))]}'`;
}

/** "did you mean 'x'?" when a known value is close, else a list of what is allowed. */
export function suggest(value: string, known: readonly string[]): string {
  const near = closestKnown(value, known);
  if (near) return `did you mean '${near}'?`;
  return known.length <= 12 ? `use one of: ${known.join(', ')}` : `use a known value`;
}
