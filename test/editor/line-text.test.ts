import { describe, expect, it } from 'vitest';
import { LineText } from '../../src/editor/line-text.ts';

describe('LineText', () => {
  it.each([
    ['LF', 'a\nb\n'],
    ['CRLF', 'a\r\nb\r\n'],
    ['CR only', 'a\rb\r'],
    ['mixed', 'a\r\nb\nc\rd'],
    ['no final line end', 'a\nb'],
    ['a byte order mark', '\uFEFFa\r\nb'],
    ['nothing', ''],
  ])('gives back %s text byte for byte when nothing is changed', (_, text) => {
    expect(new LineText(text).toString()).toBe(text);
  });

  it('reads every line end as \\n, and no byte order mark, as the reader does', () => {
    expect(new LineText('\uFEFFa\r\nb\rc\nd').text).toBe('a\nb\nc\nd');
  });

  it.each([
    ['keeps the end of a line changed within it', 'a\r\nbb\nc\r\n', [2, 4, 'xyz'], 'a\r\nxyz\nc\r\n'],
    ['gives an added line the most common end', 'a\r\nb\r\nc\n', [2, 2, 'new\n'], 'a\r\nnew\r\nb\r\nc\n'],
    ['gives lines added at the end of a file without a final end the most common end', 'a\rb', [3, 3, '\n\nc'], 'a\rb\r\rc'],
    ['removes whole lines with their ends', 'a\nb\r\nc\n', [2, 4, ''], 'a\nc\n'],
    ['keeps the end of the line an insertion splits with the text it ended', 'ab\r\nc\n', [1, 1, 'X\nY'], 'aX\nYb\r\nc\n'],
    ['takes \\n on a tie', 'a\r\nb\nc', [5, 5, '\nd'], 'a\r\nb\nc\nd'],
  ] as const)('%s', (_, text, [start, end, insert], expected) => {
    const doc = new LineText(text);
    doc.replace(start, end, insert);
    expect(doc.toString()).toBe(expected);
  });

  it('refuses a replacement with a carriage return: added lines take the file\'s end', () => {
    expect(() => new LineText('a\n').replace(0, 0, 'x\r\n')).toThrow(/\\n line ends only/);
  });
});
