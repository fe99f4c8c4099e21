/**
 * The documents users read send them only to what exists: every relative
 * link and image in README.md and docs/ points to a file of the repository,
 * and every `#anchor` to a heading of its target as GitHub names it
 * (github-slugger, GitHub's own algorithm). No user-facing file refers to
 * the team's design document, which is not shipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The documents users read: README.md and every Markdown file under docs/. */
const DOCUMENTS = ['README.md', ...markdownUnder('docs')];

/** Markdown files under `folder` (relative to the repository), at any depth. */
function markdownUnder(folder: string): string[] {
  return filesUnder(folder).filter((file) => file.endsWith('.md'));
}

/** Every file under `folder` (relative to the repository), at any depth; none when it is missing. */
function filesUnder(folder: string): string[] {
  const full = path.join(ROOT, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .filter((file) => statSync(path.join(ROOT, file)).isFile());
}

/** Every token of a document, tables' cells and list items included, depth first. */
function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) yield* walk(cell.tokens);
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) yield* walk(item.tokens);
    } else if ('tokens' in token && Array.isArray(token.tokens)) {
      yield* walk(token.tokens);
    }
  }
}

/** A heading's text as GitHub renders it, before slugging: code spans and links as their words. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return plainText(token.tokens);
      return 'text' in token ? String(token.text) : '';
    })
    .join('');
}

const lexed = new Map<string, Token[]>();
/** The tokens of the Markdown file `file` (relative to the repository). */
function tokensOf(file: string): Token[] {
  if (!lexed.has(file)) lexed.set(file, new Lexer({ gfm: true }).lex(readFileSync(path.join(ROOT, file), 'utf8')));
  return lexed.get(file)!;
}

/** The anchors GitHub gives the headings of `file`, duplicates numbered as it numbers them. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const token of tokensOf(file)) if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  return anchors;
}

/** Every link and image address in `file`: Markdown links and images, and `href`/`src` in HTML. */
function linksOf(file: string): string[] {
  const links: string[] = [];
  for (const token of walk(tokensOf(file))) {
    if (token.type === 'link' || token.type === 'image') links.push((token as Tokens.Link).href);
    if (token.type === 'html') for (const match of (token as Tokens.HTML).raw.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push(match[1]!);
  }
  return links;
}

/** What is wrong with `link` in `file`, or `undefined` when it leads somewhere. Absolute addresses are not followed. */
function brokenLink(file: string, link: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return undefined;
  const [target, anchor] = link.split('#') as [string, string | undefined];
  const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(target)));
  if (resolved.startsWith('..') || !existsSync(path.join(ROOT, resolved))) return `${link}: no file ${resolved}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!resolved.endsWith('.md')) return `${link}: an anchor into a file that is not Markdown`;
  if (!anchorsOf(resolved).has(decodeURIComponent(anchor))) return `${link}: ${resolved} has no heading '#${anchor}' (it has: ${[...anchorsOf(resolved)].join(', ')})`;
  return undefined;
}

describe("the documents' links", () => {
  it('finds the documents: README.md and docs/', () => {
    expect(DOCUMENTS).toContain('README.md');
    expect(DOCUMENTS).toContain('docs/content.md');
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (file) => {
    const broken = linksOf(file).flatMap((link) => brokenLink(file, link) ?? []);
    expect(broken).toEqual([]);
  });

  it('tells a broken link, a missing file and a missing anchor apart', () => {
    expect(brokenLink('README.md', 'docs/content.md#siteyaml')).toBeUndefined();
    expect(brokenLink('docs/content.md', '#times')).toBeUndefined();
    expect(brokenLink('docs/content.md', '../.github/workflows/status-site.yml')).toBeUndefined();
    expect(brokenLink('README.md', 'https://example.com/anything')).toBeUndefined();
    expect(brokenLink('README.md', 'docs/DESIGN.md')).toMatch(/no file docs\/DESIGN\.md/);
    expect(brokenLink('README.md', 'docs/content.md#no-such-heading')).toMatch(/has no heading/);
  });

  it('sends every document in docs/ a reader from the README or the docs index', () => {
    const linked = new Set(
      ['README.md', 'docs/README.md'].flatMap((file) => linksOf(file).map((link) => path.posix.normalize(path.posix.join(path.posix.dirname(file), link.split('#')[0]!)))),
    );
    expect(markdownUnder('docs').filter((file) => file !== 'docs/README.md' && !linked.has(file))).toEqual([]);
  });
});

describe('the files users read', () => {
  /** What users see: the documents, the shipped workflow, the scripts' usage, the sample content, and what init writes. */
  const USER_FACING = [...DOCUMENTS, ...filesUnder('.github'), ...filesUnder('scripts'), ...filesUnder('public'), ...filesUnder('content'), 'src/editor/init.ts', 'package.json', '.npmrc'];

  it.each(USER_FACING)('%s never refers to the design document, which users do not have', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const lines = text.split('\n').flatMap((line, index) => (/\bDESIGN\b|design (?:document|doc)\b|\bthe design\b/i.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
    expect(lines).toEqual([]);
  });
});
