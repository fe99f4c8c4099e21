/**
 * Changes to an incident file's front matter, made in its text: the `yaml`
 * package finds where each value is written, and only those characters (or
 * the lines of an added or removed entry) change. Comments, quoting, spacing
 * and line ends elsewhere stay as they were, so a diff shows only the change.
 *
 * Values are given as YAML text already (yamlScalar, editorTime): these
 * functions place text, they do not quote it. The caller reads the result
 * back with the contract's reader and checks that it says what was asked.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { UnwritableText, type LineText } from './line-text.ts';

/** Where the front matter's YAML lies in `text` (LF form): after the opening `---` line, up to the closing one. */
export function frontMatterRange(text: string): { start: number; end: number } {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') throw new UnwritableText('the file does not start with a front matter block');
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close === -1) throw new UnwritableText('the front matter block is not closed');
  const start = lines[0].length + 1;
  const end = lines.slice(0, close).reduce((sum, line) => sum + line.length + 1, 0);
  return { start, end };
}

/** A path to a node from the front matter's top: keys and list positions, e.g. `['affected', 2]`. */
export type NodePath = readonly (string | number)[];

/** The parsed front matter of `doc` and what is needed to turn its offsets into the file's. */
function parse(doc: LineText) {
  const text = doc.text;
  const { start, end } = frontMatterRange(text);
  const yaml = text.slice(start, end);
  const parsed = parseDocument(yaml);
  const node = (path: NodePath) => (path.length === 0 ? parsed.contents : parsed.getIn(path, true)) as Node | null | undefined;
  return { text, start, yaml, node };
}

/** The map at `path`, or a one-line refusal naming it. */
function mapAt(found: Node | null | undefined, what: string): YAMLMap {
  if (!isMap(found)) throw new UnwritableText(`${what} is not written as 'key: value' lines, so it cannot be changed by a command; edit the file by hand`);
  return found;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** The start of the line after the one `offset - 1` lies on (or `offset` itself when it starts a line). */
function nextLineStart(yaml: string, offset: number): number {
  if (offset === 0 || yaml[offset - 1] === '\n') return offset;
  const newline = yaml.indexOf('\n', offset);
  return newline === -1 ? yaml.length : newline + 1;
}

/** The column `offset` is at: how far it lies from its line's start. */
function column(yaml: string, offset: number): number {
  return offset - (yaml.lastIndexOf('\n', offset - 1) + 1);
}

/** Where a node's text ends, comments on its last line and the line end included. */
function nodeEnd(node: Node): number {
  return node.range![2];
}

/**
 * Sets `key` of the map at `path` to `value` (YAML text). A written value is
 * replaced in place (a comment after it stays); a missing key is added after
 * the last key that comes before it in `order`, at the map's indent. `value`
 * may be a block (starting with a line break, its lines indented by the
 * caller relative to the key).
 */
export function setValue(doc: LineText, path: NodePath, key: string, value: string, order: readonly string[]): void {
  const { start, yaml, node } = parse(doc);
  const found = node(path);
  // Front matter with no key at all (`---` twice, or comments only): the key is its first line.
  if (path.length === 0 && (found === null || found === undefined) && !value.startsWith('\n')) {
    doc.replace(start, start, `${key}: ${value}\n`);
    return;
  }
  const map = mapAt(found, path.length === 0 ? 'the front matter' : `'${path.join('.')}'`);
  const pair = pairOf(map, key);
  if (pair) {
    const current = pair.value;
    if (!isScalar(current) || !current.range) throw new UnwritableText(`'${key}' holds more than one value, so it cannot be changed by a command; edit the file by hand`);
    const [from, to] = current.range;
    const space = !value.startsWith('\n') && from === to && yaml[from - 1] === ':' ? ' ' : '';
    doc.replace(start + from, start + to, `${space}${value}`);
    return;
  }
  if (map.flow) {
    if (value.startsWith('\n')) throw new UnwritableText(`'${key}' cannot be added to a map written in braces; edit the file by hand`);
    const close = yaml.lastIndexOf('}', map.range![1]);
    doc.replace(start + close, start + close, `${map.items.length > 0 ? ', ' : ''}${key}: ${value}`);
    return;
  }
  const pairs = map.items as Pair<Node, Node | null>[];
  if (pairs.length === 0) throw new UnwritableText(`'${path.join('.')}' is empty; edit the file by hand`);
  const indent = ' '.repeat(column(yaml, pairs[0]!.key.range![0]));
  const rank = order.indexOf(key);
  const before = pairs.filter((candidate) => isScalar(candidate.key) && order.indexOf(String(candidate.key.value)) < rank && order.includes(String(candidate.key.value)));
  const anchor = before.at(-1);
  const at = anchor ? nextLineStart(yaml, nodeEnd(anchor.value ?? anchor.key)) : yaml.lastIndexOf('\n', pairs[0]!.key.range![0] - 1) + 1;
  const line = `${indent}${key}:${value.startsWith('\n') ? '' : ' '}${value.replace(/\n/g, `\n${indent}`)}\n`;
  doc.replace(start + at, start + at, line);
}

/**
 * Removes `key` of the map at `path`: its lines (a comment on its last line
 * included) in a block map, the pair and a comma in braces. A key that is
 * not there is left so.
 */
export function removeValue(doc: LineText, path: NodePath, key: string): void {
  const { start, yaml, node } = parse(doc);
  const map = mapAt(node(path), path.length === 0 ? 'the front matter' : `'${path.join('.')}'`);
  const pairs = map.items as Pair<Node, Node | null>[];
  const index = pairs.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  if (index === -1) return;
  const pair = pairs[index]!;
  if (map.flow) {
    const end = (pair.value ?? pair.key).range![1];
    const [from, to] = index > 0 ? [(pairs[index - 1]!.value ?? pairs[index - 1]!.key).range![1], end] : pairs.length > 1 ? [pair.key.range![0], pairs[1]!.key.range![0]] : [pair.key.range![0], end];
    doc.replace(start + from, start + to, '');
    return;
  }
  const from = yaml.lastIndexOf('\n', pair.key.range![0] - 1) + 1;
  doc.replace(start + from, start + nextLineStart(yaml, nodeEnd(pair.value ?? pair.key)), '');
}

/** The list at `path`, or a one-line refusal naming it. */
function seqAt(found: Node | null | undefined, what: string): YAMLSeq {
  if (!isSeq(found)) throw new UnwritableText(`${what} is not written as a list, so it cannot be changed by a command; edit the file by hand`);
  return found;
}

/**
 * What comes before a block list item on its line: the indent and the dash
 * with the spaces after it (`  - `). An item laid out otherwise (on the line
 * after its dash, or a list in a list) is refused.
 */
function dashOf(yaml: string, item: Node): { indent: string; lead: string } {
  const offset = item.range![0];
  const head = yaml.slice(yaml.lastIndexOf('\n', offset - 1) + 1, offset);
  const match = /^( *)(- +)$/.exec(head);
  if (!match) throw new UnwritableText("'affected' is laid out in a way a command cannot change; write one '- <service id>' line per service, or edit the file by hand");
  return { indent: match[1]!, lead: match[2]! };
}

/** Adds `item` (YAML text of a scalar) at the end of the list at `path`, in its style. */
export function appendItem(doc: LineText, path: NodePath, item: string): void {
  const { start, yaml, node } = parse(doc);
  const seq = seqAt(node(path), `'${path.join('.')}'`);
  const items = seq.items as Node[];
  if (seq.flow) {
    const close = yaml.lastIndexOf(']', seq.range![1]);
    doc.replace(start + close, start + close, `${items.length > 0 ? ', ' : ''}${item}`);
    return;
  }
  if (items.length === 0) throw new UnwritableText(`'${path.join('.')}' is empty; edit the file by hand`);
  const { indent, lead } = dashOf(yaml, items[0]!);
  const at = nextLineStart(yaml, nodeEnd(items.at(-1)!));
  doc.replace(start + at, start + at, `${indent}${lead}${item}\n`);
}

/** Removes item `index` of the list at `path`: its lines in a block list, the item and a comma in brackets. */
export function removeItem(doc: LineText, path: NodePath, index: number): void {
  const { start, yaml, node } = parse(doc);
  const seq = seqAt(node(path), `'${path.join('.')}'`);
  const items = seq.items as Node[];
  const item = items[index]!;
  if (seq.flow) {
    const [from, to] = index > 0 ? [items[index - 1]!.range![1], item.range![1]] : items.length > 1 ? [item.range![0], items[1]!.range![0]] : [item.range![0], item.range![1]];
    doc.replace(start + from, start + to, '');
    return;
  }
  dashOf(yaml, item);
  const from = yaml.lastIndexOf('\n', item.range![0] - 1) + 1;
  doc.replace(start + from, start + nextLineStart(yaml, nodeEnd(item)), '');
}

/**
 * Turns item `index` of the list at `path`, a plain scalar, into a map of
 * `entries` (YAML texts), in the list's style: `- service: x` lines at the
 * item's column, or `{service: x, level: y}` in brackets.
 */
export function itemToMap(doc: LineText, path: NodePath, index: number, entries: readonly [string, string][]): void {
  const { start, yaml, node } = parse(doc);
  const seq = seqAt(node(path), `'${path.join('.')}'`);
  const item = (seq.items as Node[])[index]!;
  if (!isScalar(item)) throw new Error('itemToMap takes a scalar item');
  const [from, to] = item.range!;
  if (seq.flow) {
    doc.replace(start + from, start + to, `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`);
    return;
  }
  dashOf(yaml, item);
  const indent = ' '.repeat(column(yaml, from));
  doc.replace(start + from, start + to, entries.map(([key, value]) => `${key}: ${value}`).join(`\n${indent}`));
}

/** The items of the list at `path` as the YAML has them (`undefined` when there is no such list): for finding one by its service. */
export function listItems(doc: LineText, path: NodePath): Node[] | undefined {
  const found = parse(doc).node(path);
  return isSeq(found) ? (found.items as Node[]) : undefined;
}
