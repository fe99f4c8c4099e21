/**
 * A file's text as lines that each keep their own line end, for edits that
 * must leave every untouched byte as it was. The reader sees a file with
 * `\r\n` and lone `\r` turned into `\n`; edits are made by offsets in that
 * same LF form, so a position the reader or the Markdown lexer finds is a
 * position here. A line an edit keeps keeps its own end; only a line an edit
 * adds takes the file's most common end.
 */

/** A value or an edit that cannot be written so that it reads back as given: the message says why. */
export class UnwritableText extends Error {}

/** One line and the end that followed it: `\n`, `\r\n`, `\r`, or `''` for the last. */
interface Line {
  text: string;
  end: string;
}

const LINE_END = /\r\n|\r|\n/g;

export class LineText {
  #lines: Line[] = [];
  #bom: string;
  /** The end added lines take: the file's most common one (`\n` for a file without any, and on a tie). */
  readonly newline: string;

  constructor(text: string) {
    this.#bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const body = text.slice(this.#bom.length);
    let start = 0;
    for (const match of body.matchAll(LINE_END)) {
      this.#lines.push({ text: body.slice(start, match.index), end: match[0] });
      start = match.index + match[0].length;
    }
    this.#lines.push({ text: body.slice(start), end: '' });
    const counts = new Map<string, number>();
    for (const line of this.#lines) if (line.end) counts.set(line.end, (counts.get(line.end) ?? 0) + 1);
    let newline = '\n';
    for (const [end, count] of counts) if (count > (counts.get(newline) ?? 0)) newline = end;
    this.newline = newline;
  }

  /** The text with every line end as `\n` and no byte order mark: what the reader and the lexer read. */
  get text(): string {
    return this.#lines.map((line) => line.text).join('\n');
  }

  /**
   * Replaces `[start, end)` of `text` with `insert` (lines separated by `\n`).
   * The end of each replaced line stays with the text it ended: the last
   * piece keeps the end of the last line touched, the pieces before it the
   * ends of the lines they replace; pieces beyond those are added lines.
   */
  replace(start: number, end: number, insert: string): void {
    if (insert.includes('\r')) throw new Error('LineText.replace takes text with \\n line ends only');
    const text = this.text;
    if (start < 0 || end < start || end > text.length) throw new RangeError(`cannot replace [${start}, ${end}) of ${text.length} characters`);
    const first = lineAt(text, start);
    const last = lineAt(text, end);
    const prefix = text.slice(first.start, start);
    const suffix = text.slice(end, last.start + this.#lines[last.index]!.text.length);
    const pieces = `${prefix}${insert}${suffix}`.split('\n');
    const replaced = last.index - first.index;
    const lines = pieces.map((piece, index): Line => ({
      text: piece,
      end: index === pieces.length - 1 ? this.#lines[last.index]!.end : index < replaced ? this.#lines[first.index + index]!.end : this.newline,
    }));
    this.#lines.splice(first.index, replaced + 1, ...lines);
  }

  /** The file's text, each line with its own end. */
  toString(): string {
    return this.#bom + this.#lines.map((line) => line.text + line.end).join('');
  }
}

/** The line of `text` that `offset` lies on (an offset just after a `\n` is on the next line), and where it starts. */
function lineAt(text: string, offset: number): { index: number; start: number } {
  let index = 0;
  let start = 0;
  for (let next = text.indexOf('\n'); next !== -1 && next < offset; next = text.indexOf('\n', next + 1)) {
    index++;
    start = next + 1;
  }
  return { index, start };
}
