/**
 * YAML read with line numbers. YAML 1.2 (the `yaml` package's default core
 * schema) has no timestamps, so `2025-01-18 02:11` stays the string the editor
 * wrote and is read in the site's zone, never silently as UTC.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
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

/**
 * Parses `text` as YAML. `firstLine` is the file line the text starts on (2
 * for front matter after `---`). Syntax errors are added to `problems` and
 * give `undefined`.
 */
export function parseYaml(file: string, text: string, problems: ContentProblem[], firstLine = 1): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({
        file,
        line: lineAt(error.pos[0]),
        message: `YAML cannot be read: ${what}`,
        fix: YAML_FIXES[error.code] ?? 'check the indentation, colons and quotes on this line',
      });
    }
    return undefined;
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
  return { file, value: document.toJS(), lineOf };
}
