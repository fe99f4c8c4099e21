/**
 * Reads the project's own Markdown documents the way the documentation tests
 * need them: cut into sections by heading, with each section's tables and
 * text. marked (the same parser the site renders incidents with) does the
 * reading, so a table or a heading counts only where Markdown sees one.
 */
import { readFileSync } from 'node:fs';
import { Lexer, type Token, type Tokens } from 'marked';

/** One heading and what stands under it, up to the next heading of any level. */
export interface Section {
  /** The heading's words, backticks dropped: `site.yaml`, `support entries`. */
  title: string;
  depth: number;
  /** The titles of the headings this one stands under, outermost first, and its own. */
  path: string[];
  /** Its own tokens: what stands before the next heading. */
  tokens: Token[];
  /** Its own tokens and those of every section under it. */
  all: Token[];
}

/** A heading's words as the tests name it: backticks dropped, spaces folded. */
export function headingWords(text: string): string {
  return text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Every section of `markdown`, in document order. */
export function sectionsOf(markdown: string): Section[] {
  const sections: Section[] = [];
  const open: Section[] = [];
  for (const token of new Lexer({ gfm: true }).lex(markdown)) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      while (open.length > 0 && open.at(-1)!.depth >= heading.depth) open.pop();
      const title = headingWords(heading.text);
      const section: Section = { title, depth: heading.depth, path: [...open.map((parent) => parent.title), title], tokens: [], all: [] };
      sections.push(section);
      open.push(section);
      continue;
    }
    open.at(-1)?.tokens.push(token);
    for (const parent of open) parent.all.push(token);
  }
  return sections;
}

/** The Markdown file at `file` (relative to the repository), cut into sections. */
export function readSections(file: string): Section[] {
  return sectionsOf(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
}

/**
 * The section whose heading path ends with `path` (`['sla.yaml', 'tiers']`:
 * the `tiers` heading under `sla.yaml`). Throws when there is none or more
 * than one, so a renamed heading fails the test that looks for it.
 */
export function sectionAt(sections: readonly Section[], ...path: string[]): Section {
  const found = sections.filter((section) => section.path.length >= path.length && path.every((title, index) => section.path[section.path.length - path.length + index] === title));
  if (found.length !== 1) throw new Error(`${found.length === 0 ? 'no' : 'more than one'} section '${path.join(' › ')}' (headings: ${sections.map((section) => section.path.join(' › ')).join('; ')})`);
  return found[0]!;
}

/** The rows of every table among `tokens`, each as its cells' Markdown text. */
export function tableRows(tokens: readonly Token[]): string[][] {
  return tokens.filter((token): token is Tokens.Table => token.type === 'table').flatMap((table) => table.rows.map((row) => row.map((cell) => cell.text)));
}

/** The code spans in a cell's text: `` `title` `` gives `title`. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** The row of a table among `tokens` whose first cell's first code span is `name`; `undefined` when there is none. */
export function rowNamed(tokens: readonly Token[], name: string): string[] | undefined {
  return tableRows(tokens).find((row) => codeSpans(row[0] ?? '')[0] === name);
}

/** The plain text of `tokens`, tables included, for phrases a section must hold. */
export function textOf(tokens: readonly Token[]): string {
  return tokens.map((token) => token.raw).join('');
}
