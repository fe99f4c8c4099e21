/**
 * YAML read with line numbers. YAML 1.2 (the `yaml` package's default core
 * schema) has no timestamps, so `2025-01-18 02:11` stays the string the editor
 * wrote and is read in the site's zone, never silently as UTC.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { characterProblems } from './fields.ts';
import type { ContentProblem } from './problems.ts';

/** A path into a YAML value: keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** Parsed YAML that can say on which line any value stands. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** The line of the value at `path` (or of its key); the nearest existing parent's line when missing. */
  lineOf(path: YamlPath): number;
}

const YAML_FIXES: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'keep one of the two keys',
  MISSING_CHAR: 'close the quote or bracket that is open',
  BAD_INDENT: 'line the key up with the others at its level',
};

/** How deep content YAML may nest; sla.yaml, the deepest, needs 4 levels (policy, tiers, tier, field). */
export const YAML_DEPTH_LIMIT = 16;
/** How many aliases (`*name`) a file may expand; more is an attack on memory (a "billion laughs"). */
const ALIAS_LIMIT = 100;

/** The deepest collection under `root` and where it is, walked without recursion (a deep file must not overflow the stack). */
function deepest(root: unknown): { depth: number; node: Node | undefined } {
  let found = { depth: 0, node: undefined as Node | undefined };
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > found.depth) found = { depth, node };
    if (depth > YAML_DEPTH_LIMIT) break;
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return found;
}

/**
 * Parses `text` as YAML. `firstLine` is the file line the text starts on (2
 * for front matter after `---`). Syntax errors, control and bidi characters,
 * nesting deeper than YAML_DEPTH_LIMIT and aliases that expand too far are
 * added to `problems` and give `undefined`; it never throws.
 */
export function parseYaml(file: string, text: string, problems: ContentProblem[], firstLine = 1): YamlSource | undefined {
  const characters = characterProblems(file, text, firstLine, { bidi: true });
  if (characters.length > 0) {
    for (const problem of characters) problems.push(problem);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const refuse = (line: number, message: string, fix: string) => {
    problems.push({ file, line, message, fix });
    return undefined;
  };
  const TOO_DEEP_FIX = `content files nest a few levels at most (${YAML_DEPTH_LIMIT} are allowed): check the brackets and the indentation`;
  let document: Document;
  try {
    document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return refuse(firstLine, `YAML cannot be read: ${(error as Error).message.split('\n')[0]}`, TOO_DEEP_FIX);
  }
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // The parser turns a stack overflow on absurd nesting into an error; say what it means.
      const deep = /call stack/i.test(what);
      problems.push({
        file,
        line: lineAt(error.pos[0]),
        message: deep ? 'YAML cannot be read: it is nested too deeply' : `YAML cannot be read: ${what}`,
        fix: deep ? TOO_DEEP_FIX : (YAML_FIXES[error.code] ?? 'check the indentation, colons and quotes on this line'),
      });
    }
    return undefined;
  }
  const { depth, node } = deepest(document.contents);
  if (depth > YAML_DEPTH_LIMIT) {
    return refuse(node?.range ? lineAt(node.range[0]) : firstLine, `the YAML nests more than ${YAML_DEPTH_LIMIT} levels deep`, TOO_DEEP_FIX);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: ALIAS_LIMIT });
  } catch (error) {
    const aliases = /alias/i.test((error as Error).message);
    return refuse(
      firstLine,
      aliases ? `the YAML's aliases (*name) expand to more than ${ALIAS_LIMIT} copies` : `YAML cannot be read: ${(error as Error).message.split('\n')[0]}`,
      aliases ? 'write the values out instead of repeating anchors (&name) within each other' : TOO_DEEP_FIX,
    );
  }
  const lineOf = (path: YamlPath): number => {
    let node: unknown = document.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair) return line;
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        const range = (node as Node).range;
        if (range) line = lineAt(range[0]);
      } else {
        return line;
      }
    }
    return line;
  };
  return { file, value, lineOf };
}
